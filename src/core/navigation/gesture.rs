//! Turns raw pointer events into taps and drags along one axis.
//!
//! A touch must travel past the slop before it is a drag; the first direction it takes past the
//! slop decides whether it belongs to the pager (along the axis) or to the host (across it, such
//! as the keyguard's swipe-up). A press that stays in place for [`HOLD_MS`] becomes a hold
//! (auto-advance and video pause until it lifts); time is an input, so the browser polls
//! [`GestureRecognizer::poll`] when [`GestureRecognizer::hold_deadline`] comes.
//!
//! Only the first pointer counts. A second finger never moves the cards, and a press that had
//! company is not a tap when it lifts (a pinch or a two-finger touch is not navigation).

use crate::core::geometry::Axis;

/// Distance in CSS px a pointer may wander before a press becomes a drag.
pub const TOUCH_SLOP: f32 = 10.0;
/// A press held this long (ms) in place is a hold, not a tap.
pub const HOLD_MS: f64 = 500.0;

/// What a pointer event meant.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Gesture {
    /// Nothing for the pager (yet).
    None,
    /// A drag along the axis began.
    DragStart {
        /// Pointer displacement along the axis since the press, slop included, in px.
        offset: f32,
        /// When the press began (ms): where the drag's velocity samples start.
        since: f64,
    },
    /// The drag moved: pointer displacement along the axis since the press, in px.
    DragMove(f32),
    /// The finger lifted at the end of a drag.
    DragEnd,
    /// The drag was cancelled by the system.
    DragCancel,
    /// A press stayed in place for [`HOLD_MS`]: pause until it lifts.
    HoldStart,
    /// The hold ended (lifted, cancelled, or it turned into a drag).
    HoldEnd,
    /// A quick press and release in place, at this point of the viewport.
    Tap {
        /// x in px from the viewport's left edge.
        x: f32,
        /// y in px from the viewport's top edge.
        y: f32,
    },
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum State {
    Idle,
    Pressed {
        id: i32,
        x: f32,
        y: f32,
        time: f64,
        /// Another finger came down during the press.
        multi: bool,
    },
    Holding {
        id: i32,
        x: f32,
        y: f32,
        time: f64,
    },
    Dragging {
        id: i32,
        x: f32,
        y: f32,
    },
    /// The gesture went across the axis: it is the host's until the pointer lifts.
    Yielded {
        id: i32,
    },
}

/// Pointer state machine for one viewport.
#[derive(Debug, Clone)]
pub struct GestureRecognizer {
    axis: Axis,
    state: State,
}

impl GestureRecognizer {
    /// A recognizer for drags along `axis`.
    pub fn new(axis: Axis) -> Self {
        Self {
            axis,
            state: State::Idle,
        }
    }

    /// True while a drag along the axis is in progress.
    pub fn is_dragging(&self) -> bool {
        matches!(self.state, State::Dragging { .. })
    }

    /// Whether pointer `id` is the one being followed (pressed or dragging).
    pub fn tracks(&self, id: i32) -> bool {
        match self.state {
            State::Pressed { id: p, .. }
            | State::Holding { id: p, .. }
            | State::Dragging { id: p, .. }
            | State::Yielded { id: p } => p == id,
            State::Idle => false,
        }
    }

    /// True while the followed pointer is down (pressed, held, dragging, or left to the host).
    pub fn is_active(&self) -> bool {
        self.state != State::Idle
    }

    /// True while a press is held in place past [`HOLD_MS`].
    pub fn is_holding(&self) -> bool {
        matches!(self.state, State::Holding { .. })
    }

    /// When the press in progress becomes a hold, in ms (`None` without such a press).
    pub fn hold_deadline(&self) -> Option<f64> {
        match self.state {
            State::Pressed {
                time, multi: false, ..
            } => Some(time + HOLD_MS),
            _ => None,
        }
    }

    /// Time passed: a press in place for [`HOLD_MS`] becomes a hold.
    pub fn poll(&mut self, now: f64) -> Gesture {
        match self.state {
            State::Pressed {
                id,
                x,
                y,
                time,
                multi: false,
            } if now - time >= HOLD_MS => {
                self.state = State::Holding { id, x, y, time };
                Gesture::HoldStart
            }
            _ => Gesture::None,
        }
    }

    /// A pointer went down. `on_control` is true on a button or link, which handles it itself.
    pub fn down(&mut self, id: i32, x: f32, y: f32, time: f64, on_control: bool) -> Gesture {
        match &mut self.state {
            State::Idle if !on_control => {
                self.state = State::Pressed {
                    id,
                    x,
                    y,
                    time,
                    multi: false,
                }
            }
            State::Pressed { id: p, multi, .. } if *p != id => *multi = true,
            _ => {}
        }
        Gesture::None
    }

