//! Card layout: where each piece of a card goes on a given device and skin.
//!
//! A pure function of the card, the skin, the device and a text measurer. The text zone is what
//! the skin leaves free (below its status bar and clock, above its unlock area, inside the safe
//! area); the blocks of the card's template (source or sponsor line, score, headline, summary,
//! call to action) are stacked from the bottom of that zone. The headline takes the largest
//! step of the skin's type scale at which it fits its line count; the summary and then the
//! source line give way when space is short, and every such compromise is reported. Media cover
//! the card with the focus point kept in the open area above the text, and the scrim behind the
//! text is as dark as the card's colour requires for WCAG contrast.
//!
//! [`layout_card`] runs the steps in order, each in its own module with its own table test:
//! the text zone (`zone`), the fixed blocks and what gives way (`blocks`), the headline and
//! summary fit (`fit`), stacking (`stack`), the medium (`media`) and the scrim (`contrast`).
//! The numbers the stylesheet must agree with are in [`css`].
//!
//! # In detail
//!
//! Each card is laid out once per mount, resize, skin or font-scale change, never per frame, by
//! `core::layout::layout_card(card, skin, device, measure)`:
//!
//! - **The text zone** is what the skin leaves free: below its status bar and clock, above its
//!   unlock area, inside the safe area (the host's, or read once per mount and resize from
//!   `env(safe-area-inset-*)`), 20 px from the
//!   sides and at most 560 px wide (tablets, landscape). Under a centred clock (Vivo) that leaves
//!   too little room, the band above the clock is used.
//! - **Blocks** of the card's template (source or sponsor line, score, headline, summary, call
//!   to action) are stacked from the bottom of the zone. The headline takes the largest step of
//!   the skin's type scale (`headline_sizes`, times the system font scale) at which it fits 4
//!   lines (3 under a score); otherwise the smallest step, cut with an ellipsis. When space is
//!   short the summary shortens, then the source line, the score and the call to action give way;
//!   a sponsored card's disclosure never does. No block ever leaves the zone or touches a
//!   reserved area (a property test checks 5 skins × 7 devices × 3 font scales × every sample
//!   card).
//! - **Lines** are broken by core (`src/core/layout/text/`) with two capabilities passed in: measuring
//!   (`TextMeasure`: in the browser a canvas's `measureText` in the card's language and its
//!   script's family, cached per language, family, font and string) and segmenting (`Segmenter`:
//!   in the browser grapheme clusters from `Intl.Segmenter` and break opportunities from
//!   `Intl.v8BreakIterator`, the ICU the DOM lays out with, dictionary words in Thai, Khmer,
//!   Burmese and Japanese included, each text asked once; on the host ICU4X, checked against
//!   Unicode's GraphemeBreakTest and LineBreakTest). On top of ICU, core applies what Chromium
//!   adds (its table for ASCII pairs, a break after a hyphen before digits as in `22-|05-2026`,
//!   after every run of spaces). Lines fill greedily, a line fitting when its width, its fraction
//!   of a 1/64 px layout unit dropped, does, trailing spaces hanging; a word wider than the line
//!   breaks between grapheme clusters only then; an ellipsis falls at a word. Japanese, Chinese
//!   and Korean text is set solid (no pair kerning, no auto-space, no bracket trimming), so the
//!   canvas and the DOM agree on its widths. Each line is its own element, so the browser shows
//!   exactly the computed lines.
//! - **Fonts per script**: a card's script (its `lang`'s script subtag, else the language's usual
//!   one) puts its family ahead of the skin's generic fallbacks, in the DOM and the measurer
//!   alike: Noto Naskh Arabic for Arabic and Persian, Noto Nastaliq Urdu for Urdu, Shahmukhi
//!   Punjabi, Saraiki and Kashmiri, the Thai, Khmer, Myanmar and Indic Noto families, and the
//!   Japanese, Simplified and Traditional Chinese and Korean cuts of Noto Sans CJK (a skin's
//!   `script_fonts` overrides them).
//! - **Checked against Chromium** (`tests/e2e/text.test.mjs`): 605 headlines written for the
//!   project in 15 languages (`tests/text/headlines/`), every other one with the next as its
//!   summary, on two skins, 360 and 412 px phones, font scales 1.0, 1.3 and 2.0: 99.94 % of 7,260
//!   headline layouts and 99.94 % of 3,600 summaries break exactly where Chromium breaks the
//!   same text in the same box, none over its box; the headline size and the summary lines kept
//!   are what Chromium's own lines give by the same rule in 99.97 % and 100 %; and the face
//!   Chromium draws each script's headline with (CSS.getPlatformFontsForNode) is that script's
//!   family on all five skins.
//! - **Media** cover the card; the feed's `focus` point is placed in the open area above the text
//!   as far as cover allows (it needs `media.width` and `media.height`).
//! - **Contrast**: white text gets a scrim dark enough for 4.5:1 against what is behind it. Under
//!   a picture, the region behind the text is sampled once when the picture loads (the brightest
//!   tenth of a 16 × 16 sample decides); until then, or when a picture from another origin cannot
//!   be read, the scrim is dark enough for a white picture. When a picture fails to load, the
//!   card's `media.color` shows instead and sets the scrim.
//! - **The layout report** (`renderer.layoutOf(i)`) lists every compromise: `headlineEllipsised`,
//!   `summaryShortened`, `summaryDropped`, `sourceDropped`, `scoreDropped`, `ctaDropped`, `actionsDropped`,
//!   `textZoneTooSmall`, `focusCovered`, `mediaSizeUnknown`, `scrimNeeded`. The preview
//!   page shows them for the card in view.
//!
//! Only the card in view and its neighbours are in the DOM, whatever the feed size. The card in
//! view is neither `inert` nor `aria-hidden`; the others are both. The DOM window changes in an
//! idle callback after the cards settle, so a swipe never inserts elements while it runs.

