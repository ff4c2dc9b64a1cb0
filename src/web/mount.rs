//! A renderer mounted in a host element: the elements, media and browser handles it keeps, and
//! the listeners that forward every input to the session (`core::session`). What the session
//! decides comes back as effects, applied in `mount/apply.rs`; input handling is in
//! `mount/input.rs`, the card window's elements in `mount/window.rs`.

mod a11y;
mod apply;
mod input;
mod window;

use std::cell::RefCell;
use std::rc::{Rc, Weak};

use gloo_events::{EventListener, EventListenerOptions};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Animation, Document, HtmlElement, ResizeObserver};

use super::card_view::CardView;
use super::clock::now;
use super::dom::{attr, computed_style, device_pixel_ratio, el, page_document, px};
use super::measure::CanvasMeasure;
use super::paint;
use super::schedule::{FrameRequest, IdleRequest, Timeout};
use super::video_pool::VideoPool;
use crate::core::analytics::outbox::{RestoreError, Restored};
use crate::core::feed::Card;
use crate::core::geometry::{Axis, Insets, Size};
use crate::core::layout::lang::Direction;
use crate::core::layout::{layout_card, CardLayout, Device};
use crate::core::motion::saver::Savers;
use crate::core::session::effect::Effect;
use crate::core::session::notice::Notice;
use crate::core::session::{Arrival, Session};
use crate::core::time::MonoMs;
use crate::core::ui::face::ROOT_VARS;
use crate::core::ui::skin::Skin;

/// Receives the renderer's notices, outside any borrow of its state.
pub type Emit = Rc<dyn Fn(Notice)>;

/// How long the browser may wait for an idle moment before tidying the card window (ms).
const TIDY_TIMEOUT_MS: u32 = 300;

/// The look-ahead is no hurry: it waits up to this long for an idle moment (ms).
const LOOK_AHEAD_TIMEOUT_MS: u32 = 5000;

/// Longest wait for an idle moment before the outbox is stored anyway (ms).
const STORE_TIMEOUT_MS: u32 = 1_000;

struct State {
    doc: Document,
    root: HtmlElement,
    viewport: HtmlElement,
    /// Every decision: what is shown, where, what moves, plays, is told and recorded.
    session: Session,
    /// The session's effects being applied (kept, so applying them allocates nothing).
    batch: Vec<Effect>,
    views: Vec<CardView>,
    origin: (f32, f32),
    frame: FrameRequest,
    /// The session's timers.
    hold_timer: Timeout,
    advance_timer: Timeout,
    outbox_timer: Timeout,
    clock_timer: Timeout,
    /// A pending idle callback that stores the outbox after it changed.
    store: IdleRequest,
    /// A reduced-motion cross-fade in progress.
    fades: Vec<Animation>,
    /// Released `<video>` elements for the next clip card.
    videos: VideoPool,
    /// The previous, pause and next controls and the live region.
    chrome: a11y::Chrome,
    /// Focus was in a card that left the DOM: the card in view takes it at the next settle.
    refocus: bool,
    /// The picture of the card beyond the DOM window ahead, fetched before it is mounted.
    ahead: Option<web_sys::HtmlImageElement>,
    /// The compositor's settle, while it runs.
    animations: Vec<Animation>,
    on_finish: Closure<dyn FnMut()>,
    /// A pending idle callback that brings the card window up to date after a settle.
    tidy: IdleRequest,
    /// Idle slices after the tidy-up that measure the text of the cards the next settle
    /// mounts (`on_look_ahead`).
    look_ahead: IdleRequest,
    /// The pointer the viewport has captured for a drag, so each move is not a JS query.
    captured: Option<i32>,
    /// The system font scale the host reported (1.0 by default).
    font_scale: f32,
    /// Safe-area insets, read from `env(safe-area-inset-*)` on mount and resize.
    safe_area: Insets,
    /// Safe-area insets the host gave, which win over the page's.
    host_safe_area: Option<Insets>,
    /// The screen size the host gave, used while the host element has no size of its own (a
    /// warm WebView not yet attached to a window).
    host_viewport: Option<Size>,
    measure: CanvasMeasure,
    pending: Vec<Notice>,
    /// The skin's `--glance-*` values on the host element, in `ROOT_VARS` order.
    root_vars: Vec<String>,
    /// The card at rest as the host last stored it (`card`), so an unchanged one is not
    /// written again.
    kept_still: String,
    emit: Emit,
}

