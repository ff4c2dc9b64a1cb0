//! Step 5, stacking: the blocks placed from the bottom of the text zone up, in the template's
//! order (header, score, headline, summary, bottom row), each on the start side.

use super::blocks::Fixed;
use super::css::{ACTIONS_WIDTH, TOUCH_TARGET};
use super::fit::Set;
use super::{Block, BlockKind, SCORE_FONT, SCORE_LINE, SMALL_FONT};
use crate::core::geometry::Rect;
use crate::core::layout::lang::Direction;

/// The blocks of a card, top to bottom, stacked from the bottom of `zone`: the bottom row
/// (the call to action on the start side, like and share on the end side), then the summary,
/// the headline, the score block and the header line, `fixed.gap` apart. `scale` is the font
/// scale.
pub fn stack(
    zone: Rect,
    direction: Direction,
    scale: f32,
    fixed: &Fixed,
    title: Option<Set>,
    summary: Option<Set>,
) -> Vec<Block> {
    let gap = fixed.gap;
    let start = direction == Direction::Ltr;
    let mut blocks = Vec::new();
    let mut y = zone.bottom();
    let row = fixed.row_height();
    if row > 0.0 {
        // One row, two blocks (pushed in reverse, as every block is).
        y -= row;
        if fixed.shown.actions {
            let x = if start {
                zone.right() - ACTIONS_WIDTH
            } else {
                zone.x
            };
            blocks.push(Block {
                kind: BlockKind::Actions,
                rect: Rect::new(
                    x,
                    y + (row - TOUCH_TARGET) / 2.0,
                    ACTIONS_WIDTH,
                    TOUCH_TARGET,
                ),
                font_size: SMALL_FONT * scale,
                line_height: TOUCH_TARGET,
                lines: Vec::new(),
            });
        }
        if let (true, Some(w)) = (fixed.shown.cta, fixed.cta_w) {
            let x = if start { zone.x } else { zone.right() - w };
            blocks.push(Block {
                kind: BlockKind::Cta,
                rect: Rect::new(x, y, w, fixed.cta_h),
                font_size: fixed.cta_font.size,
                line_height: fixed.cta_font.size * 1.3,
                lines: Vec::new(),
            });
        }
        y -= gap;
    }
    let mut push = |kind, height: f32, font_size: f32, line_height: f32, lines: Vec<String>| {
        y -= height;
        let x = if start {
            zone.x
        } else {
            zone.right() - zone.width
        };
        blocks.push(Block {
            kind,
            rect: Rect::new(x, y, zone.width, height),
            font_size,
            line_height,
            lines,
        });
        y -= gap;
    };
    for (kind, set) in [(BlockKind::Summary, summary), (BlockKind::Title, title)] {
        if let Some(set) = set {
            push(
                kind,
                set.height(),
                set.font.size,
                set.line_height,
                set.lines,
            );
        }
    }
    if fixed.shown.score {
        push(
            BlockKind::Score,
            fixed.score_h,
            SCORE_FONT * scale,
            SCORE_LINE * scale,
            Vec::new(),
        );
    }
    if let (true, Some(kind)) = (fixed.shown.header, fixed.header) {
        push(
            kind,
            fixed.header_h,
            SMALL_FONT * scale,
            fixed.header_h,
            Vec::new(),
        );
    }
    blocks.reverse();
    // What must show (a sponsored card's disclosure) can be taller than a very short zone:
    // the stack then starts at the card's top edge rather than above it.
    if let Some(over) = blocks.first().map(|b| -b.rect.y).filter(|&o| o > 0.0) {
        for b in &mut blocks {
            b.rect.y += over;
        }
    }
    blocks
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::layout::blocks::Shown;
    use crate::core::layout::text::Font;

    fn fixed(shown: Shown, cta_w: Option<f32>) -> Fixed {
        Fixed {
            header: Some(BlockKind::Source),
            header_h: 22.0,
            score_h: 88.0,
            cta_font: Font {
                size: 15.0,
                weight: 700,
            },
            cta_h: 44.0,
            cta_w,
            gap: 8.0,
            shown,
        }
    }

    fn set(size: f32, line_height: f32, lines: usize) -> Option<Set> {
        Some(Set {
            font: Font { size, weight: 700 },
            line_height,
            lines: vec!["x".to_string(); lines],
        })
    }

    #[test]
    fn blocks_stack_up_from_the_bottom_on_the_start_side() {
        use BlockKind::*;
        let zone = Rect::new(20.0, 100.0, 372.0, 600.0);
        let all = Shown {
            header: true,
            score: true,
            cta: true,
            actions: true,
        };
        let rows = |direction, shown, cta_w| {
            stack(
                zone,
                direction,
                1.0,
                &fixed(shown, cta_w),
                set(30.0, 39.0, 2),
                set(15.0, 21.75, 2),
            )
            .into_iter()
            .map(|b| (b.kind, b.rect))
            .collect::<Vec<_>>()
        };
        // From the bottom (700): the row 656–700, the summary 2 × 21.75 above it, 8 px apart,
        // the headline 2 × 39, the score 88, the source 22.
        assert_eq!(
            rows(Direction::Ltr, all, Some(120.0)),
            vec![
                (Source, Rect::new(20.0, 392.5, 372.0, 22.0)),
                (Score, Rect::new(20.0, 422.5, 372.0, 88.0)),
                (Title, Rect::new(20.0, 518.5, 372.0, 78.0)),
                (Summary, Rect::new(20.0, 604.5, 372.0, 43.5)),
                (Cta, Rect::new(20.0, 656.0, 120.0, 44.0)),
                (Actions, Rect::new(296.0, 656.0, 96.0, 44.0)),
            ]
        );
        // Right to left: the call to action on the right, the buttons on the left.
        let rtl = rows(Direction::Rtl, all, Some(120.0));
        assert_eq!(rtl[4], (Cta, Rect::new(272.0, 656.0, 120.0, 44.0)));
        assert_eq!(rtl[5], (Actions, Rect::new(20.0, 656.0, 96.0, 44.0)));
        // Without the call to action the buttons keep a touch target's row; without either,
        // the summary sits on the bottom of the zone.
        let no_cta = Shown { cta: false, ..all };
        assert_eq!(
            rows(Direction::Ltr, no_cta, None)[4],
            (Actions, Rect::new(296.0, 656.0, 96.0, 44.0))
        );
        let bare = Shown {
            header: false,
            score: false,
            cta: false,
            actions: false,
        };
        assert_eq!(
            rows(Direction::Ltr, bare, None),
            vec![
                (Title, Rect::new(20.0, 570.5, 372.0, 78.0)),
                (Summary, Rect::new(20.0, 656.5, 372.0, 43.5)),
            ]
        );
    }
}
