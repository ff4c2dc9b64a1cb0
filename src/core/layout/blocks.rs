//! Step 2, the fixed blocks: the template's header, score block and bottom row, with their
//! heights, and which of them give way when the headline would have no room.

use super::css::{ACTIONS_WIDTH, CTA_PADDING, CTA_WEIGHT, TOUCH_TARGET};
use super::{BlockKind, Warning, CTA_FONT, GAP, HEADER_HEIGHT, SCORE_HEIGHT};
use crate::core::feed::{Card, Kind};
use crate::core::geometry::Rect;
use crate::core::layout::text::{Font, TextMeasure};

/// The blocks whose height does not depend on the text, as the template has them, and which
/// of them are shown.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Fixed {
    /// The line at the top: the sponsor's disclosure, or the source; its height.
    pub header: Option<BlockKind>,
    /// Height of the header line.
    pub header_h: f32,
    /// Height of the score block (0 without one).
    pub score_h: f32,
    /// The call to action's font.
    pub cta_font: Font,
    /// The call to action's height.
    pub cta_h: f32,
    /// The call to action's width, when the card has one.
    pub cta_w: Option<f32>,
    /// The gap after each block.
    pub gap: f32,
    /// What is shown.
    pub shown: Shown,
}

/// Which fixed blocks are shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shown {
    /// The header line.
    pub header: bool,
    /// The score block.
    pub score: bool,
    /// The call to action.
    pub cta: bool,
    /// The like and share buttons.
    pub actions: bool,
}

impl Fixed {
    /// The template's fixed blocks for `card` at font scale `fs` in a zone `width` px wide,
    /// all shown that the card has.
    pub fn of(card: &Card, fs: f32, width: f32, measure: &mut dyn TextMeasure) -> Self {
        let header = match (card.kind, &card.source) {
            (Kind::Sponsored, _) => Some(BlockKind::Disclosure),
            (_, Some(_)) => Some(BlockKind::Source),
            _ => None,
        };
        let score_h = if card.kind == Kind::Sports && card.score.is_some() {
            SCORE_HEIGHT * fs
        } else {
            0.0
        };
        let cta_font = Font {
            size: CTA_FONT * fs,
            weight: CTA_WEIGHT,
        };
        // The bottom row: the call to action on the start side, like and share on the end
        // side. The label's width is rounded up, with a pixel to spare: the page's text may
        // come out a fraction wider than the measure, and a label that does not fit gets an
        // ellipsis.
        let cta_w = card.cta.as_ref().map(|c| {
            (measure.width(&c.label, cta_font).ceil() + 2.0 * CTA_PADDING + 1.0)
                .min(width - ACTIONS_WIDTH - GAP)
                .max(0.0)
        });
        Self {
            header,
            header_h: HEADER_HEIGHT * fs,
            score_h,
            cta_font,
            cta_h: (cta_font.size * 1.3 + 20.0).max(TOUCH_TARGET),
            cta_w,
            gap: GAP * fs,
            shown: Shown {
                header: header.is_some(),
                score: score_h > 0.0,
                cta: cta_w.is_some_and(|w| w > 0.0),
                actions: true,
            },
        }
    }

    /// Height of the bottom row: the call to action's, or a touch target's for the buttons
    /// alone, or none.
    pub fn row_height(&self) -> f32 {
        match (self.shown.cta, self.shown.actions) {
            (true, _) => self.cta_h,
            (false, true) => TOUCH_TARGET,
            (false, false) => 0.0,
        }
    }

    /// Height the shown blocks take, each with its gap.
    pub fn height(&self) -> f32 {
        let s = self.shown;
        [self.header_h, self.score_h, self.row_height()]
            .iter()
            .zip([s.header, s.score, s.cta || s.actions])
            .filter(|(_, shown)| *shown)
            .map(|(h, _)| h + self.gap)
            .sum()
    }

