//! The renderer's decisions, away from the browser: every input comes in with its time — a
//! pointer, a key, a frame, a timer firing, the page's and the screen's state, a picture decoded
//! or failed, a new feed, a setting — and what to do comes out as [`Effect`]s, in order.
//!
//! The browser layer (`web::mount`) forwards inputs, applies the effects to the elements, media
//! and handles it keeps, and decides nothing. [`shown::Shown`] decides which cards are on
//! screen at each moment of the wall clock; the [`Deck`] where they are; this module the rest:
//! when the cards move by themselves and how, what the card in view plays, what is recorded,
//! announced and told, and which timers run.

pub mod effect;
pub mod notice;
pub mod shown;
pub mod timeline;

pub use shown::{Arrival, Arrived, Change, Shown, MAX_WAIT_MS};

use effect::{Effect, Fade, Timer};
use notice::Notice;

use crate::core::analytics::event::{Heading, What};
use crate::core::analytics::outbox::{Outbox, RestoreError, Restored};
use crate::core::analytics::views::{Seen, Views};
use crate::core::feed::{Card, MediaType};
use crate::core::geometry::Size;
use crate::core::layout::lang::Direction;
use crate::core::layout::{luminance, sampled_scrim, CardLayout};
use crate::core::motion::advance::{leave, AutoAdvance, Leave, Pause, Situation};
use crate::core::motion::media::{Conditions, MediaState};
use crate::core::motion::saver::Savers;
use crate::core::motion::{CardMotion, KenBurns};
use crate::core::navigation::deck::{Deck, Handled, Key, Window};
use crate::core::navigation::pager::Settle;
use crate::core::time::{MonoMs, WallMs};
use crate::core::ui::actions::{Action, Actions};
use crate::core::ui::face::Place;
use crate::core::ui::skin::Skin;

/// The two clocks at the moment of an input.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Now {
    /// The page's monotonic clock (the time base of events and frames).
    pub mono: MonoMs,
    /// The host's wall clock.
    pub wall: WallMs,
}

impl Now {
    /// The same wall time at another monotonic reading (an event's own timestamp).
    fn at(self, mono: MonoMs) -> Self {
        Self {
            mono,
            wall: self.wall,
        }
    }
}

/// One of the renderer's own controls (previous, pause, next).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Control {
    /// One card back.
    Previous,
    /// Pause or resume auto-advance, clips and Ken Burns.
    Pause,
    /// One card forward.
    Next,
}

impl Control {
    /// The control named by a `data-control` attribute.
    pub fn parse(name: &str) -> Option<Self> {
        match name {
            "previous" => Some(Self::Previous),
            "pause" => Some(Self::Pause),
            "next" => Some(Self::Next),
            _ => None,
        }
    }
}

/// How the cards move now.
#[derive(Debug, Clone, Default)]
enum Motion {
    /// At rest, or following a finger without a frame pending.
    #[default]
    Still,
    /// A frame is asked for.
    Frames,
    /// The compositor runs this settle, started at this time.
    Handoff { settle: Settle, started: MonoMs },
}

/// What a card's view is built with, besides its layout: decided here when it is mounted.
#[derive(Debug, Clone)]
pub struct ViewPlan {
    /// Where the card stands among the shown cards, the time now and whether it was liked.
    pub place: Place,
    /// Whether it is the card in view.
    pub in_view: bool,
    /// How it moves.
    pub motion: CardMotion,
    /// Its picture's Ken Burns move, when it has one.
    pub ken_burns: Option<KenBurns>,
    /// Its clip loops (it does not move the deck on when it ends).
    pub loop_clip: bool,
    /// The phone's savers.
    pub savers: Savers,
}

/// What the page knows about a picture or clip that failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Failure {
    /// A `<video>` with a poster: the poster stays on screen.
    pub poster: bool,
    /// The card's own picture or clip (not an icon or a logo).
    pub main: bool,
}

/// The session. See the module documentation.
#[derive(Debug)]
pub struct Session {
    shown: Shown,
    deck: Deck,
    skin: Skin,
    advance: AutoAdvance,
    /// The card in view and since when (impressions and dwell).
    viewing: Views,
    /// Analytics events waiting for the host's acknowledgement.
    outbox: Outbox,
    /// Which button presses went to the host lately, and the liked cards.
    actions: Actions,
    savers: Savers,
    /// Media that failed, as (card id, source): a handful at most, searched in order.
    failed_media: Vec<(String, String)>,
    /// Scrim opacity sampled from each card's loaded picture, by card id.
    sampled_scrims: Vec<(String, f32)>,
    /// The host allows auto-advance (the skin still decides whether and when).
    auto_advance: bool,
    /// The host says the screen is on (the page may be visible with the screen off).
    screen_on: bool,
    page_visible: bool,
    /// The viewer pressed pause: no auto-advance, clips or Ken Burns until pressed again.
    viewer_paused: bool,
    /// Cards that move on their own arrive at once, with a cross-fade.
    reduced_motion: bool,
    /// Settles may run on the compositor.
    compositor: bool,
    /// Whether the card in view's clip plays and its Ken Burns drifts, as last applied.
    media_state: Option<(bool, bool)>,
    /// The skin changed: the next feed builds every card again, even the same cards.
    rebuild_pending: bool,
    /// The cards in the DOM, as last asked for.
    mounted: Option<Window>,
    motion: Motion,
    /// When the clock's timer fires, as last armed.
    clock_armed: Option<MonoMs>,
    /// An idle store of the outbox is asked for.
    store_pending: bool,
    /// Chromium's styles for a clip were set up ahead ([`Effect::WarmClips`]).
    clips_warmed: bool,
    effects: Vec<Effect>,
}

