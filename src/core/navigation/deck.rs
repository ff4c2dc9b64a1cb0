//! The deck: one feed's navigation, from raw input to what to draw.
//!
//! It joins the gesture recognizer, the pager and the skin's tap zones, and decides which
//! cards must exist in the DOM. The browser layer forwards events with viewport-relative
//! coordinates and timestamps, then draws [`Deck::offset`] for each mounted card.

use std::ops::RangeInclusive;

use crate::core::geometry::{Axis, Size};
use crate::core::layout::lang::Direction;
use crate::core::navigation::gesture::{Gesture, GestureRecognizer};
use crate::core::navigation::pager::{Pager, PagerConfig, PagerFrame, Settle};
use crate::core::ui::skin::TapZones;

/// Keys the deck understands (the browser maps `KeyboardEvent.key` onto these).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    /// ArrowLeft.
    Left,
    /// ArrowRight.
    Right,
    /// ArrowUp.
    Up,
    /// ArrowDown.
    Down,
    /// Home: the first card.
    Home,
    /// End: the last card.
    End,
}

/// What the browser layer should do with the event it forwarded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Handled {
    /// The event was used for navigation: call `preventDefault` (when cancelable).
    pub consumed: bool,
    /// Something moves now: make sure the frame loop runs.
    pub animate: bool,
}

/// Cards kept in the DOM on each side of the card in view.
pub const WINDOW_MARGIN: usize = 1;

/// A run of consecutive slots and the cards they show (see [`Deck::window`]). On a looping
/// deck the run may cross the end of the feed: slots `-1..=1` show the last card, then 0, 1.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Window {
    slots: RangeInclusive<isize>,
    count: usize,
}

impl Window {
    /// The slots, in order along the track.
    pub fn slots(&self) -> RangeInclusive<isize> {
        self.slots.clone()
    }

    /// The cards the slots show, in slot order, each once.
    pub fn cards(&self) -> impl Iterator<Item = usize> + '_ {
        let n = self.count.max(1) as isize;
        let first = *self.slots.start();
        self.slots()
            .map(move |s| s.rem_euclid(n) as usize)
            .enumerate()
            .filter(move |(i, card)| {
                // A window wider than the feed would show a card twice: keep its first slot.
                (first..first + *i as isize).all(|s| s.rem_euclid(n) as usize != *card)
            })
            .map(|(_, card)| card)
    }

    /// Whether card `index` is among them.
    pub fn contains(&self, index: usize) -> bool {
        self.cards().any(|c| c == index)
    }

    /// Whether both windows hold the same cards (their laps may differ).
    pub fn same_cards(&self, other: &Window) -> bool {
        self.cards().all(|c| other.contains(c)) && other.cards().all(|c| self.contains(c))
    }
}

/// Navigation state of one mounted feed.
#[derive(Debug, Clone)]
pub struct Deck {
    axis: Axis,
    viewport: Size,
    tap_zones: TapZones,
    /// Which way the deck runs: right-to-left puts the next card on the left, so a swipe to
    /// the right, a tap on the left and ArrowLeft go forward.
    direction: Direction,
    pager: Pager,
    gesture: GestureRecognizer,
    /// The pointer that caught moving cards, until it lifts.
    caught: Option<i32>,
}

impl Deck {
    /// A left-to-right deck of `count` cards in a viewport of `viewport` CSS px.
    pub fn new(axis: Axis, tap_zones: TapZones, viewport: Size, count: usize) -> Self {
        let pager = Pager::new(count, viewport.along(axis), PagerConfig::default());
        Self {
            axis,
            viewport,
            tap_zones,
            direction: Direction::Ltr,
            pager,
            gesture: GestureRecognizer::new(axis),
            caught: None,
        }
    }

    /// Number of cards.
    pub fn count(&self) -> usize {
        self.pager.count()
    }

    /// The card in view, or the one the deck is settling on.
    pub fn current(&self) -> usize {
        self.pager.target()
    }

    /// True while a finger drags the cards.
    pub fn is_dragging(&self) -> bool {
        self.pager.is_dragging()
    }

    /// Which way the deck runs (the device's language decides, not a card's).
    pub fn set_direction(&mut self, direction: Direction) {
        self.direction = direction;
    }

    /// Which way the deck runs.
    pub fn direction(&self) -> Direction {
        self.direction
    }

    /// Whether the next card lies to the left: a right-to-left deck on a horizontal axis.
    fn mirrored(&self) -> bool {
        self.axis == Axis::Horizontal && self.direction == Direction::Rtl
    }

