//! Filling lines as Chromium fills them, from a text's [`Segments`].
//!
//! Greedy: each line takes as many segments (the text between two break opportunities) as fit,
//! its trailing spaces hanging past the edge; a segment wider than a whole line is broken
//! between grapheme clusters (CSS `overflow-wrap: break-word`), and only then. Widths come from
//! the measurer: each segment once per font (the measurer caches), summed, and the whole line
//! measured when the sum is close to the limit, where shaping across segments (kerning, a
//! ligature) could tip it; so fitting a headline at every size of a type scale is mostly
//! arithmetic, and no line is ever wider than its box by the measurer's own account.

use super::segment::Segments;
use super::{Font, TextMeasure};

/// How far under the limit (CSS px) a sum of segment widths must stay for the line to fit
/// without measuring it whole: more than shaping across segments ever adds.
const SHAPING_SLACK: f32 = 1.0;

/// Whether a line of `width` fits in `max_width` as Chromium decides it: in its layout unit of
/// 1/64 px, the width's fraction of a unit dropped. Lines measured 320.0006 px (ten 32 px
/// ideographs), 320.0122 px (Burmese at 15 px) and 372.0148 px (Malay at 41.6 px) each fit
/// Chromium's line of 320 or 372 px.
pub fn fits_in(width: f32, max_width: f32) -> bool {
    (width * 64.0).floor() <= (max_width * 64.0).round()
}

/// The widths of a text's segments in one font, measured on first use.
struct Widths<'a> {
    text: &'a str,
    segments: &'a Segments,
    font: Font,
    /// Per segment: the width of its content without the trailing spaces, then of the spaces.
    cache: Vec<Option<(f32, f32)>>,
}

impl<'a> Widths<'a> {
    fn new(text: &'a str, segments: &'a Segments, font: Font) -> Self {
        Self {
            text,
            segments,
            font,
            cache: vec![None; segments.breaks.len()],
        }
    }

    fn start_of(&self, k: usize) -> usize {
        if k == 0 {
            0
        } else {
            self.segments.breaks[k - 1]
        }
    }

    fn segment(&mut self, k: usize, measure: &mut dyn TextMeasure) -> (f32, f32) {
        if let Some(w) = self.cache[k] {
            return w;
        }
        let piece = &self.text[self.start_of(k)..self.segments.breaks[k]];
        let content = piece.trim_end();
        let spaces = &piece[content.len()..];
        let w = (
            if content.is_empty() {
                0.0
            } else {
                measure.width(content, self.font)
            },
            if spaces.is_empty() {
                0.0
            } else {
                measure.width(spaces, self.font)
            },
        );
        self.cache[k] = Some(w);
        w
    }
}

/// A line being filled: the text from `start` to the end of segment `last`.
fn fits(
    widths: &mut Widths,
    first: usize,
    last: usize,
    start: usize,
    max_width: f32,
    measure: &mut dyn TextMeasure,
) -> bool {
    // A line that starts inside segment `first` (after a break between clusters) is measured
    // whole: its first piece is no segment.
    let mut sum = 0.0;
    let whole_first = start == widths.start_of(first);
    if whole_first {
        for k in first..last {
            let (content, spaces) = widths.segment(k, measure);
            sum += content + spaces;
        }
        sum += widths.segment(last, measure).0;
        if sum <= max_width - SHAPING_SLACK {
            return true;
        }
        // Near or over the limit, the whole line decides: shaped whole it can be much narrower
        // than its segments (ICU breaks Burmese inside a stacked consonant, က | မ္ | ဘာ့, and
        // "မ္" alone shows a virama the stack does not). A greedy fill asks this for the last
        // segment or two of each line.
    }
    let line = widths.text[start..widths.segments.breaks[last]].trim_end();
    fits_in(measure.width(line, widths.font), max_width)
}

