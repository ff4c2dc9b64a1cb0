//! Text measurement and line breaking, for fitting headlines into their boxes.
//!
//! Measuring is a capability passed in ([`TextMeasure`]): the browser measures with the real
//! font, host tests with a deterministic stand-in ([`FixedAdvance`]). Breaking follows the few
//! rules that matter on a lock screen: break after spaces; never inside a grapheme cluster (a
//! base letter with its combining marks, or a conjunct joined by a virama or a zero-width
//! joiner); and when a run without spaces (Thai, a long URL) is wider than the line, break
//! between clusters rather than overflow.

/// A font to measure with: size in CSS px and weight; the family comes from the skin.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Font {
    /// Size in CSS px.
    pub size: f32,
    /// CSS weight (400 regular, 700 bold).
    pub weight: u16,
}

/// Measures the advance width of text, in CSS px.
pub trait TextMeasure {
    /// Width of `text` set in `font` (of the skin's family).
    fn width(&mut self, text: &str, font: Font) -> f32;
}

/// A deterministic measurer for tests and snapshots: every grapheme cluster advances by
/// `em × size` (spaces by a third of that), bold text is 5 % wider.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct FixedAdvance {
    /// Advance of one cluster, in ems.
    pub em: f32,
}

impl Default for FixedAdvance {
    fn default() -> Self {
        Self { em: 0.55 }
    }
}

impl TextMeasure for FixedAdvance {
    fn width(&mut self, text: &str, font: Font) -> f32 {
        let bold = if font.weight >= 600 { 1.05 } else { 1.0 };
        let mut width = 0.0;
        for cluster in clusters(text) {
            let space = cluster.chars().all(char::is_whitespace);
            width += if space { self.em / 3.0 } else { self.em };
        }
        width * font.size * bold
    }
}

/// Whether `c` attaches to the character before it (combining marks and joiners of the
/// scripts the feed uses).
fn extends(c: char) -> bool {
    matches!(c as u32,
        0x0300..=0x036F            // combining diacritics
        | 0x0483..=0x0489
        | 0x0591..=0x05BD | 0x05BF | 0x05C1..=0x05C2 | 0x05C4..=0x05C5 | 0x05C7 // Hebrew points
        | 0x0610..=0x061A | 0x064B..=0x065F | 0x0670 | 0x06D6..=0x06DC | 0x06DF..=0x06E4
        | 0x06E7..=0x06E8 | 0x06EA..=0x06ED // Arabic marks
        | 0x0900..=0x0903 | 0x093A..=0x094F | 0x0951..=0x0957 | 0x0962..=0x0963 // Devanagari
        | 0x0981..=0x0983 | 0x09BC | 0x09BE..=0x09CD | 0x09D7 | 0x09E2..=0x09E3 // Bengali
        | 0x0A01..=0x0A03 | 0x0A3C..=0x0A51 | 0x0A70..=0x0A71 | 0x0A75 // Gurmukhi
        | 0x0A81..=0x0A83 | 0x0ABC..=0x0ACD | 0x0AE2..=0x0AE3 // Gujarati
        | 0x0B01..=0x0B03 | 0x0B3C..=0x0B57 | 0x0B62..=0x0B63 // Odia
        | 0x0B82 | 0x0BBE..=0x0BCD | 0x0BD7 // Tamil
        | 0x0C00..=0x0C04 | 0x0C3C..=0x0C56 | 0x0C62..=0x0C63 // Telugu
        | 0x0C81..=0x0C83 | 0x0CBC..=0x0CD6 | 0x0CE2..=0x0CE3 // Kannada
        | 0x0D00..=0x0D03 | 0x0D3B..=0x0D57 | 0x0D62..=0x0D63 // Malayalam
        | 0x0E31 | 0x0E34..=0x0E3A | 0x0E47..=0x0E4E // Thai
        | 0x0EB1 | 0x0EB4..=0x0EBC | 0x0EC8..=0x0ECD // Lao
        | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF
        | 0x200C..=0x200D          // zero-width non-joiner and joiner
        | 0xFE00..=0xFE0F | 0xFE20..=0xFE2F // variation selectors, half marks
        | 0x1F3FB..=0x1F3FF        // emoji skin tones
        | 0xE0100..=0xE01EF)
}