    /// Turns a displacement along the axis between screen space and track space (the same on a
    /// left-to-right deck, mirrored on a right-to-left one; its own inverse).
    fn forward_of(&self, offset: f32) -> f32 {
        if self.mirrored() {
            -offset
        } else {
            offset
        }
    }

    /// A new feed of `count` cards, resting on `index`.
    pub fn set_cards(&mut self, count: usize, index: usize) {
        self.pager.reset(count, index);
        self.gesture = GestureRecognizer::new(self.axis);
        self.caught = None;
    }

    /// Another skin: its axis, tap zones and whether the ends join; the card in view stays.
    pub fn set_skin(&mut self, axis: Axis, tap_zones: TapZones, looping: bool) {
        self.axis = axis;
        self.tap_zones = tap_zones;
        self.gesture = GestureRecognizer::new(axis);
        self.caught = None;
        self.pager.set_extent(self.viewport.along(axis));
        self.pager.set_looping(looping);
        self.pager.jump_to(self.pager.target());
    }

    /// Whether there is a card after `index` to move on to (always, when the deck loops).
    pub fn has_next(&self, index: usize) -> bool {
        self.is_looping() || index + 1 < self.count()
    }

    /// The card after `index` in feed order: the next one, or the first past the end when
    /// the deck loops.
    pub fn following(&self, index: usize) -> Option<usize> {
        if index + 1 < self.count() {
            Some(index + 1)
        } else if self.is_looping() && index < self.count() {
            Some(0).filter(|&first| first != index)
        } else {
            None
        }
    }

    /// Whether swiping past the last card comes back to the first.
    pub fn is_looping(&self) -> bool {
        self.pager.is_looping()
    }

    /// True while any finger the deck follows is down (auto-advance waits).
    pub fn finger_down(&self) -> bool {
        self.gesture.is_active() || self.caught.is_some()
    }

    /// True while a press is held in place (auto-advance, the clip and Ken Burns pause).
    pub fn is_holding(&self) -> bool {
        self.gesture.is_holding()
    }

    /// When a press in progress becomes a hold (ms), for the browser to call [`Deck::poll`].
    pub fn hold_deadline(&self) -> Option<f64> {
        self.gesture.hold_deadline()
    }

    /// Time passed without an event: a press may have become a hold.
    pub fn poll(&mut self, now: f64) -> bool {
        self.gesture.poll(now) == Gesture::HoldStart
    }

    /// The viewport was measured again (resize, rotation).
    pub fn set_viewport(&mut self, viewport: Size) {
        self.viewport = viewport;
        self.pager.set_extent(viewport.along(self.axis));
    }

    /// The viewport's size.
    pub fn viewport(&self) -> Size {
        self.viewport
    }

    /// Pointer down at viewport-relative `(x, y)`. `on_control`: on a button or link.
    pub fn pointer_down(
        &mut self,
        id: i32,
        x: f32,
        y: f32,
        time: f64,
        on_control: bool,
    ) -> Handled {
        self.gesture.down(id, x, y, time, on_control);
        // A finger that lands on moving cards catches them: they hold under it, and lifting it
        // without a drag lets them settle rather than counting as a tap.
        if self.gesture.tracks(id) && !self.pager.is_settled() && !self.pager.is_dragging() {
            self.pager.drag_start(time);
            self.caught = Some(id);
        }
        Handled::default()
    }

    /// Pointer moved.
    pub fn pointer_move(&mut self, id: i32, x: f32, y: f32, time: f64) -> Handled {
        match self.gesture.moved(id, x, y) {
            // The track takes the finger's whole way since the press, slop included, so it is
            // under the finger from the first frame of the drag. A pointer moving toward the
            // start edge pulls the next card in.
            Gesture::DragStart { offset, since } => {
                self.pager.drag_start(since);
                self.pager.drag_to(-self.forward_of(offset), time);
                Handled {
                    consumed: true,
                    animate: true,
                }
            }
            Gesture::DragMove(offset) => {
                self.pager.drag_to(-self.forward_of(offset), time);
                Handled {
                    consumed: true,
                    animate: true,
                }
            }
            _ => Handled::default(),
        }
    }

    /// Pointer lifted.
    pub fn pointer_up(&mut self, id: i32, x: f32, y: f32, time: f64) -> Handled {
        let caught = self.caught.take() == Some(id);
        match self.gesture.up(id, x, y, time) {
            Gesture::DragEnd => {
                self.pager.drag_end(time);
                Handled {
                    consumed: true,
                    animate: true,
                }
            }
            _ if caught => {
                self.pager.drag_end(time);
                Handled {
                    consumed: true,
                    animate: true,
                }
            }
            Gesture::Tap { x, .. } => self.tap(x),
            _ => Handled::default(),
        }
    }

