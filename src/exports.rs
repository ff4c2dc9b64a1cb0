//! The `#[wasm_bindgen]` API. JS values are converted here and nowhere else; errors from core
//! become `JsError`s with their message.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use web_sys::HtmlElement;

use crate::core::feed::{check_feed, parse_feed, CheckedFeed, Limits, Rejection};
use crate::core::geometry::{Insets, Size};
use crate::core::layout::lang::{Direction, LangTag};
use crate::core::motion::saver::Savers;
use crate::core::session::notice::Notice;
use crate::core::session::{Arrival, Shown};
use crate::core::time::WallMs;
use crate::core::ui::skin::Skin;
use crate::core::values::{self, Sink, ToValue};
use crate::web::clock::wall_now;
use crate::web::Mount;

/// Options of [`Renderer::new`], read from a plain JS object.
#[derive(Default)]
struct Options {
    /// A built-in skin name (default `"generic"`).
    skin: Option<String>,
    /// A custom skin profile as JSON text; wins over `skin`.
    skin_profile: Option<String>,
    /// The user asked for reduced motion: no Ken Burns, parallax or entrances, and cards
    /// cross-fade instead of sliding.
    reduced_motion: bool,
    /// `false` turns auto-advance off whatever the skin says (default on).
    auto_advance: Option<bool>,
    /// The phone's data and battery savers (both off by default).
    savers: Savers,
    /// Which way the deck runs: `"rtl"` for a right-to-left device language.
    direction: Option<Direction>,
    /// The system font scale (1.0 by default).
    font_scale: Option<f32>,
    /// Safe-area insets from the host (else `env(safe-area-inset-*)`).
    safe_area: Option<Insets>,
    /// The id of the card to show first, if the first feed has it: a renderer started again
    /// after a crash comes back where the last one was.
    resume_at: Option<String>,
}

/// `"ltr"` or `"rtl"`.
fn parse_direction(value: &str) -> Result<Direction, JsError> {
    match value {
        "ltr" => Ok(Direction::Ltr),
        "rtl" => Ok(Direction::Rtl),
        _ => Err(JsError::new(
            "invalid renderer options: \"direction\" must be \"ltr\" or \"rtl\"",
        )),
    }
}

/// Reads `{ top, right, bottom, left }` (CSS px; missing sides are 0).
fn read_insets(value: &JsValue) -> Result<Option<Insets>, JsError> {
    if value.is_undefined() || value.is_null() {
        return Ok(None);
    }
    if !value.is_object() {
        return Err(JsError::new(
            "invalid renderer options: \"safeArea\" must be { top, right, bottom, left } in px",
        ));
    }
    let side = |key: &str| {
        js_sys::Reflect::get(value, &JsValue::from_str(key))
            .ok()
            .and_then(|v| v.as_f64())
            .unwrap_or(0.0) as f32
    };
    Ok(Some(Insets::new(
        side("top"),
        side("right"),
        side("bottom"),
        side("left"),
    )))
}

