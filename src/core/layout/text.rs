//! Text measurement, segmentation and line breaking, for fitting headlines into their boxes.
//!
//! Two capabilities are passed in: measuring ([`TextMeasure`]: the browser measures with the
//! real font, host tests with a deterministic stand-in, [`FixedAdvance`]) and segmenting
//! ([`segment::Segmenter`]: grapheme clusters and line-break opportunities from the platform's
//! ICU). Lines are then filled as Chromium fills them ([`lines`]): greedily at the break
//! opportunities, trailing spaces hanging, and a word wider than the line broken between
//! grapheme clusters only then.

pub mod lines;
pub mod segment;
pub mod uax14;

pub use lines::{break_lines, ellipsize, with_break_spaces};
pub use segment::{Segmenter, Segments};

/// A font to measure with: size in CSS px and weight; the family is the card's (set with
/// [`TextMeasure::set_text`]).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Font {
    /// Size in CSS px.
    pub size: f32,
    /// CSS weight (400 regular, 700 bold).
    pub weight: u16,
}

/// Measures the advance width of text, in CSS px.
pub trait TextMeasure {
    /// Width of `text` set in `font`, in the family and language last set.
    fn width(&mut self, text: &str, font: Font) -> f32;

    /// The language (a BCP 47 tag) and CSS font-family list of the text measured next: fonts
    /// shape some letters per language (Marathi's ल and श, Japanese and Chinese forms of the
    /// same ideograph), the browser picks fallback fonts by it, and each script has its family
    /// ([`crate::core::ui::skin::Skin::font_family`]). A measurer that ignores them may.
    fn set_text(&mut self, _lang: &str, _family: &str) {}
}

/// A deterministic measurer for tests and snapshots: every code point advances by `em × size`
/// (spaces by a third of that; combining marks, joiners and variation selectors of the
/// scripts the sample feed uses by nothing), bold text is 5 % wider.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct FixedAdvance {
    /// Advance of one letter, in ems.
    pub em: f32,
}

impl Default for FixedAdvance {
    fn default() -> Self {
        Self { em: 0.55 }
    }
}

/// Whether `c` takes no room of its own in [`FixedAdvance`]: a rough stand-in (dependent vowel
/// signs, viramas and other marks of the Indic, Thai and Arabic blocks, joiners, variation
/// selectors and skin tones), good enough for a measurer that is not a font.
fn zero_width(c: char) -> bool {
    let u = c as u32;
    let indic = (0x0900..=0x0DFF).contains(&u) && {
        let low = u & 0x7F;
        (0x3A..=0x4F).contains(&low) || (0x00..=0x03).contains(&low) || (0x62..=0x63).contains(&low)
    };
    indic
        || matches!(u,
            0x0300..=0x036F | 0x064B..=0x065F | 0x0670 | 0x0E31 | 0x0E34..=0x0E3A
            | 0x0E47..=0x0E4E | 0x200C..=0x200D | 0xFE00..=0xFE0F | 0x1F3FB..=0x1F3FF)
}

impl TextMeasure for FixedAdvance {
    fn width(&mut self, text: &str, font: Font) -> f32 {
        let bold = if font.weight >= 600 { 1.05 } else { 1.0 };
        let mut width = 0.0;
        for c in text.chars() {
            if c.is_whitespace() {
                width += self.em / 3.0;
            } else if !zero_width(c) {
                width += self.em;
            }
        }
        width * font.size * bold
    }
}
