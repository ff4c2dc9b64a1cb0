//! Text measurement with the real font: a 2D canvas's `measureText`, cached per font and string.

use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, Document, HtmlCanvasElement};

use super::clock::mono_now;
use super::dom::px;
use crate::core::layout::text::{Font, TextMeasure};
use crate::core::table::Table;

/// Entries kept before the cache starts over (a few cards' worth of words).
const CACHE_LIMIT: usize = 8192;

/// The cache's tag for a font: the (language, family) pair's index, the size in tenths of a
/// px, and the weight.
fn font_tag(text: u8, size: u32, weight: u16) -> u64 {
    u64::from(text) << 48 | u64::from(size) << 16 | u64::from(weight)
}

/// Measures in an offscreen canvas with the card's font family and in its language (the
/// context's `lang`, so that the canvas shapes and picks fallback fonts as the DOM does for an
/// element with that `lang`).
pub struct CanvasMeasure {
    context: Option<CanvasRenderingContext2d>,
    font: Option<(u32, u16)>,
    /// The (language, family) pairs measured in, by the index the cache keys use; the current
    /// one (`u8::MAX` when the context's state was reset).
    texts: Vec<(String, String)>,
    text: u8,
    /// Widths by string, tagged with the font ([`font_tag`]): a lookup borrows the string,
    /// only a new measure copies it.
    cache: Table<String, f32>,
    /// While warming the cache ahead of need (`warm`): the monotonic time (ms) after which a
    /// width not yet known is estimated instead of measured, and whether one was.
    budget: Option<f64>,
    short: bool,
    measured: usize,
}

impl CanvasMeasure {
    /// A measurer in `doc`'s canvas.
    pub fn new(doc: &Document) -> Self {
        // Only measured in: the contrast sample has a canvas of its own (`paint.rs`).
        let context = doc
            .create_element("canvas")
            .ok()
            .and_then(|c| c.dyn_into::<HtmlCanvasElement>().ok())
            .and_then(|c| c.get_context("2d").ok().flatten())
            .and_then(|c| c.dyn_into::<CanvasRenderingContext2d>().ok());
        Self {
            context,
            font: None,
            texts: Vec::new(),
            text: u8::MAX,
            cache: Table::default(),
            budget: None,
            short: false,
            measured: 0,
        }
    }

    /// Runs `f` (a layout whose result is thrown away) to measure ahead of need: widths are
    /// measured and kept until `ms` of monotonic time have passed (and at least one), and any
    /// width after that is only estimated, so that a slice of idle time stays short. Returns
    /// whether every width `f` asked for was measured: if not, run it again in the next slice,
    /// which finds the earlier widths kept.
    pub fn warm(&mut self, ms: f64, f: impl FnOnce(&mut Self)) -> bool {
        self.budget = Some(mono_now().0 + ms);
        self.short = false;
        self.measured = 0;
        f(self);
        self.budget = None;
        !self.short
    }

    /// The family of the text measured now.
    fn family(&self) -> &str {
        self.texts
            .get(usize::from(self.text))
            .map_or("sans-serif", |(_, family)| family.as_str())
    }
}

impl TextMeasure for CanvasMeasure {
    fn width(&mut self, text: &str, font: Font) -> f32 {
        let size = (font.size * 10.0).round() as u32;
        let key = font_tag(self.text, size, font.weight);
        if let Some(w) = self.cache.get(key, text) {
            return *w;
        }
        // No canvas (should not happen in a WebView): a generous estimate keeps text inside.
        let estimate = || text.chars().count() as f32 * font.size * 0.6;
        let Some(context) = &self.context else {
            return estimate();
        };
        if let Some(until) = self.budget {
            if self.short || (self.measured > 0 && mono_now().0 > until) {
                self.short = true;
                return estimate();
            }
            self.measured += 1;
        }
        if self.font != Some((size, font.weight)) {
            context.set_font(&format!(
                "{} {} {}",
                font.weight,
                px(font.size),
                self.family()
            ));
            self.font = Some((size, font.weight));
        }
        let width = context.measure_text(text).map_or(0.0, |m| m.width() as f32);
        if self.cache.len() >= CACHE_LIMIT {
            self.cache.clear();
        }
        self.cache.insert(key, text.to_string(), width);
        width
    }

    fn set_text(&mut self, lang: &str, family: &str) {
        let same = |(l, f): &(String, String)| l == lang && f == family;
        if self.texts.get(usize::from(self.text)).is_some_and(same) {
            return;
        }
        let index = match self.texts.iter().position(same) {
            Some(i) => i,
            None => {
                if self.texts.len() >= usize::from(u8::MAX) {
                    // More languages and skins than a lock screen shows: start over.
                    self.texts.clear();
                    self.cache.clear();
                }
                self.texts.push((lang.to_string(), family.to_string()));
                self.texts.len() - 1
            }
        };
        self.text = u8::try_from(index).unwrap_or(0);
        self.font = None;
        if let Some(context) = &self.context {
            // `lang` on the 2D context (Chromium 135+); older WebViews ignore it.
            let _ = js_sys::Reflect::set(context, &"lang".into(), &lang.into());
            // CJK headlines are set without pair kerning (glance.css): measure them so.
            let solid = matches!(lang.get(..2), Some("ja" | "zh" | "ko"))
                && lang.as_bytes().get(2).is_none_or(|&b| b == b'-');
            let kerning = if solid { "none" } else { "auto" };
            let _ = js_sys::Reflect::set(context, &"fontKerning".into(), &kerning.into());
        }
    }
}