    /// A pointer moved.
    /// A hold that turns into a drag reports [`Gesture::DragStart`]; [`Self::is_holding`] is
    /// then false.
    pub fn moved(&mut self, id: i32, x: f32, y: f32) -> Gesture {
        match self.state {
            State::Pressed {
                id: p,
                x: x0,
                y: y0,
                time,
                ..
            }
            | State::Holding {
                id: p,
                x: x0,
                y: y0,
                time,
            } if p == id => {
                let (along, across) = self.axis.split(x - x0, y - y0);
                let held = self.is_holding();
                if along.hypot(across) < TOUCH_SLOP {
                    Gesture::None
                } else if along.abs() >= across.abs() {
                    self.state = State::Dragging { id, x: x0, y: y0 };
                    Gesture::DragStart {
                        offset: along,
                        since: time,
                    }
                } else {
                    self.state = State::Yielded { id };
                    if held {
                        Gesture::HoldEnd
                    } else {
                        Gesture::None
                    }
                }
            }
            State::Dragging {
                id: p,
                x: x0,
                y: y0,
            } if p == id => Gesture::DragMove(self.axis.split(x - x0, y - y0).0),
            _ => Gesture::None,
        }
    }

    /// A pointer lifted.
    pub fn up(&mut self, id: i32, x: f32, y: f32, time: f64) -> Gesture {
        match self.state {
            State::Pressed {
                id: p,
                time: t0,
                multi,
                ..
            } if p == id => {
                self.state = State::Idle;
                if time - t0 < HOLD_MS && !multi {
                    Gesture::Tap { x, y }
                } else {
                    Gesture::None
                }
            }
            State::Holding { id: p, .. } if p == id => {
                self.state = State::Idle;
                Gesture::HoldEnd
            }
            State::Dragging { id: p, .. } if p == id => {
                self.state = State::Idle;
                Gesture::DragEnd
            }
            State::Yielded { id: p } if p == id => {
                self.state = State::Idle;
                Gesture::None
            }
            _ => Gesture::None,
        }
    }

