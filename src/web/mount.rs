//! A renderer mounted in a host element: the frame loop, the listeners and the card window.
//! Input handling is in `mount/input.rs`, the cards' own motion in `mount/motion.rs`, the card
//! window in `mount/window.rs`, and timers, media and the page's state in `mount/lifecycle.rs`.

mod a11y;
mod analytics;
mod input;
mod lifecycle;
mod motion;
mod window;

use std::cell::RefCell;
use std::rc::{Rc, Weak};

use gloo_events::{EventListener, EventListenerOptions};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Animation, Document, HtmlElement, ResizeObserver};

use super::card_view::CardView;
use super::dom::{attr, el, px};
use super::measure::CanvasMeasure;
use super::paint;
use super::schedule::{FrameRequest, IdleRequest, Timeout};
use super::video_pool::VideoPool;
use crate::core::analytics::outbox::{Outbox, RestoreError, Restored};
use crate::core::analytics::views::Views;
use crate::core::feed::Card;
use crate::core::geometry::{Axis, Insets, Size};
use crate::core::layout::lang::Direction;
use crate::core::layout::{layout_card, CardLayout, Device};
use crate::core::motion::advance::{AutoAdvance, Pause};
use crate::core::motion::saver::Savers;
use crate::core::navigation::deck::{Deck, Window};
use crate::core::navigation::pager::Settle;
use crate::core::session::notice::Notice;
use crate::core::session::{Arrival, Change, Session};
use crate::core::time::{MonoMs, WallMs};
use crate::core::ui::actions::Actions;
use crate::core::ui::face::ROOT_VARS;
use crate::core::ui::skin::Skin;
use crate::web::clock::wall_now;

/// Receives the renderer's notices, outside any borrow of its state.
pub type Emit = Rc<dyn Fn(Notice)>;

/// A settle running on the compositor.
struct Handoff {
    animations: Vec<Animation>,
    started: f64,
    settle: Settle,
}

/// How long the browser may wait for an idle moment before tidying the card window (ms).
const TIDY_TIMEOUT_MS: u32 = 300;

/// The look-ahead is no hurry: it waits up to this long for an idle moment (ms).
const LOOK_AHEAD_TIMEOUT_MS: u32 = 5000;

