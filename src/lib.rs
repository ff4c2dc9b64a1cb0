//! glance-renderer draws a feed of full-screen content cards on an Android lock screen.
//!
//! # The frame pipeline
//!
//! ```text
//! host feed (JSON) ─► core::feed::parse_feed ─► valid cards + rejection report
//!                                                  │
//! pointer / key / frame / timer / screen ─► core::session::Session ◄─┘
//!   (with both clocks)                     │  Shown (what is on screen when), Deck (where),
//!                                          │  motion, media, analytics
//!                                          ▼
//!                       Effects ─► web: mount, place, mark in view, play, announce, notify
//! ```
//!
//! [`core`] is pure Rust and decides everything: validation, what is shown and when, navigation
//! physics, which cards exist in the DOM, what plays, what is recorded and told. The browser
//! layer (`web`, wasm32 only) measures, forwards every input with its timestamps, and applies
//! the session's effects to the elements and handles it keeps. `Renderer` (in `exports`, wasm32
//! only) is the exported API; the JS host shim in `www/host/` connects it to each phone maker's
//! native bridge.
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