pub mod lang;
pub mod text;

mod blocks;
pub mod contrast;
pub mod css;
mod fit;
mod media;
mod stack;
mod zone;

pub use contrast::{luminance, pixel_luminance, sampled_scrim, scrim_for, BehindText};
pub use css::TOUCH_TARGET;

use crate::core::feed::Card;
use crate::core::geometry::{Insets, Rect, Size};
use crate::core::layout::lang::Direction;
use crate::core::layout::text::{Font, Segmenter, Segments, TextMeasure};
use crate::core::ui::skin::Skin;
use blocks::Fixed;
use fit::{fit_headline, fit_summary, Headline};

/// The device a card is laid out for.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Device {
    /// Viewport in CSS px.
    pub viewport: Size,
    /// Device pixel ratio.
    pub dpr: f32,
    /// Safe-area insets (notches, rounded corners, gesture bar), CSS px.
    pub safe_area: Insets,
    /// The system's font scale (1.0 = default, up to 2.0).
    pub font_scale: f32,
}

impl Device {
    /// A device of this size with no insets, at DPR 2 and the default font scale.
    pub fn new(width: f32, height: f32) -> Self {
        Self {
            viewport: Size::new(width, height),
            dpr: 2.0,
            safe_area: Insets::default(),
            font_scale: 1.0,
        }
    }

    /// The same device at another font scale (clamped to 0.8–2.0).
    pub fn with_font_scale(mut self, scale: f32) -> Self {
        self.font_scale = if scale.is_finite() {
            scale.clamp(0.8, 2.0)
        } else {
            1.0
        };
        self
    }

    /// Whether the viewport is wider than tall.
    pub fn is_landscape(&self) -> bool {
        self.viewport.width > self.viewport.height
    }
}