/// Breaks `text` (segmented as `segments`) into lines no wider than `max_width`. Returns the
/// lines in order, without the spaces they broke at.
pub fn break_lines(
    text: &str,
    segments: &Segments,
    max_width: f32,
    font: Font,
    measure: &mut dyn TextMeasure,
) -> Vec<String> {
    let mut widths = Widths::new(text, segments, font);
    let mut lines = Vec::new();
    let breaks = &segments.breaks;
    // Leading spaces take no line of their own.
    let mut start = text.len() - text.trim_start().len();
    // The segment the current line starts in, and the last one that fitted.
    let mut first = breaks.partition_point(|&b| b <= start);
    let mut k = first;
    while k < breaks.len() {
        if fits(&mut widths, first, k, start, max_width, measure) {
            k += 1;
            continue;
        }
        if k > first {
            // The line ends before segment k.
            lines.push(text[start..breaks[k - 1]].trim_end().to_string());
            start = breaks[k - 1];
            first = k;
            continue;
        }
        // Segment k alone is wider than the line: as many clusters as fit (at least one).
        let end = breaks[k];
        let clusters = &segments.graphemes;
        let from = clusters.partition_point(|&g| g <= start);
        let mut cut = clusters.get(from).copied().unwrap_or(end).min(end);
        // The longest run of clusters that fits, found by halving (a run's width grows with
        // it): a few measures per line even for a long URL.
        let inside = &clusters[from..clusters.partition_point(|&g| g < end)];
        let (mut lo, mut hi) = (1, inside.len());
        while lo < hi {
            let mid = (lo + hi).div_ceil(2);
            if fits_in(
                measure.width(text[start..inside[mid - 1]].trim_end(), font),
                max_width,
            ) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        if lo > 1 {
            cut = inside[lo - 1];
        }
        if text[cut..end].trim().is_empty() {
            // Only the hanging spaces were left: the segment fits after all.
            k += 1;
            continue;
        }
        lines.push(text[start..cut].to_string());
        start = cut;
    }
    let rest = text[start..].trim_end();
    if !rest.is_empty() {
        lines.push(rest.to_string());
    }
    lines
}

/// The lines of `source` as broken by [`break_lines`], each followed by the space that stood
/// at its break, so that the lines joined read as the source did (for copy, search and screen
/// readers); a space at the end of a line takes no room on screen.
pub fn with_break_spaces(source: &str, lines: &[String]) -> Vec<String> {
    let mut rest = source.trim_start();
    lines
        .iter()
        .map(|line| {
            let mut out = line.clone();
            if let Some(after) = rest.strip_prefix(line.as_str()) {
                if after.starts_with(char::is_whitespace) {
                    out.push(' ');
                }
                rest = after.trim_start();
            }
            out
        })
        .collect()
}

/// Shortens `line` (a line of a text segmented as `segments`, starting at byte `offset` of
/// it) so that it and an ellipsis fit in `max_width`. The cut falls at a word, where the line
/// could have broken (a dictionary word in Thai, Khmer, Burmese or Japanese), the longest such
/// cut that fits; only when not even the first word fits does it fall between grapheme
/// clusters, never inside one (so never after a dangling virama or before a mark).
pub fn ellipsize(
    line: &str,
    offset: usize,
    segments: &Segments,
    max_width: f32,
    font: Font,
    measure: &mut dyn TextMeasure,
) -> String {
    let with_ellipsis = |keep: usize| {
        let mut candidate = line[..keep].trim_end().to_string();
        candidate.push('…');
        candidate
    };
    let inside = |offsets: &[usize]| -> Vec<usize> {
        offsets
            .iter()
            .filter_map(|&o| o.checked_sub(offset))
            .filter(|&o| o > 0 && o < line.len())
            .collect()
    };
    let mut best = None;
    for cuts in [inside(&segments.breaks), inside(&segments.graphemes)] {
        // Widths grow with the cut: the longest that fits, found by halving.
        let (mut low, mut high) = (0, cuts.len());
        while low < high {
            let mid = (low + high).div_ceil(2);
            if fits_in(
                measure.width(&with_ellipsis(cuts[mid - 1]), font),
                max_width,
            ) {
                low = mid;
            } else {
                high = mid - 1;
            }
        }
        if low > 0 {
            best = Some(cuts[low - 1]);
            break;
        }
    }
    best.map_or_else(|| "…".to_string(), with_ellipsis)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::layout::text::segment::{Segmenter, SpacesOnly};
    use crate::core::layout::text::FixedAdvance;

    #[test]
    fn a_line_fits_as_chromium_decides_it() {
        // (measured width, line width) → fits, as Chromium laid these lines out.
        let cases = [
            (320.0, 320.0, true),
            (319.99, 320.0, true),
            // Ten 32 px ideographs; a Burmese line at 15 px; a Malay line at 41.6 px: each
            // over its line by less than Chromium's layout unit, and set on it.
            (320.0006, 320.0, true),
            (320.0122, 320.0, true),
            (372.0148, 372.0, true),
            // A whole unit over does not fit.
            (320.0 + 1.0 / 64.0, 320.0, false),
            (320.5, 320.0, false),
        ];
        for (width, max, want) in cases {
            assert_eq!(fits_in(width, max), want, "{width} in {max}");
        }
    }

    const F: Font = Font {
        size: 20.0,
        weight: 400,
    };

    /// Breaks where a test says: at each `|` of the pattern (removed from the text), graphemes
    /// at every code point.
    struct Marked(Vec<usize>);

    impl Segmenter for Marked {
        fn graphemes(&mut self, text: &str, out: &mut Vec<usize>) {
            SpacesOnly.graphemes(text, out);
        }
        fn line_breaks(&mut self, text: &str, _lang: &str, out: &mut Vec<usize>) {
            out.extend(self.0.iter().copied());
            out.push(text.len());
        }
    }

    fn marked(pattern: &str) -> (String, Segments) {
        let mut text = String::new();
        let mut marks = Vec::new();
        for c in pattern.chars() {
            if c == '|' {
                marks.push(text.len());
            } else {
                text.push(c);
            }
        }
        let segments = Segments::of(&text, "th", &mut Marked(marks));
        (text, segments)
    }

    #[test]
    fn breaks_after_spaces_within_the_width() {
        let mut m = FixedAdvance::default(); // 11 px per letter at 20 px
        let text = "Monsoon returns to Mumbai with heavy showers";
        let segments = Segments::of(text, "en", &mut SpacesOnly);
        let lines = break_lines(text, &segments, 120.0, F, &mut m);
        assert_eq!(
            lines,
            ["Monsoon", "returns to", "Mumbai with", "heavy", "showers"]
        );
        for line in &lines {
            assert!(m.width(line, F) <= 120.0, "{line}");
        }
    }

    #[test]
    fn text_without_spaces_breaks_at_words() {
        let mut m = FixedAdvance::default();
        // Three words the platform's dictionary found; 2 + 4 + 3 letters of 11 px. (Not ASCII:
        // between ASCII letters Chromium never asks the dictionary.)
        let (text, segments) = marked("αβ|γδεζ|ηθι");
        let lines = break_lines(&text, &segments, 70.0, F, &mut m);
        assert_eq!(lines, ["αβγδεζ", "ηθι"]);
        let lines = break_lines(&text, &segments, 50.0, F, &mut m);
        assert_eq!(lines, ["αβ", "γδεζ", "ηθι"]);
    }

    #[test]
    fn a_word_wider_than_the_line_breaks_between_clusters_only_then() {
        let mut m = FixedAdvance::default();
        let (text, segments) = marked("ab |abcdefgh |xy");
        // 30 px holds two letters: "ab" fits whole; the long word is cut in twos.
        let lines = break_lines(&text, &segments, 30.0, F, &mut m);
        assert_eq!(lines, ["ab", "ab", "cd", "ef", "gh", "xy"]);
        assert_eq!(lines.concat(), text.replace(' ', ""), "nothing lost");
    }

    #[test]
    fn lines_keep_the_spaces_they_broke_at() {
        let mut m = FixedAdvance::default();
        let source = "Monsoon returns to Mumbai";
        let segments = Segments::of(source, "en", &mut SpacesOnly);
        let lines = break_lines(source, &segments, 120.0, F, &mut m);
        assert_eq!(with_break_spaces(source, &lines).concat(), source);
        let (thai, segments) = marked("ภาษา|ไทย|ไม่มี|การ|เว้น|วรรค");
        let lines = break_lines(&thai, &segments, 60.0, F, &mut m);
        assert!(lines.len() > 1);
        assert_eq!(
            with_break_spaces(&thai, &lines).concat(),
            thai,
            "no space invented between words"
        );
    }

    /// Widths as a browser gives them: letters add up, but some pairs kern (here a capital
    /// followed by a space or a lower-case letter tightens by 0.6 px).
    struct Kerned(FixedAdvance);

    impl TextMeasure for Kerned {
        fn width(&mut self, text: &str, font: Font) -> f32 {
            let pairs = text
                .chars()
                .zip(text.chars().skip(1))
                .filter(|(a, b)| a.is_uppercase() && (*b == ' ' || b.is_lowercase()))
                .count();
            self.0.width(text, font) - 0.6 * pairs as f32
        }
    }

    #[test]
    fn lines_never_exceed_the_width_by_the_measure_of_the_whole_line() {
        let text = "A Big Old Tree Fell On A Road In Pune After Heavy Rain Today";
        let segments = Segments::of(text, "en", &mut SpacesOnly);
        for width in (40..=400).step_by(7) {
            let mut m = Kerned(FixedAdvance::default());
            for line in break_lines(text, &segments, width as f32, F, &mut m) {
                let alone = segments.breaks.len() == 1;
                assert!(
                    m.width(&line, F) <= width as f32 || alone,
                    "{line:?} in {width}"
                );
            }
        }
    }

    #[test]
    fn ellipsis_falls_at_a_word() {
        let mut m = FixedAdvance::default();
        let (text, segments) = marked("αβ|γδεζ|ηθι");
        // 70 px: "αβγδεζ…" is 7 letters (77 px), too wide; "αβ…" fits.
        assert_eq!(ellipsize(&text, 0, &segments, 70.0, F, &mut m), "αβ…");
        // Not even the first word: clusters.
        assert_eq!(ellipsize(&text, 0, &segments, 25.0, F, &mut m), "α…");
        assert_eq!(ellipsize(&text, 0, &segments, 5.0, F, &mut m), "…");
        // A line that starts later in the text: its offsets are shifted.
        let line = &text[4..];
        assert_eq!(ellipsize(line, 4, &segments, 70.0, F, &mut m), "γδεζ…");
    }

    #[test]
    fn ellipsis_is_the_longest_word_cut_that_fits() {
        let line = "A very long last line of a headline that goes on";
        let segments = Segments::of(line, "en", &mut SpacesOnly);
        for width in (10..=300).step_by(3) {
            let mut m = Kerned(FixedAdvance::default());
            let cut = ellipsize(line, 0, &segments, width as f32, F, &mut m);
            assert!(cut.ends_with('…'));
            assert!(m.width(&cut, F) <= width as f32 || cut == "…", "{cut}");
            let kept = cut.trim_end_matches('…');
            // The next word would not have fitted.
            if let Some(&next) = segments.breaks.iter().find(|&&b| b > kept.len() + 1) {
                if next < line.len() && line[..kept.len()].ends_with(|c: char| c != ' ') {
                    let mut longer = line[..next].trim_end().to_string();
                    longer.push('…');
                    assert!(m.width(&longer, F) > width as f32 || kept.len() < 2);
                }
            }
        }
    }
}
