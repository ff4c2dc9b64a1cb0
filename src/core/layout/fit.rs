//! Steps 3 and 4, the headline and the summary: text broken into lines at the largest size
//! that fits, or cut with an ellipsis where nothing does.

use super::Warning;
use crate::core::layout::text::{break_lines, ellipsize, Font, Segments, TextMeasure};

/// Text set in lines.
#[derive(Debug, Clone, PartialEq)]
pub struct Set {
    /// The font it is set in.
    pub font: Font,
    /// Its line height, CSS px.
    pub line_height: f32,
    /// The lines.
    pub lines: Vec<String>,
}

impl Set {
    /// Height of its lines.
    pub fn height(&self) -> f32 {
        self.line_height * self.lines.len() as f32
    }
}

/// The most lines a summary keeps.
pub const SUMMARY_LINES: usize = 3;

/// A fraction of a pixel of slack when lines are counted against the room (the room is a sum
/// of rounded heights).
const SLACK: f32 = 0.01;

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

/// The last of `lines` (the first `lines.len()` of `text`'s), ended with an ellipsis at a
/// break opportunity.
fn cut_last(
    text: &str,
    lines: &mut [String],
    segments: &Segments,
    width: f32,
    font: Font,
    measure: &mut dyn TextMeasure,
) {
    let Some(index) = lines.len().checked_sub(1) else {
        return;
    };
    let offset = line_start(text, lines, index);
    lines[index] = ellipsize(&lines[index], offset, segments, width, font, measure);
}

/// What a headline is fitted to.
#[derive(Debug, Clone, Copy)]
pub struct Headline<'a> {
    /// The type scale at font scale 1, largest first.
    pub sizes: &'a [f32],
    /// The font scale.
    pub scale: f32,
    /// Line height as a multiple of the size.
    pub leading: f32,
    /// The most lines it may take.
    pub max_lines: usize,
    /// Its width, CSS px.
    pub width: f32,
    /// The height it may take, CSS px.
    pub room: f32,
}

/// The headline `text` at the largest size of the scale at which its lines are no more than
/// `max_lines` and fit the room. Where none does, it is set at the smallest size in as many
/// lines as fit (and `max_lines`), the last cut with an ellipsis; where not one line fits,
/// there is no headline. Either compromise is reported.
pub fn fit_headline(
    text: &str,
    segments: &Segments,
    h: Headline<'_>,
    measure: &mut dyn TextMeasure,
    warnings: &mut Vec<Warning>,
) -> Option<Set> {
    let font = |size: f32| Font {
        size: size * h.scale,
        weight: super::css::TITLE_WEIGHT,
    };
    for &size in h.sizes {
        let font = font(size);
        let line_height = font.size * h.leading;
        let lines = break_lines(text, segments, h.width, font, measure);
        if lines.len() <= h.max_lines && lines.len() as f32 * line_height <= h.room + SLACK {
            return Some(Set {
                font,
                line_height,
                lines,
            });
        }
    }
    let font = font(h.sizes.last().copied().unwrap_or(super::SMALLEST_HEADLINE));
    let line_height = font.size * h.leading;
    let fit = ((h.room + SLACK) / line_height).floor().max(0.0) as usize;
    let keep = fit.min(h.max_lines);
    if keep == 0 {
        warnings.push(Warning::TextZoneTooSmall);
        return None;
    }
    let mut lines = break_lines(text, segments, h.width, font, measure);
    lines.truncate(keep);
    cut_last(text, &mut lines, segments, h.width, font, measure);
    warnings.push(Warning::HeadlineEllipsised);
    Some(Set {
        font,
        line_height,
        lines,
    })
}

