//! glance-renderer draws a feed of full-screen content cards on an Android lock screen.
#![forbid(unsafe_code)]

pub mod core;