/// Whether `c` joins the next letter into one cluster (a virama forming a conjunct, or ZWJ).
fn joins_next(c: char) -> bool {
    matches!(
        c as u32,
        0x094D | 0x09CD | 0x0A4D | 0x0ACD | 0x0B4D | 0x0BCD | 0x0C4D | 0x0CCD | 0x0D4D | 0x200D
    )
}

/// Splits text into grapheme clusters as the rules above define them.
pub fn clusters(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = text;
    std::iter::from_fn(move || {
        let mut chars = rest.char_indices();
        let (_, first) = chars.next()?;
        let mut end = first.len_utf8();
        let mut previous = first;
        for (i, c) in chars {
            // A virama or joiner before a space (a word ending in a halant) joins nothing.
            if extends(c) || (joins_next(previous) && !c.is_whitespace()) {
                end = i + c.len_utf8();
                previous = c;
            } else {
                break;
            }
        }
        let (cluster, tail) = rest.split_at(end);
        rest = tail;
        Some(cluster)
    })
}

/// Breaks `text` into lines no wider than `max_width`. Returns the lines (trimmed of spaces
/// at the break) in order.
pub fn break_lines(
    text: &str,
    max_width: f32,
    font: Font,
    measure: &mut dyn TextMeasure,
) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in words(text) {
        let candidate = if line.is_empty() {
            word.trim_start().to_string()
        } else {
            format!("{line}{word}")
        };
        if measure.width(candidate.trim_end(), font) <= max_width {
            line = candidate;
            continue;
        }
        if !line.trim().is_empty() {
            lines.push(line.trim_end().to_string());
        }
        line = String::new();
        // The word alone: if it is still too wide, break it between clusters.
        for cluster in clusters(word.trim_start()) {
            let candidate = format!("{line}{cluster}");
            if line.is_empty() || measure.width(candidate.trim_end(), font) <= max_width {
                line = candidate;
            } else {
                lines.push(line.trim_end().to_string());
                line = cluster.to_string();
            }
        }
    }
    if !line.trim().is_empty() {
        lines.push(line.trim_end().to_string());
    }
    lines
}

/// Splits text after each run of spaces, keeping the spaces with the word before them.
fn words(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = text;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let bytes = rest.as_bytes();
        let mut i = 0;
        // Leading spaces belong to the first word.
        while i < bytes.len() && bytes[i] == b' ' {
            i += 1;
        }
        let after_word = rest[i..].find(' ').map_or(rest.len(), |p| i + p);
        let mut end = after_word;
        while end < bytes.len() && bytes[end] == b' ' {
            end += 1;
        }
        let (word, tail) = rest.split_at(end);
        rest = tail;
        Some(word)
    })
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

/// Shortens `line` so that it and an ellipsis fit in `max_width`, cutting between clusters
/// (the longest such cut, found by halving: a few measures whatever the line's length).
pub fn ellipsize(line: &str, max_width: f32, font: Font, measure: &mut dyn TextMeasure) -> String {
    let all: Vec<&str> = clusters(line).collect();
    let cut = |keep: usize| {
        let mut candidate: String = all[..keep].concat().trim_end().to_string();
        candidate.push('…');
        candidate
    };
    // The answer lies in [low, high]; keeping nothing always does.
    let (mut low, mut high) = (0, all.len());
    while low < high {
        let mid = (low + high).div_ceil(2);
        if measure.width(&cut(mid), font) <= max_width {
            low = mid;
        } else {
            high = mid - 1;
        }
    }
    cut(low)
}

#[cfg(test)]
mod tests {
    use super::*;

    const F: Font = Font {
        size: 20.0,
        weight: 400,
    };

    #[test]
    fn clusters_keep_marks_and_conjuncts_together() {
        // क्ष = क + virama + ष (one conjunct); ि is a vowel sign; the Tamil கொ has two marks.
        let cases: [(&str, &[&str]); 6] = [
            ("क्षत्रिय", &["क्ष", "त्रि", "य"]),
            ("हिन्दी", &["हि", "न्दी"]),
            ("கொம்பு", &["கொ", "ம்பு"]),
            ("ที่นี่", &["ที่", "นี่"]), // Thai vowel and tone marks stay on their consonant
            ("é", &["é"]),
            ("ம் ம", &["ம்", " ", "ம"]), // a word-final virama keeps the space after it apart
        ];
        for (text, want) in cases {
            assert_eq!(clusters(text).collect::<Vec<_>>(), want, "{text}");
        }
    }