    /// The system cancelled the pointer.
    pub fn pointer_cancel(&mut self, id: i32) -> Handled {
        let caught = self.caught.take() == Some(id);
        match self.gesture.cancel(id) {
            _ if caught => {
                self.pager.drag_cancel();
                Handled {
                    consumed: false,
                    animate: true,
                }
            }
            Gesture::DragCancel => {
                self.pager.drag_cancel();
                Handled {
                    consumed: false,
                    animate: true,
                }
            }
            _ => Handled::default(),
        }
    }

    /// A tap at `x` px: back near the start edge, forward elsewhere, nothing on the side edges.
    fn tap(&mut self, x: f32) -> Handled {
        let width = self.viewport.width;
        if width <= 0.0 {
            return Handled::default();
        }
        let mut fraction = (x / width).clamp(0.0, 1.0);
        // Side edges (at least 48 px) belong to the system's back gesture.
        let protected = self.tap_zones.edge.max(48.0 / width);
        if fraction < protected || fraction > 1.0 - protected {
            return Handled::default();
        }
        if self.mirrored() {
            fraction = 1.0 - fraction;
        }
        let moved = if fraction < self.tap_zones.back {
            self.pager.back()
        } else {
            self.pager.forward()
        };
        Handled {
            consumed: moved,
            animate: moved,
        }
    }

    /// A key press.
    pub fn key(&mut self, key: Key) -> Handled {
        let key = match (self.mirrored(), key) {
            (true, Key::Left) => Key::Right,
            (true, Key::Right) => Key::Left,
            (_, key) => key,
        };
        let moved = match (self.axis, key) {
            (Axis::Horizontal, Key::Right) | (Axis::Vertical, Key::Down) => self.pager.forward(),
            (Axis::Horizontal, Key::Left) | (Axis::Vertical, Key::Up) => self.pager.back(),
            (_, Key::Home) => self.pager.go_to(0),
            (_, Key::End) => self.pager.go_to(self.count().saturating_sub(1)),
            _ => return Handled::default(),
        };
        Handled {
            consumed: true,
            animate: moved,
        }
    }

    /// Rests on card `index` at once (a wake that moves on: nothing to animate while dark).
    pub fn jump_to(&mut self, index: usize) {
        self.pager.jump_to(index);
    }

    /// The first card after `current` that `seen` says was not seen yet, going round the feed
    /// when the deck loops; `None` when there is none.
    pub fn next_unseen(&self, current: usize, seen: impl Fn(usize) -> bool) -> Option<usize> {
        let count = self.count();
        let ahead = if self.is_looping() {
            count.saturating_sub(1)
        } else {
            count.saturating_sub(current + 1)
        };
        (1..=ahead)
            .map(|step| (current + step) % count.max(1))
            .find(|&i| !seen(i))
    }

    /// Next card, as from a button or the host.
    pub fn forward(&mut self) -> bool {
        self.pager.forward()
    }

    /// Previous card.
    pub fn back(&mut self) -> bool {
        self.pager.back()
    }

    /// Animate to `index`.
    pub fn go_to(&mut self, index: usize) -> bool {
        self.pager.go_to(index)
    }

    /// The page was hidden or the screen turned off: do not step across the gap.
    pub fn reset_clock(&mut self) {
        self.pager.reset_clock();
    }

    /// The rest of the current motion, for the compositor to run ([`Pager::plan_settle`]).
    pub fn plan_settle(&self) -> Option<Settle> {
        self.pager.plan_settle()
    }

    /// A compositor-run motion was interrupted with the track at `position`, moving at
    /// `velocity` px/s.
    pub fn resume_at(&mut self, position: f32, velocity: f32) {
        self.pager.resume_at(position, velocity);
    }

    /// A compositor-run motion finished: the deck rests on its target.
    pub fn finish(&mut self) {
        self.pager.finish();
    }

    /// Runs physics up to `now` ms.
    pub fn advance(&mut self, now: f64) -> PagerFrame {
        self.pager.advance(now)
    }

    /// Where card `index` is drawn along the axis, in px from the viewport's origin, when the
    /// track is at `position`.
    pub fn offset(&self, index: usize, position: f32) -> f32 {
        self.forward_of(self.pager.slot_position(self.pager.slot_of(index)) - position)
    }

    /// The card just past the DOM window ahead of the card in view, in feed order, if there is
    /// one: its media are fetched early, so the next two cards (and, in the window, the
    /// previous one) are ready and no card further is.
    pub fn ahead_of_window(&self) -> Option<usize> {
        let (count, current) = (self.count(), self.current());
        let step = WINDOW_MARGIN + 1;
        if self.is_looping() {
            (count > 2 * WINDOW_MARGIN + 1).then(|| (current + step) % count)
        } else {
            (current + step < count).then_some(current + step)
        }
    }

