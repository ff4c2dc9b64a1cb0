//! glance-renderer draws a feed of full-screen content cards on an Android lock screen.
//!
//! # The frame pipeline
//!
//! ```text
//! host feed (JSON) ─► core::feed::parse_feed ─► valid cards + rejection report
//!                                                  │
//! pointer / key / resize ─► core::navigation::deck::Deck ◄─────┘   (gesture → pager → window)
//!                                │  advance(timestamp) at a fixed physics step
//!                                ▼
//!                       web: one transform per moving card, only when it changed
//! ```
//!
//! [`core`] is pure Rust and decides everything: validation, navigation physics, which cards
//! exist in the DOM. The browser layer (`web`, wasm32 only) measures once, forwards input with
//! timestamps, and writes transforms. `Renderer` (in `exports`, wasm32 only) is the exported API; the JS host shim in
//! `www/host/` connects it to each phone maker's native bridge.
#![forbid(unsafe_code)]

pub mod core;

// The host test doubles in tests/support/ name the crate as integration tests do; unit tests
// include some of them.
#[cfg(test)]
extern crate self as glance_renderer;

#[cfg(target_arch = "wasm32")]
mod web;

#[cfg(target_arch = "wasm32")]
mod exports;

#[cfg(target_arch = "wasm32")]
pub use exports::{validate_feed, Renderer};
