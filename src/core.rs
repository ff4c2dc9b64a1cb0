//! Pure Rust: everything the renderer decides, with no browser in sight.
//!
//! Nothing here imports `wasm_bindgen`, `web_sys` or `js_sys` (those crates do not even exist
//! for the host build), reads a clock or touches the DOM: time, sizes and input arrive as plain
//! numbers, and the results are plain values that the browser layer applies.

pub mod analytics;
pub mod feed;
pub mod geometry;
pub mod layout;
pub mod motion;
pub mod navigation;
pub mod session;
pub mod table;
pub mod time;
pub mod ui;
pub mod values;

/// The host's ICU stand-in for the platform's segmentation, shared with the integration tests.
#[cfg(test)]
#[path = "../tests/support/icu.rs"]
pub(crate) mod test_icu;