/// Which piece of a template a block holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(test, derive(serde::Serialize), serde(rename_all = "camelCase"))]
pub enum BlockKind {
    /// Publisher logo, name and time.
    Source,
    /// "Sponsored" and the sponsor's name.
    Disclosure,
    /// The score block of a sports card.
    Score,
    /// The headline.
    Title,
    /// The summary under it.
    Summary,
    /// The call-to-action button.
    Cta,
    /// The like and share buttons, at the end of the call to action's row.
    Actions,
}

/// One placed piece of a card (its field names camelCase for JS, as every name JS receives).
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(test, derive(serde::Serialize), serde(rename_all = "camelCase"))]
pub struct Block {
    /// What it holds.
    pub kind: BlockKind,
    /// Where, in CSS px from the card's top-left corner.
    pub rect: Rect,
    /// Font size in CSS px.
    pub font_size: f32,
    /// Line height in CSS px.
    pub line_height: f32,
    /// The text's lines, for the headline and the summary (empty for the others).
    pub lines: Vec<String>,
}

/// A compromise the layout had to make, for content teams to see (JS receives `{ code, … }`
/// with the code in camelCase: `headlineEllipsised`).
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(
    test,
    derive(serde::Serialize),
    serde(tag = "code", rename_all = "camelCase")
)]
pub enum Warning {
    /// The headline did not fit its lines at the smallest size and was cut with an ellipsis.
    HeadlineEllipsised,
    /// The summary lost lines.
    SummaryShortened,
    /// There was no room for the summary.
    SummaryDropped,
    /// There was no room for the source line.
    SourceDropped,
    /// There was no room for the score block.
    ScoreDropped,
    /// There was no room for the call to action.
    CtaDropped,
    /// There was no room for the like and share buttons.
    ActionsDropped,
    /// There was no room for the headline at all.
    TextZoneTooSmall,
    /// The focus point ends up under the text or the skin's chrome.
    FocusCovered,
    /// The medium has no width and height in the feed, so the focus point cannot be kept.
    MediaSizeUnknown,
    /// The picture behind the text is bright: the scrim had to be at least this dark for
    /// contrast (alpha in percent; reported when a sampled picture needs 50 % or more).
    ScrimNeeded {
        /// Scrim opacity, 0–100.
        alpha: u8,
    },
}

/// How the medium covers the card: the CSS `object-position` as fractions.
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(test, derive(serde::Serialize))]
pub struct MediaFit {
    /// Horizontal position, 0 (left) to 1 (right).
    pub x: f32,
    /// Vertical position, 0 (top) to 1 (bottom).
    pub y: f32,
}

/// A laid-out card.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(test, derive(serde::Serialize), serde(rename_all = "camelCase"))]
pub struct CardLayout {
    /// The card's own box (the viewport).
    pub card: Rect,
    /// Areas the skin draws over.
    pub reserved: Vec<Rect>,
    /// Where text may go.
    pub text_zone: Rect,
    /// The placed blocks, top to bottom.
    pub blocks: Vec<Block>,
    /// How the medium is positioned, when the card has one.
    pub media: Option<MediaFit>,
    /// Opacity of the scrim behind the text, 0–1.
    pub scrim: f32,
    /// Every compromise made.
    pub warnings: Vec<Warning>,
    /// The writing direction of the card's text (its `dir`).
    pub direction: Direction,
    /// The CSS font-family list the text is set and measured in (its script's family in the
    /// skin's stack).
    pub font_family: String,
}

/// Device sizes the layout is checked on (CSS px): phones from 16:9 to 22:9, a foldable's inner
/// screen, a tablet, and a phone in landscape.
pub const DEVICE_PRESETS: [(&str, f32, f32); 7] = [
    ("16:9 budget", 360.0, 640.0),
    ("19.5:9", 393.0, 852.0),
    ("20:9", 412.0, 915.0),
    ("22:9", 360.0, 880.0),
    ("foldable", 673.0, 841.0),
    ("tablet", 800.0, 1280.0),
    ("landscape", 915.0, 412.0),
];

