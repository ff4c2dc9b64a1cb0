//! The host's stand-in for the browser's segmentation: ICU4X's grapheme and line segmenters
//! (dictionaries for Thai, Lao, Khmer and Burmese, and for Chinese and Japanese), with the CSS
//! `line-break: normal` tailoring for Japanese and Chinese as the browser's ICU applies it for
//! those languages. A dev-dependency only: the Wasm build asks the platform's `Intl`.

use glance_renderer::core::layout::text::uax14::from_word_boundaries;
use glance_renderer::core::layout::text::Segmenter;
use icu_locale_core::{langid, LanguageIdentifier};
use icu_segmenter::options::{LineBreakOptions, LineBreakStrictness, WordBreakInvariantOptions};
use icu_segmenter::{GraphemeClusterSegmenter, LineSegmenter, WordSegmenter};

/// Segments with ICU4X's compiled data.
#[derive(Debug, Default, Clone, Copy)]
pub struct Icu;

impl Segmenter for Icu {
    fn graphemes(&mut self, text: &str, out: &mut Vec<usize>) {
        out.extend(
            GraphemeClusterSegmenter::new()
                .segment_str(text)
                .filter(|&b| b > 0),
        );
    }

    fn line_breaks(&mut self, text: &str, lang: &str, out: &mut Vec<usize>) {
        let cj = matches!(lang.split('-').next(), Some("ja" | "zh"));
        let mut options = LineBreakOptions::default();
        if cj {
            options.strictness = Some(LineBreakStrictness::Normal);
            options.content_locale = Some(&JA);
        }
        out.extend(
            LineSegmenter::new_dictionary(options)
                .segment_str(text)
                .filter(|&b| b > 0),
        );
    }
}

/// Japanese and Chinese get the same tailoring; the language is all ICU4X looks at.
static JA: LanguageIdentifier = langid!("ja");

/// A platform with a word segmenter and no line breaker (a browser without
/// `Intl.v8BreakIterator`): ICU4X's dictionary word boundaries, made into line-break
/// opportunities by core's UAX #14 subset, as the browser build does with `Intl.Segmenter`.
#[derive(Debug, Default, Clone, Copy)]
#[allow(dead_code, reason = "only tests/text_segmentation.rs uses it")]
pub struct IcuWords;

impl Segmenter for IcuWords {
    fn graphemes(&mut self, text: &str, out: &mut Vec<usize>) {
        Icu.graphemes(text, out);
    }

    fn line_breaks(&mut self, text: &str, lang: &str, out: &mut Vec<usize>) {
        let words: Vec<usize> = WordSegmenter::new_dictionary(WordBreakInvariantOptions::default())
            .segment_str(text)
            .filter(|&b| b > 0)
            .collect();
        from_word_boundaries(text, lang, &words, out);
    }
}