impl Options {
    /// Reads `{ skin?, skinProfile?, reducedMotion?, autoAdvance?, dataSaver?, batterySaver?,
    /// direction?, fontScale?, safeArea?, resumeAt? }`.
    /// Each option is read directly rather than through a deserializer (which would bring
    /// float formatting into the binary for its error messages).
    fn read(value: &JsValue) -> Result<Self, JsError> {
        if value.is_undefined() || value.is_null() {
            return Ok(Self::default());
        }
        if !value.is_object() {
            return Err(JsError::new("invalid renderer options: expected an object"));
        }
        let text = |key: &str| -> Result<Option<String>, JsError> {
            let v =
                js_sys::Reflect::get(value, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED);
            if v.is_undefined() || v.is_null() {
                return Ok(None);
            }
            v.as_string().map(Some).ok_or_else(|| {
                JsError::new(&format!(
                    "invalid renderer options: \"{key}\" must be a string"
                ))
            })
        };
        let flag = |key: &str| -> Result<Option<bool>, JsError> {
            let v =
                js_sys::Reflect::get(value, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED);
            match v.as_bool() {
                Some(b) => Ok(Some(b)),
                None if v.is_undefined() || v.is_null() => Ok(None),
                None => Err(JsError::new(&format!(
                    "invalid renderer options: \"{key}\" must be true or false"
                ))),
            }
        };
        let reduced_motion = flag("reducedMotion")?.unwrap_or(false);
        let direction = text("direction")?
            .map(|d| parse_direction(&d))
            .transpose()?;
        let auto_advance = flag("autoAdvance")?;
        let savers = Savers {
            data: flag("dataSaver")?.unwrap_or(false),
            battery: flag("batterySaver")?.unwrap_or(false),
        };
        let scale = js_sys::Reflect::get(value, &JsValue::from_str("fontScale"))
            .unwrap_or(JsValue::UNDEFINED);
        let font_scale = match scale.as_f64() {
            Some(v) if v.is_finite() && v > 0.0 => Some(v as f32),
            None if scale.is_undefined() || scale.is_null() => None,
            _ => {
                return Err(JsError::new(
                    "invalid renderer options: \"fontScale\" must be a positive number",
                ))
            }
        };
        let safe_area = read_insets(
            &js_sys::Reflect::get(value, &JsValue::from_str("safeArea"))
                .unwrap_or(JsValue::UNDEFINED),
        )?;
        Ok(Self {
            skin: text("skin")?,
            skin_profile: text("skinProfile")?,
            reduced_motion,
            auto_advance,
            savers,
            direction,
            font_scale,
            safe_area,
            resume_at: text("resumeAt")?,
        })
    }
}

/// What [`Renderer::set_feed`] did with a feed whose JSON and version were acceptable: JS
/// receives `{ applied, shown, outOfWindow, waiting, firstStartsAt, rejections }`.
struct FeedReport<'a> {
    /// True when the feed has live cards now and they are shown. False when every card was
    /// refused, or none is in its window now: the cards already on screen stay (a feed whose
    /// cards start later waits and takes over at its first start).
    applied: bool,
    /// Cards shown now.
    shown: usize,
    /// Valid cards outside their `[starts_at, expires_at)` window now (not errors).
    out_of_window: usize,
    /// Cards waiting to start (this feed's, and the feed on screen's when this one waits).
    waiting: usize,
    /// When the first waiting card starts, in ms since the epoch (`null` when none waits).
    first_starts_at: Option<WallMs>,
    /// Refused cards, in input order.
    rejections: &'a [Rejection],
}

impl<'a> FeedReport<'a> {
    fn new(arrival: Arrival, rejections: &'a [Rejection]) -> Self {
        Self {
            applied: arrival.applied,
            shown: arrival.shown,
            out_of_window: arrival.out_of_window,
            waiting: arrival.waiting,
            first_starts_at: arrival.first_start,
            rejections,
        }
    }

    fn to_js(&self) -> Result<JsValue, JsError> {
        Ok(to_js(self))
    }
}

impl ToValue for FeedReport<'_> {
    fn write(&self, out: &mut dyn Sink) {
        out.begin_object();
        values::boolean(out, "applied", self.applied);
        values::number(out, "shown", self.shown as f64);
        values::number(out, "outOfWindow", self.out_of_window as f64);
        values::number(out, "waiting", self.waiting as f64);
        out.key("firstStartsAt");
        match self.first_starts_at {
            Some(t) => out.number(t.0 as f64),
            None => out.null(),
        }
        values::array(out, "rejections", self.rejections);
        out.end_object();
    }
}

/// Builds JS objects, arrays and scalars from what a value writes: each container is put in
/// its parent when it begins (JS holds it by reference), under the key pending then.
#[derive(Default)]
struct JsSink {
    stack: Vec<JsValue>,
    key: Option<JsValue>,
    root: JsValue,
}