/// A renderer attached to a host element. Dropping it removes everything it added.
#[must_use = "the renderer is removed from the page when this handle is dropped"]
pub struct Mount {
    state: Rc<RefCell<State>>,
    _listeners: Vec<EventListener>,
    resize: ResizeObserver,
    _on_resize: Closure<dyn FnMut(JsValue)>,
}

/// Runs `f` on the state, applies what the session decided, then hands the notices to the
/// host once the state is no longer borrowed, so a host that calls back into the renderer from
/// a notice is safe.
fn with_state(shared: &Rc<RefCell<State>>, f: impl FnOnce(&mut State)) {
    let (notices, emit) = {
        let Ok(mut s) = shared.try_borrow_mut() else {
            return;
        };
        f(&mut s);
        s.apply();
        (std::mem::take(&mut s.pending), Rc::clone(&s.emit))
    };
    for notice in notices {
        emit(notice);
    }
}

/// A browser callback that runs `f` on the state while the renderer lives (made once, kept by
/// its owner, never forgotten).
fn callback(weak: &Weak<RefCell<State>>, f: fn(&mut State)) -> Closure<dyn FnMut()> {
    let weak = weak.clone();
    Closure::new(move || {
        if let Some(shared) = weak.upgrade() {
            with_state(&shared, f);
        }
    })
}

/// [`callback`] for a callback the browser passes a value it does not need (a resize
/// observer's entries).
fn callback_with_value(
    weak: &Weak<RefCell<State>>,
    f: fn(&mut State),
) -> Closure<dyn FnMut(JsValue)> {
    let weak = weak.clone();
    Closure::new(move |_: JsValue| {
        if let Some(shared) = weak.upgrade() {
            with_state(&shared, f);
        }
    })
}

impl Mount {
    /// Mounts into `root` with `skin`. The host page provides the stylesheet (`glance.css`).
    /// With `reduced_motion`, cards that move on their own (after a release, a tap, a key)
    /// arrive at once instead of springing there; a dragging finger is still followed.
    pub fn new(root: HtmlElement, skin: &Skin, reduced_motion: bool, emit: Emit) -> Self {
        let doc = root.owner_document().unwrap_or_else(page_document);
        let viewport = el(&doc, "div", "glance-viewport");
        attr(&viewport, "role", "region");
        attr(&viewport, "aria-roledescription", "carousel");
        viewport.set_tab_index(0);
        let _ = root.append_child(&viewport);

        let rect = root.get_bounding_client_rect();
        let size = Size::new(rect.width() as f32, rect.height() as f32);
        let root_vars = apply_skin(&root, &viewport, skin, size.height);
        let visible = doc.visibility_state() == web_sys::VisibilityState::Visible;
        let session = Session::new(
            skin.clone(),
            size,
            reduced_motion,
            paint::compositor_settle(),
            visible,
        );
        let state = Rc::new_cyclic(|weak| {
            RefCell::new(State {
                doc: doc.clone(),
                root: root.clone(),
                viewport: viewport.clone(),
                session,
                batch: Vec::new(),
                views: Vec::new(),
                origin: (rect.left() as f32, rect.top() as f32),
                frame: FrameRequest::new({
                    let weak = weak.clone();
                    Closure::new(move |time: f64| {
                        if let Some(shared) = weak.upgrade() {
                            with_state(&shared, |s| {
                                s.frame.fired();
                                s.session.frame(MonoMs(time), now());
                            });
                        }
                    })
                }),
                hold_timer: Timeout::new(callback(weak, |s| {
                    s.hold_timer.fired();
                    s.session.hold_timer(now());
                })),
                advance_timer: Timeout::new(callback(weak, |s| {
                    s.advance_timer.fired();
                    s.session.advance_timer(now());
                })),
                outbox_timer: Timeout::new(callback(weak, |s| {
                    s.outbox_timer.fired();
                    s.session.outbox_timer(now());
                })),
                clock_timer: Timeout::new(callback(weak, |s| {
                    s.clock_timer.fired();
                    s.session.clock_timer(now());
                })),
                store: IdleRequest::new(
                    callback(weak, |s| {
                        s.store.fired();
                        s.session.store();
                    }),
                    STORE_TIMEOUT_MS,
                ),
                fades: Vec::new(),
                videos: VideoPool::default(),
                chrome: a11y::Chrome::new(&doc, &viewport),
                refocus: false,
                ahead: None,
                animations: Vec::new(),
                on_finish: callback(weak, State::on_handoff_finish),
                tidy: IdleRequest::new(
                    callback(weak, |s| {
                        s.tidy.fired();
                        s.session.tidy();
                    }),
                    TIDY_TIMEOUT_MS,
                ),
                look_ahead: IdleRequest::new(
                    callback(weak, State::on_look_ahead),
                    LOOK_AHEAD_TIMEOUT_MS,
                ),
                captured: None,
                font_scale: 1.0,
                safe_area: read_safe_area(&doc, &viewport),
                host_safe_area: None,
                host_viewport: None,
                measure: CanvasMeasure::new(&doc),
                pending: Vec::new(),
                root_vars,
                kept_still: String::new(),
                emit,
            })
        });

        let listeners = listen(&state, &viewport, &doc);
        let on_resize = callback_with_value(&Rc::downgrade(&state), State::measure);
        let resize = ResizeObserver::new(on_resize.as_ref().unchecked_ref())
            .expect("ResizeObserver exists in every WebView the module runs in (Chrome 96+)");
        resize.observe(&root);
        Self {
            state,
            _listeners: listeners,
            resize,
            _on_resize: on_resize,
        }
    }