    /// The card just past the window behind the card in view (the one a swipe back would
    /// mount), if there is one: the mirror of [`Deck::ahead_of_window`].
    pub fn behind_of_window(&self) -> Option<usize> {
        let (count, current) = (self.count(), self.current());
        let step = WINDOW_MARGIN + 1;
        if self.is_looping() {
            (count > 2 * WINDOW_MARGIN + 1).then(|| (current + count - step % count) % count)
        } else {
            current.checked_sub(step)
        }
    }

    /// The cards just past the DOM window, in the order a viewer moving on reaches them:
    /// `reach` cards ahead of the card in view (the first is [`Deck::ahead_of_window`]), then
    /// the one behind ([`Deck::behind_of_window`]). None is in the window, none twice. Their
    /// text is measured in idle time before a settle mounts them, also while a series of
    /// flicks outruns the tidy-up.
    pub fn past_window(&self, reach: usize) -> Vec<usize> {
        let (count, current) = (self.count(), self.current());
        let mut out = Vec::with_capacity(reach + 1);
        let looping = self.is_looping();
        // How many steps from the card in view, either way round a loop.
        let steps = |i: usize| {
            let ahead = (i + count - current) % count.max(1);
            if looping {
                ahead.min(count - ahead)
            } else {
                i.abs_diff(current)
            }
        };
        let ahead = (WINDOW_MARGIN + 1..WINDOW_MARGIN + 1 + reach).map(|d| {
            if looping {
                Some((current + d) % count.max(1))
            } else {
                Some(current + d).filter(|&i| i < count)
            }
        });
        for i in ahead.chain([self.behind_of_window()]).flatten() {
            if steps(i) > WINDOW_MARGIN && !out.contains(&i) {
                out.push(i);
            }
        }
        out
    }

    /// The card nearest to the track at `position`: at least half of it shows.
    pub fn nearest(&self, position: f32) -> usize {
        let extent = self.pager.extent();
        if extent <= 0.0 || !position.is_finite() {
            return self.current();
        }
        self.pager.card_at((position / extent).round() as isize)
    }

    /// Where the track is now (not interpolated), px.
    pub fn position(&self) -> f32 {
        self.pager.position()
    }

    /// Size of one card along the axis, in px.
    pub fn extent(&self) -> f32 {
        self.pager.extent()
    }

    /// Where the track rests on the card in view.
    pub fn rest_position(&self) -> f32 {
        self.pager
            .slot_position(self.pager.slot_of(self.pager.target()))
    }

    /// The navigation axis.
    pub fn axis(&self) -> Axis {
        self.axis
    }

    /// The cards that should exist in the DOM: the one in view with [`WINDOW_MARGIN`] on each
    /// side, plus any card the track shows at `position`. `None` for an empty feed.
    pub fn window(&self, position: f32) -> Option<Window> {
        let visible = self.visible(position)?;
        let target = self.pager.slot_of(self.current());
        let margin = WINDOW_MARGIN as isize;
        let (mut start, mut end) = (target - margin, target + margin);
        if !self.is_looping() {
            let last = self.count() as isize - 1;
            (start, end) = (start.max(0), end.min(last));
        }
        Some(Window {
            slots: start.min(*visible.slots.start())..=end.max(*visible.slots.end()),
            count: self.count(),
        })
    }

    /// The cards at least partly on screen at `position`.
    pub fn visible(&self, position: f32) -> Option<Window> {
        let last = self.count().checked_sub(1)? as isize;
        let extent = self.pager.extent();
        let slots = if extent <= 0.0 {
            let c = self.pager.slot_of(self.current());
            c..=c
        } else {
            let at = position / extent;
            let (first, end) = (at.floor() as isize, at.ceil() as isize);
            if self.is_looping() {
                first..=end
            } else {
                first.clamp(0, last)..=end.clamp(0, last)
            }
        };
        Some(Window {
            slots,
            count: self.count(),
        })
    }