impl JsSink {
    fn put(&mut self, v: &JsValue) {
        match self.stack.last() {
            None => self.root = v.clone(),
            Some(top) => match self.key.take() {
                Some(key) => {
                    let _ = js_sys::Reflect::set(top, &key, v);
                }
                None => {
                    top.unchecked_ref::<js_sys::Array>().push(v);
                }
            },
        }
    }
}

impl Sink for JsSink {
    fn begin_object(&mut self) {
        let o: JsValue = js_sys::Object::new().into();
        self.put(&o);
        self.stack.push(o);
    }
    fn key(&mut self, key: &str) {
        self.key = Some(JsValue::from_str(key));
    }
    fn end_object(&mut self) {
        self.stack.pop();
    }
    fn begin_array(&mut self) {
        let a: JsValue = js_sys::Array::new().into();
        self.put(&a);
        self.stack.push(a);
    }
    fn end_array(&mut self) {
        self.stack.pop();
    }
    fn number(&mut self, value: f64) {
        self.put(&JsValue::from_f64(value));
    }
    fn string(&mut self, value: &str) {
        self.put(&JsValue::from_str(value));
    }
    fn boolean(&mut self, value: bool) {
        self.put(&JsValue::from_bool(value));
    }
    fn null(&mut self) {
        self.put(&JsValue::NULL);
    }
}

/// The JS value of `value`.
fn to_js(value: &dyn ToValue) -> JsValue {
    let mut sink = JsSink {
        root: JsValue::UNDEFINED,
        ..JsSink::default()
    };
    value.write(&mut sink);
    sink.root
}

/// What one feed text came to.
struct Applied {
    report: JsValue,
    /// Its cards are shown.
    applied: bool,
}

impl Renderer {
    /// Validates a feed and offers its valid cards to the session.
    fn apply_feed(&self, json: &str) -> Result<Applied, JsError> {
        let checked = check_feed(json, &self.limits).map_err(|e| JsError::new(&e.to_string()))?;
        self.offer(checked)
    }

    /// Offers a checked feed's cards, as the current skin allows them, to the session; keeps
    /// the checked feed (not its text) as the one on screen or the one held.
    fn offer(&self, checked: CheckedFeed) -> Result<Applied, JsError> {
        let feed = checked.for_skin(&self.limits.deep_link_schemes);
        let Some(arrival) = self.mount.offer_feed(feed.cards) else {
            return Err(JsError::new(
                "the renderer is not running any more (a call into it never returned)",
            ));
        };
        let held = !arrival.applied && self.mount.has_held();
        let report = FeedReport::new(arrival, &feed.rejections).to_js()?;
        if arrival.applied {
            self.feed.replace(Some(checked));
            self.held.replace(None);
        } else if held {
            self.held.replace(Some(checked));
        }
        Ok(Applied {
            report,
            applied: arrival.applied,
        })
    }
}

/// Checks a Feed v1 JSON text as a renderer with the built-in skin `skin` would, without
/// showing it: the report [`Renderer::set_feed`] returns to a renderer with nothing on screen
/// (`applied` says whether any card is live now). Throws for an unknown skin, and for a feed
/// that is not JSON, has the wrong version or no cards, with the reason (and the line and
/// column of a JSON error). Content tools and pipelines validate with it.
#[wasm_bindgen(js_name = validateFeed)]
pub fn validate_feed(json: &str, skin: &str) -> Result<JsValue, JsError> {
    let skin = Skin::builtin(skin).map_err(|e| JsError::new(&e.to_string()))?;
    let feed = parse_feed(json, &skin_limits(&skin)).map_err(|e| JsError::new(&e.to_string()))?;
    let (arrival, _) = Shown::default().offer(feed.cards, wall_now(), 0);
    FeedReport::new(arrival, &feed.rejections).to_js()
}

