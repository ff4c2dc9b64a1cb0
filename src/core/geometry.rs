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
    fn sizes_never_go_negative_or_nan() {
        assert_eq!(Size::new(-3.0, f32::NAN), Size::new(0.0, 0.0));
        assert_eq!(Size::new(412.0, f32::INFINITY).height, 0.0);
        assert_eq!(Size::new(412.0, 915.0).along(Axis::Vertical), 915.0);
        assert_eq!(Axis::Vertical.split(3.0, 4.0), (4.0, 3.0));
    }
}
