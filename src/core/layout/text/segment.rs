//! Where text may be split: grapheme clusters and line-break opportunities.
//!
//! Segmentation is a capability passed in ([`Segmenter`]), like measuring: in the browser it
//! is the platform's ICU (`Intl.Segmenter`, `Intl.v8BreakIterator`), the same data the DOM lays
//! text out with; on the host a well-kept crate stands in for it. What this module adds is the
//! part of line breaking that is Chromium's own rather than ICU's ([`chromium_breaks`]): Blink
//! asks ICU only about pairs of characters that are not both ASCII, breaks after every run of
//! spaces, and keeps its historical table for ASCII pairs (a break after `-` and `?`, before an
//! opening bracket after most punctuation, and none after `/`).

/// Finds grapheme clusters and line-break opportunities for a text.
pub trait Segmenter {
    /// Appends to `out` the byte offsets of the grapheme cluster boundaries in `text`,
    /// ascending, after 0 and ending with `text.len()` (nothing for an empty text).
    fn graphemes(&mut self, text: &str, out: &mut Vec<usize>);

    /// Appends to `out` the byte offsets of the line-break opportunities the platform's
    /// Unicode line breaker (UAX #14 with its tailoring for `lang`, dictionary words in Thai,
    /// Lao, Khmer and Burmese) finds in `text`: a line may end just before each. Ascending,
    /// after 0, ending with `text.len()`.
    fn line_breaks(&mut self, text: &str, lang: &str, out: &mut Vec<usize>);
}

/// A text's segmentation, computed once and used at every font size.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Segments {
    /// Where a line may break: byte offsets, ascending, ending with the text's length. A line
    /// that breaks at an offset ends before it (its trailing spaces hang).
    pub breaks: Vec<usize>,
    /// Grapheme cluster boundaries: byte offsets, ascending, ending with the text's length.
    pub graphemes: Vec<usize>,
}

impl Segments {
    /// Segments `text` in `lang` as Chromium would break it.
    pub fn of(text: &str, lang: &str, segmenter: &mut dyn Segmenter) -> Self {
        let mut graphemes = Vec::new();
        segmenter.graphemes(text, &mut graphemes);
        let mut icu = Vec::new();
        segmenter.line_breaks(text, lang, &mut icu);
        Self {
            breaks: chromium_breaks(text, &icu),
            graphemes: sanitize(text, graphemes),
        }
    }
}

/// Keeps only offsets that are inside `text`, on a character boundary, ascending, and makes
/// sure the text's end is the last one: a platform that answers nonsense cannot make the
/// layout slice through a character.
fn sanitize(text: &str, mut offsets: Vec<usize>) -> Vec<usize> {
    let mut last = 0;
    offsets.retain(|&o| {
        let keep = o > last && o <= text.len() && text.is_char_boundary(o);
        if keep {
            last = o;
        }
        keep
    });
    if !text.is_empty() && offsets.last() != Some(&text.len()) {
        offsets.push(text.len());
    }
    offsets
}

/// Spaces that Chromium breaks after (a run of them hangs at the end of a line).
fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\n' | '\t')
}

/// Chromium's table for two printable ASCII characters in a row: whether a line may break
/// between `last` and `next`. Letters and digits never break from what follows them.
fn ascii_pair_breaks(last: u8, next: u8) -> bool {
    // After `-` and after `?`: before letters and most symbols alike.
    let after_hyphen_or_question = next.is_ascii_alphabetic()
        || matches!(
            next,
            b'#' | b'%'
                | b'&'
                | b'('
                | b'*'
                | b'+'
                | b'-'
                | b'<'
                | b'='
                | b'>'
                | b'@'
                | b'['
                | b'\\'
                | b'^'
                | b'_'
                | b'`'
                | b'{'
                | b'|'
                | b'~'
        );
    match last {
        b'-' => after_hyphen_or_question || matches!(next, b'"' | b'\'' | 0x7f),
        b'?' => after_hyphen_or_question || next == b'$' || next.is_ascii_digit(),
        b'!' | b'"' | b'#' | b'%' | b'&' | b')' | b'*' | b'+' | b',' | b'.' | b':' | b';'
        | b'=' | b'>' | b'\\' | b']' | b'|' | b'}' | b'~' => {
            matches!(next, b'(' | b'<' | b'[' | b'{')
        }
        _ => false,
    }
}

const NBSP: char = '\u{a0}';