impl Session {
    /// A session for a viewport of `size` with `skin`. `compositor`: the WebView can run a
    /// settle as Web Animations; `page_visible`: the page shows now.
    pub fn new(
        skin: Skin,
        size: Size,
        reduced_motion: bool,
        compositor: bool,
        page_visible: bool,
    ) -> Self {
        let mut deck = Deck::new(skin.axis, skin.tap_zones, size, 0);
        deck.set_skin(skin.axis, skin.tap_zones, skin.looping);
        Self {
            shown: Shown::default(),
            deck,
            skin,
            advance: AutoAdvance::default(),
            viewing: Views::default(),
            outbox: Outbox::default(),
            actions: Actions::default(),
            savers: Savers::default(),
            failed_media: Vec::new(),
            sampled_scrims: Vec::new(),
            auto_advance: true,
            screen_on: true,
            page_visible,
            viewer_paused: false,
            reduced_motion,
            compositor,
            media_state: None,
            rebuild_pending: false,
            mounted: None,
            motion: Motion::Still,
            clock_armed: None,
            store_pending: false,
            clips_warmed: false,
            effects: Vec::new(),
        }
    }

    // ---- What the layer reads to apply the effects -------------------------------------

    /// Swaps the effects decided since the last call into `into` (which the caller emptied):
    /// the two buffers keep their capacity, so an input allocates nothing for its effects.
    pub fn swap_effects(&mut self, into: &mut Vec<Effect>) {
        debug_assert!(into.is_empty());
        std::mem::swap(&mut self.effects, into);
    }

    /// The cards shown now, in the deck's order.
    pub fn cards(&self) -> &[Card] {
        self.shown.cards()
    }

    /// Where the cards are.
    pub fn deck(&self) -> &Deck {
        &self.deck
    }

    /// The skin in use.
    pub fn skin(&self) -> &Skin {
        &self.skin
    }

    /// Whether a feed waits for its first card to start.
    pub fn has_held(&self) -> bool {
        self.shown.has_held()
    }

    /// The scrim sampled from card `id`'s picture, once it loaded.
    pub fn sampled_scrim(&self, id: &str) -> Option<f32> {
        self.sampled_scrims
            .iter()
            .find(|(k, _)| k == id)
            .map(|&(_, a)| a)
    }

    /// Whether the cards move or a finger is on them.
    pub fn is_moving(&self) -> bool {
        !matches!(self.motion, Motion::Still) || self.deck.is_dragging()
    }

    /// The cards to lay out ahead in idle time, nearest first: the ones the next few settles
    /// mount ([`Deck::past_window`]).
    pub fn look_ahead(&self) -> Vec<usize> {
        self.deck.past_window(LOOK_AHEAD_REACH)
    }

    /// Whether idle time may go to the look-ahead now: not while a finger is on the cards
    /// (the frames that follow it come first). A settle on the compositor leaves the main
    /// thread idle, and a series of flicks would otherwise outrun it.
    pub fn may_look_ahead(&self) -> bool {
        !self.deck.finger_down() && !self.deck.is_dragging()
    }

    /// Whether nothing moves and no finger is on the cards: what is shown may change now.
    fn at_rest(&self) -> bool {
        matches!(self.motion, Motion::Still) && !self.deck.finger_down() && !self.deck.is_dragging()
    }

    /// Whether the card in view may play its clip and Ken Burns.
    pub fn media_allowed(&self) -> bool {
        self.media().playing
    }

    fn lit(&self) -> bool {
        self.page_visible && self.screen_on
    }

    /// What the card in view's media may do now.
    fn media(&self) -> MediaState {
        Conditions {
            lit: self.lit(),
            holding: self.deck.is_holding(),
            viewer_paused: self.viewer_paused,
            moving: self.advance.is_paused_by(Pause::Moving),
            finger_down: self.deck.finger_down(),
        }
        .media()
    }

    /// What card `index`'s view is built with, laid out as `layout`, at wall time `now`.
    pub fn view_plan(&self, index: usize, layout: &CardLayout, now: WallMs) -> Option<ViewPlan> {
        let card = self.cards().get(index)?;
        let leave = self.leave_of(index);
        let motion = self
            .savers
            .allow(CardMotion::of(card, self.skin.motion, self.reduced_motion));
        let ken_burns = match (motion.ken_burns, &card.media, layout.media) {
            (true, Some(media), Some(fit)) => Some(KenBurns::plan(
                media
                    .width
                    .zip(media.height)
                    .map(|(w, h)| Size::new(w as f32, h as f32)),
                (media.focus.x, media.focus.y),
                fit,
                self.deck.viewport(),
                match leave {
                    Leave::After(ms) => ms,
                    _ => 0.0,
                },
            )),
            _ => None,
        };
        Some(ViewPlan {
            place: Place {
                index,
                total: self.cards().len(),
                now,
                liked: self.actions.is_liked(&card.id),
            },
            in_view: index == self.deck.current(),
            motion,
            ken_burns,
            loop_clip: leave != Leave::ClipEnd,
            savers: self.savers,
        })
    }

    /// How card `index` leaves by itself now.
    fn leave_of(&self, index: usize) -> Leave {
        let Some(card) = self.cards().get(index) else {
            return Leave::Never;
        };
        let clip_failed = card.media.as_ref().is_some_and(|m| {
            self.failed_media
                .iter()
                .any(|(id, src)| *id == card.id && *src == m.src)
        });
        let now = Situation {
            allowed: self.auto_advance,
            has_next: self.deck.has_next(index),
            clip_failed,
            clips_play: self.savers.clips_play(),
        };
        leave(card, &self.skin, now)
    }

