//! Segmentation from the platform (core's [`Segmenter`]): grapheme clusters from
//! `Intl.Segmenter` and line-break opportunities from `Intl.v8BreakIterator`, the ICU that
//! Chromium lays the DOM out with (dictionary words in Thai, Khmer, Burmese and Japanese
//! included), at no cost in Wasm bytes. One call across the boundary per text; the JS side
//! keeps one iterator per language and each text's answers. Where `Intl.v8BreakIterator` is
//! missing (Safari or Firefox serving the preview), the word segmenter's boundaries and core's
//! UAX #14 subset ([`from_word_boundaries`]) stand in for the line breaker; without
//! `Intl.Segmenter` at all, core's [`SpacesOnly`] does.

use wasm_bindgen::prelude::wasm_bindgen;

use crate::core::layout::text::segment::SpacesOnly;
use crate::core::layout::text::uax14::from_word_boundaries;
use crate::core::layout::text::Segmenter;

/// The first value of an answer that holds word boundaries, not line-break opportunities.
const WORDS: u32 = u32::MAX;

#[wasm_bindgen(inline_js = "
const lines = new Map();
let clusters, words = new Map();
// The first Intl object of a page loads ICU's data: about 150 ms of main thread at 4x CPU
// throttling. Started on a timer as soon as this module is evaluated, that load overlaps the
// fetching and compiling of the Wasm module (off the main thread) instead of following it in
// the first card's layout; where the module is ready sooner, the first card waits for the
// rest of it.
setTimeout(() => { segment_graphemes('a'); segment_lines('a', 'en'); }, 0);

function made(cache, key, make) {
  if (!cache.has(key)) {
    let value = null;
    try { value = make(key); } catch (_) { value = null; }
    cache.set(key, value);
  }
  return cache.get(key);
}
function boundaries(segments, length) {
  const out = [];
  for (const s of segments) if (s.index > 0) out.push(s.index);
  out.push(length);
  return Uint32Array.from(out);
}
// Each text's answers are kept (a card is laid out again at every mount, font scale and skin):
// a feed's headlines and summaries, forgotten all at once past 256.
const answers = new Map();
function kept(key, make) {
  let value = answers.get(key);
  if (value === undefined) {
    if (answers.size >= 256) answers.clear();
    value = make();
    answers.set(key, value);
  }
  return value;
}
export function segment_graphemes(text) {
  if (clusters === undefined) {
    try { clusters = new Intl.Segmenter(undefined, { granularity: 'grapheme' }); } catch (_) { clusters = null; }
  }
  return clusters ? kept('\\0' + text, () => boundaries(clusters.segment(text), text.length)) : undefined;
}
export function segment_lines(text, lang) {
  const it = made(lines, lang, (l) => (Intl.v8BreakIterator ? new Intl.v8BreakIterator([l], { type: 'line' }) : null));
  if (it) {
    return kept(lang + '\\0' + text, () => {
      it.adoptText(text);
      const out = [];
      for (let b = it.next(); b !== -1; b = it.next()) out.push(b);
      return Uint32Array.from(out);
    });
  }
  // No line breaker: word boundaries, marked as such by a leading 0xFFFFFFFF.
  const w = made(words, lang, (l) => new Intl.Segmenter(l, { granularity: 'word' }));
  return w ? kept(lang + '\\0' + text, () => Uint32Array.from([0xffffffff, ...boundaries(w.segment(text), text.length)])) : undefined;
}
")]
extern "C" {
    fn segment_graphemes(text: &str) -> Option<Vec<u32>>;
    fn segment_lines(text: &str, lang: &str) -> Option<Vec<u32>>;
}

/// Turns UTF-16 offsets (ascending) into byte offsets of the same text.
fn to_bytes(text: &str, utf16: &[u32], out: &mut Vec<usize>) {
    let mut wanted = utf16.iter().copied().peekable();
    let mut units = 0u32;
    for (i, c) in text.char_indices() {
        while let Some(w) = wanted.next_if(|&w| w <= units) {
            if w == units && i > 0 {
                out.push(i);
            }
        }
        units += c.len_utf16() as u32;
    }
    if wanted.peek().is_some() {
        out.push(text.len());
    }
}

/// The platform's segmentation (the JS side keeps each text's answers).
#[derive(Debug, Default, Clone, Copy)]
pub struct Platform;

impl Segmenter for Platform {
    fn graphemes(&mut self, text: &str, out: &mut Vec<usize>) {
        match segment_graphemes(text) {
            Some(utf16) => to_bytes(text, &utf16, out),
            None => SpacesOnly.graphemes(text, out),
        }
    }

    fn line_breaks(&mut self, text: &str, lang: &str, out: &mut Vec<usize>) {
        match segment_lines(text, lang) {
            // Word boundaries: core's UAX #14 subset makes them line-break opportunities.
            Some(utf16) if utf16.first() == Some(&WORDS) => {
                let mut words = Vec::new();
                to_bytes(text, &utf16[1..], &mut words);
                from_word_boundaries(text, lang, &words, out);
            }
            Some(utf16) => to_bytes(text, &utf16, out),
            None => SpacesOnly.line_breaks(text, lang, out),
        }
    }
}
