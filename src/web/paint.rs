//! The per-frame writer. Numbers cross into JS and the string is built there, so the hot path
//! formats nothing in Rust.

use wasm_bindgen::prelude::wasm_bindgen;
use web_sys::HtmlElement;

#[wasm_bindgen(inline_js = "export function set_translate(el, x, y) {\
  el.style.transform = 'translate3d(' + x + 'px,' + y + 'px,0)';\
}")]
extern "C" {
    fn set_translate(el: &HtmlElement, x: f32, y: f32);
}

/// Moves `el` to `offset` px along the axis (x when `horizontal`, else y).
pub fn translate(el: &HtmlElement, offset: f32, horizontal: bool) {
    // Whole device pixels would be better still, but CSS px keep the motion smooth at any DPR.
    if horizontal {
        set_translate(el, offset, 0.0);
    } else {
        set_translate(el, 0.0, offset);
    }
}
