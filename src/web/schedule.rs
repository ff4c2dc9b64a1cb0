//! Owned handles for the browser callbacks the renderer schedules again and again: the next
//! animation frame, a timeout, and an idle moment. Each closure is made once; a request only stores the
//! browser's id, so the per-frame path allocates nothing. Dropping a handle cancels what it
//! requested.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

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
            self.id = web_sys::window().and_then(|w| {
                w.request_animation_frame(self.callback.as_ref().unchecked_ref())
                    .ok()
            });
        }
    }

    /// The requested frame came: nothing is pending any more.
    pub fn fired(&mut self) {
        self.id = None;
    }

    /// Withdraws a pending frame.
    pub fn cancel(&mut self) {
        if let (Some(id), Some(w)) = (self.id.take(), web_sys::window()) {
            let _ = w.cancel_animation_frame(id);
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
        let has_idle = web_sys::window().is_some_and(|w| {
            js_sys::Reflect::has(&w, &"requestIdleCallback".into()).unwrap_or(false)
        });
        Self {
            callback,
            pending: None,
            deadline_ms,
            has_idle,
        }
    }

    /// Asks for the next idle moment, unless one is already pending. Without
    /// `requestIdleCallback` the callback runs after the deadline instead, so the tidy-up and
    /// the outbox's store still happen.
    pub fn request(&mut self) {
        if self.pending.is_some() {
            return;
        }
        let Some(w) = web_sys::window() else { return };
        let callback = self.callback.as_ref().unchecked_ref();
        self.pending = if self.has_idle {
            let options = web_sys::IdleRequestOptions::new();
            options.set_timeout(self.deadline_ms);
            w.request_idle_callback_with_options(callback, &options)
                .ok()
                .map(Pending::Idle)
        } else {
            let delay = i32::try_from(self.deadline_ms).unwrap_or(i32::MAX);
            w.set_timeout_with_callback_and_timeout_and_arguments_0(callback, delay)
                .ok()
                .map(Pending::Timeout)
        };
    }

    /// The idle callback ran: nothing is pending any more.
    pub fn fired(&mut self) {
        self.pending = None;
    }

    /// Withdraws a pending idle callback.
    pub fn cancel(&mut self) {
        if let (Some(pending), Some(w)) = (self.pending.take(), web_sys::window()) {
            match pending {
                Pending::Idle(id) => w.cancel_idle_callback(id),
                Pending::Timeout(id) => w.clear_timeout_with_handle(id),
            }
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
        self.id = web_sys::window().and_then(|w| {
            w.set_timeout_with_callback_and_timeout_and_arguments_0(
                self.callback.as_ref().unchecked_ref(),
                delay,
            )
            .ok()
        });
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
        if let (Some(id), Some(w)) = (self.id.take(), web_sys::window()) {
            w.clear_timeout_with_handle(id);
        }
    }
}

impl Drop for Timeout {
    fn drop(&mut self) {
        self.cancel();
    }
}