    fn push(&mut self, effect: Effect) {
        self.effects.push(effect);
    }

    // ---- Feeds and time -----------------------------------------------------------------

    /// The first feed opens on card `id` when it has it, instead of its first card.
    pub fn resume_at(&mut self, id: String) {
        self.shown.resume_at(id);
    }

    /// A new feed's valid cards: shown when some are live now (keeping the card in view when
    /// it is still among them), else held until the first starts.
    pub fn offer(&mut self, cards: Vec<Card>, now: Now) -> Arrival {
        let (arrival, change) = self.shown.offer(cards, now.wall, self.deck.current());
        self.drain_shown();
        if let Some(change) = change {
            self.apply_change(change, now);
        }
        self.arm_clock(now);
        arrival
    }

    /// The clock's timer fired.
    pub fn clock_timer(&mut self, now: Now) {
        self.clock_armed = None;
        self.check_clock(now);
    }

    /// A card's window opened or closed, the screen came on, the page showed or the cards came
    /// to rest: the cards shown are brought up to the wall clock.
    fn check_clock(&mut self, now: Now) {
        if self.shown.due(now.wall) {
            let (current, at_rest) = (self.deck.current(), self.at_rest());
            let change = self.shown.tick(now.wall, current, at_rest);
            self.drain_shown();
            if let Some(change) = change {
                self.apply_change(change, now);
            }
        }
        self.arm_clock(now);
    }

    /// One timer for the next start or expiry, while the page shows and the screen is on.
    fn arm_clock(&mut self, now: Now) {
        let deadline = self
            .shown
            .timer(now.wall)
            .filter(|_| self.lit())
            .map(|ms| now.mono.plus(ms as f64));
        // A timer armed for no later than needed stays (it only looks again): most rests
        // change nothing here, and cost no timer call.
        if let (Some(want), Some(armed)) = (deadline, self.clock_armed) {
            if armed <= want {
                return;
            }
        }
        if deadline.is_none() && self.clock_armed.is_none() {
            return;
        }
        self.clock_armed = deadline;
        self.push(Effect::Arm {
            timer: Timer::Clock,
            at: deadline,
            now: now.mono,
        });
    }

    /// The cards shown changed: in place for the same cards, else the deck lands on the card
    /// [`Shown`] says and the window is built again.
    fn apply_change(&mut self, change: Change, now: Now) {
        if change.in_place && !self.rebuild_pending {
            let (position, current) = (self.deck.position(), self.deck.current());
            let media = self.media_allowed();
            for &index in &change.refreshed {
                if self.mounted.as_ref().is_some_and(|w| w.contains(index)) {
                    self.push(Effect::Refresh {
                        index,
                        position,
                        in_view: index == current,
                        media,
                    });
                }
            }
            return;
        }
        self.rebuild_pending = false;
        // The card in view stays in view if it is still shown; else its view ends here.
        match change.kept {
            Some(index) => self.viewing.reindex(index),
            None => self.view_is(now, now.mono.0, None),
        }
        let cards = self.shown.cards();
        self.deck.set_cards(cards.len(), change.land);
        self.sampled_scrims
            .retain(|(id, _)| cards.iter().any(|c| &c.id == id));
        self.actions.retain(|id| cards.iter().any(|c| c.id == id));
        self.cancel_frame();
        self.cancel_handoff();
        self.push(Effect::CancelTidy);
        self.unmount_all();
        let position = self.deck.rest_position();
        self.mount(position);
        self.push(Effect::Place(position));
        self.settled(now);
    }

    // ---- The card window ------------------------------------------------------------------

    fn mount(&mut self, position: f32) {
        let window = self.deck.window(position);
        self.mounted.clone_from(&window);
        self.push(Effect::Mount(window));
    }

    fn mount_if_needed(&mut self, position: f32) {
        if self
            .deck
            .needs_remount(self.mounted.as_ref(), position, false)
        {
            self.mount(position);
        }
    }

    fn unmount_all(&mut self) {
        self.mounted = None;
        self.push(Effect::UnmountAll);
    }

    /// Size, skin, font scale or a setting changed: every mounted card is built again with its
    /// new layout (once per change, never per frame).
    pub fn relayout(&mut self) {
        self.rebuild_pending = false;
        self.cancel_frame();
        self.unmount_all();
        self.remount_at_rest();
    }

    /// Brings the window up to date for the cards at rest, places them, and marks the card in
    /// view. Views built again have pictures not yet decoded: the Ken Burns move of the card in
    /// view starts again once its picture is; focus that was in a card removed goes to it.
    fn remount_at_rest(&mut self) {
        let position = self.deck.rest_position();
        self.mount(position);
        self.push(Effect::Place(position));
        let index = self.deck.current();
        let media = self.media_allowed();
        self.push(Effect::InView { index, media });
        self.push(Effect::Decode(index));
        self.push(Effect::Focus(index));
    }

    /// In an idle moment after a settle: mount the new neighbours, drop the far ones, keep the
    /// still, and look ahead.
    pub fn tidy(&mut self) {
        if self.is_moving() {
            return; // moving again: the next settle asks for another tidy-up
        }
        let position = self.deck.rest_position();
        if self
            .deck
            .needs_remount(self.mounted.as_ref(), position, true)
        {
            self.remount_at_rest();
        }
        let current = self.deck.current();
        self.push(Effect::KeepStill {
            current,
            next: self.deck.following(current),
        });
        self.push(Effect::LookAhead);
        // The first clip card the page mounts makes Chromium parse its own styles for media
        // (a sheet of about 125,000 characters, 23–33 ms at 4× CPU). Done now, in idle time
        // after the first card, that is not in the frame after a swipe.
        let clips = |c: &Card| {
            c.media
                .as_ref()
                .is_some_and(|m| m.media_type == MediaType::Video)
        };
        if !self.clips_warmed && self.cards().iter().any(clips) {
            self.clips_warmed = true;
            self.push(Effect::WarmClips);
        }
    }

