//! Pure Rust: everything the renderer decides, with no browser in sight.
//!
//! Nothing here imports `wasm_bindgen`, `web_sys` or `js_sys` (those crates do not even exist
//! for the host build), reads a clock or touches the DOM: time, sizes and input arrive as plain
//! numbers, and the results are plain values that the browser layer applies.

pub mod actions;
pub mod advance;
pub mod decimal;
pub mod deck;
pub mod event;
pub mod feed;
pub mod geometry;
pub mod gesture;
pub mod json;
pub mod lang;
pub mod layout;
pub mod locale;
pub mod motion;
pub mod notice;
pub mod outbox;
pub mod pager;
pub mod saver;
pub mod skin;
pub mod spring;
pub mod text;
pub mod time;
pub mod url;
pub mod velocity;
pub mod views;

/// The host's ICU stand-in for the platform's segmentation, shared with the integration tests.
#[cfg(test)]
#[path = "../tests/support/icu.rs"]
pub(crate) mod test_icu;