/// The lock-screen renderer, mounted in a host element.
#[wasm_bindgen]
pub struct Renderer {
    mount: Mount,
    limits: Limits,
    /// The feed on screen as checked (not its text), so that a skin change judges again only
    /// what depends on the skin: its deep-link allow-list.
    feed: RefCell<Option<CheckedFeed>>,
    /// The feed waiting for its first card to start, for the same reason.
    held: RefCell<Option<CheckedFeed>>,
}

fn skin_limits(skin: &Skin) -> Limits {
    Limits {
        deep_link_schemes: skin.deep_link_schemes.clone(),
        ..Limits::default()
    }
}

#[wasm_bindgen]
impl Renderer {
    /// Mounts into `root`. `options`: `{ skin?: string, skinProfile?: string,
    /// reducedMotion?: boolean, autoAdvance?: boolean, dataSaver?: boolean,
    /// batterySaver?: boolean, direction?: "ltr" | "rtl",
    /// fontScale?: number, safeArea?: { top, right, bottom, left }, resumeAt?: string }`;
    /// `on_notice` receives `{ type: "cardChange" | "open" | "like" | "share" | "track" |
    /// "store" | "mediaError" | "expired", … }` objects (see `www/host/host.d.ts`).
    #[wasm_bindgen(constructor)]
    pub fn new(
        root: HtmlElement,
        options: JsValue,
        on_notice: Option<js_sys::Function>,
    ) -> Result<Renderer, JsError> {
        #[cfg(feature = "debug")]
        console_error_panic_hook::set_once();
        let options = Options::read(&options)?;
        let skin = match (&options.skin_profile, &options.skin) {
            (Some(json), _) => Skin::from_json(json),
            (None, Some(name)) => Skin::builtin(name),
            (None, None) => Skin::builtin("generic"),
        }
        .map_err(|e| JsError::new(&e.to_string()))?;
        let limits = skin_limits(&skin);
        let emit: Rc<dyn Fn(Notice)> = Rc::new(move |notice: Notice| {
            if let Some(f) = &on_notice {
                {
                    let value = to_js(&notice);
                    // A throwing host listener must not break the renderer; the shim reports
                    // its errors. A trap is different: a listener that called back into the
                    // renderer, which trapped. It goes on as an unhandled rejection, which the
                    // supervisor hears, rather than being lost here.
                    if let Err(error) = f.call1(&JsValue::NULL, &value) {
                        if error.is_instance_of::<js_sys::WebAssembly::RuntimeError>() {
                            let _ = js_sys::Promise::reject(&error);
                        }
                    }
                }
            }
        });
        let mount = Mount::new(root, &skin, options.reduced_motion, emit);
        if let Some(scale) = options.font_scale {
            mount.set_font_scale(scale);
        }
        if options.safe_area.is_some() {
            mount.set_safe_area(options.safe_area);
        }
        if let Some(allowed) = options.auto_advance {
            mount.set_auto_advance(allowed);
        }
        mount.update_savers(|s| *s = options.savers);
        if let Some(direction) = options.direction {
            mount.set_direction(direction);
        }
        if let Some(id) = options.resume_at {
            mount.resume_at(id);
        }
        Ok(Renderer {
            mount,
            limits,
            feed: RefCell::new(None),
            held: RefCell::new(None),
        })
    }

    /// Validates a Feed v1 JSON text and shows its valid cards that are live now, keeping the
    /// card in view if it is still there. A feed with no card live now does not replace the
    /// cards on screen: when some of its cards start later it waits and takes over at the first
    /// start. Returns `{ applied, shown, outOfWindow, waiting, firstStartsAt, rejections: [{
    /// index, id?, field, reason }] }`. Throws, leaving the screen as it was, when the feed is
    /// not JSON, has the wrong version or no cards.
    #[wasm_bindgen(js_name = setFeed)]
    pub fn set_feed(&self, json: &str) -> Result<JsValue, JsError> {
        self.apply_feed(json).map(|a| a.report)
    }

