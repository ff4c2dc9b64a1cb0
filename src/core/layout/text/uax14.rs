//! Line-break opportunities from word boundaries, for a platform whose `Intl` has a word
//! segmenter but no line breaker (`Intl.v8BreakIterator` is Chromium's own): the part of
//! Unicode's line-breaking algorithm (UAX #14) that headlines meet, over the words the
//! segmenter finds (dictionary words in Thai, Lao, Khmer and Burmese).
//!
//! A break may fall after a run of spaces, after a zero-width space, a soft hyphen, a hyphen
//! (not before a number) or a dash, before an em dash, after Chinese and Japanese closing
//! punctuation, between two ideographs or kana (and between one and a neighbouring letter),
//! and between two words of a script written without spaces. It never falls before closing,
//! non-starter or infix punctuation (`)`, `」`, `。`, `、`, `!`, `?`, `,`, `।`, `۔`, `…`; small
//! kana and `ー` except in Chinese and Japanese, as CSS `line-break: normal` has it; dandas
//! and the section marks of Myanmar, Khmer and Thai), between such a script's letters and its
//! digits or symbols, after
//! opening punctuation (`(`, `「`, `“`), after a zero-width joiner, or on either side of a
//! no-break space or word joiner. The rest of what Chromium does is
//! [`super::segment::chromium_breaks`].

/// The line-breaking class of a character, as far as these rules tell classes apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    /// A space (a break follows a run of them).
    Space,
    /// No break on either side: no-break spaces, the word joiner.
    Glue,
    /// A zero-width space: a break after it.
    ZeroWidth,
    /// Opening punctuation: no break after.
    Open,
    /// Closing, non-starter, exclamation and infix punctuation, and combining marks: no break
    /// before.
    NoBreakBefore,
    /// Closing punctuation of Chinese and Japanese (`、`, `。`, `」`, full-width `)`, `!`, `?`):
    /// no break before, a break after.
    WideClose,
    /// Hyphens, dashes, the soft hyphen, dandas, the ideographic space: a break after (and, for
    /// dandas, none before).
    BreakAfter,
    /// Ideographs, kana, Hangul syllables and emoji: a break on either side.
    Ideograph,
    /// A script written without spaces between words (Thai, Lao, Myanmar, Khmer).
    Complex,
    /// Small kana and the prolonged sound mark, in the table only: ideographs in
    /// `line-break: normal` (Chinese and Japanese), non-starters elsewhere.
    SmallKana,
    /// Anything else (letters, digits).
    Other,
}