impl CardLayout {
    /// The block of this kind, if the layout kept one.
    pub fn block(&self, kind: BlockKind) -> Option<&Block> {
        self.blocks.iter().find(|b| b.kind == kind)
    }

    /// Where the card's text starts (the top of its first block, or of the text zone).
    pub fn text_top(&self) -> f32 {
        self.blocks.first().map_or(self.text_zone.y, |b| b.rect.y)
    }

    /// The scrim the loaded picture was sampled to need (`alpha`, 0–1) replaces the one the
    /// card started with; a scrim of half or darker is reported, since it hides much of the
    /// picture.
    pub fn with_sampled_scrim(&mut self, alpha: f32) {
        self.scrim = alpha;
        if alpha >= SCRIM_REPORTED {
            self.warnings.push(Warning::ScrimNeeded {
                alpha: (alpha * 100.0).round() as u8,
            });
        }
    }
}

/// The sampled scrim from which a card's layout reports [`Warning::ScrimNeeded`].
pub const SCRIM_REPORTED: f32 = 0.5;

/// Space between blocks, in CSS px at font scale 1.
const GAP: f32 = 8.0;
/// Side margin of the text zone, CSS px.
const MARGIN: f32 = 20.0;
/// Widest text zone (tablets, landscape): long lines are hard to read.
const MAX_TEXT_WIDTH: f32 = 560.0;
/// Height of the header line (source or disclosure) at font scale 1.
const HEADER_HEIGHT: f32 = 22.0;
/// Size of the small text (the header line, the buttons' labels) at font scale 1.
const SMALL_FONT: f32 = 13.0;
/// Height of the score block, its font size and its line height at font scale 1.
const SCORE_HEIGHT: f32 = 88.0;
const SCORE_FONT: f32 = 15.0;
const SCORE_LINE: f32 = 20.0;
/// Size of the call to action's and the summary's text at font scale 1.
const CTA_FONT: f32 = 15.0;
const SUMMARY_FONT: f32 = 15.0;
/// The headline's smallest size where a skin's type scale is empty.
const SMALLEST_HEADLINE: f32 = 19.0;
/// Line height of the headline and of the summary, as a multiple of the size, for Latin
/// script ([`leading`] makes them taller for others).
const TITLE_LEADING: f32 = 1.3;
const SUMMARY_LEADING: f32 = 1.45;

/// Line-height factor for a script: taller for the Indic and South-East Asian scripts (marks
/// above and below, Khmer's subscript consonants) and far taller for Arabic script (Nastaliq's
/// descending words).
fn leading(card: &Card, base: f32) -> f32 {
    match card.lang.script() {
        Some("Arab" | "Aran") => 1.9,
        Some(
            "Deva" | "Beng" | "Taml" | "Telu" | "Knda" | "Mlym" | "Gujr" | "Guru" | "Orya" | "Sinh"
            | "Thai" | "Laoo" | "Khmr" | "Mymr",
        ) => base.max(1.5),
        _ => base,
    }
}