    /// A new feed's valid cards: shown when some are live now (keeping the card in view when
    /// it is still among them), else held until the first starts. Returns what happened, or
    /// `None` when the renderer is busy in a call that never returned.
    pub fn offer_feed(&self, cards: Vec<Card>) -> Option<Arrival> {
        let mut arrival = None;
        with_state(&self.state, |s| {
            arrival = Some(s.session.offer(cards, now()));
        });
        arrival
    }

    /// Goes one card forward; false at the end.
    pub fn forward(&self) -> bool {
        self.ask(|s| s.forward(now()))
    }

    /// Goes one card back; false at the start.
    pub fn back(&self) -> bool {
        self.ask(|s| s.back(now()))
    }

    /// Goes to card `index` (clamped).
    pub fn go_to(&self, index: usize) -> bool {
        self.ask(|s| s.go_to(index, now()))
    }

    /// Runs `f` on the session and applies what it decided; `f`'s answer, or false when the
    /// renderer is busy in a call that never returned.
    fn ask(&self, f: impl FnOnce(&mut Session) -> bool) -> bool {
        let mut answer = false;
        with_state(&self.state, |s| answer = f(&mut s.session));
        answer
    }

    fn tell(&self, f: impl FnOnce(&mut Session)) {
        with_state(&self.state, |s| f(&mut s.session));
    }

    /// Switches to another skin: reserved areas, look, axis and tap zones. The cards are built
    /// again by the caller, with [`Mount::offer_feed`] for a re-checked feed or else
    /// [`Mount::relayout`], so they are not built twice.
    pub fn set_skin(&self, skin: Skin) {
        self.tell(|s| s.set_skin(skin));
    }

    /// Builds every mounted card again with its current layout.
    pub fn relayout(&self) {
        self.tell(Session::relayout);
    }

    /// The host's safe-area insets changed: the cards are laid out again.
    pub fn set_safe_area(&self, insets: Option<Insets>) {
        with_state(&self.state, |s| {
            if insets != s.host_safe_area {
                s.host_safe_area = insets;
                s.session.relayout();
            }
        });
    }

    /// The screen size the host reports, for while the host element has no size of its own
    /// (`None` forgets it): the cards are laid out for it at once.
    pub fn set_host_viewport(&self, size: Option<Size>) {
        with_state(&self.state, |s| {
            s.host_viewport = size.filter(|v| v.width > 0.0 && v.height > 0.0);
            s.measure();
        });
    }

    /// The system font scale changed: the cards are laid out again.
    pub fn set_font_scale(&self, scale: f32) {
        with_state(&self.state, |s| {
            if scale.is_finite() && scale != s.font_scale {
                s.font_scale = scale;
                s.session.relayout();
            }
        });
    }

    /// The layout of card `index` as it is (or would be) mounted now.
    pub fn layout_of(&self, index: usize) -> Option<(String, CardLayout)> {
        let mut s = self.state.try_borrow_mut().ok()?;
        let id = s.session.cards().get(index)?.id.clone();
        s.layout_of(index).map(|l| (id, l))
    }

    /// Turns reduced motion on or off (the host's setting changed): the cards are built again
    /// without (or with) their own motion.
    pub fn set_reduced_motion(&self, reduced: bool) {
        self.tell(|s| s.set_reduced_motion(reduced));
    }

    /// The device's language (a BCP 47 tag) for the renderer's own controls and region.
    pub fn set_ui_language(&self, language: &str) {
        with_state(&self.state, |s| s.chrome.label(&s.viewport, language));
    }