/// The class of `c` in text of a language whose small kana and prolonged sound mark may start
/// a line (`cj_normal`: Chinese and Japanese, CSS `line-break: normal`).
/// Characters with a class of their own, by code point: spaces, glue, the zero-width space;
/// opening punctuation; closing, non-starter, exclamation and infix punctuation; Chinese and
/// Japanese closing punctuation; small kana; hyphens, dashes, the soft hyphen, the
/// ideographic space and the sentence marks of Devanagari, Myanmar, Khmer and Thai; Khmer's
/// repetition mark, which ICU (and so Chromium) breaks on both sides of.
const SINGLES: [(char, Class); 124] = [
    ('\u{9}', Class::Space),
    ('\u{a}', Class::Space),
    ('\u{20}', Class::Space),
    ('\u{21}', Class::NoBreakBefore),
    ('\u{28}', Class::Open),
    ('\u{29}', Class::NoBreakBefore),
    ('\u{2c}', Class::NoBreakBefore),
    ('\u{2d}', Class::BreakAfter),
    ('\u{2e}', Class::NoBreakBefore),
    ('\u{3a}', Class::NoBreakBefore),
    ('\u{3b}', Class::NoBreakBefore),
    ('\u{3f}', Class::NoBreakBefore),
    ('\u{5b}', Class::Open),
    ('\u{5d}', Class::NoBreakBefore),
    ('\u{7b}', Class::Open),
    ('\u{7d}', Class::NoBreakBefore),
    ('\u{a0}', Class::Glue),
    ('\u{a1}', Class::Open),
    ('\u{ab}', Class::Open),
    ('\u{ad}', Class::BreakAfter),
    ('\u{bb}', Class::NoBreakBefore),
    ('\u{bf}', Class::Open),
    ('\u{34f}', Class::Glue),
    ('\u{60c}', Class::NoBreakBefore),
    ('\u{61b}', Class::NoBreakBefore),
    ('\u{61f}', Class::NoBreakBefore),
    ('\u{6d4}', Class::NoBreakBefore),
    ('\u{964}', Class::BreakAfter),
    ('\u{965}', Class::BreakAfter),
    ('\u{e5a}', Class::BreakAfter),
    ('\u{e5b}', Class::BreakAfter),
    ('\u{104a}', Class::BreakAfter),
    ('\u{104b}', Class::BreakAfter),
    ('\u{17d4}', Class::BreakAfter),
    ('\u{17d5}', Class::BreakAfter),
    ('\u{17d6}', Class::NoBreakBefore),
    ('\u{17d7}', Class::Ideograph),
    ('\u{2007}', Class::Glue),
    ('\u{200b}', Class::ZeroWidth),
    ('\u{200d}', Class::NoBreakBefore),
    ('\u{2010}', Class::BreakAfter),
    ('\u{2012}', Class::BreakAfter),
    ('\u{2013}', Class::BreakAfter),
    ('\u{2014}', Class::BreakAfter),
    ('\u{2018}', Class::Open),
    ('\u{2019}', Class::NoBreakBefore),
    ('\u{201c}', Class::Open),
    ('\u{201d}', Class::NoBreakBefore),
    ('\u{2026}', Class::NoBreakBefore),
    ('\u{202f}', Class::Glue),
    ('\u{203c}', Class::NoBreakBefore),
    ('\u{2047}', Class::NoBreakBefore),
    ('\u{2048}', Class::NoBreakBefore),
    ('\u{2049}', Class::NoBreakBefore),
    ('\u{2060}', Class::Glue),
    ('\u{3000}', Class::BreakAfter),
    ('\u{3001}', Class::WideClose),
    ('\u{3002}', Class::WideClose),
    ('\u{3005}', Class::NoBreakBefore),
    ('\u{3008}', Class::Open),
    ('\u{3009}', Class::WideClose),
    ('\u{300a}', Class::Open),
    ('\u{300b}', Class::WideClose),
    ('\u{300c}', Class::Open),
    ('\u{300d}', Class::WideClose),
    ('\u{300e}', Class::Open),
    ('\u{300f}', Class::WideClose),
    ('\u{3010}', Class::Open),
    ('\u{3011}', Class::WideClose),
    ('\u{3014}', Class::Open),
    ('\u{3015}', Class::WideClose),
    ('\u{3016}', Class::Open),
    ('\u{3017}', Class::WideClose),
    ('\u{3018}', Class::Open),
    ('\u{3019}', Class::WideClose),
    ('\u{303b}', Class::NoBreakBefore),
    ('\u{3041}', Class::SmallKana),
    ('\u{3043}', Class::SmallKana),
    ('\u{3045}', Class::SmallKana),
    ('\u{3047}', Class::SmallKana),
    ('\u{3049}', Class::SmallKana),
    ('\u{3063}', Class::SmallKana),
    ('\u{3083}', Class::SmallKana),
    ('\u{3085}', Class::SmallKana),
    ('\u{3087}', Class::SmallKana),
    ('\u{308e}', Class::SmallKana),
    ('\u{3095}', Class::SmallKana),
    ('\u{3096}', Class::SmallKana),
    ('\u{309b}', Class::NoBreakBefore),
    ('\u{309c}', Class::NoBreakBefore),
    ('\u{309d}', Class::NoBreakBefore),
    ('\u{309e}', Class::NoBreakBefore),
    ('\u{30a1}', Class::SmallKana),
    ('\u{30a3}', Class::SmallKana),
    ('\u{30a5}', Class::SmallKana),
    ('\u{30a7}', Class::SmallKana),
    ('\u{30a9}', Class::SmallKana),
    ('\u{30c3}', Class::SmallKana),
    ('\u{30e3}', Class::SmallKana),
    ('\u{30e5}', Class::SmallKana),
    ('\u{30e7}', Class::SmallKana),
    ('\u{30ee}', Class::SmallKana),
    ('\u{30f5}', Class::SmallKana),
    ('\u{30f6}', Class::SmallKana),
    ('\u{30fb}', Class::WideClose),
    ('\u{30fc}', Class::SmallKana),
    ('\u{30fd}', Class::NoBreakBefore),
    ('\u{30fe}', Class::NoBreakBefore),
    ('\u{fe0f}', Class::NoBreakBefore),
    ('\u{feff}', Class::Glue),
    ('\u{ff01}', Class::WideClose),
    ('\u{ff08}', Class::Open),
    ('\u{ff09}', Class::WideClose),
    ('\u{ff0c}', Class::WideClose),
    ('\u{ff0e}', Class::WideClose),
    ('\u{ff1a}', Class::WideClose),
    ('\u{ff1b}', Class::WideClose),
    ('\u{ff1f}', Class::WideClose),
    ('\u{ff3b}', Class::Open),
    ('\u{ff3d}', Class::WideClose),
    ('\u{ff5b}', Class::Open),
    ('\u{ff5d}', Class::WideClose),
    ('\u{ff5f}', Class::Open),
    ('\u{ff60}', Class::WideClose),
];