    #[test]
    fn breaks_after_spaces_within_the_width() {
        let mut m = FixedAdvance::default(); // 11 px per cluster at 20 px
        let lines = break_lines(
            "Monsoon returns to Mumbai with heavy showers",
            120.0,
            F,
            &mut m,
        );
        assert_eq!(
            lines,
            ["Monsoon", "returns to", "Mumbai with", "heavy", "showers"]
        );
        for line in &lines {
            assert!(m.width(line, F) <= 120.0, "{line}");
        }
    }

    #[test]
    fn text_without_spaces_breaks_between_clusters_only() {
        let mut m = FixedAdvance::default();
        let thai = "ภาษาไทยไม่มีการเว้นวรรคระหว่างคำ";
        let lines = break_lines(thai, 60.0, F, &mut m);
        assert!(lines.len() > 1);
        assert_eq!(lines.concat(), thai, "nothing lost or added");
        for line in &lines {
            assert!(m.width(line, F) <= 60.0, "{line}");
            let first = line.chars().next().expect("non-empty");
            assert!(
                !extends(first),
                "a line never starts with a combining mark: {line}"
            );
        }
        let hindi = "क्षत्रियक्षत्रियक्षत्रिय";
        for line in break_lines(hindi, 35.0, F, &mut m) {
            assert!(
                !line.ends_with('\u{094D}'),
                "a conjunct is never split: {line}"
            );
        }
    }

    #[test]
    fn lines_keep_the_spaces_they_broke_at() {
        let mut m = FixedAdvance::default();
        let source = "Monsoon returns to Mumbai";
        let lines = break_lines(source, 120.0, F, &mut m);
        assert_eq!(with_break_spaces(source, &lines).concat(), source);
        let thai = "ภาษาไทยไม่มีการเว้นวรรค";
        let lines = break_lines(thai, 60.0, F, &mut m);
        assert_eq!(
            with_break_spaces(thai, &lines).concat(),
            thai,
            "no space invented between clusters"
        );
    }

    /// Widths as a browser gives them: clusters add up, but some pairs kern (here a capital
    /// followed by a space or a lower-case letter tightens by 0.6 px).
    struct Kerned(FixedAdvance, u32);

    impl TextMeasure for Kerned {
        fn width(&mut self, text: &str, font: Font) -> f32 {
            self.1 += 1;
            let pairs = text
                .chars()
                .zip(text.chars().skip(1))
                .filter(|(a, b)| a.is_uppercase() && (*b == ' ' || b.is_lowercase()))
                .count();
            self.0.width(text, font) - 0.6 * pairs as f32
        }
    }

    #[test]
    fn ellipsis_is_the_longest_cut_that_fits() {
        let line = "A very long last line of a headline that goes on";
        for width in (10..=300).step_by(3) {
            let mut m = Kerned(FixedAdvance::default(), 0);
            let cut = ellipsize(line, width as f32, F, &mut m);
            assert!(cut.ends_with('…'));
            assert!(m.width(&cut, F) <= width as f32 || cut == "…", "{cut}");
            let kept = cut.trim_end_matches('…').trim_end();
            let longer: String = clusters(line).take(kept.chars().count() + 1).collect();
            if longer.len() > kept.len() && longer.trim_end() != kept {
                let mut longer = longer.trim_end().to_string();
                longer.push('…');
                assert!(
                    m.width(&longer, F) > width as f32,
                    "{longer} would fit in {width}"
                );
            }
        }
    }

    #[test]
    fn ellipsis_fits() {
        let mut m = FixedAdvance::default();
        let cut = ellipsize("A very long last line of a headline", 100.0, F, &mut m);
        assert!(cut.ends_with('…'));
        assert!(m.width(&cut, F) <= 100.0);
        assert_eq!(ellipsize("Hi", 100.0, F, &mut m), "Hi…");
    }
}
