//! The writers of motion. Numbers cross into JS and the strings are built there, so nothing is
//! formatted in Rust on the hot path.
//!
//! While a finger drags, each frame writes one `transform` per moving card. Once it lifts, the
//! whole settle is known in advance (`core::pager::Settle`), so it is handed to the compositor as
//! one Web Animation per card with the spring sampled into a `linear()` easing: the main thread
//! does nothing until the cards land.

use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::JsValue;
use web_sys::{Animation, HtmlElement};

#[wasm_bindgen(inline_js = "
const t = (h, v) => h ? 'translate3d(' + v + 'px,0,0)' : 'translate3d(0,' + v + 'px,0)';
export function set_translate(el, horizontal, v) { el.style.transform = t(horizontal, v); }
export function linear_easing(progress) {
  let s = 'linear(';
  for (let i = 0; i < progress.length; i++) s += (i ? ',' : '') + progress[i].toFixed(4);
  return s + ')';
}
export function animate_translate(el, horizontal, from, to, duration, easing) {
  return el.animate([{ transform: t(horizontal, from) }, { transform: t(horizontal, to) }],
    { duration, easing, fill: 'forwards' });
}
export function compositor_settle_supported() {
  return typeof Element.prototype.animate === 'function' && typeof CSS !== 'undefined'
    && CSS.supports('transition-timing-function', 'linear(0, 1)');
}
")]
extern "C" {
    /// Moves `el` to `offset` px along the axis (x when `horizontal`, else y).
    #[wasm_bindgen(js_name = set_translate)]
    pub fn translate(el: &HtmlElement, horizontal: bool, offset: f32);
    /// A CSS `linear()` easing through these progress samples (equally spaced in time).
    #[wasm_bindgen(js_name = linear_easing)]
    pub fn easing(progress: &[f32]) -> JsValue;
    /// Runs `el` from `from` to `to` px on the compositor over `duration` ms with `easing`.
    #[wasm_bindgen(js_name = animate_translate)]
    pub fn animate(
        el: &HtmlElement,
        horizontal: bool,
        from: f32,
        to: f32,
        duration: f64,
        easing: &JsValue,
    ) -> Animation;
    /// Whether this WebView can run a settle on the compositor (Web Animations with `linear()`
    /// easing, Chrome 113+). Older ones keep the frame loop.
    #[wasm_bindgen(js_name = compositor_settle_supported)]
    pub fn compositor_settle() -> bool;
}