    /// Whether the DOM window must change now: always once settled, and mid-motion only when a
    /// card that shows is missing (so a swipe never inserts elements while it runs).
    pub fn needs_remount(&self, mounted: Option<&Window>, position: f32, settled: bool) -> bool {
        let wanted = self.window(position);
        match (mounted, &wanted) {
            (None, None) => false,
            (Some(m), Some(w)) if settled => !m.same_cards(w),
            (Some(m), Some(_)) => self
                .visible(position)
                .is_some_and(|v| v.cards().any(|c| !m.contains(c))),
            _ => true,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn deck(n: usize) -> Deck {
        Deck::new(
            Axis::Horizontal,
            TapZones::default(),
            Size::new(400.0, 900.0),
            n,
        )
    }

    fn cards(w: Option<Window>) -> Vec<usize> {
        w.map(|w| w.cards().collect()).unwrap_or_default()
    }

    #[test]
    fn the_card_following_one_is_the_next_and_past_the_end_only_on_a_loop() {
        let mut d = deck(3);
        assert_eq!([0, 1, 2].map(|i| d.following(i)), [Some(1), Some(2), None]);
        d.set_skin(Axis::Horizontal, TapZones::default(), true);
        assert_eq!(
            [0, 1, 2].map(|i| d.following(i)),
            [Some(1), Some(2), Some(0)]
        );
        assert_eq!(deck(1).following(0), None);
        assert_eq!(deck(0).following(0), None);
    }

    /// Runs frames from 60 ms until the deck settles, checking that the DOM window never has
    /// to change mid-motion (only once settled). Returns where the track rests.
    fn settle_without_remounting(d: &mut Deck, mounted: Option<&Window>) -> f32 {
        let mut t = 60.0;
        loop {
            let frame = d.advance(t);
            assert_eq!(
                d.needs_remount(mounted, frame.position, frame.settled),
                frame.settled,
                "remount only once settled (at {t} ms)"
            );
            if frame.settled {
                return frame.position;
            }
            t += 16.0;
        }
    }

    fn settle(d: &mut Deck, mut t: f64) -> f64 {
        while !d.advance(t).settled {
            t += 16.0;
        }
        t
    }

    #[test]
    fn swipe_left_moves_forward() {
        let mut d = deck(5);
        d.pointer_down(1, 300.0, 500.0, 0.0, false);
        for (i, x) in [290.0, 260.0, 220.0, 180.0, 140.0].iter().enumerate() {
            let h = d.pointer_move(1, *x, 502.0, 16.0 * (i + 1) as f64);
            assert!(h.consumed);
        }
        assert!(d.pointer_up(1, 140.0, 502.0, 90.0).animate);
        assert_eq!(d.current(), 1);
        settle(&mut d, 100.0);
        assert_eq!(cards(d.window(400.0)), [0, 1, 2]);
    }

    #[test]
    fn the_card_ahead_of_the_window() {
        let mut d = deck(5);
        assert_eq!(d.ahead_of_window(), Some(2));
        d.jump_to(2);
        assert_eq!(d.ahead_of_window(), Some(4));
        d.jump_to(3);
        assert_eq!(d.ahead_of_window(), None, "the window reaches the end");
        d.set_skin(Axis::Horizontal, TapZones::default(), true);
        assert_eq!(d.ahead_of_window(), Some(0), "a loop wraps");
        let mut small = deck(3);
        small.set_skin(Axis::Horizontal, TapZones::default(), true);
        assert_eq!(small.ahead_of_window(), None, "every card is in the window");
    }

    #[test]
    fn past_the_window_are_the_cards_the_next_steps_mount() {
        for looping in [false, true] {
            for count in [0, 1, 3, 4, 5, 8] {
                let mut d = deck(count);
                d.set_skin(Axis::Horizontal, TapZones::default(), looping);
                for current in 0..count {
                    d.jump_to(current);
                    let here = cards(d.window(d.rest_position()));
                    let past = d.past_window(3);
                    // Steps forward, one at a time: each new card a step brings into the
                    // window, in order; then the card a step back would bring.
                    let mut expected: Vec<usize> = Vec::new();
                    let mut seen = here.clone();
                    for step in 1..=3 {
                        let at = if looping {
                            (current + step) % count
                        } else if current + step < count {
                            current + step
                        } else {
                            break;
                        };
                        d.jump_to(at);
                        for i in cards(d.window(d.rest_position())) {
                            if !seen.contains(&i) {
                                seen.push(i);
                                expected.push(i);
                            }
                        }
                    }
                    d.jump_to(current);
                    let behind = d.behind_of_window();
                    if let Some(b) = behind.filter(|b| !expected.contains(b)) {
                        expected.push(b);
                    }
                    let case = format!("count {count}, at {current}, looping {looping}");
                    assert_eq!(past, expected, "{case}");
                    assert!(past.iter().all(|i| !here.contains(i)), "{case}");
                    assert_eq!(
                        past.first().copied(),
                        d.ahead_of_window().or(behind),
                        "{case}"
                    );
                }
            }
        }
    }

    #[test]
    fn the_card_behind_the_window_is_the_one_a_step_back_mounts() {
        for looping in [false, true] {
            for count in [3, 5, 8] {
                let mut d = deck(count);
                d.set_skin(Axis::Horizontal, TapZones::default(), looping);
                for current in 0..count {
                    d.jump_to(current);
                    let here = cards(d.window(d.rest_position()));
                    let behind = d.behind_of_window();
                    // One step back, as a swipe back would land.
                    let back = if current > 0 {
                        Some(current - 1)
                    } else {
                        looping.then(|| count - 1)
                    };
                    let gained = back.and_then(|b| {
                        d.jump_to(b);
                        let w = cards(d.window(d.rest_position()));
                        w.into_iter().find(|i| !here.contains(i))
                    });
                    assert_eq!(
                        behind, gained,
                        "{count} cards, loop {looping}, at {current}"
                    );
                }
            }
        }
    }

    #[test]
    fn the_nearest_card_changes_halfway() {
        let mut d = deck(5);
        // (track position in px, card nearest)
        for (position, nearest) in [
            (0.0, 0),
            (199.0, 0),
            (201.0, 1),
            (990.0, 2),
            (-300.0, 0),
            (9_000.0, 4),
        ] {
            assert_eq!(d.nearest(position), nearest, "at {position}");
        }
        d.set_skin(Axis::Horizontal, TapZones::default(), true);
        assert_eq!(d.nearest(-300.0), 4, "a loop wraps");
        assert_eq!(d.nearest(2_100.0), 0);
    }

    #[test]
    fn tap_zones() {
        // (x, deck direction, expected card after tapping from card 2)
        let table = [
            (80.0, Direction::Ltr, 1),  // left 25 %: back
            (200.0, Direction::Ltr, 3), // elsewhere: forward
            (330.0, Direction::Ltr, 3),
            (20.0, Direction::Ltr, 2), // protected side edge
            (390.0, Direction::Ltr, 2),
            (330.0, Direction::Rtl, 1), // mirrored
            (80.0, Direction::Rtl, 3),
        ];
        for (x, dir, want) in table {
            let mut d = deck(5);
            d.set_direction(dir);
            d.set_cards(5, 2);
            d.pointer_down(1, x, 400.0, 0.0, false);
            d.pointer_up(1, x, 400.0, 80.0);
            assert_eq!(d.current(), want, "tap at {x} on a {dir:?} card");
        }
    }

    #[test]
    fn a_finger_catches_moving_cards() {
        let mut d = deck(5);
        d.key(Key::Right);
        d.advance(0.0);
        let moving = d.advance(120.0).position;
        assert!(moving > 0.0 && moving < 400.0);
        d.pointer_down(1, 200.0, 400.0, 130.0, false);
        assert_eq!(d.advance(400.0).position, moving, "held under the finger");
        let h = d.pointer_up(1, 200.0, 400.0, 420.0);
        assert!(h.animate, "released, the cards settle");
        assert_eq!(d.current(), 1, "not a tap: the press only held the cards");
        settle(&mut d, 500.0);
        // At rest, the same press is a tap again.
        d.pointer_down(2, 200.0, 400.0, 5000.0, false);
        d.pointer_up(2, 200.0, 400.0, 5050.0);
        assert_eq!(d.current(), 2);
    }

    #[test]
    fn keys_follow_the_axis() {
        let mut d = deck(3);
        assert!(d.key(Key::Right).animate);
        assert_eq!(d.current(), 1);
        assert!(!d.key(Key::Down).consumed);
        d.key(Key::End);
        assert_eq!(d.current(), 2);
        d.key(Key::Home);
        assert_eq!(d.current(), 0);
        let mut v = Deck::new(
            Axis::Vertical,
            TapZones::default(),
            Size::new(400.0, 900.0),
            3,
        );
        v.key(Key::Down);
        assert_eq!(v.current(), 1);
    }

    #[test]
    fn window_stays_small_whatever_the_feed_size() {
        let mut d = deck(10_000);
        assert_eq!(cards(d.window(0.0)), [0, 1]);
        d.set_cards(10_000, 5_000);
        assert_eq!(cards(d.window(2_000_000.0)), [4_999, 5_000, 5_001]);
        assert_eq!(deck(0).window(0.0), None);
    }

    #[test]
    fn no_remount_during_a_swipe() {
        let mut d = deck(5);
        d.set_cards(5, 2);
        let mounted = d.window(800.0);
        d.pointer_down(1, 300.0, 400.0, 0.0, false);
        d.pointer_move(1, 250.0, 400.0, 16.0);
        d.pointer_move(1, 100.0, 400.0, 32.0);
        d.pointer_up(1, 100.0, 400.0, 48.0);
        settle_without_remounting(&mut d, mounted.as_ref());
        assert_eq!(cards(d.window(1200.0)), [2, 3, 4]);
    }

    #[test]
    fn a_looping_window_crosses_the_end() {
        let mut d = deck(5);
        d.set_skin(Axis::Horizontal, TapZones::default(), true);
        assert_eq!(cards(d.window(0.0)), [4, 0, 1]);
        assert_eq!(d.offset(4, 0.0), -400.0, "the last card waits on the left");
        d.set_cards(5, 4);
        assert_eq!(cards(d.window(1600.0)), [3, 4, 0]);
        let mounted = d.window(1600.0);
        // Swipe forward from the last card: the first comes in from the right.
        d.pointer_down(1, 300.0, 400.0, 0.0, false);
        d.pointer_move(1, 250.0, 400.0, 16.0);
        d.pointer_move(1, 100.0, 400.0, 32.0);
        assert_eq!(d.offset(0, 1600.0 + 200.0), 200.0);
        d.pointer_up(1, 100.0, 400.0, 48.0);
        assert_eq!(d.current(), 0);
        assert_eq!(
            settle_without_remounting(&mut d, mounted.as_ref()),
            0.0,
            "card 0 was already mounted, and the track is back in the first lap"
        );
        assert_eq!(cards(d.window(0.0)), [4, 0, 1]);
        // A window wider than a three-card feed names each card once.
        let mut three = deck(3);
        three.set_skin(Axis::Horizontal, TapZones::default(), true);
        three.key(Key::End);
        assert_eq!(
            cards(three.window(0.0)),
            [1, 2, 0],
            "the last card is one step back"
        );
        assert_eq!(three.offset(2, 0.0), -400.0);
        let mut five = deck(5);
        five.set_skin(Axis::Horizontal, TapZones::default(), true);
        five.go_to(2);
        for (card, at) in [(4, -400.0), (0, 0.0), (1, 400.0), (2, 800.0), (3, 1200.0)] {
            assert_eq!(
                five.offset(card, 0.0),
                at,
                "card {card} on the way to card 2"
            );
        }
    }

    #[test]
    fn hold_and_fingers() {
        let mut d = deck(5);
        assert!(!d.finger_down());
        d.pointer_down(1, 200.0, 400.0, 1000.0, false);
        assert!(d.finger_down());
        assert_eq!(d.hold_deadline(), Some(1500.0));
        assert!(!d.poll(1400.0));
        assert!(d.poll(1500.0));
        assert!(d.is_holding());
        let h = d.pointer_up(1, 200.0, 400.0, 3000.0);
        assert_eq!(h, Handled::default(), "a hold does not navigate");
        assert_eq!(d.current(), 0);
        assert!(!d.is_holding() && !d.finger_down());
        // A press on the call to action is the button's: no hold, no tap.
        d.pointer_down(2, 200.0, 800.0, 5000.0, true);
        assert_eq!(d.hold_deadline(), None);
        d.pointer_up(2, 200.0, 800.0, 5050.0);
        assert_eq!(d.current(), 0);
    }

    /// A finger's path as the touch screen reported it: (ms, x px), about 120 samples a second
    /// with the jitter of a real panel.
    fn recorded(kind: &str) -> Vec<(f64, f32)> {
        let (duration, distance): (f64, f32) = match kind {
            "flick" => (110.0, -90.0),
            "slow drag" => (700.0, -170.0),
            "drag back" => (500.0, -60.0),
            _ => (300.0, 140.0),
        };
        let mut path = vec![(0.0, 300.0)];
        let mut t = 0.0;
        let mut k = 0;
        while t < duration {
            t += 8.0 + f64::from(k % 3); // 8, 9, 10 ms apart
            k += 1;
            let p = (t / duration).min(1.0) as f32;
            let eased = 1.0 - (1.0 - p) * (1.0 - p);
            path.push((t.min(duration), 300.0 + distance * eased));
        }
        path
    }

    /// Plays `path` on a deck at `hz`: each frame sees the newest sample (the browser coalesces
    /// input to frames), then physics runs. Returns the card and how long after the lift the
    /// deck reported itself settled.
    fn replay(path: &[(f64, f32)], hz: f64) -> (usize, f64) {
        let mut d = deck(5);
        d.set_cards(5, 2);
        let frame = 1000.0 / hz;
        let start = 10_000.0;
        let (t0, x0) = path[0];
        d.pointer_down(1, x0, 400.0, start + t0, false);
        let mut next = 1;
        let mut now = start;
        while next < path.len() {
            now += frame;
            // Every sample that arrived before this frame is delivered, in order.
            while next < path.len() && start + path[next].0 <= now {
                let (t, x) = path[next];
                d.pointer_move(1, x, 400.0, start + t);
                next += 1;
            }
            d.advance(now);
        }
        let (t_up, x_up) = path[path.len() - 1];
        let lift = start + t_up;
        d.pointer_up(1, x_up, 400.0, lift);
        let mut t = now;
        loop {
            t += frame;
            if d.advance(t).settled {
                return (d.current(), t - lift);
            }
            assert!(t - lift < 5000.0, "never settled at {hz} Hz");
        }
    }

    #[test]
    fn a_recorded_gesture_lands_alike_at_every_refresh_rate() {
        for (kind, want) in [
            ("flick", 3),
            ("slow drag", 3),
            ("drag back", 2),
            ("right", 1),
        ] {
            let path = recorded(kind);
            let (_, reference) = replay(&path, 240.0);
            for hz in [30.0, 60.0, 90.0, 120.0, 144.0] {
                let (card, settle) = replay(&path, hz);
                assert_eq!(card, want, "{kind} at {hz} Hz");
                assert!(
                    (settle - reference).abs() <= 1000.0 / hz,
                    "{kind} at {hz} Hz settles in {settle} ms, {reference} ms at 240 Hz"
                );
            }
        }
    }

    #[test]
    fn the_track_is_under_the_finger_from_the_first_drag_frame() {
        let mut d = deck(3);
        d.pointer_down(1, 300.0, 400.0, 0.0, false);
        d.pointer_move(1, 295.0, 400.0, 8.0); // within the slop: nothing moves
        assert_eq!(d.advance(8.0).position, 0.0);
        for (t, x) in [(16.0, 288.0), (24.0, 270.0), (32.0, 251.0)] {
            d.pointer_move(1, x, 400.0, t);
            let position = d.advance(t).position;
            let drawn = d.offset(0, position);
            assert_eq!(drawn, x - 300.0, "card 0 under the finger at {t} ms");
        }
    }

    #[test]
    fn snap_table_with_direction() {
        // (finger travel px along x, over ms, deck direction) → card, from card 2 of 5.
        // On a right-to-left deck the next card waits on the left: the finger moves right.
        let table = [
            (-60.0, 60.0, Direction::Ltr, 3), // short fast flick
            (60.0, 60.0, Direction::Ltr, 1),
            (-150.0, 600.0, Direction::Ltr, 3), // slow drag past 30 %
            (-80.0, 600.0, Direction::Ltr, 2),  // slow and short: stays
            (60.0, 60.0, Direction::Rtl, 3),    // mirrored
            (-60.0, 60.0, Direction::Rtl, 1),
            (150.0, 600.0, Direction::Rtl, 3),
            (80.0, 600.0, Direction::Rtl, 2),
            (-1200.0, 100.0, Direction::Ltr, 3), // never more than one card
            (1200.0, 100.0, Direction::Rtl, 3),
        ];
        for (travel, duration, direction, want) in table {
            let mut d = deck(5);
            d.set_direction(direction);
            d.set_cards(5, 2);
            let x0 = 200.0;
            d.pointer_down(1, x0, 400.0, 0.0, false);
            let steps = (duration / 16.0_f64).ceil() as usize;
            for i in 1..=steps {
                let t = duration * i as f64 / steps as f64;
                d.pointer_move(1, x0 + travel * i as f32 / steps as f32, 400.0, t);
            }
            d.pointer_up(1, x0 + travel, 400.0, duration);
            assert_eq!(
                d.current(),
                want,
                "{travel} px in {duration} ms, {direction:?}"
            );
        }
        // Drawn positions mirror too: the next card starts on the left.
        let mut rtl = deck(3);
        rtl.set_direction(Direction::Rtl);
        assert_eq!(rtl.offset(1, 0.0), -400.0);
        assert!(rtl.key(Key::Left).animate, "ArrowLeft goes forward");
        assert_eq!(rtl.current(), 1);
    }

    #[test]
    fn next_unseen_table() {
        /// (cards, current, seen, looping, card to wake on)
        type Row = (usize, usize, &'static [usize], bool, Option<usize>);
        let table: [Row; 5] = [
            (5, 1, &[0, 1], false, Some(2)),
            (5, 1, &[0, 1, 2, 3], false, Some(4)),
            (5, 3, &[0, 1, 3, 4], false, None), // only an earlier card is unseen
            (5, 3, &[0, 1, 3, 4], true, Some(2)), // going round
            (1, 0, &[0], true, None),
        ];
        for (count, current, seen, looping, want) in table {
            let mut d = deck(count);
            d.set_skin(Axis::Horizontal, TapZones::default(), looping);
            assert_eq!(
                d.next_unseen(current, |i| seen.contains(&i)),
                want,
                "{count} cards from {current}, seen {seen:?}, loop {looping}"
            );
        }
    }
}
