//! Small `Copy` geometry values. Arithmetic on them saturates or clamps; it never panics.

/// A width and height in CSS pixels.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Size {
    /// Width in CSS px.
    pub width: f32,
    /// Height in CSS px.
    pub height: f32,
}

impl Size {
    /// A size, with negative or non-finite sides read as 0.
    pub fn new(width: f32, height: f32) -> Self {
        Self {
            width: finite_non_negative(width),
            height: finite_non_negative(height),
        }
    }

    /// The side that lies along `axis`.
    pub fn along(self, axis: Axis) -> f32 {
        match axis {
            Axis::Horizontal => self.width,
            Axis::Vertical => self.height,
        }
    }
}

/// The direction in which cards follow one another.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Axis {
    /// Cards side by side; a horizontal swipe navigates and vertical ones go to the keyguard.
    #[default]
    Horizontal,
    /// Cards stacked; only for skins that give the vertical gesture to the renderer.
    Vertical,
}

impl Axis {
    /// The component of `(dx, dy)` along this axis and the one across it.
    pub fn split(self, dx: f32, dy: f32) -> (f32, f32) {
        match self {
            Self::Horizontal => (dx, dy),
            Self::Vertical => (dy, dx),
        }
    }
}

/// An axis-aligned rectangle in CSS px. Negative or non-finite sides are read as 0.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
#[cfg_attr(test, derive(serde::Serialize))]
pub struct Rect {
    /// Left edge.
    pub x: f32,
    /// Top edge.
    pub y: f32,
    /// Width.
    pub width: f32,
    /// Height.
    pub height: f32,
}

impl Rect {
    /// A rectangle; a negative width or height becomes 0.
    pub fn new(x: f32, y: f32, width: f32, height: f32) -> Self {
        let finite = |v: f32| if v.is_finite() { v } else { 0.0 };
        Self {
            x: finite(x),
            y: finite(y),
            width: finite_non_negative(width),
            height: finite_non_negative(height),
        }
    }

    /// Right edge.
    pub fn right(self) -> f32 {
        self.x + self.width
    }

    /// Bottom edge.
    pub fn bottom(self) -> f32 {
        self.y + self.height
    }

    /// Whether the two overlap with a positive area (touching edges do not count).
    pub fn intersects(self, other: Rect) -> bool {
        self.x < other.right()
            && other.x < self.right()
            && self.y < other.bottom()
            && other.y < self.bottom()
    }

    /// Whether `other` lies inside this rectangle (to within 0.01 px).
    pub fn contains(self, other: Rect) -> bool {
        const E: f32 = 0.01;
        other.x >= self.x - E
            && other.y >= self.y - E
            && other.right() <= self.right() + E
            && other.bottom() <= self.bottom() + E
    }

    /// Whether the point lies inside.
    pub fn contains_point(self, x: f32, y: f32) -> bool {
        x >= self.x && x <= self.right() && y >= self.y && y <= self.bottom()
    }
}

/// Insets from each edge in CSS px (safe areas).
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Insets {
    /// From the top edge.
    pub top: f32,
    /// From the right edge.
    pub right: f32,
    /// From the bottom edge.
    pub bottom: f32,
    /// From the left edge.
    pub left: f32,
}

impl Insets {
    /// Insets with negative or non-finite values read as 0.
    pub fn new(top: f32, right: f32, bottom: f32, left: f32) -> Self {
        Self {
            top: finite_non_negative(top),
            right: finite_non_negative(right),
            bottom: finite_non_negative(bottom),
            left: finite_non_negative(left),
        }
    }

    /// These insets on a screen of `size`: opposite sides that add up to more than the screen
    /// are scaled down to meet, so what they leave is never negative (a host may report
    /// anything).
    pub fn within(self, size: Size) -> Self {
        let fit = |a: f32, b: f32, room: f32| {
            let room = finite_non_negative(room);
            let sum = a + b;
            if sum > room && sum > 0.0 {
                (a * room / sum, b * room / sum)
            } else {
                (a, b)
            }
        };
        let (top, bottom) = fit(self.top, self.bottom, size.height);
        let (left, right) = fit(self.left, self.right, size.width);
        Self {
            top,
            right,
            bottom,
            left,
        }
    }
}

/// `v` limited to `lo..=hi`, without `f32::clamp`'s panic when `hi < lo` (then `hi`) or a
/// bound is NaN: that panic's message would bring float formatting into the Wasm binary.
/// A NaN `v` comes out as `lo`.
pub fn clamp(v: f32, lo: f32, hi: f32) -> f32 {
    v.max(lo).min(hi)
}

/// `v` if it is finite and positive, else 0.
pub fn finite_non_negative(v: f32) -> f32 {
    if v.is_finite() && v > 0.0 {
        v
    } else {
        0.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clamp_never_panics() {
        assert_eq!(clamp(5.0, 0.0, 1.0), 1.0);
        assert_eq!(clamp(-5.0, 0.0, 1.0), 0.0);
        assert_eq!(clamp(0.5, 0.0, 1.0), 0.5);
        assert_eq!(clamp(0.5, 1.0, 0.0), 0.0, "inverted bounds: the upper one");
        assert_eq!(clamp(f32::NAN, 0.0, 1.0), 0.0);
        assert_eq!(clamp(0.5, f32::NAN, 1.0), 0.5);
    }

    #[test]
    fn sizes_never_go_negative_or_nan() {
        assert_eq!(Size::new(-3.0, f32::NAN), Size::new(0.0, 0.0));
        assert_eq!(Size::new(412.0, f32::INFINITY).height, 0.0);
        assert_eq!(Size::new(412.0, 915.0).along(Axis::Vertical), 915.0);
        assert_eq!(Axis::Vertical.split(3.0, 4.0), (4.0, 3.0));
    }
}
