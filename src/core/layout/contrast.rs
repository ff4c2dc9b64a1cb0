//! Step 7, the scrim: how dark the layer behind the text must be for white text to reach
//! WCAG's 4.5:1 against the picture.

use super::{CardLayout, MediaFit};
use crate::core::feed::Rgb;
use crate::core::geometry::Size;

/// The contrast white text needs: 4.5:1 (3:1 would do for the large headline alone, but the
/// summary and source line are body text).
pub const CONTRAST: f32 = 4.5;

/// `x` to the power 2.4, for `x` in (0, 1]: `x² · x^0.4`, the fifth root of `x²` found by
/// Newton's method (from above: `x^0.4 ≥ x` there), which converges in a few steps. `powf`
/// would bring the whole of libm's `pow` into the module for this one use.
fn pow_2_4(x: f32) -> f32 {
    let a = x * x;
    let mut y = x.max(f32::MIN_POSITIVE).sqrt();
    for _ in 0..8 {
        let y4 = (y * y) * (y * y);
        y = (4.0 * y + a / y4) / 5.0;
    }
    a * y
}

/// WCAG relative luminance of an sRGB colour.
pub fn luminance(rgb: Rgb) -> f32 {
    let channel = |shift: u32| {
        let c = ((rgb.0 >> shift) & 0xff) as f32 / 255.0;
        if c <= 0.039_28 {
            c / 12.92
        } else {
            pow_2_4((c + 0.055) / 1.055)
        }
    };
    0.2126 * channel(16) + 0.7152 * channel(8) + 0.0722 * channel(0)
}

/// The black scrim opacity that gives white text at least `ratio` contrast over a background
/// of luminance `background`.
pub fn scrim_for(background: f32, ratio: f32) -> f32 {
    // White (1.0) against the darkened background: (1.05) / (L × (1 − a) + 0.05) ≥ ratio.
    let target = 1.05 / ratio - 0.05;
    if background <= target {
        0.0
    } else {
        (1.0 - target / background).clamp(0.0, 0.9)
    }
}

fn round_up(alpha: f32) -> f32 {
    (alpha * 20.0).ceil() / 20.0
}

/// The scrim for a picture whose region behind the text has these relative luminances (one
/// per sampled pixel): dark enough for the brightest tenth, rounded up to 5 %.
pub fn sampled_scrim(luminances: &mut [f32]) -> f32 {
    if luminances.is_empty() {
        return round_up(scrim_for(1.0, CONTRAST));
    }
    // An insertion sort: a sample is 256 values, once per picture, and the library's sorts
    // and selections would each bring kilobytes of code into the module.
    for i in 1..luminances.len() {
        let mut j = i;
        while j > 0 && luminances[j - 1].total_cmp(&luminances[j]).is_gt() {
            luminances.swap(j - 1, j);
            j -= 1;
        }
    }
    let p90 = luminances[(luminances.len() - 1) * 9 / 10];
    round_up(scrim_for(p90, CONTRAST))
}

/// The scrim a card starts with. Without a picture it has the renderer's dark background and
/// needs none. Under a picture the region behind the text is unknown until the browser samples
/// the loaded image ([`sampled_scrim`]), so it starts dark enough for a white picture.
pub fn initial_scrim(has_media: bool) -> f32 {
    if has_media {
        round_up(scrim_for(1.0, CONTRAST))
    } else {
        0.0
    }
}

/// Relative luminance of an sRGB pixel given as bytes.
pub fn pixel_luminance(r: u8, g: u8, b: u8) -> f32 {
    luminance(Rgb((u32::from(r) << 16)
        | (u32::from(g) << 8)
        | u32::from(b)))
}

/// The side of the contrast sample, in pixels: the region behind the text is scaled into a
/// square this many pixels wide.
pub const SAMPLE_SIDE: u32 = 16;

/// What the contrast sample needs of a card's layout: the card's size, how its picture is
/// positioned, and where its text starts.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BehindText {
    card: Size,
    fit: MediaFit,
    top: f32,
}

impl BehindText {
    /// The region of a laid-out card with a picture.
    pub fn of(layout: &CardLayout) -> Option<Self> {
        Some(Self {
            card: Size::new(layout.card.width, layout.card.height),
            fit: layout.media?,
            top: layout.text_top(),
        })
    }