/// Lays out `card` for `device` on `skin`, measuring text with `measure` and finding where
/// it may break with `segmenter`.
pub fn layout_card(
    card: &Card,
    skin: &Skin,
    device: &Device,
    measure: &mut dyn TextMeasure,
    segmenter: &mut dyn Segmenter,
) -> CardLayout {
    let device = &Device {
        safe_area: device.safe_area.within(device.viewport),
        ..*device
    };
    let font_family = skin.font_family(&card.lang);
    measure.set_text(card.lang.as_str(), &font_family);
    let direction = card.lang.direction();
    let fs = device.font_scale;
    let mut warnings = Vec::new();
    let title_leading = leading(card, TITLE_LEADING);
    let smallest = skin
        .headline_sizes
        .last()
        .copied()
        .unwrap_or(SMALLEST_HEADLINE);
    let smallest_line = smallest * fs * title_leading;

    // 1. Where text may go.
    let chrome = zone::chrome(skin, device);
    let zone = zone::text_zone(skin, device, &chrome, direction, smallest_line);

    // 2. The blocks of fixed height, and which give way for one headline line.
    let mut fixed = Fixed::of(card, fs, zone.width, measure);
    fixed.make_room(zone, smallest_line, &mut warnings);
    let room = zone.height - fixed.height();

    // 3. The headline, segmented once for every size of the scale.
    let lang = card.lang.as_str();
    let title_segments = Segments::of(&card.title, lang, segmenter);
    let headline = Headline {
        sizes: &skin.headline_sizes,
        scale: fs,
        leading: title_leading,
        max_lines: if fixed.score_h > 0.0 { 3 } else { 4 },
        width: zone.width,
        room,
    };
    let title = fit_headline(
        &card.title,
        &title_segments,
        headline,
        measure,
        &mut warnings,
    );

    // 4. The summary, in what the headline leaves.
    let title_h = title.as_ref().map_or(0.0, |t| t.height() + fixed.gap);
    let summary = card.summary.as_ref().and_then(|text| {
        let font = Font {
            size: SUMMARY_FONT * fs,
            weight: css::SUMMARY_WEIGHT,
        };
        let line_height = font.size * leading(card, SUMMARY_LEADING);
        let segments = Segments::of(text, lang, segmenter);
        let room = room - title_h;
        fit_summary(
            text,
            &segments,
            font,
            line_height,
            zone.width,
            room,
            measure,
            &mut warnings,
        )
    });

    // 5. Stacked from the bottom of the zone up.
    let blocks = stack::stack(zone, direction, fs, &fixed, title, summary);

    // 6. The medium, its focus above the text.
    let text_top = blocks.first().map_or(zone.bottom(), |b| b.rect.y);
    let media = card.media.as_ref().map(|m| {
        media::fit_media(
            m,
            skin,
            device.viewport,
            chrome.top,
            text_top,
            (&blocks, &chrome.reserved),
            &mut warnings,
        )
    });

    // 7. The scrim behind the text.
    let scrim = contrast::initial_scrim(card.media.is_some());

    CardLayout {
        card: Rect::new(0.0, 0.0, device.viewport.width, device.viewport.height),
        reserved: chrome.reserved,
        text_zone: zone,
        blocks,
        media,
        scrim,
        warnings,
        direction,
        font_family,
    }
}

#[cfg(test)]
mod tests {
    use super::css::ACTIONS_WIDTH;

    use super::*;
    use crate::core::feed::Kind;
    use crate::core::feed::{parse_feed, Limits};
    use crate::core::layout::text::FixedAdvance;
    use crate::core::ui::skin::BUILTIN;

    use crate::core::test_icu::Icu;

    const SAMPLE: &str = include_str!("../../www/feeds/sample.json");

    fn sample(id: &str) -> Card {
        cards()
            .into_iter()
            .find(|c| c.id == id)
            .expect("a sample card")
    }

    fn cards() -> Vec<Card> {
        let limits = Limits {
            deep_link_schemes: vec!["glance".into()],
            ..Limits::default()
        };
        parse_feed(SAMPLE, &limits).expect("sample feed").cards
    }

    #[test]
    fn a_dark_sampled_scrim_is_reported() {
        let skin = Skin::builtin("generic").expect("built-in");
        let device = Device::new(360.0, 640.0);
        let mut m = FixedAdvance::default();
        let base = layout_card(&cards()[0], &skin, &device, &mut m, &mut Icu);
        // (sampled alpha, warning)
        for (alpha, warned) in [(0.0, None), (0.45, None), (0.5, Some(50)), (0.85, Some(85))] {
            let mut layout = base.clone();
            layout.with_sampled_scrim(alpha);
            assert_eq!(layout.scrim, alpha);
            let reported = layout.warnings.iter().find_map(|w| match w {
                Warning::ScrimNeeded { alpha } => Some(*alpha),
                _ => None,
            });
            assert_eq!(reported, warned, "alpha {alpha}");
        }
    }