    /// The phone's data and battery savers: the cards are built again (clips that no longer
    /// play show their poster, drifting pictures stand still).
    pub fn update_savers(&self, change: impl FnOnce(&mut Savers)) {
        self.tell(|s| {
            let mut savers = s.savers();
            change(&mut savers);
            s.set_savers(savers);
        });
    }

    /// Which way the deck runs (from the device's language): the cards are placed again.
    pub fn set_direction(&self, direction: Direction) {
        self.tell(|s| s.set_direction(direction));
    }

    /// The host turned the screen on or off: off stops everything that moves or counts.
    pub fn set_screen_on(&self, on: bool) {
        self.tell(|s| s.set_screen_on(on, now()));
    }

    /// Allows or forbids auto-advance (the skin still decides whether and when).
    pub fn set_auto_advance(&self, allowed: bool) {
        self.tell(|s| s.set_auto_advance(allowed, now()));
    }

    /// The card in view: its index and id.
    pub fn current(&self) -> Option<(usize, String)> {
        let s = self.state.try_borrow().ok()?;
        let index = s.session.deck().current();
        s.session.cards().get(index).map(|c| (index, c.id.clone()))
    }

    /// Position of the shown card with this `id`.
    pub fn index_of(&self, id: &str) -> Option<usize> {
        let s = self.state.try_borrow().ok()?;
        s.session.cards().iter().position(|c| c.id == id)
    }

    /// The system's colour scheme when the host knows it (`Some(true)` dark): written as
    /// `data-scheme` on the viewport, where the stylesheet dims pictures in dark mode. `None`
    /// leaves it to the page's `prefers-color-scheme`.
    pub fn set_dark(&self, dark: Option<bool>) {
        with_state(&self.state, |s| match dark {
            Some(dark) => attr(
                &s.viewport,
                "data-scheme",
                if dark { "dark" } else { "light" },
            ),
            None => {
                let _ = s.viewport.remove_attribute("data-scheme");
            }
        });
    }

    /// Whether a feed waits for its first card to start.
    pub fn has_held(&self) -> bool {
        self.state.try_borrow().is_ok_and(|s| s.session.has_held())
    }

    /// Number of cards shown.
    pub fn count(&self) -> usize {
        self.state
            .try_borrow()
            .map(|s| s.session.cards().len())
            .unwrap_or(0)
    }

    /// The host stored the events `acked` (in reply to batch `batch`, or a later reply to an
    /// earlier one).
    pub fn tracked(&self, batch: u64, acked: &[u64]) {
        self.tell(|s| s.tracked(batch, acked, now()));
    }

    /// Sending batch `batch` failed: its events go again later.
    pub fn track_failed(&self, batch: u64) {
        self.tell(|s| s.track_failed(batch, now()));
    }

    /// Takes over the outbox an earlier renderer stored (`text` as it was stored).
    pub fn restore_outbox(&self, text: &str) -> Result<Restored, RestoreError> {
        let mut result = Err(RestoreError::NotJson);
        self.tell(|s| result = s.restore_outbox(text, now()));
        result
    }

    /// The first feed opens on card `id` when it has it, instead of its first card.
    pub fn resume_at(&self, id: String) {
        self.tell(|s| s.resume_at(id));
    }

    /// False when a call into the renderer never returned (a trap): its state stays in use,
    /// and every later event is ignored. Only meaningful between calls.
    pub fn alive(&self) -> bool {
        self.state.try_borrow_mut().is_ok()
    }
}

impl Drop for Mount {
    fn drop(&mut self) {
        self.resize.disconnect();
        if let Ok(mut s) = self.state.try_borrow_mut() {
            s.frame.cancel();
            s.hold_timer.cancel();
            s.advance_timer.cancel();
            s.clock_timer.cancel();
            s.outbox_timer.cancel();
            s.store.cancel();
            for a in s.animations.drain(..) {
                a.cancel();
            }
            s.tidy.cancel();
            s.look_ahead.cancel();
            for fade in s.fades.drain(..) {
                fade.cancel();
            }
            s.views.clear();
            s.viewport.remove();
            let style = s.root.style();
            for name in ROOT_VARS {
                let _ = style.remove_property(name);
            }
        }
    }
}

/// Writes the skin's reserved areas, for a viewport `height` px tall, and its look as custom
/// properties on the host element, and the axis as a class on the viewport.
/// Reads `env(safe-area-inset-*)` through a hidden probe inside the viewport (once per mount
/// and resize). Pages without `viewport-fit=cover` report zeros.
fn read_safe_area(doc: &Document, viewport: &HtmlElement) -> Insets {
    let probe = el(doc, "div", "glance-safe-area-probe");
    let _ = viewport.append_child(&probe);
    let side = |name: &str| {
        computed_style(&probe)
            .get_property_value(name)
            .ok()
            .and_then(|v| crate::core::feed::decimal::parse(v.trim_end_matches("px")))
            .map(|v| v as f32)
            .unwrap_or(0.0)
    };
    let insets = Insets::new(
        side("padding-top"),
        side("padding-right"),
        side("padding-bottom"),
        side("padding-left"),
    );
    probe.remove();
    insets
}