    /// The part of a picture of `natural` size (px) that lies behind the card's text, as it is
    /// shown (`object-fit: cover` at the layout's position): `[x, y, width, height]` in the
    /// picture's own pixels. `None` for a picture or a card without a size.
    pub fn source_rect(&self, natural: Size) -> Option<[f32; 4]> {
        let (w, h) = (natural.width, natural.height);
        let (vw, vh) = (self.card.width, self.card.height);
        if w <= 0.0 || h <= 0.0 || vw <= 0.0 || vh <= 0.0 {
            return None;
        }
        let scale = (vw / w).max(vh / h);
        let offset_x = self.fit.x * (w * scale - vw);
        let offset_y = self.fit.y * (h * scale - vh);
        Some([
            offset_x / scale,
            (offset_y + self.top) / scale,
            vw / scale,
            (vh - self.top) / scale,
        ])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_region_behind_the_text_is_the_part_of_the_covering_picture_below_the_text_top() {
        let behind = BehindText {
            card: Size::new(360.0, 800.0),
            fit: MediaFit { x: 0.5, y: 0.5 },
            top: 500.0,
        };
        // 720 × 1280 covers 360 × 800 at 0.625 (450 × 800 shown, 45 px cut each side): the
        // text's 300 px are the picture's bottom 480 px, 576 px wide from x = 72.
        assert_eq!(
            behind.source_rect(Size::new(720.0, 1280.0)),
            Some([72.0, 800.0, 576.0, 480.0])
        );
        // A picture wider than the card, shown from its left edge.
        let left = BehindText {
            fit: MediaFit { x: 0.0, y: 0.5 },
            ..behind
        };
        assert_eq!(
            left.source_rect(Size::new(1600.0, 800.0)),
            Some([0.0, 500.0, 360.0, 300.0])
        );
        assert_eq!(behind.source_rect(Size::new(0.0, 0.0)), None);
    }

    #[test]
    fn the_power_is_the_standard_librarys_for_every_channel_value() {
        for v in 11..=255u32 {
            let x = (v as f32 / 255.0 + 0.055) / 1.055;
            let (ours, std) = (pow_2_4(x), x.powf(2.4));
            assert!(
                (ours - std).abs() <= 2e-7 + std * 1e-6,
                "{v}: {ours} against {std}"
            );
        }
    }

    #[test]
    fn sampled_pictures_set_the_scrim() {
        let mut dark = vec![pixel_luminance(20, 30, 60); 256];
        assert_eq!(sampled_scrim(&mut dark), 0.0);
        let mut bright: Vec<f32> = (0..256)
            .map(|i| pixel_luminance(200, 180, (i % 256) as u8))
            .collect();
        let alpha = sampled_scrim(&mut bright);
        assert!(alpha > 0.5 && alpha < 0.9, "{alpha}");
        assert_eq!(sampled_scrim(&mut []), initial_scrim(true));
    }

    #[test]
    fn contrast_picks_the_scrim() {
        // WCAG's luminances: black 0, white 1, mid grey #777 about 0.184.
        assert_eq!(luminance(Rgb(0x000000)), 0.0);
        assert!((luminance(Rgb(0xffffff)) - 1.0).abs() < 1e-6);
        assert!((luminance(Rgb(0x777777)) - 0.1845).abs() < 1e-3);
        assert_eq!(scrim_for(luminance(Rgb(0x000000)), 4.5), 0.0);
        let white = scrim_for(luminance(Rgb(0xffffff)), 4.5);
        // White text over a white picture darkened by the scrim reaches 4.5:1.
        assert!((1.05 / ((1.0 - white) + 0.05) - 4.5).abs() < 0.01);
        assert!(
            scrim_for(luminance(Rgb(0xe0c36a)), 4.5) > scrim_for(luminance(Rgb(0x1d2a44)), 4.5)
        );
        // A card starts with no scrim, or under a picture with the one a white picture needs:
        // 1 − (1.05 / 4.5 − 0.05) = 0.8167, rounded up to 5 %.
        assert_eq!([initial_scrim(false), initial_scrim(true)], [0.0, 0.85]);
    }
}