struct State {
    doc: Document,
    root: HtmlElement,
    viewport: HtmlElement,
    /// What is on screen and when: the cards shown, the feed's time windows, card changes.
    session: Session,
    /// Fires when a card's window next opens or closes (or at most a minute on, to notice a
    /// wall clock that was set).
    clock_timer: Timeout,
    skin: Skin,
    deck: Deck,
    views: Vec<CardView>,
    mounted: Option<Window>,
    origin: (f32, f32),
    frame: FrameRequest,
    /// Fires when a press becomes a hold.
    hold_timer: Timeout,
    /// Fires when the card in view has had its time.
    advance_timer: Timeout,
    /// The card in view and since when (impressions and dwell).
    viewing: Views,
    /// Analytics events waiting for the host's acknowledgement.
    outbox: Outbox,
    /// Runs when the outbox has a batch due or a reply overdue.
    outbox_timer: Timeout,
    /// A pending idle callback that stores the outbox after it changed.
    store: IdleRequest,
    advance: AutoAdvance,
    /// The host allows auto-advance (the skin still decides whether and when).
    auto_advance: bool,
    /// The host says the screen is on (the page may be visible with the screen off).
    screen_on: bool,
    /// Whether the card in view's clip plays and its Ken Burns drifts, as last applied.
    media_state: Option<(bool, bool)>,
    /// A reduced-motion cross-fade in progress.
    fades: Vec<Animation>,
    /// The skin changed: the next feed builds every card again, even the same cards.
    rebuild_pending: bool,
    /// Which button presses went to the host lately, and the liked cards.
    actions: Actions,
    /// The phone's data and battery savers.
    savers: Savers,
    /// Released `<video>` elements for the next clip card.
    videos: VideoPool,
    /// The previous, pause and next controls and the live region.
    chrome: a11y::Chrome,
    /// The viewer pressed pause: no auto-advance, clips or Ken Burns until pressed again.
    viewer_paused: bool,
    /// Focus was in a card that left the DOM: the card in view takes it at the next settle.
    refocus: bool,
    /// The picture of the card beyond the DOM window ahead, fetched before it is mounted.
    ahead: Option<web_sys::HtmlImageElement>,
    /// Whether settles run on the compositor (Web Animations with `linear()` easing).
    compositor: bool,
    handoff: Option<Handoff>,
    on_finish: Closure<dyn FnMut()>,
    /// A pending idle callback that brings the card window up to date after a settle.
    tidy: IdleRequest,
    /// Idle slices after the tidy-up that measure the text of the cards the next settle
    /// mounts (`on_look_ahead`).
    look_ahead: IdleRequest,
    page_visible: bool,
    /// The pointer the viewport has captured for a drag, so each move is not a JS query.
    captured: Option<i32>,
    reduced_motion: bool,
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
    /// Media that failed, as (card id, source): a handful at most, searched in order.
    failed_media: Vec<(String, String)>,
    /// Scrim opacity sampled from each card's loaded picture, by card id.
    sampled_scrims: Vec<(String, f32)>,
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

/// Runs `f` on the state, then hands the notices it queued to the host once the state is no
/// longer borrowed, so a host that calls back into the renderer from a notice is safe.
fn with_state(shared: &Rc<RefCell<State>>, f: impl FnOnce(&mut State)) {
    let (notices, emit) = {
        let Ok(mut s) = shared.try_borrow_mut() else {
            return;
        };
        f(&mut s);
        let decided: Vec<Notice> = s.session.take_notices().collect();
        s.pending.extend(decided);
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

/// [`callback`] for a callback the browser passes a value it does not need (a promise's
/// result, a resize observer's entries).
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

fn event_time(event: &web_sys::Event) -> f64 {
    event.time_stamp()
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
        let mut deck = Deck::new(skin.axis, skin.tap_zones, size, 0);
        deck.set_skin(skin.axis, skin.tap_zones, skin.looping);
        let state = Rc::new_cyclic(|weak| {
            RefCell::new(State {
                doc: doc.clone(),
                root: root.clone(),
                viewport: viewport.clone(),
                session: Session::default(),
                clock_timer: Timeout::new(callback(weak, State::on_clock_timer)),
                skin: skin.clone(),
                deck,
                views: Vec::new(),
                mounted: None,
                origin: (rect.left() as f32, rect.top() as f32),
                frame: FrameRequest::new({
                    let weak = weak.clone();
                    Closure::new(move |time: f64| {
                        if let Some(shared) = weak.upgrade() {
                            with_state(&shared, |s| {
                                s.frame.fired();
                                s.on_frame(time);
                            });
                        }
                    })
                }),
                hold_timer: Timeout::new(callback(weak, State::on_hold_timer)),
                advance_timer: Timeout::new(callback(weak, State::on_advance_timer)),
                viewing: Views::default(),
                outbox: Outbox::default(),
                outbox_timer: Timeout::new(callback(weak, State::on_outbox_timer)),
                store: IdleRequest::new(
                    callback(weak, State::on_store),
                    analytics::STORE_TIMEOUT_MS,
                ),
                advance: AutoAdvance::default(),
                auto_advance: true,
                screen_on: true,
                media_state: None,
                fades: Vec::new(),
                rebuild_pending: false,
                actions: Actions::default(),
                savers: Savers::default(),
                videos: VideoPool::default(),
                chrome: a11y::Chrome::new(&doc, &viewport),
                viewer_paused: false,
                refocus: false,
                ahead: None,
                compositor: paint::compositor_settle(),
                handoff: None,
                on_finish: callback(weak, State::on_handoff_finish),
                tidy: IdleRequest::new(callback(weak, State::on_tidy), TIDY_TIMEOUT_MS),
                look_ahead: IdleRequest::new(
                    callback(weak, State::on_look_ahead),
                    LOOK_AHEAD_TIMEOUT_MS,
                ),
                page_visible: doc.visibility_state() == web_sys::VisibilityState::Visible,
                captured: None,
                reduced_motion,
                font_scale: 1.0,
                safe_area: read_safe_area(&doc, &viewport),
                host_safe_area: None,
                host_viewport: None,
                measure: CanvasMeasure::new(&doc),
                failed_media: Vec::new(),
                sampled_scrims: Vec::new(),
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
        with_state(&self.state, |s| arrival = Some(s.offer_feed(cards)));
        arrival
    }

    /// Goes one card forward; false at the end.
    pub fn forward(&self) -> bool {
        self.navigate(|d| d.forward())
    }

    /// Goes one card back; false at the start.
    pub fn back(&self) -> bool {
        self.navigate(|d| d.back())
    }

    /// Goes to card `index` (clamped).
    pub fn go_to(&self, index: usize) -> bool {
        self.navigate(|d| d.go_to(index))
    }

    fn navigate(&self, f: impl FnOnce(&mut Deck) -> bool) -> bool {
        let mut moved = false;
        with_state(&self.state, |s| {
            s.interrupt_handoff();
            moved = f(&mut s.deck);
            if moved {
                s.start_motion();
            }
        });
        moved
    }

    /// Switches to another skin: reserved areas, look, axis and tap zones. The cards are built
    /// again by the caller, with [`Mount::set_cards`] for a re-checked feed or else
    /// [`Mount::relayout`], so they are not built twice.
    pub fn set_skin(&self, skin: Skin) {
        with_state(&self.state, |s| s.set_skin(skin));
    }

    /// Builds every mounted card again with its current layout.
    pub fn relayout(&self) {
        with_state(&self.state, State::relayout);
    }

    /// The host's safe-area insets changed: the cards are laid out again.
    pub fn set_safe_area(&self, insets: Option<Insets>) {
        with_state(&self.state, |s| s.set_host_safe_area(insets));
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
        with_state(&self.state, |s| s.set_font_scale(scale));
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
        with_state(&self.state, |s| {
            if s.reduced_motion != reduced {
                s.reduced_motion = reduced;
                s.relayout();
            }
        });
    }

    /// The device's language (a BCP 47 tag) for the renderer's own controls and region.
    pub fn set_ui_language(&self, language: &str) {
        with_state(&self.state, |s| s.chrome.label(&s.viewport, language));
    }

    /// The phone's data and battery savers: the cards are built again (clips that no longer
    /// play show their poster, drifting pictures stand still).
    pub fn update_savers(&self, change: impl FnOnce(&mut Savers)) {
        with_state(&self.state, |s| {
            let mut savers = s.savers;
            change(&mut savers);
            if s.savers != savers {
                s.savers = savers;
                s.relayout();
            }
        });
    }

    /// Which way the deck runs (from the device's language): the cards are placed again.
    pub fn set_direction(&self, direction: Direction) {
        with_state(&self.state, |s| {
            // The host repeats its settings with every push: the same direction must not stop
            // a swipe that is landing.
            if s.deck.direction() == direction {
                return;
            }
            if s.handoff.is_some() {
                s.cancel_handoff();
                s.deck.finish();
            }
            s.frame.cancel();
            s.deck.set_direction(direction);
            let rest = s.deck.rest_position();
            s.place_all(rest);
        });
    }

    /// The host turned the screen on or off: off stops everything that moves or counts.
    pub fn set_screen_on(&self, on: bool) {
        with_state(&self.state, |s| s.set_screen_on(on));
    }

    /// Allows or forbids auto-advance (the skin still decides whether and when).
    pub fn set_auto_advance(&self, allowed: bool) {
        with_state(&self.state, |s| {
            if s.auto_advance != allowed {
                s.auto_advance = allowed;
                let now = s.now();
                let leave = s.leave_of(s.deck.current());
                s.advance.start(now, leave);
                s.relayout();
                s.sync(now);
            }
        });
    }

    /// The card in view: its index and id.
    pub fn current(&self) -> Option<(usize, String)> {
        let s = self.state.try_borrow().ok()?;
        let index = s.deck.current();
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
        with_state(&self.state, |s| {
            let now = s.now();
            s.outbox.replied(batch, acked, MonoMs(now));
            s.sync_outbox(now);
        });
    }

    /// Sending batch `batch` failed: its events go again later.
    pub fn track_failed(&self, batch: u64) {
        with_state(&self.state, |s| {
            let now = s.now();
            s.outbox.failed(batch, MonoMs(now));
            s.sync_outbox(now);
        });
    }

    /// Takes over the outbox an earlier renderer stored (`text` as it was stored).
    pub fn restore_outbox(&self, text: &str) -> Result<Restored, RestoreError> {
        let mut result = Err(RestoreError::NotJson);
        with_state(&self.state, |s| {
            result = Outbox::restore(text, MonoMs(s.now())).map(|(stored, report)| {
                s.restore_outbox(stored);
                report
            });
        });
        result
    }

    /// The first feed opens on card `id` when it has it, instead of its first card.
    pub fn resume_at(&self, id: String) {
        with_state(&self.state, |s| s.session.resume_at(id));
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
            s.cancel_handoff();
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

/// Reads `document` from the global scope (only when the root has no owner document, which
/// cannot happen for an element in a page).
fn page_document() -> Document {
    web_sys::window()
        .and_then(|w| w.document())
        .expect("the renderer runs in a page with a document")
}

/// Writes the skin's reserved areas, for a viewport `height` px tall, and its look as custom
/// properties on the host element, and the axis as a class on the viewport.
/// Reads `env(safe-area-inset-*)` through a hidden probe inside the viewport (once per mount
/// and resize). Pages without `viewport-fit=cover` report zeros.
fn read_safe_area(doc: &Document, viewport: &HtmlElement) -> Insets {
    let probe = el(doc, "div", "glance-safe-area-probe");
    let _ = viewport.append_child(&probe);
    let side = |name: &str| {
        web_sys::window()
            .and_then(|w| w.get_computed_style(&probe).ok().flatten())
            .and_then(|style| style.get_property_value(name).ok())
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
        let size = match self.host_viewport {
            Some(host) if measured.width <= 0.0 || measured.height <= 0.0 => host,
            _ => measured,
        };
        let safe_area = read_safe_area(&self.doc, &self.viewport);
        // The observer also reports the size it started with: nothing to do then.
        if size == self.deck.viewport() && safe_area == self.safe_area {
            return;
        }
        if self.handoff.is_some() {
            self.cancel_handoff();
            self.deck.finish();
        }
        self.safe_area = safe_area;
        self.deck.set_viewport(size);
        self.root_vars = apply_skin(&self.root, &self.viewport, &self.skin, size.height);
        self.relayout();
    }

    /// The device the cards are laid out for now.
    fn device(&self) -> Device {
        let dpr = web_sys::window().map_or(1.0, |w| w.device_pixel_ratio()) as f32;
        Device {
            viewport: self.deck.viewport(),
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
            &self.skin,
            &device,
            &mut self.measure,
            &mut super::segment::Platform,
        );
        if let Some(&(_, alpha)) = self.sampled_scrims.iter().find(|(id, _)| *id == card.id) {
            layout.with_sampled_scrim(alpha);
        }
        Some(layout)
    }

    /// Takes every card out of the DOM, noting whether focus was in one (it then moves to the
    /// card in view once that is built again).
    fn unmount_all(&mut self) {
        // No call into the page when there is nothing to take out (the first feed).
        let active = if self.views.is_empty() {
            None
        } else {
            self.doc.active_element()
        };
        for view in self.views.drain(..) {
            self.refocus |= active.as_ref().is_some_and(|a| view.root.contains(Some(a)));
            view.root.remove();
        }
        self.mounted = None;
    }

    /// Size, skin or font scale changed: every mounted card is built again with its new layout
    /// (once per change, never per frame).
    fn relayout(&mut self) {
        self.rebuild_pending = false;
        self.frame.cancel();
        self.unmount_all();
        self.remount_at_rest();
    }

    /// Safe-area insets from the host (or `None`: the page's own).
    fn set_host_safe_area(&mut self, insets: Option<Insets>) {
        if insets != self.host_safe_area {
            self.host_safe_area = insets;
            self.relayout();
        }
    }

    /// A new font scale from the host.
    fn set_font_scale(&mut self, scale: f32) {
        if scale.is_finite() && scale != self.font_scale {
            self.font_scale = scale;
            self.relayout();
        }
    }

    /// Another skin: its reserved areas, look, axis and tap zones apply at once.
    fn set_skin(&mut self, skin: Skin) {
        if self.handoff.is_some() {
            self.cancel_handoff();
            self.deck.finish();
        }
        self.frame.cancel();
        self.root_vars = apply_skin(
            &self.root,
            &self.viewport,
            &skin,
            self.deck.viewport().height,
        );
        self.deck.set_skin(skin.axis, skin.tap_zones, skin.looping);
        self.rebuild_pending = true;
        self.skin = skin;
    }

    fn offer_feed(&mut self, cards: Vec<Card>) -> Arrival {
        let now = wall_now();
        let (arrival, change) = self.session.offer(cards, now, self.deck.current());
        if let Some(change) = change {
            self.apply_change(change, now);
        }
        self.arm_clock(now);
        arrival
    }

    /// Whether nothing moves and no finger is on the cards: what is shown may change now.
    fn at_rest(&self) -> bool {
        self.handoff.is_none()
            && !self.frame.is_pending()
            && !self.deck.finger_down()
            && !self.deck.is_dragging()
    }

    /// A card's window opened or closed, the screen came on, the page showed or the cards came
    /// to rest: the session brings the cards shown up to the wall clock.
    pub(super) fn check_clock(&mut self) {
        let now = wall_now();
        if self.session.due(now) {
            let (current, at_rest) = (self.deck.current(), self.at_rest());
            if let Some(change) = self.session.tick(now, current, at_rest) {
                self.apply_change(change, now);
            }
        }
        self.arm_clock(now);
    }

    /// One timer for the next start or expiry, while the page shows and the screen is on.
    fn arm_clock(&mut self, now: WallMs) {
        let lit = self.page_visible && self.screen_on;
        let mono = self.now();
        let deadline = self
            .session
            .timer(now)
            .filter(|_| lit)
            .map(|ms| mono + ms as f64);
        // A timer armed for no later than needed stays (it only looks again): most rests
        // change nothing here, and cost no timer call.
        if let (Some(want), Some(armed)) = (deadline, self.clock_timer.due()) {
            if armed <= want {
                return;
            }
        }
        self.clock_timer.arm(deadline, mono);
    }

    fn on_clock_timer(&mut self) {
        self.clock_timer.fired();
        self.check_clock();
    }

    /// The cards shown changed as the session says: in place for the same cards, else the
    /// deck lands on the session's card and the window is built again.
    fn apply_change(&mut self, change: Change, now: WallMs) {
        if change.in_place && !self.rebuild_pending {
            self.update_in_place(&change.refreshed, now);
            return;
        }
        self.rebuild_pending = false;
        // The card in view stays in view if it is still shown; else its view ends here.
        match change.kept {
            Some(index) => self.viewing.reindex(index),
            None => {
                let mono = self.now();
                self.view_is(mono, None);
            }
        }
        let cards = self.session.cards();
        self.deck.set_cards(cards.len(), change.land);
        self.sampled_scrims
            .retain(|(id, _)| cards.iter().any(|c| &c.id == id));
        self.actions.retain(|id| cards.iter().any(|c| c.id == id));
        self.frame.cancel();
        self.cancel_handoff();
        self.tidy.cancel();
        self.unmount_all();
        let position = self.deck.rest_position();
        self.remount(position, now);
        self.place_all(position);
        self.settled();
    }

    /// Asks the browser to decode the card in view's picture, if its Ken Burns move waits for
    /// that (a picture that cannot be decoded keeps its card still and reports its error).
    pub(super) fn decode_current_picture(&self) {
        let current = self.deck.current();
        if let Some(img) = self
            .views
            .iter()
            .find(|v| v.index == current)
            .and_then(CardView::undecoded_picture)
        {
            paint::decode_then_tell(&img);
        }
    }

    fn place_all(&mut self, position: f32) {
        let horizontal = self.deck.axis() == Axis::Horizontal;
        let extent = self.deck.extent();
        for view in &mut self.views {
            let offset = self.deck.offset(view.index, position);
            view.place(offset, extent, horizontal);
        }
    }

    /// The deck came to rest: update which card is in view, and tell the host if it changed.
    fn settled(&mut self) {
        self.tidy.request();
        self.preload_ahead();
        let current = self.deck.current();
        let allowed = self.media_allowed();
        for view in &mut self.views {
            view.set_in_view(view.index == current, allowed);
        }
        self.media_state = None;
        let current_root = self
            .views
            .iter()
            .find(|v| v.index == current)
            .map(|v| v.root.clone());
        if let Some(root) = &current_root {
            self.keep_focus(root);
        }
        self.decode_current_picture();
        let now = self.now();
        let rest = self.deck.rest_position();
        self.observe_view(now, rest);
        if current < self.session.cards().len() {
            if self.page_visible && self.screen_on {
                self.session.seen(current);
            }
            if let Some(arrived) = self.session.rested(current) {
                if let Some(from) = arrived.from {
                    self.record_move(from, current);
                }
                let label = current_root.and_then(|r| r.get_attribute("aria-label"));
                if let Some(label) = label.filter(|_| arrived.announce) {
                    self.announce(&label);
                }
                let leave = self.leave_of(current);
                self.advance.start(now, leave);
            }
        } else {
            self.advance.stop();
        }
        self.advance.set_paused(now, Pause::Moving, false);
        self.sync(now);
        // What came due while the cards moved changes now that they rest.
        self.check_clock();
    }

    fn now(&self) -> f64 {
        crate::web::clock::mono_now().0
    }
}