    #[test]
    fn every_card_on_every_skin_device_and_font_scale() {
        let mut m = FixedAdvance::default();
        let mut laid_out = 0;
        for (name, _) in BUILTIN {
            let skin = Skin::builtin(name).expect("built-in");
            for (device_name, w, h) in DEVICE_PRESETS {
                for scale in [1.0, 1.3, 2.0] {
                    let device = Device::new(w, h).with_font_scale(scale);
                    for card in cards() {
                        let l = layout_card(&card, &skin, &device, &mut m, &mut Icu);
                        let what = format!("{} on {name}, {device_name}, ×{scale}", card.id);
                        for b in &l.blocks {
                            assert!(
                                b.rect.width > 0.0 && b.rect.height > 0.0,
                                "{what}: empty {:?}",
                                b.kind
                            );
                            assert!(
                                l.card.contains(b.rect),
                                "{what}: {:?} leaves the card",
                                b.kind
                            );
                            assert!(
                                l.text_zone.contains(b.rect),
                                "{what}: {:?} leaves the text zone",
                                b.kind
                            );
                            for r in &l.reserved {
                                assert!(
                                    !b.rect.intersects(*r),
                                    "{what}: {:?} {:?} under reserved {:?}",
                                    b.kind,
                                    b.rect,
                                    r
                                );
                            }
                            let weight = if b.kind == BlockKind::Title { 700 } else { 400 };
                            for line in &b.lines {
                                let font = Font {
                                    size: b.font_size,
                                    weight,
                                };
                                assert!(
                                    m.width(line, font) <= b.rect.width + 0.01,
                                    "{what}: line too wide: {line}"
                                );
                            }
                        }
                        for pair in l.blocks.windows(2) {
                            assert!(
                                !pair[0].rect.intersects(pair[1].rect),
                                "{what}: blocks overlap"
                            );
                        }
                        let has = |k| l.blocks.iter().any(|b| b.kind == k);
                        if card.kind == Kind::Sponsored {
                            assert!(
                                has(BlockKind::Disclosure),
                                "{what}: the sponsored disclosure is always shown"
                            );
                        }
                        if let (Some(fit), Some(media)) = (l.media, &card.media) {
                            assert!(
                                (0.0..=1.0).contains(&fit.x) && (0.0..=1.0).contains(&fit.y),
                                "{what}: {fit:?}"
                            );
                            // Where the focus point lands on screen once the picture covers the card.
                            if let (Some(mw), Some(mh)) = (media.width, media.height) {
                                let (mw, mh) = (mw as f32, mh as f32);
                                let scale = (w / mw).max(h / mh);
                                let fx = media.focus.x * mw * scale - fit.x * (mw * scale - w);
                                let fy = media.focus.y * mh * scale - fit.y * (mh * scale - h);
                                assert!(
                                    (0.0..=w + 0.01).contains(&fx)
                                        && (0.0..=h + 0.01).contains(&fy),
                                    "{what}: focus at {fx},{fy} is off screen"
                                );
                            }
                        }
                        laid_out += 1;
                    }
                }
            }
        }
        assert_eq!(laid_out, 5 * DEVICE_PRESETS.len() * 3 * cards().len());
    }

    #[test]
    fn the_headline_takes_the_largest_size_that_fits() {
        let skin = Skin::builtin("generic").expect("built-in");
        let mut m = FixedAdvance::default();
        let mut card = sample("monsoon-mumbai-en");
        card.title = "Short".into();
        let l = layout_card(&card, &skin, &Device::new(412.0, 915.0), &mut m, &mut Icu);
        let title = l.block(BlockKind::Title).expect("title");
        assert_eq!((title.font_size, title.lines.len()), (30.0, 1));
        card.title = "word ".repeat(60);
        let l = layout_card(&card, &skin, &Device::new(412.0, 915.0), &mut m, &mut Icu);
        let title = l.block(BlockKind::Title).expect("title");
        assert_eq!((title.font_size, title.lines.len()), (19.0, 4));
        assert!(title.lines[3].ends_with('…'));
        assert!(l.warnings.contains(&Warning::HeadlineEllipsised));
    }

