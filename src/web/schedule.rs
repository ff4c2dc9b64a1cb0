//! Owned handles for the browser callbacks the renderer schedules again and again: the next
//! animation frame, a timeout, and an idle moment. Each closure is made once; a request only stores the
//! browser's id, so the per-frame path allocates nothing. Dropping a handle cancels what it
//! requested.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::JsCast;

// The page's own scheduling functions, called as globals: one call into JS each, without
// looking up and checking the window first.
#[wasm_bindgen(inline_js = "
export function has_idle() { return typeof requestIdleCallback === 'function'; }
export function request_idle(callback, ms) { return requestIdleCallback(callback, { timeout: ms }); }
")]
extern "C" {
    fn has_idle() -> bool;
    fn request_idle(callback: &js_sys::Function, ms: u32) -> u32;
}

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_name = cancelIdleCallback)]
    fn cancel_idle(id: u32);
    #[wasm_bindgen(js_name = requestAnimationFrame)]
    fn request_frame(callback: &js_sys::Function) -> i32;
    #[wasm_bindgen(js_name = cancelAnimationFrame)]
    fn cancel_frame(id: i32);
    #[wasm_bindgen(js_name = setTimeout)]
    fn set_timeout(callback: &js_sys::Function, ms: i32) -> i32;
    #[wasm_bindgen(js_name = clearTimeout)]
    fn clear_timeout(id: i32);
}

/// The next animation frame, at most one pending.
#[must_use = "dropping the handle cancels the frame"]
pub struct FrameRequest {
    callback: Closure<dyn FnMut(f64)>,
    id: Option<i32>,
}

impl FrameRequest {
    /// A handle that runs `callback` with the frame time when a requested frame comes.
    /// The callback must call [`FrameRequest::fired`] first.
    pub fn new(callback: Closure<dyn FnMut(f64)>) -> Self {
        Self { callback, id: None }
    }

    /// Asks for the next frame, unless one is already pending.
    pub fn request(&mut self) {
        if self.id.is_none() {
            self.id = Some(request_frame(self.callback.as_ref().unchecked_ref()));
        }
    }

    /// The requested frame came: nothing is pending any more.
    pub fn fired(&mut self) {
        self.id = None;
    }

    /// Withdraws a pending frame.
    pub fn cancel(&mut self) {
        if let Some(id) = self.id.take() {
            cancel_frame(id);
        }
    }
}

impl Drop for FrameRequest {
    fn drop(&mut self) {
        self.cancel();
    }
}

/// The next idle moment (with a deadline after which it runs anyway), at most one pending.
#[must_use = "dropping the handle cancels the idle callback"]
pub struct IdleRequest {
    callback: Closure<dyn FnMut()>,
    pending: Option<Pending>,
    deadline_ms: u32,
    /// The page has `requestIdleCallback` (asked once).
    has_idle: bool,
}

/// What the browser gave for a pending request.
#[derive(Clone, Copy)]
enum Pending {
    Idle(u32),
    /// Where `requestIdleCallback` is missing (Safari, old WebViews): a timeout at the deadline.
    Timeout(i32),
}

impl IdleRequest {
    /// A handle that runs `callback` in an idle moment, or after `deadline_ms` at the latest.
    /// The callback must call [`IdleRequest::fired`] first.
    pub fn new(callback: Closure<dyn FnMut()>, deadline_ms: u32) -> Self {
        Self {
            callback,
            pending: None,
            deadline_ms,
            has_idle: has_idle(),
        }
    }

    /// Asks for the next idle moment, unless one is already pending. Without
    /// `requestIdleCallback` the callback runs after the deadline instead, so the tidy-up and
    /// the outbox's store still happen.
    pub fn request(&mut self) {
        if self.pending.is_some() {
            return;
        }
        let callback = self.callback.as_ref().unchecked_ref();
        self.pending = Some(if self.has_idle {
            Pending::Idle(request_idle(callback, self.deadline_ms))
        } else {
            let delay = i32::try_from(self.deadline_ms).unwrap_or(i32::MAX);
            Pending::Timeout(set_timeout(callback, delay))
        });
    }

    /// The idle callback ran: nothing is pending any more.
    pub fn fired(&mut self) {
        self.pending = None;
    }

    /// Withdraws a pending idle callback.
    pub fn cancel(&mut self) {
        match self.pending.take() {
            Some(Pending::Idle(id)) => cancel_idle(id),
            Some(Pending::Timeout(id)) => clear_timeout(id),
            None => {}
        }
    }
}

impl Drop for IdleRequest {
    fn drop(&mut self) {
        self.cancel();
    }
}

/// One timeout, re-armed in place.
#[must_use = "dropping the handle cancels the timeout"]
pub struct Timeout {
    callback: Closure<dyn FnMut()>,
    id: Option<i32>,
    /// When it is due (the caller's clock), to skip re-arming for the same moment.
    due: Option<f64>,
}

impl Timeout {
    /// A handle that runs `callback` when an armed timeout expires. The callback must call
    /// [`Timeout::fired`] first.
    pub fn new(callback: Closure<dyn FnMut()>) -> Self {
        Self {
            callback,
            id: None,
            due: None,
        }
    }

    /// Runs the callback at `due` (ms on the `now` clock), replacing any earlier arming; `None`
    /// cancels. Does nothing when already armed for that moment.
    pub fn arm(&mut self, due: Option<f64>, now: f64) {
        if due == self.due && (due.is_none() || self.id.is_some()) {
            return;
        }
        self.cancel();
        let Some(at) = due else { return };
        // Rounded up: a timeout never fires before its moment.
        let delay = (at - now).ceil().clamp(0.0, f64::from(i32::MAX)) as i32;
        self.id = Some(set_timeout(self.callback.as_ref().unchecked_ref(), delay));
        self.due = due;
    }

    /// The timeout expired.
    pub fn fired(&mut self) {
        self.id = None;
        self.due = None;
    }

    /// Withdraws an armed timeout.
    pub fn cancel(&mut self) {
        self.due = None;
        if let Some(id) = self.id.take() {
            clear_timeout(id);
        }
    }
}

impl Drop for Timeout {
    fn drop(&mut self) {
        self.cancel();
    }
}