    /// The picture of the card just past the window ahead (a clip card's poster).
    fn preload_ahead(&mut self) {
        let src = self
            .deck
            .ahead_of_window()
            .and_then(|i| self.cards().get(i))
            .and_then(|c| c.media.as_ref())
            .and_then(|m| match m.media_type {
                MediaType::Image => Some(&m.src),
                MediaType::Video => m.poster.as_ref(),
            });
        if let Some(src) = src.cloned() {
            self.push(Effect::Preload(src));
        }
    }

    // ---- Pointer, keys, controls and buttons ----------------------------------------------

    /// A pointer went down at viewport point (`x`, `y`) at event time `time`; `on_control`: on
    /// a button or a link. Returns whether the event was used (`preventDefault`).
    pub fn pointer_down(
        &mut self,
        id: i32,
        at: (f32, f32),
        time: MonoMs,
        on_control: bool,
        now: Now,
    ) -> bool {
        // A finger catches cards that the compositor is moving, where they are now.
        self.interrupt(now);
        let h = self.deck.pointer_down(id, at.0, at.1, time.0, on_control);
        self.handled(h, now.at(time))
    }

    /// A pointer moved. Returns whether the event was used (the layer then also captures the
    /// pointer, so the moves keep coming when the finger leaves the card).
    pub fn pointer_move(&mut self, id: i32, at: (f32, f32), time: MonoMs, now: Now) -> bool {
        let h = self.deck.pointer_move(id, at.0, at.1, time.0);
        self.handled(h, now.at(time))
    }

    /// A pointer went up. Returns whether the event was used.
    pub fn pointer_up(&mut self, id: i32, at: (f32, f32), time: MonoMs, now: Now) -> bool {
        let h = self.deck.pointer_up(id, at.0, at.1, time.0);
        self.handled(h, now.at(time))
    }

    /// The browser took a pointer away. Returns whether the event was used.
    pub fn pointer_cancel(&mut self, id: i32, time: MonoMs, now: Now) -> bool {
        let h = self.deck.pointer_cancel(id);
        self.handled(h, now.at(time))
    }

    /// A navigation key. Returns whether the event was used.
    pub fn key(&mut self, key: Key, time: MonoMs, now: Now) -> bool {
        self.interrupt(now);
        let h = self.deck.key(key);
        self.handled(h, now.at(time))
    }

    fn handled(&mut self, h: Handled, now: Now) -> bool {
        if h.animate {
            if self.deck.is_dragging() {
                self.request_frame();
            } else {
                self.start_motion(now);
            }
        }
        self.sync(now);
        // A change that came due under the finger waits for a rest; a finger that lifts
        // without moving the cards (a hold, a tap) is one, though no settle follows.
        if self.shown.due(now.wall) && self.at_rest() {
            self.check_clock(now);
        }
        h.consumed
    }

    /// One card forward (the host asked); false at the end.
    pub fn forward(&mut self, now: Now) -> bool {
        self.navigate(now, Deck::forward)
    }

    /// One card back (the host asked); false at the start.
    pub fn back(&mut self, now: Now) -> bool {
        self.navigate(now, Deck::back)
    }

    /// Card `index` (clamped; the host asked).
    pub fn go_to(&mut self, index: usize, now: Now) -> bool {
        self.navigate(now, |d| d.go_to(index))
    }

    fn navigate(&mut self, now: Now, f: impl FnOnce(&mut Deck) -> bool) -> bool {
        self.interrupt(now);
        let moved = f(&mut self.deck);
        if moved {
            self.start_motion(now);
        }
        moved
    }

    /// One of the renderer's controls was pressed.
    pub fn control(&mut self, control: Control, now: Now) {
        let moved = match control {
            Control::Previous => self.deck.back(),
            Control::Next => self.deck.forward(),
            Control::Pause => {
                self.viewer_paused = !self.viewer_paused;
                self.push(Effect::Paused(self.viewer_paused));
                self.media_state = None;
                false
            }
        };
        if moved {
            self.start_motion(now);
        }
        self.sync(now);
    }

    /// The viewer pressed `action` on card `card_id`. Returns whether the press counts (a
    /// repeat within the debounce, or an open without a call to action, does not).
    pub fn press(&mut self, card_id: &str, action: Action, now: Now) -> bool {
        let Some(card) = self.cards().iter().find(|c| c.id == card_id) else {
            return false;
        };
        let card_id = card.id.clone();
        let notice = match (action, &card.cta) {
            (Action::Open, Some(cta)) => Notice::Open {
                card_id: card_id.clone(),
                url: cta.url.clone(),
                unlock: cta.unlock,
            },
            (Action::Open, None) => return false,
            (Action::Like, _) => Notice::Like {
                card_id: card_id.clone(),
            },
            (Action::Share, _) => Notice::Share {
                card_id: card_id.clone(),
            },
        };
        if !self.actions.press(action, &card_id, now.mono) {
            return false;
        }
        let what = match action {
            Action::Open => What::Open,
            Action::Like => What::Like,
            Action::Share => What::Share,
        };
        self.record(what, &card_id, now.mono.0, now);
        self.sync_outbox(now);
        self.push(Effect::Notice(notice));
        true
    }