/// The summary `text` in `font` and `line_height`: as many of its lines as fit `room` (at
/// most [`SUMMARY_LINES`]), the last cut with an ellipsis when some are left out; none when
/// not one fits. Either compromise is reported.
#[allow(clippy::too_many_arguments)]
pub fn fit_summary(
    text: &str,
    segments: &Segments,
    font: Font,
    line_height: f32,
    width: f32,
    room: f32,
    measure: &mut dyn TextMeasure,
    warnings: &mut Vec<Warning>,
) -> Option<Set> {
    let mut lines = break_lines(text, segments, width, font, measure);
    let fit = ((room + SLACK) / line_height).floor().max(0.0) as usize;
    let keep = fit.min(SUMMARY_LINES).min(lines.len());
    if keep == 0 {
        warnings.push(Warning::SummaryDropped);
        return None;
    }
    if keep < lines.len() {
        warnings.push(Warning::SummaryShortened);
        lines.truncate(keep);
        cut_last(text, &mut lines, segments, width, font, measure);
    }
    Some(Set {
        font,
        line_height,
        lines,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::layout::text::FixedAdvance;
    use crate::core::test_icu::Icu;

    /// `n` words of ten letters. In [`FixedAdvance`] a bold letter is 0.55 em × 1.05 and a
    /// space a third of that: at 30, 26 and 22 px two words fit 372 px, at 19 px three.
    fn words(n: usize) -> String {
        vec!["Abcdefghij"; n].join(" ")
    }

    #[test]
    fn the_headline_takes_the_largest_size_that_fits_its_lines_and_room() {
        use Warning::{HeadlineEllipsised, TextZoneTooSmall};
        let sizes = [30.0, 26.0, 22.0, 19.0];
        // (words, most lines, room) → (size, lines, warnings).
        type Case = (usize, usize, f32, Option<(f32, usize)>, Vec<Warning>);
        let cases: [Case; 8] = [
            (1, 4, 400.0, Some((30.0, 1)), vec![]),
            // Four lines at 30 px are 4 × 39 = 156 px.
            (7, 4, 200.0, Some((30.0, 4)), vec![]),
            (7, 4, 156.0, Some((30.0, 4)), vec![]),
            // At 150 px, 26 px: 4 × 33.8 = 135.2.
            (7, 4, 150.0, Some((26.0, 4)), vec![]),
            // At 100 px only 19 px, in three lines (74.1 px), does.
            (7, 4, 100.0, Some((19.0, 3)), vec![]),
            // A score card's headline has three lines at most.
            (7, 3, 400.0, Some((19.0, 3)), vec![]),
            // Two lines of 24.7 px fit 60 px: cut there.
            (7, 4, 60.0, Some((19.0, 2)), vec![HeadlineEllipsised]),
            (7, 4, 20.0, None, vec![TextZoneTooSmall]),
        ];
        for (i, (n, max_lines, room, want, warned)) in cases.into_iter().enumerate() {
            let text = words(n);
            let segments = Segments::of(&text, "en", &mut Icu);
            let h = Headline {
                sizes: &sizes,
                scale: 1.0,
                leading: 1.3,
                max_lines,
                width: 372.0,
                room,
            };
            let mut warnings = Vec::new();
            let set = fit_headline(
                &text,
                &segments,
                h,
                &mut FixedAdvance::default(),
                &mut warnings,
            );
            let got = set.as_ref().map(|s| (s.font.size, s.lines.len()));
            assert_eq!(got, want, "case {i}");
            assert_eq!(warnings, warned, "case {i}");
            if let Some(set) = set {
                assert_eq!(
                    set.lines.last().is_some_and(|l| l.ends_with('…')),
                    !warned.is_empty(),
                    "case {i}"
                );
            }
        }
    }

    #[test]
    fn the_summary_keeps_what_fits_up_to_three_lines() {
        use Warning::{SummaryDropped, SummaryShortened};
        // Regular 15 px: four words a line in 372 px; a line is 21.75 px.
        let font = Font {
            size: 15.0,
            weight: 400,
        };
        // (words, room) → (lines, warnings).
        let cases: [(usize, f32, usize, Vec<Warning>); 6] = [
            (8, 100.0, 2, vec![]),
            (12, 70.0, 3, vec![]),
            (14, 100.0, 3, vec![SummaryShortened]),
            (14, 50.0, 2, vec![SummaryShortened]),
            (14, 21.75, 1, vec![SummaryShortened]),
            (14, 20.0, 0, vec![SummaryDropped]),
        ];
        for (i, (n, room, want, warned)) in cases.into_iter().enumerate() {
            let text = words(n);
            let segments = Segments::of(&text, "en", &mut Icu);
            let mut warnings = Vec::new();
            let set = fit_summary(
                &text,
                &segments,
                font,
                21.75,
                372.0,
                room,
                &mut FixedAdvance::default(),
                &mut warnings,
            );
            let lines = set.as_ref().map_or(0, |s| s.lines.len());
            assert_eq!(lines, want, "case {i}");
            assert_eq!(warnings, warned, "case {i}");
            let cut = set
                .as_ref()
                .and_then(|s| s.lines.last())
                .is_some_and(|l| l.ends_with('…'));
            assert_eq!(cut, warned == [SummaryShortened], "case {i}");
        }
    }

    #[test]
    fn a_line_starts_where_its_text_does() {
        let text = "one two  three";
        let lines = ["one".to_string(), "two".to_string(), "three".to_string()];
        assert_eq!([0, 1, 2].map(|i| line_start(text, &lines, i)), [0, 4, 9]);
    }
}
