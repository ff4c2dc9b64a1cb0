//! Small DOM builders. Text goes in through `textContent` only: nothing from a feed is ever
//! parsed as HTML.

use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::JsCast;
use web_sys::{CssStyleDeclaration, Document, Element, HtmlElement};

// The page's globals, read as they are: one call into JS each, without looking up and
// checking the window first.
#[wasm_bindgen(inline_js = "
export function page_document() { return document; }
export function device_pixel_ratio() { return devicePixelRatio; }
")]
extern "C" {
    /// The page's `document`.
    pub fn page_document() -> Document;
    /// The page's `devicePixelRatio` now (it changes with the zoom and the display).
    pub fn device_pixel_ratio() -> f64;
}

#[wasm_bindgen]
extern "C" {
    /// `getComputedStyle(element)`.
    #[wasm_bindgen(js_name = getComputedStyle)]
    pub fn computed_style(element: &Element) -> CssStyleDeclaration;
}

/// Creates `<tag class="class">`. Creating a standard element cannot fail for a valid tag name.
pub fn el(doc: &Document, tag: &str, class: &str) -> HtmlElement {
    let e = doc
        .create_element(tag)
        .expect("creating an element with a valid, constant tag name does not throw")
        .unchecked_into::<HtmlElement>();
    if !class.is_empty() {
        e.set_class_name(class);
    }
    e
}

/// Appends `child` to `parent`. Appending a fresh element to an element cannot fail.
pub fn append(parent: &Element, child: &Element) {
    parent
        .append_child(child)
        .expect("appending a new element to an element does not throw");
}

/// Sets an attribute. Attribute names here are constants and values are plain strings, which
/// `setAttribute` stores as text.
pub fn attr(e: &Element, name: &str, value: &str) {
    e.set_attribute(name, value)
        .expect("a constant, valid attribute name does not throw");
}

/// A length in CSS px to a tenth, formatted with integers only (no float formatting in the
/// binary): `229.5px`, `-12px`.
pub fn px(v: f32) -> String {
    let tenths = (v * 10.0).round() as i64;
    let sign = if tenths < 0 { "-" } else { "" };
    let abs = tenths.unsigned_abs();
    if abs % 10 == 0 {
        format!("{sign}{}px", abs / 10)
    } else {
        format!("{sign}{}.{}px", abs / 10, abs % 10)
    }
}
