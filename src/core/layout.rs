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

use serde::Serialize;

use crate::core::feed::{Card, Kind, Rgb};
use crate::core::geometry::{clamp, Insets, Rect, Size};
use crate::core::lang::Direction;
use crate::core::skin::{ClockPosition, Skin};
use crate::core::text::{break_lines, ellipsize, Font, Segmenter, Segments, TextMeasure};

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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
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

/// One placed piece of a card.
#[derive(Debug, Clone, PartialEq, Serialize)]
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

/// A compromise the layout had to make, for content teams to see.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "code", rename_all = "snake_case")]
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
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct MediaFit {
    /// Horizontal position, 0 (left) to 1 (right).
    pub x: f32,
    /// Vertical position, 0 (top) to 1 (bottom).
    pub y: f32,
}

/// A laid-out card.
#[derive(Debug, Clone, PartialEq, Serialize)]
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
}

/// Space between blocks, in CSS px at font scale 1.
const GAP: f32 = 8.0;
/// Side margin of the text zone, CSS px.
const MARGIN: f32 = 20.0;
/// Widest text zone (tablets, landscape): long lines are hard to read.
const MAX_TEXT_WIDTH: f32 = 560.0;
/// A touch target's side: the like and share buttons are this square, and the bottom row at
/// least this tall.
pub const TOUCH_TARGET: f32 = 44.0;
/// Width of the like and share buttons with the gap between them.
const ACTIONS_WIDTH: f32 = 2.0 * TOUCH_TARGET + GAP;

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

/// WCAG relative luminance of an sRGB colour.
pub fn luminance(rgb: Rgb) -> f32 {
    let channel = |shift: u32| {
        let c = ((rgb.0 >> shift) & 0xff) as f32 / 255.0;
        if c <= 0.039_28 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
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
        return round_up(scrim_for(1.0, 4.5));
    }
    luminances.sort_by(f32::total_cmp);
    let p90 = luminances[(luminances.len() - 1) * 9 / 10];
    round_up(scrim_for(p90, 4.5))
}

/// Relative luminance of an sRGB pixel given as bytes.
pub fn pixel_luminance(r: u8, g: u8, b: u8) -> f32 {
    luminance(Rgb((u32::from(r) << 16)
        | (u32::from(g) << 8)
        | u32::from(b)))
}