    // ---- Motion -----------------------------------------------------------------------------

    fn request_frame(&mut self) {
        if !matches!(self.motion, Motion::Frames) {
            self.motion = Motion::Frames;
            self.push(Effect::Frame);
        }
    }

    fn cancel_frame(&mut self) {
        if matches!(self.motion, Motion::Frames) {
            self.motion = Motion::Still;
            self.push(Effect::CancelFrame);
        }
    }

    /// An animation frame at `time` (the frame's timestamp).
    pub fn frame(&mut self, time: MonoMs, now: Now) {
        if matches!(self.motion, Motion::Frames) {
            self.motion = Motion::Still;
        }
        let frame = self.deck.advance(time.0);
        // Mid-motion, mount at once only a card that shows and is missing; once settled, the
        // window is tidied in an idle moment, so a swipe never inserts elements while it runs.
        if !frame.settled {
            self.mount_if_needed(frame.position);
        }
        self.push(Effect::Place(frame.position));
        self.observe_view(now, time.0, frame.position);
        if frame.settled {
            self.settled(now);
        } else {
            self.request_frame();
        }
    }

    /// The cards move on their own now (a release, a tap, a key): hand the settle to the
    /// compositor when the WebView can, else run the frame loop.
    fn start_motion(&mut self, now: Now) {
        self.interrupt(now);
        self.advance.set_paused(now.mono.0, Pause::Moving, true);
        // The cards past the window around where this lands are measured while it moves.
        self.push(Effect::LookAhead);
        if self.reduced_motion {
            self.cross_fade(now);
            return;
        }
        let plan = if self.compositor {
            self.deck.plan_settle()
        } else {
            None
        };
        let Some(plan) = plan else {
            self.request_frame();
            return;
        };
        self.cancel_frame();
        let mounted = self.mounted.as_ref();
        if self.deck.needs_remount(mounted, plan.from, false)
            || self.deck.needs_remount(mounted, plan.to, false)
        {
            self.mount(plan.from);
        }
        self.motion = Motion::Handoff {
            settle: plan.clone(),
            started: now.mono,
        };
        self.push(Effect::Animate(plan));
    }

    /// No card could run the settle on the compositor (none is mounted): without a finish
    /// event it would never end, and the tidy-up and the clock would wait for it forever. It
    /// lands now.
    pub fn nothing_to_animate(&mut self, now: Now) {
        let Motion::Handoff { settle, .. } = std::mem::take(&mut self.motion) else {
            return;
        };
        self.deck.finish();
        self.push(Effect::Place(settle.to));
        self.settled(now);
    }

    /// The compositor's settle finished.
    pub fn settle_finished(&mut self, now: Now) {
        let Motion::Handoff { settle, .. } = std::mem::take(&mut self.motion) else {
            return;
        };
        self.deck.finish();
        // Write the resting transforms, then drop the animations' held end state.
        self.push(Effect::Place(settle.to));
        self.push(Effect::StopAnimations);
        self.settled(now);
    }

    /// Stops a compositor settle where it is and gives its position and speed back to the deck.
    fn interrupt(&mut self, now: Now) {
        let Motion::Handoff { settle, started } = &self.motion else {
            return;
        };
        let elapsed = now.mono.since(*started);
        let position = settle.position_at(elapsed);
        let ahead = settle.position_at(elapsed + Settle::SAMPLE_MS);
        let velocity = (ahead - position) / (Settle::SAMPLE_MS as f32 / 1000.0);
        self.motion = Motion::Still;
        self.deck.resume_at(position, velocity);
        self.push(Effect::Place(position));
        self.push(Effect::StopAnimations);
    }

    fn cancel_handoff(&mut self) {
        if matches!(self.motion, Motion::Handoff { .. }) {
            self.motion = Motion::Still;
            self.push(Effect::StopAnimations);
        }
    }

    /// Whatever moves lands now (a new skin, size or direction).
    fn land_now(&mut self) {
        if matches!(self.motion, Motion::Handoff { .. }) {
            self.cancel_handoff();
            self.deck.finish();
        }
        self.cancel_frame();
    }

    /// Reduced motion: the cards land at once, and the card that arrives fades in over the one
    /// that leaves, which stays where it was for the fade.
    fn cross_fade(&mut self, now: Now) {
        self.cancel_frame();
        self.push(Effect::StopFades);
        let from = self.deck.position();
        let extent = self.deck.extent();
        let mut was = Vec::new();
        if let Some(w) = &self.mounted {
            for index in w.cards() {
                was.push((index, self.deck.offset(index, from)));
            }
        }
        self.deck.finish();
        let rest = self.deck.rest_position();
        self.mount_if_needed(rest);
        let target = self.deck.current();
        if let Some(window) = self.mounted.clone() {
            for index in window.cards() {
                let before = was.iter().find(|(i, _)| *i == index).map(|w| w.1);
                let fade = match before {
                    Some(offset) if index == target && offset != 0.0 => Fade::In,
                    None if index == target => Fade::In,
                    Some(offset) if index != target && offset.abs() < extent => Fade::Hold(offset),
                    _ => continue,
                };
                self.push(Effect::Fade { index, fade });
            }
        }
        self.push(Effect::Place(rest));
        self.settled(now);
    }