/// Sets the skin's custom properties on the host element; returns their values.
fn apply_skin(root: &HtmlElement, viewport: &HtmlElement, skin: &Skin, height: f32) -> Vec<String> {
    let _ = viewport
        .class_list()
        .toggle_with_force("glance-viewport--vertical", skin.axis == Axis::Vertical);
    let r = &skin.reserved;
    let values = [
        px(r.status_bar),
        px(skin.clock_top(height)),
        px(r.clock.height),
        px(skin.text_top(height)),
        px(r.bottom),
        px(skin.corner_radius),
        skin.accent.to_hex(),
        skin.font_stack.clone(),
    ];
    let style = root.style();
    for (name, value) in ROOT_VARS.iter().zip(&values) {
        let _ = style.set_property(name, value);
    }
    values.to_vec()
}

fn listen(
    state: &Rc<RefCell<State>>,
    viewport: &HtmlElement,
    doc: &Document,
) -> Vec<EventListener> {
    // Passive where the deck never cancels the event; active where it may (`preventDefault`);
    // capture for media events, which do not bubble.
    let passive = EventListenerOptions::default();
    let active = EventListenerOptions::enable_prevent_default();
    let capture = EventListenerOptions::run_in_capture_phase();
    let on = |target: &web_sys::EventTarget,
              name: &'static str,
              options: EventListenerOptions,
              f: fn(&mut State, &web_sys::Event)| {
        let weak = Rc::downgrade(state);
        EventListener::new_with_options(target, name, options, move |event| {
            if let Some(shared) = weak.upgrade() {
                with_state(&shared, |s| f(s, event));
            }
        })
    };
    vec![
        on(viewport, "pointerdown", passive, State::on_pointer_down),
        on(viewport, "pointermove", active, State::on_pointer_move),
        on(viewport, "pointerup", active, State::on_pointer_up),
        on(viewport, "pointercancel", passive, State::on_pointer_cancel),
        on(viewport, "keydown", active, State::on_key),
        on(viewport, "click", passive, State::on_click),
        on(doc, "visibilitychange", passive, State::on_visibility),
        // A picture or clip that fails, a clip that ends (it may move the deck on), and a
        // picture that arrives (sampled once for contrast).
        on(viewport, "error", capture, State::on_media_error),
        on(viewport, "ended", capture, State::on_clip_end),
        on(viewport, "load", capture, State::on_media_load),
        // The region behind a picture's text, sampled off the main thread
        // (`paint::sample_then_tell`).
        on(viewport, "glancesampled", capture, State::on_sampled),
        // The card in view's picture decoded (`paint::decode_then_tell`): its Ken Burns starts.
        on(
            viewport,
            "glancedecoded",
            capture,
            State::on_picture_decoded,
        ),
    ]
}

impl State {
    /// The host element was resized (or first observed): read its box once and re-place.
    fn measure(&mut self) {
        let rect = self.root.get_bounding_client_rect();
        self.origin = (rect.left() as f32, rect.top() as f32);
        let measured = Size::new(rect.width() as f32, rect.height() as f32);
        let safe_area = read_safe_area(&self.doc, &self.viewport);
        let moved = safe_area != self.safe_area;
        self.safe_area = safe_area;
        self.session.resize(measured, self.host_viewport, moved);
    }

    /// The device the cards are laid out for now.
    fn device(&self) -> Device {
        let dpr = device_pixel_ratio() as f32;
        Device {
            viewport: self.session.deck().viewport(),
            dpr,
            safe_area: self.host_safe_area.unwrap_or(self.safe_area),
            font_scale: 1.0,
        }
        .with_font_scale(self.font_scale)
    }

    /// The layout of card `index` on this device and skin.
    fn layout_of(&mut self, index: usize) -> Option<CardLayout> {
        let device = self.device();
        let card = self.session.cards().get(index)?;
        let mut layout = layout_card(
            card,
            self.session.skin(),
            &device,
            &mut self.measure,
            &mut super::segment::Platform,
        );
        if let Some(alpha) = self.session.sampled_scrim(&card.id) {
            layout.with_sampled_scrim(alpha);
        }
        Some(layout)
    }
}