    /// Switches to a built-in skin, live: reserved areas, look, axis and tap zones change at once,
    /// and the feed on screen is checked again against the new skin's deep-link allow-list.
    /// Returns the new feed report (`null` when no feed was given yet). Throws for an unknown
    /// name, keeping the skin it had.
    #[wasm_bindgen(js_name = setSkin)]
    pub fn set_skin(&mut self, name: &str) -> Result<JsValue, JsError> {
        let skin = Skin::builtin(name).map_err(|e| JsError::new(&e.to_string()))?;
        self.apply_skin(skin)
    }

    /// Switches to a custom skin profile (JSON text), as [`Renderer::set_skin`] does. Throws an
    /// error naming the field for a bad profile, keeping the skin it had.
    #[wasm_bindgen(js_name = setSkinProfile)]
    pub fn set_skin_profile(&mut self, json: &str) -> Result<JsValue, JsError> {
        let skin = Skin::from_json(json).map_err(|e| JsError::new(&e.to_string()))?;
        self.apply_skin(skin)
    }

    fn apply_skin(&mut self, skin: Skin) -> Result<JsValue, JsError> {
        self.limits = skin_limits(&skin);
        self.mount.set_skin(skin);
        // A held feed that has taken over since is the feed on screen now.
        if self.held.borrow().is_some() && !self.mount.has_held() {
            let promoted = self.held.take();
            self.feed.replace(promoted);
        }
        // Kept unless the new judgement replaces them (a feed every card of which the new skin
        // refuses is not applied, and stays the one to judge at the next switch).
        let feed = self.feed.borrow().clone();
        let held = self.held.borrow().clone();
        // The re-judged feed builds the cards once; if there is none, or it is not applied,
        // the cards on screen are laid out again for the new skin. The held feed is judged
        // again too, and waits as before.
        let (report, applied) = match feed {
            Some(checked) => {
                let a = self.offer(checked)?;
                (a.report, a.applied)
            }
            None => (JsValue::NULL, false),
        };
        if !applied {
            self.mount.relayout();
        }
        if let Some(checked) = held {
            self.offer(checked)?;
        }
        Ok(report)
    }

    /// Animates to the next card. Returns false at the end.
    pub fn next(&self) -> bool {
        self.mount.forward()
    }

    /// Animates to the previous card. Returns false at the start.
    pub fn prev(&self) -> bool {
        self.mount.back()
    }

    /// Animates to card `index` (clamped to the feed).
    #[wasm_bindgen(js_name = goTo)]
    pub fn go_to(&self, index: usize) -> bool {
        self.mount.go_to(index)
    }

    /// The system font scale (1.0 = default, honoured from 0.8 to 2.0): the cards are laid out
    /// again at once.
    #[wasm_bindgen(setter, js_name = fontScale)]
    pub fn set_font_scale(&self, scale: f32) {
        self.mount.set_font_scale(scale);
    }

    /// Safe-area insets from the host, `{ top, right, bottom, left }` in CSS px (`null` goes back
    /// to the page's `env(safe-area-inset-*)`): the cards are laid out again at once.
    #[wasm_bindgen(setter, js_name = safeArea)]
    pub fn set_safe_area(&self, insets: JsValue) -> Result<(), JsError> {
        self.mount.set_safe_area(read_insets(&insets)?);
        Ok(())
    }