/// The break opportunities Chromium uses, from the ones its ICU gives (`icu`, byte offsets as
/// [`Segmenter::line_breaks`] returns them):
///
/// - after a run of spaces, always; never before a space;
/// - between `-` and a digit only when a letter or digit stands before the `-` (`ABCD-1234`,
///   `22-05`, but not the minus of `-5`);
/// - between two printable ASCII characters, by Chromium's table (`ascii_pair_breaks`);
/// - never between a no-break space and an ASCII character;
/// - everywhere else, where ICU breaks.
///
/// Returns byte offsets, ascending, ending with the text's length.
pub fn chromium_breaks(text: &str, icu: &[usize]) -> Vec<usize> {
    let mut out = Vec::new();
    let mut icu = icu.iter().copied().peekable();
    let mut chars = text.char_indices();
    let Some((_, mut last)) = chars.next() else {
        return out;
    };
    let mut last_last: Option<char> = None;
    for (i, c) in chars {
        while icu.next_if(|&b| b < i).is_some() {}
        let icu_here = icu.peek() == Some(&i);
        let breaks = if is_space(c) {
            false
        } else if is_space(last) {
            true
        } else if (last as u32) < 0x21 || (c as u32) < 0x21 {
            false
        } else if last == '-' && c.is_ascii_digit() {
            last_last.is_some_and(|p| p.is_ascii_alphanumeric())
        } else if last.is_ascii() && c.is_ascii() {
            ascii_pair_breaks(last as u8, c as u8)
        } else if (c == NBSP && last.is_ascii()) || (last == NBSP && c.is_ascii()) {
            false
        } else {
            icu_here
        };
        if breaks {
            out.push(i);
        }
        last_last = Some(last);
        last = c;
    }
    out.push(text.len());
    out
}

/// The segmenter of last resort, for a platform without `Intl.Segmenter`: every code point is
/// a grapheme and a line breaks only after spaces (and by Chromium's ASCII table). Text
/// without spaces then breaks between code points when it overflows, never mid-character.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SpacesOnly;

impl Segmenter for SpacesOnly {
    fn graphemes(&mut self, text: &str, out: &mut Vec<usize>) {
        out.extend(text.char_indices().skip(1).map(|(i, _)| i));
        if !text.is_empty() {
            out.push(text.len());
        }
    }

    fn line_breaks(&mut self, text: &str, _lang: &str, out: &mut Vec<usize>) {
        if !text.is_empty() {
            out.push(text.len());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pieces<'a>(text: &'a str, breaks: &[usize]) -> Vec<&'a str> {
        let mut start = 0;
        breaks
            .iter()
            .map(|&b| {
                let piece = &text[start..b];
                start = b;
                piece
            })
            .collect()
    }

    /// Every character boundary, as an ICU that breaks everywhere would give it: what is left
    /// after `chromium_breaks` is Chromium's own rules alone.
    fn everywhere(text: &str) -> Vec<usize> {
        let mut all: Vec<usize> = text.char_indices().skip(1).map(|(i, _)| i).collect();
        all.push(text.len());
        all
    }

    #[test]
    fn chromium_rules_on_their_own() {
        // (text, pieces when ICU would allow a break everywhere)
        let cases: [(&str, &[&str]); 10] = [
            // After a run of spaces, never before one.
            ("a  b", &["a  ", "b"]),
            // ASCII letters and digits hold together; `-` breaks before letters.
            ("co-op", &["co-", "op"]),
            // `-` before a digit: a break after a letter or a digit, none for a minus sign.
            ("ke-90", &["ke-", "90"]),
            ("22-05-2026", &["22-", "05-", "2026"]),
            ("is -5", &["is ", "-5"]),
            // No break after `/` between ASCII characters, one after `?`.
            ("a/b?c", &["a/b?", "c"]),
            // Before an opening bracket after punctuation, not after a letter.
            ("x.(y) z(w)", &["x.", "(y) ", "z(w)"]),
            // A no-break space glues to ASCII on both sides.
            ("10\u{a0}km", &["10\u{a0}km"]),
            // Outside ASCII, ICU decides (here: everywhere).
            ("ab—cd", &["ab", "—", "cd"]),
            ("", &[]),
        ];
        for (text, want) in cases {
            let got = chromium_breaks(text, &everywhere(text));
            assert_eq!(pieces(text, &got), want, "{text:?}");
        }
    }

    #[test]
    fn outside_ascii_only_icu_breaks() {
        // ICU gives no break at all: only the spaces break.
        let text = "คณะกรรมการ การเลือกตั้ง";
        let got = chromium_breaks(text, &[text.len()]);
        assert_eq!(pieces(text, &got), ["คณะกรรมการ ", "การเลือกตั้ง"]);
    }

    #[test]
    fn nonsense_from_the_platform_is_dropped() {
        let text = "हिन्दी";
        // 1 is inside the first character; 99 past the end; 3 repeated.
        let got = sanitize(text, vec![3, 3, 1, 99]);
        assert_eq!(got, [3, text.len()]);
    }

    #[test]
    fn spaces_only_fallback() {
        let mut s = SpacesOnly;
        let segments = Segments::of("ab cd", "en", &mut s);
        assert_eq!(segments.breaks, [3, 5]);
        assert_eq!(segments.graphemes, [1, 2, 3, 4, 5]);
    }
}