    /// The deck came to rest: what is in view, what plays, what is told and recorded.
    fn settled(&mut self, now: Now) {
        self.push(Effect::Tidy);
        self.preload_ahead();
        let current = self.deck.current();
        let media = self.media_allowed();
        self.push(Effect::InView {
            index: current,
            media,
        });
        self.media_state = None;
        self.push(Effect::Focus(current));
        self.push(Effect::Decode(current));
        let rest = self.deck.rest_position();
        self.observe_view(now, now.mono.0, rest);
        if current < self.cards().len() {
            if self.lit() {
                self.shown.seen(current);
            }
            let arrived = self.shown.rested(current);
            self.drain_shown();
            if let Some(arrived) = arrived {
                if let Some(from) = arrived.from {
                    self.record_move(from, current, now);
                }
                if arrived.announce {
                    self.push(Effect::Announce(current));
                }
                let leave = self.leave_of(current);
                self.advance.start(now.mono.0, leave);
            }
        } else {
            self.advance.stop();
        }
        self.advance.set_paused(now.mono.0, Pause::Moving, false);
        self.sync(now);
        // What came due while the cards moved changes now that they rest.
        self.check_clock(now);
    }

    // ---- Timers, media and the page ---------------------------------------------------------

    /// Brings the timers and the card in view's media up to date with the deck and the page.
    /// Cheap when nothing changed (called per event).
    fn sync(&mut self, now: Now) {
        let mono = now.mono;
        let hold = self.deck.hold_deadline().map(MonoMs);
        self.push(Effect::Arm {
            timer: Timer::Hold,
            at: hold,
            now: mono,
        });
        let lit = self.lit();
        let a = &mut self.advance;
        a.set_paused(mono.0, Pause::Finger, self.deck.finger_down());
        a.set_paused(mono.0, Pause::Hold, self.deck.is_holding());
        a.set_paused(mono.0, Pause::Hidden, !lit);
        a.set_paused(mono.0, Pause::Viewer, self.viewer_paused);
        let advance = self.advance.deadline().map(MonoMs);
        self.push(Effect::Arm {
            timer: Timer::Advance,
            at: advance,
            now: mono,
        });
        self.sync_outbox(now);
        let MediaState { playing, drifting } = self.media();
        let moving = self.advance.is_paused_by(Pause::Moving);
        if self.media_state != Some((playing, drifting)) {
            self.media_state = Some((playing, drifting));
            self.push(Effect::Media {
                index: self.deck.current(),
                playing: (!moving).then_some(playing),
                drifting,
            });
        }
    }

    /// The hold timer fired.
    pub fn hold_timer(&mut self, now: Now) {
        self.deck.poll(now.mono.0);
        self.sync(now);
    }

    /// The auto-advance timer fired.
    pub fn advance_timer(&mut self, now: Now) {
        if !self.advance.is_due(now.mono.0) {
            self.sync(now);
            return;
        }
        self.advance.stop();
        if self.deck.forward() {
            self.shown.moving_by_itself();
            self.start_motion(now);
        }
        self.sync(now);
    }

    /// Card `card_id`'s clip ended: when it is the card in view and its end moves the deck on,
    /// move on.
    pub fn clip_ended(&mut self, card_id: &str, now: Now) {
        let current = self.deck.current();
        let is_current = self.cards().get(current).is_some_and(|c| c.id == card_id);
        if is_current && self.leave_of(current) == Leave::ClipEnd && self.media_allowed() {
            self.interrupt(now);
            if self.deck.forward() {
                self.start_motion(now);
            }
            self.sync(now);
        }
    }

    /// Card `index`'s picture is decoded.
    pub fn picture_decoded(&mut self, index: usize) {
        if index != self.deck.current() {
            return; // a card that left meanwhile starts nothing
        }
        let running = self.media_allowed();
        let moving = self.advance.is_paused_by(Pause::Moving);
        self.push(Effect::Decoded {
            index,
            ken_burns: (!moving).then_some(running),
        });
    }

    /// Card `card_id`'s picture loaded: the index of its card when its contrast is still to be
    /// sampled (once per card).
    pub fn wants_sample(&self, card_id: &str) -> Option<usize> {
        if self.sampled_scrim(card_id).is_some() {
            return None;
        }
        self.cards().iter().position(|c| c.id == card_id)
    }

    /// The luminance `samples` of card `card_id`'s picture behind its text: its scrim is set to
    /// what contrast needs there.
    pub fn sampled(&mut self, card_id: &str, samples: &mut [f32]) {
        let Some(index) = self.wants_sample(card_id) else {
            return;
        };
        let alpha = sampled_scrim(samples);
        self.push(Effect::Scrim { index, alpha });
        self.sampled_scrims.push((card_id.to_owned(), alpha));
    }

    /// Card `card_id`'s media `src` failed. Returns whether the card gives way to its colour
    /// (a clip with a poster keeps showing the poster).
    pub fn media_failed(&mut self, card_id: &str, src: &str, failure: Failure, now: Now) -> bool {
        let Some(index) = self.cards().iter().position(|c| c.id == card_id) else {
            return false;
        };
        let shows_colour = !failure.poster;
        // The card now shows its colour (or the dark card background) behind the text: the
        // scrim only needs to be as dark as that colour requires.
        if failure.main && shows_colour && self.sampled_scrim(card_id).is_none() {
            let color = self.cards()[index].media.as_ref().and_then(|m| m.color);
            let alpha = sampled_scrim(&mut [color.map_or(0.0, luminance)]);
            self.sampled_scrims.push((card_id.to_owned(), alpha));
            self.push(Effect::Scrim { index, alpha });
        }
        if self
            .failed_media
            .iter()
            .any(|(id, s)| id == card_id && s == src)
        {
            return shows_colour;
        }
        self.failed_media.push((card_id.to_owned(), src.to_owned()));
        // A clip that fails no longer ends: the card in view moves on after its time.
        let current = self.deck.current();
        if current == index {
            let leave = self.leave_of(current);
            self.advance.start(now.mono.0, leave);
            self.sync(now);
        }
        let what = What::MediaError {
            src: src.to_owned(),
        };
        self.record(what, card_id, now.mono.0, now);
        self.sync_outbox(now);
        self.push(Effect::Notice(Notice::MediaError {
            card_id: card_id.to_owned(),
            src: src.to_owned(),
        }));
        shows_colour
    }

