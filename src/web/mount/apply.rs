//! The session's effects, carried out on the elements, media and handles the mount keeps. Each
//! effect says what to do; this file only says how.

use wasm_bindgen::JsCast;
use web_sys::{Animation, AnimationPlayState};

use super::{apply_skin, State};
use crate::core::geometry::Axis;
use crate::core::motion::CROSS_FADE_MS;
use crate::core::navigation::pager::Settle;
use crate::core::session::effect::{Effect, Fade, Timer};
use crate::web::clock::{now, wall_now};
use crate::web::dom::computed_style;
use crate::web::paint;

impl State {
    /// Applies the session's effects until it has no more (applying one may be an input of
    /// its own: a settle no card could run).
    pub(super) fn apply(&mut self) {
        let mut batch = std::mem::take(&mut self.batch);
        loop {
            self.session.swap_effects(&mut batch);
            if batch.is_empty() {
                break;
            }
            for effect in batch.drain(..) {
                self.apply_one(effect);
            }
        }
        self.batch = batch;
    }

    fn apply_one(&mut self, effect: Effect) {
        match effect {
            Effect::Skin => {
                let height = self.session.deck().viewport().height;
                self.root_vars =
                    apply_skin(&self.root, &self.viewport, self.session.skin(), height);
            }
            Effect::UnmountAll => self.unmount_all(),
            Effect::Mount(window) => self.remount(window.as_ref(), wall_now()),
            Effect::Refresh {
                index,
                position,
                in_view,
                media,
            } => self.refresh(index, position, in_view, media),
            Effect::Place(position) => self.place_all(position),
            Effect::InView { index, media } => {
                for view in &mut self.views {
                    view.set_in_view(view.index == index, media);
                }
            }
            Effect::Media {
                index,
                playing,
                drifting,
            } => {
                for view in &mut self.views {
                    if view.index != index {
                        view.pause_ken_burns();
                        continue;
                    }
                    if let Some(playing) = playing {
                        view.set_playing(playing);
                    }
                    view.set_ken_burns(true, drifting);
                }
            }
            Effect::Decoded { index, ken_burns } => {
                if let Some(view) = self.views.iter_mut().find(|v| v.index == index) {
                    view.picture_is_decoded();
                    if let Some(running) = ken_burns {
                        view.set_ken_burns(true, running);
                    }
                }
            }
            Effect::Decode(index) => {
                // A picture that cannot be decoded keeps its card still and reports its error.
                if let Some(img) = self
                    .views
                    .iter()
                    .find(|v| v.index == index)
                    .and_then(|v| v.undecoded_picture())
                {
                    paint::decode_then_tell(&img);
                }
            }
            Effect::Focus(index) => {
                if let Some(root) = self.view_root(index) {
                    self.keep_focus(&root);
                }
            }
            Effect::Announce(index) => {
                if let Some(label) = self
                    .view_root(index)
                    .and_then(|r| r.get_attribute("aria-label"))
                {
                    self.announce(&label);
                }
            }
            Effect::Paused(paused) => self.chrome.set_paused(paused),
            Effect::Scrim { index, alpha } => {
                if let Some(view) = self.views.iter_mut().find(|v| v.index == index) {
                    view.set_scrim(alpha);
                }
            }
            Effect::Notice(notice) => self.pending.push(notice),
            Effect::Arm { timer, at, now } => {
                let handle = match timer {
                    Timer::Hold => &mut self.hold_timer,
                    Timer::Advance => &mut self.advance_timer,
                    Timer::Outbox => &mut self.outbox_timer,
                    Timer::Clock => &mut self.clock_timer,
                };
                handle.arm(at.map(|t| t.0), now.0);
            }
            Effect::Frame => self.frame.request(),
            Effect::CancelFrame => self.frame.cancel(),
            Effect::Animate(settle) => self.animate(&settle),
            Effect::StopAnimations => {
                for a in self.animations.drain(..) {
                    a.cancel();
                }
            }
            Effect::StopFades => {
                for fade in self.fades.drain(..) {
                    fade.cancel();
                }
            }
            Effect::Fade { index, fade } => {
                let horizontal = self.session.deck().axis() == Axis::Horizontal;
                if let Some(view) = self.views.iter().find(|v| v.index == index) {
                    let animation = match fade {
                        Fade::In => paint::fade_in(view.element(), CROSS_FADE_MS),
                        Fade::Hold(offset) => {
                            paint::hold_at(view.element(), horizontal, offset, CROSS_FADE_MS)
                        }
                    };
                    self.fades.push(animation);
                }
            }
            Effect::Tidy => self.tidy.request(),
            Effect::CancelTidy => self.tidy.cancel(),
            Effect::Preload(src) => self.preload(&src),
            Effect::KeepStill { current, next } => self.keep_still(current, next),
            Effect::LookAhead => self.look_ahead.request(),
            Effect::WarmClips => self.warm_clips(),
            Effect::Store => self.store.request(),
            Effect::CancelStore => self.store.cancel(),
        }
    }

    /// A `<video>` attached out of sight, its style read (which makes the browser set up its
    /// styles for media now), and removed. It is the pool's: the first clip card takes it, so
    /// no element is made for this.
    fn warm_clips(&self) {
        let video = self.videos.take(&self.doc);
        let style = video.style();
        let _ = style.set_property("display", "none");
        let _ = self.viewport.append_child(&video);
        let _ = computed_style(&video).get_property_value("display");
        // `give` takes it out of the DOM and drops its `style`.
        self.videos.give(video.unchecked_into());
        self.videos.trim();
    }

    fn view_root(&self, index: usize) -> Option<web_sys::HtmlElement> {
        self.views
            .iter()
            .find(|v| v.index == index)
            .map(|v| v.root.clone())
    }

    pub(super) fn place_all(&mut self, position: f32) {
        let deck = self.session.deck();
        let horizontal = deck.axis() == Axis::Horizontal;
        let extent = deck.extent();
        for view in &mut self.views {
            let offset = deck.offset(view.index, position);
            view.place(offset, extent, horizontal);
        }
    }

    /// Runs `settle` on the compositor on every mounted card.
    fn animate(&mut self, settle: &Settle) {
        let deck = self.session.deck();
        let horizontal = deck.axis() == Axis::Horizontal;
        let extent = deck.extent();
        let easing = paint::easing(&settle.progress);
        let mut animations = Vec::with_capacity(self.views.len() * 3);
        for view in &mut self.views {
            let from = deck.offset(view.index, settle.from);
            let to = deck.offset(view.index, settle.to);
            let started = view.animate(from, to, extent, (settle.duration_ms, &easing), horizontal);
            animations.extend(
                started
                    .iter()
                    .filter_map(|a| a.dyn_into::<Animation>().ok()),
            );
        }
        let Some(first) = animations.first() else {
            self.session.nothing_to_animate(now());
            return;
        };
        first.set_onfinish(Some(self.on_finish.as_ref().unchecked_ref()));
        self.animations = animations;
    }

    pub(super) fn on_handoff_finish(&mut self) {
        // A finish event queued just before an interruption belongs to a cancelled settle.
        let finished = self
            .animations
            .first()
            .is_some_and(|a| a.play_state() == AnimationPlayState::Finished);
        if finished {
            self.session.settle_finished(now());
        }
    }
}
