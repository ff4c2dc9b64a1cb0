//! The platform's `Intl` for numbers in a language's digits and relative times in its grammar
//! (core's [`Localize`]). Formatters are made once per language tag. A tag `Intl` refuses, or
//! a WebView without `Intl`, gives `None`, and core falls back to its table: the JS side
//! catches the `RangeError`, which a plain js-sys constructor would let through the Wasm.
//!
//! The first `Intl` formatter of a page loads the ICU data: 25 ms on a desktop, about 100 ms
//! on a slow phone. So `Intl` is used only once it is warm: [`warm_when_idle`] asks for an
//! idle callback without a deadline (once per page) after the first card is on screen, so the
//! load never lands in a frame or in the tidy-up after a swipe; cards built before that use
//! the table.

use wasm_bindgen::prelude::wasm_bindgen;

use crate::core::locale::{Localize, TimeUnit};

#[wasm_bindgen(inline_js = "
const numbers = new Map(), times = new Map();
let warm = false;
export function intl_warm_when_idle() {
  const run = () => {
    try { new Intl.NumberFormat('en').format(1); } catch (_) { /* no Intl: the table stays */ }
    warm = true;
  };
  if (typeof requestIdleCallback === 'function') requestIdleCallback(run); else setTimeout(run, 1000);
}
function made(cache, tag, make) {
  if (!cache.has(tag)) {
    let f = null;
    try { f = make(tag); } catch (_) { f = null; }
    cache.set(tag, f);
  }
  return cache.get(tag);
}
export function intl_number(tag, n) {
  if (!warm) return undefined;
  const f = made(numbers, tag, (t) => new Intl.NumberFormat(t, { useGrouping: false }));
  return f ? f.format(n) : undefined;
}
export function intl_ago(tag, amount, unit) {
  if (!warm) return undefined;
  const f = made(times, tag, (t) => new Intl.RelativeTimeFormat(t, { numeric: 'auto', style: 'short' }));
  return f ? f.format(-amount, unit) : undefined;
}
")]
extern "C" {
    fn intl_warm_when_idle();
    fn intl_number(tag: &str, n: f64) -> Option<String>;
    fn intl_ago(tag: &str, amount: f64, unit: &str) -> Option<String>;
}

/// Loads `Intl` (its ICU data) in the next idle moment, so that cards built after it use
/// it. Later calls cost nothing.
pub fn warm_when_idle() {
    // Called at every settle: after the first, nothing crosses into JS.
    if !ASKED.swap(true, std::sync::atomic::Ordering::Relaxed) {
        intl_warm_when_idle();
    }
}

static ASKED: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Formats with the page's `Intl`.
#[derive(Debug, Default, Clone, Copy)]
pub struct Intl;

impl Localize for Intl {
    fn number(&self, tag: &str, n: u64) -> Option<String> {
        intl_number(tag, n as f64)
    }

    fn ago(&self, tag: &str, amount: u64, unit: TimeUnit) -> Option<String> {
        intl_ago(tag, amount as f64, unit.as_str())
    }
}