    /// The screen size the host reports, `{ width, height }` in CSS px (`null` forgets it). The
    /// host element's own size wins; this one is used while it has none (a warm WebView not
    /// yet attached to a window), so the first card can be laid out before the wake.
    #[wasm_bindgen(setter)]
    pub fn set_viewport(&self, size: JsValue) -> Result<(), JsError> {
        if size.is_undefined() || size.is_null() {
            self.mount.set_host_viewport(None);
            return Ok(());
        }
        let side = |key: &str| {
            js_sys::Reflect::get(&size, &JsValue::from_str(key))
                .ok()
                .and_then(|v| v.as_f64())
                .filter(|v| v.is_finite() && *v > 0.0)
        };
        match (side("width"), side("height")) {
            (Some(w), Some(h)) => {
                self.mount
                    .set_host_viewport(Some(Size::new(w as f32, h as f32)));
                Ok(())
            }
            _ => Err(JsError::new(
                "invalid viewport: expected { width, height } in px, both positive",
            )),
        }
    }

    /// The layout of card `index` on this device and skin: `{ cardId, textZone, blocks: [{ kind,
    /// rect: { x, y, width, height }, fontSize, lineHeight, lines }], media, scrim, warnings:
    /// [{ code, … }], direction, fontFamily }`, or `null` past the end. Content tools show the
    /// warnings.
    #[wasm_bindgen(js_name = layoutOf)]
    pub fn layout_of(&self, index: usize) -> Result<JsValue, JsError> {
        let Some((card_id, layout)) = self.mount.layout_of(index) else {
            return Ok(JsValue::NULL);
        };
        let value = to_js(&layout);
        let _ = js_sys::Reflect::set(
            &value,
            &JsValue::from_str("cardId"),
            &JsValue::from_str(&card_id),
        );
        Ok(value)
    }

    /// Reduced motion on or off, e.g. when the host's setting changes.
    #[wasm_bindgen(setter, js_name = reducedMotion)]
    pub fn set_reduced_motion(&self, reduced: bool) {
        self.mount.set_reduced_motion(reduced);
    }

    /// Which way the deck runs, `"ltr"` or `"rtl"` (the device's language, not a card's): on a
    /// right-to-left deck the next card waits on the left, and swipes, taps and arrow keys
    /// mirror.
    #[wasm_bindgen(setter)]
    pub fn set_direction(&self, direction: &str) -> Result<(), JsError> {
        self.mount.set_direction(parse_direction(direction)?);
        Ok(())
    }

    /// The device's language as a BCP 47 tag: the deck runs right to left for Urdu, Arabic,
    /// Persian or Hebrew (the same rule as a card's `lang`), else left to right.
    #[wasm_bindgen(setter)]
    pub fn set_locale(&self, tag: &str) -> Result<(), JsError> {
        let tag = LangTag::parse(tag).ok_or_else(|| {
            JsError::new("invalid locale: expected a BCP 47 language tag such as \"ur-PK\"")
        })?;
        self.mount.set_direction(tag.direction());
        self.mount.set_ui_language(tag.as_str());
        Ok(())
    }

    /// Auto-advance allowed or not (the skin still decides whether and when).
    #[wasm_bindgen(setter, js_name = autoAdvance)]
    pub fn set_auto_advance(&self, allowed: bool) {
        self.mount.set_auto_advance(allowed);
    }

    /// The phone's data saver: clips show their poster and are not fetched ahead.
    #[wasm_bindgen(setter, js_name = dataSaver)]
    pub fn set_data_saver(&self, on: bool) {
        self.mount.update_savers(|s| s.data = on);
    }

    /// The phone's battery saver: clips show their poster and pictures do not drift.
    #[wasm_bindgen(setter, js_name = batterySaver)]
    pub fn set_battery_saver(&self, on: bool) {
        self.mount.update_savers(|s| s.battery = on);
    }

    /// The host stored the events whose `seq`s are in `acked`, in reply to the `track` notice
    /// of batch `batch` (a late reply to an earlier batch counts too). Those events leave the
    /// outbox; the rest of the batch goes again.
    pub fn tracked(&self, batch: f64, acked: Vec<f64>) {
        let acked: Vec<u64> = acked
            .into_iter()
            .filter(|s| s.is_finite() && *s >= 1.0)
            .map(|s| s as u64)
            .collect();
        self.mount.tracked(batch as u64, &acked);
    }