    /// The page became visible or hidden.
    pub fn set_page_visible(&mut self, visible: bool, now: Now) {
        let was_lit = self.lit();
        self.page_visible = visible;
        if !visible {
            self.went_dark(now);
        } else if !was_lit && self.screen_on {
            self.woke(now);
        }
        self.deck.reset_clock();
        self.sync(now);
        // Cards whose window opened or closed while the page was hidden come or go now (and
        // the clock's timer stops while it is hidden).
        self.check_clock(now);
    }

    /// The host turned the screen on or off.
    pub fn set_screen_on(&mut self, on: bool, now: Now) {
        if on == self.screen_on {
            return;
        }
        self.screen_on = on;
        if !on {
            self.went_dark(now);
        } else if self.page_visible {
            self.woke(now);
        }
        self.sync(now);
        // At screen-on the cards are brought up to the clock before anyone sees them; with the
        // screen off the clock's timer stops.
        self.check_clock(now);
    }

    /// The page or the screen went dark: whatever moves lands now, media pause, and nothing
    /// is scheduled until it comes back.
    fn went_dark(&mut self, now: Now) {
        // The view ends, and what waits goes to the host at once.
        self.view_is(now, now.mono.0, None);
        self.outbox.flush();
        self.sync_outbox(now);
        if self.store_pending {
            self.store();
        }
        if !matches!(self.motion, Motion::Still) {
            self.cancel_handoff();
            self.cancel_frame();
            if !self.deck.is_dragging() {
                self.deck.finish();
                let rest = self.deck.rest_position();
                self.push(Effect::Place(rest));
                self.settled(now);
            }
        }
        self.deck.reset_clock();
    }

    /// The screen came back: the skin decides whether the card in view stays or the next unseen
    /// one is shown, at once. The card shown now counts as seen.
    fn woke(&mut self, now: Now) {
        let current = self.deck.current();
        let (rule, dragging) = (self.skin.wake, self.deck.is_dragging());
        let deck = &self.deck;
        let next = self.shown.wake(current, rule, dragging, |seen| {
            deck.next_unseen(current, seen)
        });
        match next {
            Some(next) => {
                self.deck.jump_to(next);
                let rest = self.deck.rest_position();
                self.mount_if_needed(rest);
                self.push(Effect::Place(rest));
                self.settled(now); // marks it seen
            }
            None if current < self.cards().len() => {
                let rest = self.deck.rest_position();
                self.observe_view(now, now.mono.0, rest);
            }
            None => {}
        }
    }

    // ---- Settings ---------------------------------------------------------------------------

    /// Another skin: its reserved areas, look, axis and tap zones apply at once. The cards are
    /// built again by the next feed, or by [`Session::relayout`].
    pub fn set_skin(&mut self, skin: Skin) {
        self.land_now();
        self.deck.set_skin(skin.axis, skin.tap_zones, skin.looping);
        self.rebuild_pending = true;
        self.skin = skin;
        self.push(Effect::Skin);
    }

    /// The host element measured `measured`, and the page's safe area changed or not
    /// (`other_change`): the cards are laid out again for the new size. While the element has
    /// no size of its own (a warm WebView not yet attached to a window), the screen size the
    /// host reported (`host`) stands in for it.
    pub fn resize(&mut self, measured: Size, host: Option<Size>, other_change: bool) {
        let size = match host {
            Some(host) if measured.width <= 0.0 || measured.height <= 0.0 => host,
            _ => measured,
        };
        // The observer also reports the size it started with: nothing to do then.
        if size == self.deck.viewport() && !other_change {
            return;
        }
        if matches!(self.motion, Motion::Handoff { .. }) {
            self.cancel_handoff();
            self.deck.finish();
        }
        self.deck.set_viewport(size);
        self.push(Effect::Skin);
        self.relayout();
    }

    /// Which way the deck runs: the cards are placed again.
    pub fn set_direction(&mut self, direction: Direction) {
        // The host repeats its settings with every push: the same direction must not stop a
        // swipe that is landing.
        if self.deck.direction() == direction {
            return;
        }
        self.land_now();
        self.deck.set_direction(direction);
        self.push(Effect::Place(self.deck.rest_position()));
    }

    /// Allows or forbids auto-advance (the skin still decides whether and when).
    pub fn set_auto_advance(&mut self, allowed: bool, now: Now) {
        if self.auto_advance == allowed {
            return;
        }
        self.auto_advance = allowed;
        let leave = self.leave_of(self.deck.current());
        self.advance.start(now.mono.0, leave);
        self.relayout();
        self.sync(now);
    }

    /// The phone's data and battery savers: the cards are built again when they changed (clips
    /// that no longer play show their poster, drifting pictures stand still).
    pub fn set_savers(&mut self, savers: Savers) {
        if self.savers != savers {
            self.savers = savers;
            self.relayout();
        }
    }

    /// The phone's savers now.
    pub fn savers(&self) -> Savers {
        self.savers
    }

    /// Turns reduced motion on or off: the cards are built again without (or with) their own
    /// motion.
    pub fn set_reduced_motion(&mut self, reduced: bool) {
        if self.reduced_motion != reduced {
            self.reduced_motion = reduced;
            self.relayout();
        }
    }

