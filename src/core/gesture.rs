//! Turns raw pointer events into taps and drags along one axis.
//!
//! A touch must travel past the slop before it is a drag; the first direction it takes past the
//! slop decides whether it belongs to the pager (along the axis) or to the host (across it, such
//! as the keyguard's swipe-up). Only the first pointer counts: a second finger is ignored.

use crate::core::geometry::Axis;

/// Distance in CSS px a pointer may wander before a press becomes a drag.
pub const TOUCH_SLOP: f32 = 10.0;
/// A press held longer than this (ms) is not a tap.
pub const TAP_TIMEOUT_MS: f64 = 500.0;

/// What a pointer event meant.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Gesture {
    /// Nothing for the pager (yet).
    None,
    /// A drag along the axis began.
    DragStart,
    /// The drag moved: pointer displacement along the axis since the press, in px.
    DragMove(f32),
    /// The finger lifted at the end of a drag.
    DragEnd,
    /// The drag was cancelled by the system.
    DragCancel,
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
            | State::Dragging { id: p, .. }
            | State::Yielded { id: p } => p == id,
            State::Idle => false,
        }
    }

    /// A pointer went down. `on_control` is true on a button or link, which handles it itself.
    pub fn down(&mut self, id: i32, x: f32, y: f32, time: f64, on_control: bool) -> Gesture {
        if self.state == State::Idle && !on_control {
            self.state = State::Pressed { id, x, y, time };
        }
        Gesture::None
    }

    /// A pointer moved.
    pub fn moved(&mut self, id: i32, x: f32, y: f32) -> Gesture {
        match self.state {
            State::Pressed {
                id: p,
                x: x0,
                y: y0,
                ..
            } if p == id => {
                let (along, across) = self.axis.split(x - x0, y - y0);
                if along.hypot(across) < TOUCH_SLOP {
                    Gesture::None
                } else if along.abs() >= across.abs() {
                    self.state = State::Dragging { id, x: x0, y: y0 };
                    Gesture::DragStart
                } else {
                    self.state = State::Yielded { id };
                    Gesture::None
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
                id: p, time: t0, ..
            } if p == id => {
                self.state = State::Idle;
                if time - t0 <= TAP_TIMEOUT_MS {
                    Gesture::Tap { x, y }
                } else {
                    Gesture::None
                }
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
        let was_dragging = matches!(self.state, State::Dragging { id: p, .. } if p == id);
        let ours = match self.state {
            State::Pressed { id: p, .. }
            | State::Dragging { id: p, .. }
            | State::Yielded { id: p } => p == id,
            State::Idle => false,
        };
        if ours {
            self.state = State::Idle;
        }
        if was_dragging {
            Gesture::DragCancel
        } else {
            Gesture::None
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
        assert_eq!(g.moved(1, 288.0, 402.0), Gesture::DragStart);
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
        assert_eq!(v.moved(1, 203.0, 780.0), Gesture::DragStart);
    }

    #[test]
    fn second_finger_and_controls_are_ignored() {
        let mut g = GestureRecognizer::new(Axis::Horizontal);
        g.down(1, 100.0, 100.0, 0.0, false);
        g.down(2, 300.0, 100.0, 10.0, false);
        assert_eq!(g.moved(2, 200.0, 100.0), Gesture::None);
        assert_eq!(g.up(2, 200.0, 100.0, 20.0), Gesture::None);
        assert_eq!(g.moved(1, 80.0, 100.0), Gesture::DragStart);
        assert_eq!(g.cancel(1), Gesture::DragCancel);
        assert!(!g.is_dragging());
        g.down(3, 10.0, 10.0, 0.0, true);
        assert_eq!(
            g.up(3, 10.0, 10.0, 50.0),
            Gesture::None,
            "a press on a button is the button's"
        );
    }
}