    #[test]
    fn rtl_cards_are_mirrored() {
        let skin = Skin::builtin("generic").expect("built-in");
        let mut m = FixedAdvance::default();
        let urdu = sample("karachi-rain-ur");
        let mut device = Device::new(412.0, 915.0);
        device.safe_area = Insets::new(0.0, 0.0, 0.0, 30.0);
        let l = layout_card(&urdu, &skin, &device, &mut m, &mut Icu);
        assert_eq!(l.text_zone.right(), 412.0 - MARGIN);
        assert_eq!(l.text_zone.x, 30.0 + MARGIN);
    }

    #[test]
    fn the_bottom_row_has_the_call_to_action_first_and_like_and_share_last() {
        let skin = Skin::builtin("generic").expect("built-in");
        let mut m = FixedAdvance::default();
        let device = Device::new(412.0, 915.0);
        let row = |card: &Card, m: &mut FixedAdvance| {
            let l = layout_card(card, &skin, &device, m, &mut Icu);
            (
                l.block(BlockKind::Cta).map(|b| b.rect),
                l.block(BlockKind::Actions).map(|b| b.rect),
                l.text_zone,
            )
        };
        let mut card = sample("ipl-2026-final-live");
        let (cta, actions, zone) = row(&card, &mut m);
        let (cta, actions) = (cta.expect("cta"), actions.expect("actions"));
        assert_eq!(cta.x, zone.x);
        assert_eq!(actions.right(), zone.right());
        assert_eq!(
            (actions.width, actions.height),
            (ACTIONS_WIDTH, TOUCH_TARGET)
        );
        assert_eq!(cta.bottom(), zone.bottom(), "one row at the bottom");
        assert!(!cta.intersects(actions));
        // A label too long for the row leaves the buttons their room.
        card.cta.as_mut().expect("cta").label = "Open the full scorecard now ".repeat(4);
        let (cta, actions, _) = row(&card, &mut m);
        let (cta, actions) = (cta.expect("cta"), actions.expect("actions"));
        assert!(cta.right() + GAP <= actions.x + 0.01);
        // Right to left: mirrored.
        let urdu = sample("karachi-rain-ur");
        let (cta, actions, zone) = row(&urdu, &mut m);
        assert_eq!(actions.expect("actions").x, zone.x);
        if let Some(cta) = cta {
            assert_eq!(cta.right(), zone.right());
        }
        // No call to action: the buttons alone, still at the bottom.
        card.cta = None;
        let (cta, actions, zone) = row(&card, &mut m);
        assert_eq!(cta, None);
        assert_eq!(actions.expect("actions").bottom(), zone.bottom());
    }

    #[test]
    fn focus_stays_visible_and_out_of_the_text() {
        let skin = Skin::builtin("generic").expect("built-in");
        let mut m = FixedAdvance::default();
        let card = sample("ipl-2026-final-live");
        for (name, w, h) in DEVICE_PRESETS {
            let l = layout_card(&card, &skin, &Device::new(w, h), &mut m, &mut Icu);
            let fit = l.media.expect("has media");
            assert!(
                (0.0..=1.0).contains(&fit.x) && (0.0..=1.0).contains(&fit.y),
                "{name}"
            );
        }
        // Portrait 20:9: the 9:16 picture overflows sideways only; the focus is centred.
        let l = layout_card(&card, &skin, &Device::new(412.0, 915.0), &mut m, &mut Icu);
        assert!(
            !l.warnings.contains(&Warning::FocusCovered),
            "{:?}",
            l.warnings
        );
    }
}