    /// The host's `track()` failed for batch `batch`: its events go again after a wait.
    #[wasm_bindgen(js_name = trackFailed)]
    pub fn track_failed(&self, batch: f64) {
        self.mount.track_failed(batch as u64);
    }

    /// Takes over the analytics outbox a renderer stored before (the text of the `store`
    /// notice for `outbox`, from the host's storage): its events are sent again and
    /// numbering goes on after them; events this renderer recorded already follow them. Text
    /// cut short keeps the events before the cut. Returns what restoring had to mend: `{ kept,
    /// dropped, renumbered, cut }` (`dropped` events are reported to the host as a `dropped`
    /// event). Throws when nothing of the text can be used, keeping the outbox it had.
    #[wasm_bindgen(js_name = restoreOutbox)]
    pub fn restore_outbox(&self, text: &str) -> Result<JsValue, JsError> {
        let report = self
            .mount
            .restore_outbox(text)
            .map_err(|e| JsError::new(&e.to_string()))?;
        let object = js_sys::Object::new();
        let set = |key: &str, value: JsValue| {
            let _ = js_sys::Reflect::set(&object, &JsValue::from_str(key), &value);
        };
        set("kept", JsValue::from(report.kept as f64));
        set("dropped", JsValue::from(report.dropped as f64));
        set("renumbered", JsValue::from(report.renumbered as f64));
        set("cut", JsValue::from_bool(report.cut));
        Ok(object.into())
    }

    /// The host's screen state: with the screen off nothing moves, plays or counts down, and
    /// the cards land where they were going.
    #[wasm_bindgen(js_name = setScreenOn)]
    pub fn set_screen_on(&self, on: bool) {
        self.mount.set_screen_on(on);
    }

    /// Index of the card in view, or -1 when no card is shown.
    #[wasm_bindgen(getter)]
    pub fn index(&self) -> i32 {
        self.mount
            .current()
            .map_or(-1, |(i, _)| i32::try_from(i).unwrap_or(i32::MAX))
    }

    /// Id of the card in view.
    #[wasm_bindgen(getter, js_name = currentId)]
    pub fn current_id(&self) -> Option<String> {
        self.mount.current().map(|(_, id)| id)
    }

    /// Position of the shown card with this id, or -1 when it is not shown (refused, out of
    /// its window, or not in the feed). Tools keep several renderers on the same card with it.
    #[wasm_bindgen(js_name = indexOf)]
    pub fn index_of(&self, id: &str) -> i32 {
        self.mount
            .index_of(id)
            .map_or(-1, |i| i32::try_from(i).unwrap_or(i32::MAX))
    }

    /// The system's colour scheme as the host knows it: `"dark"`, `"light"`, or `""` to follow
    /// the page's `prefers-color-scheme`. In dark mode pictures and clips are dimmed, as the
    /// skins dim the wallpaper. Throws for any other value.
    #[wasm_bindgen(setter, js_name = colorScheme)]
    pub fn set_color_scheme(&self, scheme: &str) -> Result<(), JsError> {
        let dark = match scheme {
            "dark" => Some(true),
            "light" => Some(false),
            "" => None,
            _ => {
                return Err(JsError::new(
                    "invalid colorScheme: expected \"dark\", \"light\" or \"\"",
                ))
            }
        };
        self.mount.set_dark(dark);
        Ok(())
    }

    /// Number of cards shown.
    #[wasm_bindgen(getter)]
    pub fn count(&self) -> usize {
        self.mount.count()
    }

    /// False once the renderer cannot go on: a trap (a panic, or a fault in the module) left
    /// its state in use by a call that never returned. Asked between calls, as the shim does
    /// after a `WebAssembly.RuntimeError`; a renderer that was freed throws instead.
    #[wasm_bindgen(getter)]
    pub fn alive(&self) -> bool {
        self.mount.alive()
    }
}