    /// Lets blocks give way, one at a time, while not even one headline line of `line` px
    /// would fit in `zone` beside them: the source line, the score block, the call to action
    /// (its row keeps a touch target's height), the like and share buttons. A sponsored
    /// card's disclosure never does. Each one dropped is reported.
    pub fn make_room(&mut self, zone: Rect, line: f32, warnings: &mut Vec<Warning>) {
        // A zone narrower than the like and share buttons (a window being resized) has no
        // room for them beside anything.
        if self.shown.actions && zone.width < ACTIONS_WIDTH {
            self.shown.actions = false;
            warnings.push(Warning::ActionsDropped);
        }
        type Flag = fn(&mut Shown) -> &mut bool;
        let order: [(Flag, Warning, bool); 4] = [
            (
                |s| &mut s.header,
                Warning::SourceDropped,
                self.header == Some(BlockKind::Source),
            ),
            (|s| &mut s.score, Warning::ScoreDropped, true),
            (|s| &mut s.cta, Warning::CtaDropped, true),
            (|s| &mut s.actions, Warning::ActionsDropped, true),
        ];
        for (flag, warning, droppable) in order {
            let tight = zone.height - self.height() < line;
            let mut shown = self.shown;
            if *flag(&mut shown) && droppable && tight {
                *flag(&mut shown) = false;
                self.shown = shown;
                warnings.push(warning);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::feed::{parse_feed, Limits};
    use crate::core::layout::text::FixedAdvance;

    fn card(json: &str) -> Card {
        let feed = format!(r#"{{ "version": 1, "cards": [{json}] }}"#);
        let parsed = parse_feed(&feed, &Limits::default()).expect("a feed");
        assert!(parsed.rejections.is_empty(), "{:?}", parsed.rejections);
        parsed.cards.into_iter().next().expect("one card")
    }

    const SPORTS: &str = r#"{ "id": "s", "kind": "sports", "lang": "en", "title": "Final",
        "source": { "name": "Desk" }, "cta": { "label": "Watch", "url": "https://e.example/" },
        "score": { "home": { "name": "A", "score": "1" }, "away": { "name": "B", "score": "2" },
                   "status": "live" } }"#;
    const SPONSORED: &str = r#"{ "id": "p", "kind": "sponsored", "lang": "en", "title": "Sale",
        "source": { "name": "Shop" }, "cta": { "label": "Buy", "url": "https://e.example/" } }"#;

    #[test]
    fn blocks_give_way_in_order_while_the_headline_has_no_room() {
        use Warning::*;
        let mut m = FixedAdvance::default();
        // Heights at scale 1: header 22, score 88, the row 44 (15 px × 1.3 + 20 = 39.5 is
        // under a touch target), each + 8; one headline line 24.7 px.
        // Shown: header, score, call to action, like and share.
        // (card, font scale, zone height) → shown [header, score, call to action, buttons].
        type Case = (&'static str, f32, f32, [bool; 4], Vec<Warning>);
        let cases: [Case; 8] = [
            (SPORTS, 1.0, 400.0, [true, true, true, true], vec![]),
            // 30 + 96 + 52 = 178: 200 leaves 22, under a line: the source goes.
            (
                SPORTS,
                1.0,
                200.0,
                [false, true, true, true],
                vec![SourceDropped],
            ),
            // 148 leaves 2 without the source: the score goes too.
            (
                SPORTS,
                1.0,
                150.0,
                [false, false, true, true],
                vec![SourceDropped, ScoreDropped],
            ),
            // The row alone is 52, 70 leaves 18: the call to action goes, but its row stays a
            // touch target tall, so the buttons go too.
            (
                SPORTS,
                1.0,
                70.0,
                [false, false, false, false],
                vec![SourceDropped, ScoreDropped, CtaDropped, ActionsDropped],
            ),
            // At twice the size the row is 59 + 16 and a line 49.4: at 130 the call to action
            // stays; at 120 it goes and the buttons' 44 + 16 leave room.
            (
                SPORTS,
                2.0,
                130.0,
                [false, false, true, true],
                vec![SourceDropped, ScoreDropped],
            ),
            (
                SPORTS,
                2.0,
                120.0,
                [false, false, false, true],
                vec![SourceDropped, ScoreDropped, CtaDropped],
            ),
            // The disclosure stays, whatever the room.
            (
                SPONSORED,
                1.0,
                60.0,
                [true, false, false, false],
                vec![CtaDropped, ActionsDropped],
            ),
            (SPONSORED, 1.0, 120.0, [true, false, true, true], vec![]),
        ];
        for (i, (json, fs, height, want, warnings)) in cases.into_iter().enumerate() {
            let card = card(json);
            let mut fixed = Fixed::of(&card, fs, 372.0, &mut m);
            let mut got = Vec::new();
            let line = 19.0 * 1.3 * fs;
            fixed.make_room(Rect::new(20.0, 0.0, 372.0, height), line, &mut got);
            let s = fixed.shown;
            assert_eq!([s.header, s.score, s.cta, s.actions], want, "case {i}");
            assert_eq!(got, warnings, "case {i}");
        }
    }

    #[test]
    fn heights_and_the_call_to_actions_width() {
        let mut m = FixedAdvance::default();
        let card = card(SPORTS);
        let fixed = Fixed::of(&card, 1.0, 372.0, &mut m);
        assert_eq!(fixed.height(), 30.0 + 96.0 + 52.0);
        // "Watch": 5 letters × 0.55 em × 15 px × 1.05 (bold) = 43.3 → 44, + 2 × 20 + 1.
        assert_eq!(fixed.cta_w, Some(85.0));
        // At twice the size the row is 15 × 2 × 1.3 + 20 = 59 px tall.
        let big = Fixed::of(&card, 2.0, 372.0, &mut m);
        assert!((big.cta_h - 59.0).abs() < 1e-4, "{}", big.cta_h);
        // In a zone too narrow for label and buttons, the label gets what is left.
        let narrow = Fixed::of(&card, 1.0, 150.0, &mut m);
        assert_eq!(narrow.cta_w, Some(150.0 - 96.0 - 8.0));
    }
}
