//! The page's two clocks, read in one place and handed to core as their own types.

use crate::core::session::Now;
use crate::core::time::{MonoMs, WallMs};

/// The host's wall clock (`Date.now()`): it dates card windows and events, and it can jump.
pub fn wall_now() -> WallMs {
    WallMs(js_sys::Date::now() as i64)
}

/// The page's monotonic clock (`performance.now()`, the time base of event timestamps and
/// animation frames): it measures durations and drives timers.
pub fn mono_now() -> MonoMs {
    MonoMs(performance_now())
}

#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    /// `performance.now()`, called as it is: one call into JS, no window looked up.
    #[wasm_bindgen(js_namespace = performance, js_name = now)]
    fn performance_now() -> f64;
}

/// Both clocks now, for an input to the session.
pub fn now() -> Now {
    Now {
        mono: mono_now(),
        wall: wall_now(),
    }
}