/// Digits of the scripts headlines use (a hyphen before one joins it; in a script written
/// without spaces, digits are no part of a dictionary word's boundary).
fn is_digit(u: u32) -> bool {
    matches!(u, 0x30..=0x39 | 0x660..=0x669 | 0x6f0..=0x6f9 | 0x966..=0x96f | 0x9e6..=0x9ef
        | 0xbe6..=0xbef | 0xc66..=0xc6f | 0xe50..=0xe59 | 0xed0..=0xed9 | 0x1040..=0x1049
        | 0x1090..=0x1099 | 0x17e0..=0x17e9)
}

/// The class of `c` in text of a language whose small kana and prolonged sound mark may start
/// a line (`cj_normal`: Chinese and Japanese, CSS `line-break: normal`).
fn class(c: char, cj_normal: bool) -> Class {
    let u = c as u32;
    if let Ok(i) = SINGLES.binary_search_by_key(&c, |(k, _)| *k) {
        let (_, class) = SINGLES[i];
        return match (class, cj_normal) {
            (Class::SmallKana, true) => Class::Ideograph,
            (Class::SmallKana, false) => Class::NoBreakBefore,
            (class, _) => class,
        };
    }
    if is_digit(u) || matches!(u, 0x104c..=0x104f) {
        Class::Other
    } else if is_mark(u) {
        Class::NoBreakBefore
    } else if matches!(u, 0x0e00..=0x0eff | 0x1000..=0x109f | 0x1780..=0x17ff) {
        Class::Complex
    } else if matches!(
        u,
        0x2e80..=0x2fff
            | 0x3040..=0x30ff
            | 0x3400..=0x4dbf
            | 0x4e00..=0x9fff
            | 0xac00..=0xd7af
            | 0xf900..=0xfaff
            | 0x1f300..=0x1faff
            | 0x20000..=0x3ffff
    ) {
        Class::Ideograph
    } else {
        Class::Other
    }
}

/// Combining marks and skin-tone modifiers of the scripts headlines use (a break never comes
/// before one: it belongs to the character before).
fn is_mark(u: u32) -> bool {
    matches!(u, 0x0300..=0x036f | 0x0610..=0x061a | 0x064b..=0x065f | 0x0670 | 0x06d6..=0x06ed
        | 0x1f3fb..=0x1f3ff | 0xfe00..=0xfe0f | 0x20d0..=0x20ff)
}

/// Whether a break may fall between `before` and `after` by the rules above; `word` says
/// whether the word segmenter put a boundary there.
fn breaks(before: char, after: char, word: bool, cj_normal: bool) -> bool {
    use Class::*;
    let (b, a) = (class(before, cj_normal), class(after, cj_normal));
    let no_break_before = matches!(a, Space | Glue | NoBreakBefore | WideClose | ZeroWidth)
        || (a == BreakAfter && !matches!(after, '-' | '\u{ad}' | '‐' | '‒' | '–' | '—'));
    if no_break_before || matches!(b, Open | Glue) || before == '\u{200d}' {
        return false;
    }
    // An em dash may start a line; a hyphen before a number joins it (`3-2` in any digits).
    if after == '—' {
        return true;
    }
    if before == '-' && is_digit(after as u32) {
        return false;
    }
    match (b, a) {
        (Space | ZeroWidth | BreakAfter | WideClose | Ideograph, _) | (_, Ideograph) => true,
        (Complex, Complex) => word,
        _ => false,
    }
}

/// The line-break opportunities in `text` in language `lang` (byte offsets, ascending, the
/// last the text's length) from its word boundaries `words` (as a word segmenter gives them).
pub fn from_word_boundaries(text: &str, lang: &str, words: &[usize], out: &mut Vec<usize>) {
    let cj_normal = matches!(lang.split('-').next(), Some("ja" | "zh"));
    let mut words = words.iter().copied().peekable();
    let mut chars = text.char_indices();
    let Some((_, mut before)) = chars.next() else {
        return;
    };
    for (i, after) in chars {
        while words.next_if(|&w| w < i).is_some() {}
        let word = words.peek() == Some(&i);
        if breaks(before, after, word, cj_normal) {
            out.push(i);
        }
        before = after;
    }
    out.push(text.len());
}