    /// The system took the pointer away.
    pub fn cancel(&mut self, id: i32) -> Gesture {
        if !self.tracks(id) {
            return Gesture::None;
        }
        let was = std::mem::replace(&mut self.state, State::Idle);
        match was {
            State::Dragging { .. } => Gesture::DragCancel,
            State::Holding { .. } => Gesture::HoldEnd,
            _ => Gesture::None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tap_in_place() {
        let mut g = GestureRecognizer::new(Axis::Horizontal);
        g.down(1, 100.0, 100.0, 0.0, false);
        assert_eq!(g.moved(1, 104.0, 103.0), Gesture::None);
        assert_eq!(
            g.up(1, 104.0, 103.0, 120.0),
            Gesture::Tap { x: 104.0, y: 103.0 }
        );
    }

    #[test]
    fn long_press_is_not_a_tap() {
        let mut g = GestureRecognizer::new(Axis::Horizontal);
        g.down(1, 100.0, 100.0, 0.0, false);
        assert_eq!(g.up(1, 100.0, 100.0, 700.0), Gesture::None);
    }

    #[test]
    fn horizontal_drag() {
        let mut g = GestureRecognizer::new(Axis::Horizontal);
        g.down(1, 300.0, 400.0, 0.0, false);
        assert_eq!(
            g.moved(1, 288.0, 402.0),
            Gesture::DragStart {
                offset: -12.0,
                since: 0.0
            }
        );
        assert_eq!(g.moved(1, 250.0, 410.0), Gesture::DragMove(-50.0));
        assert_eq!(g.up(1, 250.0, 410.0, 90.0), Gesture::DragEnd);
    }

    #[test]
    fn vertical_swipe_is_left_to_the_keyguard() {
        let mut g = GestureRecognizer::new(Axis::Horizontal);
        g.down(1, 200.0, 800.0, 0.0, false);
        assert_eq!(g.moved(1, 203.0, 780.0), Gesture::None);
        assert_eq!(
            g.moved(1, 260.0, 700.0),
            Gesture::None,
            "stays the host's even if it turns"
        );
        assert_eq!(g.up(1, 260.0, 700.0, 100.0), Gesture::None);
        let mut v = GestureRecognizer::new(Axis::Vertical);
        v.down(1, 200.0, 800.0, 0.0, false);
        assert_eq!(
            v.moved(1, 203.0, 780.0),
            Gesture::DragStart {
                offset: -20.0,
                since: 0.0
            }
        );
    }

    #[test]
    fn second_finger_and_controls_are_ignored() {
        let mut g = GestureRecognizer::new(Axis::Horizontal);
        g.down(1, 100.0, 100.0, 0.0, false);
        g.down(2, 300.0, 100.0, 10.0, false);
        assert_eq!(g.moved(2, 200.0, 100.0), Gesture::None);
        assert_eq!(g.up(2, 200.0, 100.0, 20.0), Gesture::None);
        assert_eq!(
            g.moved(1, 80.0, 100.0),
            Gesture::DragStart {
                offset: -20.0,
                since: 0.0
            }
        );
        assert_eq!(g.cancel(1), Gesture::DragCancel);
        assert!(!g.is_dragging());
        g.down(3, 10.0, 10.0, 0.0, true);
        assert_eq!(
            g.up(3, 10.0, 10.0, 50.0),
            Gesture::None,
            "a press on a button is the button's"
        );
    }

    #[test]
    fn hold_table() {
        // (ms of the poll, ms of the lift, moved px before lifting) → what the lift reports,
        // and whether a hold had started.
        let table = [
            (None, 120.0, 0.0, Gesture::Tap { x: 100.0, y: 0.0 }, false),
            (Some(499.0), 520.0, 0.0, Gesture::None, false), // too long for a tap, never polled late
            (Some(500.0), 900.0, 0.0, Gesture::HoldEnd, true),
            (Some(800.0), 2_000.0, 6.0, Gesture::HoldEnd, true), // within the slop
            (Some(800.0), 2_000.0, 40.0, Gesture::DragEnd, true), // a hold that became a drag
        ];
        for (poll, lift, moved, want, held) in table {
            let mut g = GestureRecognizer::new(Axis::Horizontal);
            g.down(1, 100.0, 0.0, 0.0, false);
            assert_eq!(g.hold_deadline(), Some(HOLD_MS));
            let mut saw_hold = false;
            if let Some(t) = poll {
                saw_hold = g.poll(t) == Gesture::HoldStart;
            }
            assert_eq!(saw_hold, held, "poll at {poll:?}");
            if moved > 0.0 {
                let start = g.moved(1, 100.0 + moved, 0.0);
                let started = matches!(start, Gesture::DragStart { .. });
                assert_eq!(started, moved >= TOUCH_SLOP);
                if started {
                    assert!(!g.is_holding(), "dragging ends the hold");
                }
            }
            let x = 100.0 + moved;
            let got = g.up(1, x, 0.0, lift);
            let want = match want {
                Gesture::Tap { .. } => Gesture::Tap { x, y: 0.0 },
                other => other,
            };
            assert_eq!(got, want, "poll {poll:?}, lift at {lift}, moved {moved}");
            assert_eq!(g.hold_deadline(), None);
            assert_eq!(
                g.poll(10_000.0),
                Gesture::None,
                "nothing pending after the lift"
            );
        }
    }

    #[test]
    fn a_cancelled_or_diverted_hold_ends() {
        let mut g = GestureRecognizer::new(Axis::Horizontal);
        g.down(1, 0.0, 0.0, 0.0, false);
        assert_eq!(g.poll(600.0), Gesture::HoldStart);
        assert_eq!(g.cancel(1), Gesture::HoldEnd);
        g.down(2, 0.0, 0.0, 0.0, false);
        assert_eq!(g.poll(600.0), Gesture::HoldStart);
        assert_eq!(
            g.moved(2, 0.0, -80.0),
            Gesture::HoldEnd,
            "a swipe up after a hold is the keyguard's, and the pause ends"
        );
    }

    #[test]
    fn multi_touch_cases() {
        // Two-finger taps, a pinch, and a second finger during a drag.
        let mut g = GestureRecognizer::new(Axis::Horizontal);
        // A two-finger tap is not a tap, whichever finger lifts first.
        g.down(1, 100.0, 100.0, 0.0, false);
        g.down(2, 200.0, 100.0, 20.0, false);
        assert_eq!(g.hold_deadline(), None, "no hold with two fingers");
        assert_eq!(g.poll(900.0), Gesture::None);
        assert_eq!(g.up(2, 200.0, 100.0, 60.0), Gesture::None);
        assert_eq!(g.up(1, 100.0, 100.0, 80.0), Gesture::None);
        // A pinch: both move apart; nothing for the pager.
        g.down(3, 150.0, 300.0, 0.0, false);
        g.down(4, 250.0, 300.0, 5.0, false);
        assert_eq!(
            g.moved(4, 350.0, 300.0),
            Gesture::None,
            "second finger never drags"
        );
        assert_eq!(g.moved(3, 148.0, 300.0), Gesture::None);
        assert_eq!(g.up(4, 350.0, 300.0, 200.0), Gesture::None);
        assert_eq!(g.up(3, 148.0, 300.0, 210.0), Gesture::None);
        // A second finger during a drag changes nothing, and its lift does not end the drag.
        g.down(5, 300.0, 300.0, 0.0, false);
        assert_eq!(
            g.moved(5, 280.0, 300.0),
            Gesture::DragStart {
                offset: -20.0,
                since: 0.0
            }
        );
        g.down(6, 100.0, 300.0, 30.0, false);
        assert_eq!(g.moved(6, 50.0, 300.0), Gesture::None);
        assert_eq!(g.up(6, 50.0, 300.0, 40.0), Gesture::None);
        assert!(g.is_dragging());
        assert_eq!(g.moved(5, 250.0, 300.0), Gesture::DragMove(-50.0));
        assert_eq!(g.up(5, 250.0, 300.0, 60.0), Gesture::DragEnd);
        // After both lifted, a single tap works again.
        g.down(7, 200.0, 300.0, 0.0, false);
        assert_eq!(
            g.up(7, 200.0, 300.0, 50.0),
            Gesture::Tap { x: 200.0, y: 300.0 }
        );
    }
}
