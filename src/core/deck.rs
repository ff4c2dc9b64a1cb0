//! The deck: one feed's navigation, from raw input to what to draw.
//!
//! It joins the gesture recognizer, the pager and the skin's tap zones, and decides which
//! cards must exist in the DOM. The browser layer forwards events with viewport-relative
//! coordinates and timestamps, then draws [`Deck::offset`] for each mounted card.

use std::ops::RangeInclusive;

use crate::core::geometry::{Axis, Size};
use crate::core::gesture::{Gesture, GestureRecognizer};
use crate::core::lang::Direction;
use crate::core::pager::{Pager, PagerConfig, PagerFrame, Settle};
use crate::core::skin::TapZones;

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

/// Navigation state of one mounted feed.
#[derive(Debug, Clone)]
pub struct Deck {
    axis: Axis,
    viewport: Size,
    tap_zones: TapZones,
    directions: Vec<Direction>,
    pager: Pager,
    gesture: GestureRecognizer,
    /// The pointer that caught moving cards, until it lifts.
    caught: Option<i32>,
}

impl Deck {
    /// A deck for cards with these text directions, in a viewport of `viewport` CSS px.
    pub fn new(
        axis: Axis,
        tap_zones: TapZones,
        viewport: Size,
        directions: Vec<Direction>,
    ) -> Self {
        let pager = Pager::new(
            directions.len(),
            viewport.along(axis),
            PagerConfig::default(),
        );
        Self {
            axis,
            viewport,
            tap_zones,
            directions,
            pager,
            gesture: GestureRecognizer::new(axis),
            caught: None,
        }
    }

    /// Number of cards.
    pub fn count(&self) -> usize {
        self.directions.len()
    }

    /// The card in view, or the one the deck is settling on.
    pub fn current(&self) -> usize {
        self.pager.target()
    }

    /// True while a finger drags the cards.
    pub fn is_dragging(&self) -> bool {
        self.pager.is_dragging()
    }

    /// A new feed: these directions, resting on `index`.
    pub fn set_cards(&mut self, directions: Vec<Direction>, index: usize) {
        self.pager.reset(directions.len(), index);
        self.directions = directions;
        self.gesture = GestureRecognizer::new(self.axis);
        self.caught = None;
    }

    /// Another skin: its axis and tap zones; the card in view stays.
    pub fn set_skin(&mut self, axis: Axis, tap_zones: TapZones) {
        self.axis = axis;
        self.tap_zones = tap_zones;
        self.gesture = GestureRecognizer::new(axis);
        self.caught = None;
        self.pager.set_extent(self.viewport.along(axis));
        self.pager.jump_to(self.pager.target());
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
            Gesture::DragStart => {
                self.pager.drag_start(time);
                Handled {
                    consumed: true,
                    animate: true,
                }
            }
            // A pointer moving toward the start edge pulls the next card in.
            Gesture::DragMove(d) => {
                self.pager.drag_to(-d, time);
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
        if self.directions.get(self.current()) == Some(&Direction::Rtl) {
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
        index as f32 * self.pager.extent() - position
    }

    /// The navigation axis.
    pub fn axis(&self) -> Axis {
        self.axis
    }

    /// The cards that should exist in the DOM: the one in view with [`WINDOW_MARGIN`] on each
    /// side, plus any card the track shows at `position`. Empty for an empty feed.
    pub fn window(&self, position: f32) -> Option<RangeInclusive<usize>> {
        let visible = self.visible(position)?;
        let target = self.current();
        let last = self.count() - 1;
        let start = target.saturating_sub(WINDOW_MARGIN).min(*visible.start());
        let end = (target + WINDOW_MARGIN).min(last).max(*visible.end());
        Some(start..=end)
    }

    /// The cards at least partly on screen at `position`.
    pub fn visible(&self, position: f32) -> Option<RangeInclusive<usize>> {
        let last = self.count().checked_sub(1)?;
        let extent = self.pager.extent();
        if extent <= 0.0 {
            let c = self.current().min(last);
            return Some(c..=c);
        }
        let at = (position / extent).max(0.0);
        let first = (at.floor() as usize).min(last);
        let end = (at.ceil() as usize).min(last);
        Some(first..=end)
    }

    /// Whether the DOM window must change now: always once settled, and mid-motion only when a
    /// card that shows is missing (so a swipe never inserts elements while it runs).
    pub fn needs_remount(
        &self,
        mounted: Option<&RangeInclusive<usize>>,
        position: f32,
        settled: bool,
    ) -> bool {
        let wanted = self.window(position);
        match (mounted, &wanted) {
            (None, None) => false,
            (Some(m), Some(w)) if settled => m != w,
            (Some(m), Some(_)) => self
                .visible(position)
                .is_some_and(|v| v.start() < m.start() || v.end() > m.end()),
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
            TapZones {
                back: 0.25,
                edge: 0.12,
            },
            Size::new(400.0, 900.0),
            vec![Direction::Ltr; n],
        )
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
        assert_eq!(d.window(400.0), Some(0..=2));
    }

    #[test]
    fn tap_zones() {
        // (x, card direction, expected card after tapping from card 2)
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
            d.set_cards(vec![dir; 5], 2);
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
            TapZones {
                back: 0.25,
                edge: 0.12,
            },
            Size::new(400.0, 900.0),
            vec![Direction::Ltr; 3],
        );
        v.key(Key::Down);
        assert_eq!(v.current(), 1);
    }

    #[test]
    fn window_stays_small_whatever_the_feed_size() {
        let mut d = deck(10_000);
        assert_eq!(d.window(0.0), Some(0..=1));
        d.set_cards(vec![Direction::Ltr; 10_000], 5_000);
        assert_eq!(d.window(2_000_000.0), Some(4_999..=5_001));
        assert_eq!(deck(0).window(0.0), None);
    }

    #[test]
    fn no_remount_during_a_swipe() {
        let mut d = deck(5);
        d.set_cards(vec![Direction::Ltr; 5], 2);
        let mounted = d.window(800.0);
        d.pointer_down(1, 300.0, 400.0, 0.0, false);
        d.pointer_move(1, 250.0, 400.0, 16.0);
        d.pointer_move(1, 100.0, 400.0, 32.0);
        d.pointer_up(1, 100.0, 400.0, 48.0);
        let mut t = 60.0;
        loop {
            let frame = d.advance(t);
            assert_eq!(
                d.needs_remount(mounted.as_ref(), frame.position, frame.settled),
                frame.settled,
                "remount only once settled (at {t} ms)"
            );
            if frame.settled {
                break;
            }
            t += 16.0;
        }
        assert_eq!(d.window(1200.0), Some(2..=4));
    }
}