    // ---- Analytics ----------------------------------------------------------------------------

    /// The wall-clock time of monotonic time `at`.
    fn wall(now: Now, at: f64) -> WallMs {
        let ago = (now.mono.0 - at).max(0.0);
        now.wall.plus(-(ago as i64))
    }

    /// Records an event about card `card_id` that happened at monotonic time `at`.
    fn record(&mut self, what: What, card_id: &str, at: f64, now: Now) {
        self.outbox
            .record(what, card_id, Self::wall(now, at), now.mono);
    }

    /// Which card is in view at `at`: the one nearest the track at `position`, while the page
    /// shows and the screen is on. Allocation-free unless a view ends (per frame while a
    /// finger drags).
    fn observe_view(&mut self, now: Now, at: f64, position: f32) {
        let lit = self.lit() && !self.cards().is_empty();
        let in_view = lit.then(|| self.deck.nearest(position));
        self.view_is(now, at, in_view);
    }

    /// Card `in_view` is in view from `at`, or none is: the view that ended, if any, is
    /// recorded.
    fn view_is(&mut self, now: Now, at: f64, in_view: Option<usize>) {
        let mut ended = [None, None];
        self.viewing.observe(MonoMs(at), in_view, |seen| {
            let slot = usize::from(ended[0].is_some());
            ended[slot] = Some(seen);
        });
        for seen in ended.into_iter().flatten() {
            let (what, index, at) = match seen {
                Seen::Impression { index, at } => (What::Impression, index, at),
                Seen::Dwell { index, ms, at } => (
                    What::Dwell {
                        ms: ms.max(0.0) as u64,
                    },
                    index,
                    at,
                ),
            };
            if let Some(id) = self.cards().get(index).map(|c| c.id.clone()) {
                self.record(what, &id, at, now);
            }
        }
    }

    /// The card in view changed from `from` to `to`, by the viewer's move.
    fn record_move(&mut self, from: usize, to: usize, now: Now) {
        let cards = self.cards();
        let (Some(from_id), Some(to_id)) = (
            cards.get(from).map(|c| c.id.clone()),
            cards.get(to).map(|c| c.id.clone()),
        ) else {
            return;
        };
        let direction = Heading::of_move(from, to, cards.len(), self.deck.is_looping());
        let what = What::Swipe {
            to: to_id,
            direction,
        };
        self.record(what, &from_id, now.mono.0, now);
    }

    /// Sends what is due, stores the outbox if it changed, and sets its timer. Called after
    /// every input that may have recorded something (cheap when nothing changed).
    fn sync_outbox(&mut self, now: Now) {
        let due = self.outbox.deadline().is_some_and(|t| now.mono >= t);
        if let Some(batch) = due.then(|| self.outbox.poll(now.mono, now.wall)).flatten() {
            let mut events = String::from("[");
            for (i, event) in batch.events.iter().enumerate() {
                if i > 0 {
                    events.push(',');
                }
                event.write_json(&mut events);
            }
            events.push(']');
            self.push(Effect::Notice(Notice::Track {
                batch: batch.id,
                events,
            }));
        }
        if self.outbox.take_changed() && !self.store_pending {
            self.store_pending = true;
            self.push(Effect::Store);
        }
        let at = self.outbox.deadline();
        self.push(Effect::Arm {
            timer: Timer::Outbox,
            at,
            now: now.mono,
        });
    }

    /// The outbox timer fired.
    pub fn outbox_timer(&mut self, now: Now) {
        self.sync_outbox(now);
    }

    /// Stores the outbox now (the idle moment came, or the page may not get another chance).
    pub fn store(&mut self) {
        if std::mem::take(&mut self.store_pending) {
            self.push(Effect::CancelStore);
        }
        let value = self.outbox.snapshot();
        self.push(Effect::Notice(Notice::Store {
            key: OUTBOX_KEY,
            value,
        }));
    }

    /// The host stored the events `acked` (in reply to batch `batch`, or a later reply to an
    /// earlier one).
    pub fn tracked(&mut self, batch: u64, acked: &[u64], now: Now) {
        self.outbox.replied(batch, acked, now.mono);
        self.sync_outbox(now);
    }

    /// Sending batch `batch` failed: its events go again later.
    pub fn track_failed(&mut self, batch: u64, now: Now) {
        self.outbox.failed(batch, now.mono);
        self.sync_outbox(now);
    }

    /// Takes over the outbox an earlier renderer stored (`text` as it was stored): its events
    /// go first, then any this one recorded already (numbered after them).
    pub fn restore_outbox(&mut self, text: &str, now: Now) -> Result<Restored, RestoreError> {
        let (mut stored, report) = Outbox::restore(text, now.mono)?;
        let mine = std::mem::take(&mut self.outbox);
        for event in mine.into_events() {
            stored.record(event.what, &event.card_id, event.at, now.mono);
        }
        self.outbox = stored;
        self.sync_outbox(now);
        Ok(report)
    }

    /// Moves the notices [`Shown`] decided into the effects, in the order they came.
    fn drain_shown(&mut self) {
        for notice in self.shown.take_notices() {
            self.effects.push(Effect::Notice(notice));
        }
    }
}

/// The storage key of the outbox's snapshot.
pub const OUTBOX_KEY: &str = "outbox";

/// How many cards ahead of the window the look-ahead lays out: a flick a quarter second after
/// the last lands on the next card before any tidy-up, and finds the one it mounts measured.
pub const LOOK_AHEAD_REACH: usize = 2;

#[cfg(test)]
mod tests;
