//! The cards moving on their own: the frame loop while a finger drags or where the compositor
//! cannot run a settle, the hand-off of a settle to the compositor, and the reduced-motion
//! cross-fade.

use wasm_bindgen::JsCast;
use web_sys::{Animation, AnimationPlayState};

use super::{Handoff, State};
use crate::core::geometry::Axis;
use crate::core::motion::advance::Pause;
use crate::core::motion::CROSS_FADE_MS;
use crate::core::navigation::pager::Settle;
use crate::web::paint;

impl State {
    pub(super) fn request_frame(&mut self) {
        self.frame.request();
    }

    pub(super) fn on_frame(&mut self, time: f64) {
        let frame = self.deck.advance(time);
        // Mid-motion, mount at once only a card that shows and is missing; once settled, the
        // window is tidied in an idle moment, so a swipe never inserts elements while it runs.
        if !frame.settled
            && self
                .deck
                .needs_remount(self.mounted.as_ref(), frame.position, false)
        {
            self.remount(frame.position, crate::web::clock::wall_now());
        }
        self.place_all(frame.position);
        self.observe_view(time, frame.position);
        if frame.settled {
            self.settled();
        } else {
            self.request_frame();
        }
    }

    /// The cards move on their own now (a release, a tap, a key): hand the settle to the
    /// compositor when the WebView can, else run the frame loop.
    pub(super) fn start_motion(&mut self) {
        self.interrupt_handoff();
        self.advance.set_paused(self.now(), Pause::Moving, true);
        if self.reduced_motion {
            self.cross_fade();
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
        self.frame.cancel();
        let mounted = self.mounted.as_ref();
        if self.deck.needs_remount(mounted, plan.from, false)
            || self.deck.needs_remount(mounted, plan.to, false)
        {
            self.remount(plan.from, crate::web::clock::wall_now());
        }
        let horizontal = self.deck.axis() == Axis::Horizontal;
        let extent = self.deck.extent();
        let easing = paint::easing(&plan.progress);
        let mut animations = Vec::with_capacity(self.views.len() * 3);
        for view in &mut self.views {
            let from = self.deck.offset(view.index, plan.from);
            let to = self.deck.offset(view.index, plan.to);
            let started = view.animate(from, to, extent, (plan.duration_ms, &easing), horizontal);
            animations.extend(
                started
                    .iter()
                    .filter_map(|a| a.dyn_into::<Animation>().ok()),
            );
        }
        let Some(first) = animations.first() else {
            // Nothing on the compositor to wait for (no card view is mounted): without a finish
            // event the settle would never end, and the tidy-up and the clock would wait for
            // it forever. It lands now.
            self.deck.finish();
            self.place_all(plan.to);
            self.settled();
            return;
        };
        first.set_onfinish(Some(self.on_finish.as_ref().unchecked_ref()));
        self.handoff = Some(Handoff {
            animations,
            started: self.now(),
            settle: plan,
        });
    }

    /// Reduced motion: the cards land at once, and the card that arrives fades in over the one
    /// that leaves, which stays where it was for the fade. Both animations only add to the
    /// cards' own styles, so every element is in its final state when they end or are dropped.
    pub(super) fn cross_fade(&mut self) {
        self.frame.cancel();
        for fade in self.fades.drain(..) {
            fade.cancel();
        }
        let from = self.deck.position();
        let extent = self.deck.extent();
        let was: Vec<(usize, f32)> = self
            .views
            .iter()
            .map(|v| (v.index, self.deck.offset(v.index, from)))
            .collect();
        self.deck.finish();
        let rest = self.deck.rest_position();
        if self.deck.needs_remount(self.mounted.as_ref(), rest, false) {
            self.remount(rest, crate::web::clock::wall_now());
        }
        let target = self.deck.current();
        let horizontal = self.deck.axis() == Axis::Horizontal;
        for view in &self.views {
            let before = was.iter().find(|(i, _)| *i == view.index).map(|w| w.1);
            let fade = match before {
                Some(offset) if view.index == target && offset != 0.0 => {
                    paint::fade_in(view.element(), CROSS_FADE_MS)
                }
                None if view.index == target => paint::fade_in(view.element(), CROSS_FADE_MS),
                Some(offset) if view.index != target && offset.abs() < extent => {
                    paint::hold_at(view.element(), horizontal, offset, CROSS_FADE_MS)
                }
                _ => continue,
            };
            self.fades.push(fade);
        }
        self.place_all(rest);
        self.settled();
    }

    /// Stops a compositor settle where it is and gives its position and speed back to the deck.
    pub(super) fn interrupt_handoff(&mut self) {
        let Some(h) = self.handoff.take() else { return };
        let elapsed = self.now() - h.started;
        let position = h.settle.position_at(elapsed);
        let ahead = h.settle.position_at(elapsed + Settle::SAMPLE_MS);
        let velocity = (ahead - position) / (Settle::SAMPLE_MS as f32 / 1000.0);
        self.deck.resume_at(position, velocity);
        self.place_all(position);
        for a in &h.animations {
            a.cancel();
        }
    }

    pub(super) fn cancel_handoff(&mut self) {
        if let Some(h) = self.handoff.take() {
            for a in &h.animations {
                a.cancel();
            }
        }
    }

    pub(super) fn on_handoff_finish(&mut self) {
        // A finish event queued just before an interruption belongs to a cancelled settle.
        let finished = self.handoff.as_ref().is_some_and(|h| {
            h.animations
                .first()
                .is_some_and(|a| a.play_state() == AnimationPlayState::Finished)
        });
        if !finished {
            return;
        }
        let Some(h) = self.handoff.take() else { return };
        self.deck.finish();
        // Write the resting transforms, then drop the animations' held end state.
        self.place_all(h.settle.to);
        for a in &h.animations {
            a.cancel();
        }
        self.settled();
    }
}