/// The byte offset in `text` where the `index`th of its `lines` (as [`break_lines`] made
/// them: consecutive pieces of it, spaces at the breaks dropped) starts.
fn line_start(text: &str, lines: &[String], index: usize) -> usize {
    let mut at = 0;
    for (i, line) in lines.iter().enumerate() {
        at += text[at..].find(line.as_str()).unwrap_or(0);
        if i == index {
            return at;
        }
        at += line.len();
    }
    at
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
    let font_family = skin.font_family(&card.lang);
    measure.set_text(card.lang.as_str(), &font_family);
    let Size {
        width: vw,
        height: vh,
    } = device.viewport;
    let fs = device.font_scale;
    let safe = device.safe_area;
    let top_chrome = (skin.reserved.status_bar).max(safe.top);
    let bottom_chrome = skin.reserved.bottom.max(safe.bottom);
    let reserved = vec![
        Rect::new(0.0, 0.0, vw, top_chrome),
        Rect::new(0.0, skin.clock_top(vh), vw, skin.reserved.clock.height),
        Rect::new(0.0, vh - bottom_chrome, vw, bottom_chrome),
    ];
    let mut warnings = Vec::new();

    // The text zone: between the skin's top chrome (and clock) and its bottom area, inside the
    // safe area and the side margins, no wider than is comfortable to read. Under a centred
    // clock that leaves too little room (landscape), the band above the clock is used instead.
    let title_leading = leading(card, 1.3);
    let smallest = skin.headline_sizes.last().copied().unwrap_or(19.0) * fs;
    let smallest_lh = smallest * title_leading;
    let mut top = skin.text_top(vh).max(top_chrome) + GAP;
    let mut bottom = vh - bottom_chrome - GAP;
    if skin.reserved.clock.position == ClockPosition::Center {
        let (above_top, above_bottom) = (top_chrome + GAP, skin.clock_top(vh) - GAP);
        let needed = 22.0 * fs + GAP * fs + 2.0 * smallest_lh;
        if bottom - top < needed && above_bottom - above_top > bottom - top {
            (top, bottom) = (above_top, above_bottom);
        }
    }
    let left = safe.left + MARGIN;
    let width = (vw - safe.right - MARGIN - left).clamp(0.0, MAX_TEXT_WIDTH);
    let x = match card.lang.direction() {
        Direction::Ltr => left,
        Direction::Rtl => vw - safe.right - MARGIN - width,
    };
    let zone = Rect::new(x, top, width, bottom - top);

    // The template's blocks with their heights, top to bottom; text is broken later.
    let gap = GAP * fs;
    let header = match (card.kind, &card.source) {
        (Kind::Sponsored, _) => Some(BlockKind::Disclosure),
        (_, Some(_)) => Some(BlockKind::Source),
        _ => None,
    };
    let header_h = 22.0 * fs;
    let score_h = if card.kind == Kind::Sports && card.score.is_some() {
        88.0 * fs
    } else {
        0.0
    };
    let cta_font = Font {
        size: 15.0 * fs,
        weight: 700,
    };
    let cta_h = (cta_font.size * 1.3 + 20.0).max(TOUCH_TARGET);
    // The bottom row: the call to action on the start side, like and share on the end side.
    // The label's width is rounded up, with a pixel to spare: the page's text may come out a
    // fraction wider than the measure, and a label that does not fit gets an ellipsis.
    let cta_w = card.cta.as_ref().map(|c| {
        (measure.width(&c.label, cta_font).ceil() + 41.0)
            .min(zone.width - ACTIONS_WIDTH - GAP)
            .max(0.0)
    });

    let summary_leading = leading(card, 1.45);
    let max_title_lines = if score_h > 0.0 { 3 } else { 4 };
    let summary_font = Font {
        size: 15.0 * fs,
        weight: 400,
    };
    let summary_lh = summary_font.size * summary_leading;

    // Room left for the headline and the summary once the fixed blocks are in. When not even
    // one headline line at the smallest size would fit, blocks give way in this order: the
    // source line, the score block, the call to action (its row keeps a touch target's
    // height), the like and share buttons. A sponsored card's disclosure never does.
    let mut show = [
        header.is_some(),
        score_h > 0.0,
        cta_w.is_some_and(|w| w > 0.0),
        true,
    ];
    let row_h = |show: &[bool; 4]| match (show[2], show[3]) {
        (true, _) => cta_h,
        (false, true) => TOUCH_TARGET,
        (false, false) => 0.0,
    };
    let fixed = |show: &[bool; 4]| -> f32 {
        [header_h, score_h, row_h(show)]
            .iter()
            .zip([show[0], show[1], show[2] || show[3]])
            .filter(|(_, s)| *s)
            .map(|(h, _)| h + gap)
            .sum()
    };
    for (i, warning, droppable) in [
        (0, Warning::SourceDropped, header == Some(BlockKind::Source)),
        (1, Warning::ScoreDropped, true),
        (2, Warning::CtaDropped, true),
        (3, Warning::ActionsDropped, true),
    ] {
        if show[i] && droppable && zone.height - fixed(&show) < smallest_lh {
            show[i] = false;
            warnings.push(warning);
        }
    }
    let bottom_row = row_h(&show);
    let [show_header, show_score, show_cta, show_actions] = show;
    let room = zone.height - fixed(&show);

    // The headline: the largest size whose lines fit their count and the room. The text is
    // segmented once for every size.
    let lang = card.lang.as_str();
    let title_segments = Segments::of(&card.title, lang, segmenter);
    let mut title: Option<(Font, f32, Vec<String>)> = None;
    for &size in &skin.headline_sizes {
        let font = Font {
            size: size * fs,
            weight: 700,
        };
        let lh = font.size * title_leading;
        let lines = break_lines(&card.title, &title_segments, zone.width, font, measure);
        if lines.len() <= max_title_lines && lines.len() as f32 * lh <= room + 0.01 {
            title = Some((font, lh, lines));
            break;
        }
    }
    let title = title.or_else(|| {
        let font = Font {
            size: smallest,
            weight: 700,
        };
        let fit = ((room + 0.01) / smallest_lh).floor().max(0.0) as usize;
        let keep = fit.min(max_title_lines);
        if keep == 0 {
            warnings.push(Warning::TextZoneTooSmall);
            return None;
        }
        let mut lines = break_lines(&card.title, &title_segments, zone.width, font, measure);
        lines.truncate(keep);
        let offset = line_start(&card.title, &lines, keep - 1);
        if let Some(last) = lines.last_mut() {
            *last = ellipsize(last, offset, &title_segments, zone.width, font, measure);
        }
        warnings.push(Warning::HeadlineEllipsised);
        Some((font, smallest_lh, lines))
    });

    // The summary: what fits below the headline, at most three lines.
    let title_h = title
        .as_ref()
        .map_or(0.0, |(_, lh, lines)| lh * lines.len() as f32 + gap);
    let mut summary_lines = Vec::new();
    if let Some(summary) = &card.summary {
        let segments = Segments::of(summary, lang, segmenter);
        let lines = break_lines(summary, &segments, zone.width, summary_font, measure);
        let fit = ((room - title_h + 0.01) / summary_lh).floor().max(0.0) as usize;
        let keep = fit.min(3).min(lines.len());
        if keep == 0 {
            warnings.push(Warning::SummaryDropped);
        } else {
            summary_lines = lines[..keep].to_vec();
            if keep < lines.len() {
                warnings.push(Warning::SummaryShortened);
                let offset = line_start(summary, &summary_lines, keep - 1);
                if let Some(last) = summary_lines.last_mut() {
                    *last = ellipsize(last, offset, &segments, zone.width, summary_font, measure);
                }
            }
        }
    }

    // Stack from the bottom of the zone up.
    let mut blocks = Vec::new();
    let mut y = zone.bottom();
    if bottom_row > 0.0 {
        // One row, two blocks: the start side's call to action, the end side's buttons (pushed
        // in reverse, as every block is).
        y -= bottom_row;
        let start = card.lang.direction() == Direction::Ltr;
        if show_actions {
            let bx = if start {
                zone.right() - ACTIONS_WIDTH
            } else {
                zone.x
            };
            blocks.push(Block {
                kind: BlockKind::Actions,
                rect: Rect::new(
                    bx,
                    y + (bottom_row - TOUCH_TARGET) / 2.0,
                    ACTIONS_WIDTH,
                    TOUCH_TARGET,
                ),
                font_size: 13.0 * fs,
                line_height: TOUCH_TARGET,
                lines: Vec::new(),
            });
        }
        if let (true, Some(w)) = (show_cta, cta_w) {
            let bx = if start { zone.x } else { zone.right() - w };
            blocks.push(Block {
                kind: BlockKind::Cta,
                rect: Rect::new(bx, y, w, cta_h),
                font_size: cta_font.size,
                line_height: cta_font.size * 1.3,
                lines: Vec::new(),
            });
        }
        y -= gap;
    }
    let mut push =
        |kind, height: f32, width: f32, font_size: f32, line_height: f32, lines: Vec<String>| {
            y -= height;
            let bx = match card.lang.direction() {
                Direction::Ltr => zone.x,
                Direction::Rtl => zone.right() - width,
            };
            blocks.push(Block {
                kind,
                rect: Rect::new(bx, y, width, height),
                font_size,
                line_height,
                lines,
            });
            y -= gap;
        };
    if !summary_lines.is_empty() {
        let h = summary_lh * summary_lines.len() as f32;
        push(
            BlockKind::Summary,
            h,
            zone.width,
            summary_font.size,
            summary_lh,
            summary_lines,
        );
    }
    if let Some((font, lh, lines)) = title {
        push(
            BlockKind::Title,
            lh * lines.len() as f32,
            zone.width,
            font.size,
            lh,
            lines,
        );
    }
    if show_score {
        push(
            BlockKind::Score,
            score_h,
            zone.width,
            15.0 * fs,
            20.0 * fs,
            Vec::new(),
        );
    }
    if let (true, Some(kind)) = (show_header, header) {
        push(kind, header_h, zone.width, 13.0 * fs, header_h, Vec::new());
    }
    blocks.reverse();

    let text_top = blocks.first().map_or(zone.bottom(), |b| b.rect.y);
    let media = card.media.as_ref().map(|m| {
        let (Some(w), Some(h)) = (m.width, m.height) else {
            warnings.push(Warning::MediaSizeUnknown);
            return MediaFit {
                x: m.focus.x,
                y: m.focus.y,
            };
        };
        let (w, h) = (w as f32, h as f32);
        let scale = (vw / w).max(vh / h);
        let (shown_w, shown_h) = (w * scale, h * scale);
        // Put the focus in the middle of the largest open band above the text (between the
        // status bar, the clock and the text), as far as cover allows.
        let clock_top = skin.clock_top(vh);
        let clock_bottom = clock_top + skin.reserved.clock.height;
        let bands = [
            (top_chrome, clock_top.min(text_top)),
            (clock_bottom, text_top),
        ];
        let (band_top, band_bottom) = bands
            .into_iter()
            .max_by(|a, b| (a.1 - a.0).total_cmp(&(b.1 - b.0)))
            .unwrap_or((top_chrome, text_top));
        let target = (vw / 2.0, (band_top + band_bottom) / 2.0);
        let fit_axis = |focus: f32, shown: f32, view: f32, target: f32| {
            let overflow = shown - view;
            if overflow <= 0.5 {
                return (0.5, focus * shown);
            }
            let offset = clamp(focus * shown - target, 0.0, overflow);
            (offset / overflow, focus * shown - offset)
        };
        let (px, fx) = fit_axis(m.focus.x, shown_w, vw, target.0);
        let (py, fy) = fit_axis(m.focus.y, shown_h, vh, target.1);
        let covered = blocks.iter().any(|b| b.rect.contains_point(fx, fy))
            || reserved.iter().any(|r| r.contains_point(fx, fy));
        if covered {
            warnings.push(Warning::FocusCovered);
        }
        MediaFit { x: px, y: py }
    });

    // Contrast: white text needs at least 4.5:1 against what is behind it (3:1 would do for
    // the large headline alone, but the summary and source line are body text). A card without
    // a picture has the renderer's dark background and needs no scrim. Under a picture the
    // region behind the text is unknown until the browser samples the loaded image
    // (`sampled_scrim`), so the scrim starts dark enough for a white picture.
    let scrim = if card.media.is_some() {
        round_up(scrim_for(1.0, 4.5))
    } else {
        0.0
    };

    CardLayout {
        card: Rect::new(0.0, 0.0, vw, vh),
        reserved,
        text_zone: zone,
        blocks,
        media,
        scrim,
        warnings,
        direction: card.lang.direction(),
        font_family,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::feed::{parse_feed, Limits};
    use crate::core::skin::BUILTIN;
    use crate::core::text::FixedAdvance;

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

    #[test]
    fn sampled_pictures_set_the_scrim() {
        let mut dark = vec![pixel_luminance(20, 30, 60); 256];
        assert_eq!(sampled_scrim(&mut dark), 0.0);
        let mut bright: Vec<f32> = (0..256)
            .map(|i| pixel_luminance(200, 180, (i % 256) as u8))
            .collect();
        let alpha = sampled_scrim(&mut bright);
        assert!(alpha > 0.5 && alpha < 0.9, "{alpha}");
        assert_eq!(sampled_scrim(&mut []), round_up(scrim_for(1.0, 4.5)));
    }

    #[test]
    fn contrast_picks_the_scrim() {
        assert_eq!(scrim_for(luminance(Rgb(0x000000)), 4.5), 0.0);
        let white = scrim_for(luminance(Rgb(0xffffff)), 4.5);
        // White text over a white picture darkened by the scrim reaches 4.5:1.
        assert!((1.05 / ((1.0 - white) + 0.05) - 4.5).abs() < 0.01);
        assert!(
            scrim_for(luminance(Rgb(0xe0c36a)), 4.5) > scrim_for(luminance(Rgb(0x1d2a44)), 4.5)
        );
    }
}
