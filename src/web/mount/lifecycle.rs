//! What runs on its own around the card in view: its clip and Ken Burns, the hold and
//! auto-advance timers, and the page's and the screen's state. Nothing here runs per frame.

use wasm_bindgen::JsCast;

use super::State;
use crate::core::analytics::event::What;
use crate::core::layout::{luminance, sampled_scrim};
use crate::core::motion::advance::{leave, Leave, Pause, Situation};
use crate::core::motion::media::{Conditions, MediaState};
use crate::core::session::notice::Notice;

impl State {
    /// Whether the card in view may play its clip and Ken Burns: the page shows, the screen is
    /// on and no press is held.
    pub(super) fn media_allowed(&self) -> bool {
        self.media().playing
    }

    /// What the card in view's media may do now (core decides from these conditions).
    pub(super) fn media(&self) -> MediaState {
        Conditions {
            lit: self.page_visible && self.screen_on,
            holding: self.deck.is_holding(),
            viewer_paused: self.viewer_paused,
            moving: self.advance.is_paused_by(Pause::Moving),
            finger_down: self.deck.finger_down(),
        }
        .media()
    }

    /// Brings the timers and the card in view's media up to date with the deck and the page:
    /// the hold timer while a press may become a hold, the auto-advance timer while its
    /// countdown runs, and nothing otherwise. Cheap when nothing changed (called per event).
    pub(super) fn sync(&mut self, now: f64) {
        self.hold_timer.arm(self.deck.hold_deadline(), now);
        let a = &mut self.advance;
        a.set_paused(now, Pause::Finger, self.deck.finger_down());
        a.set_paused(now, Pause::Hold, self.deck.is_holding());
        a.set_paused(now, Pause::Hidden, !(self.page_visible && self.screen_on));
        a.set_paused(now, Pause::Viewer, self.viewer_paused);
        self.advance_timer.arm(self.advance.deadline(), now);
        self.sync_outbox(now);
        let MediaState { playing, drifting } = self.media();
        let moving = self.advance.is_paused_by(Pause::Moving);
        if self.media_state != Some((playing, drifting)) {
            self.media_state = Some((playing, drifting));
            let current = self.deck.current();
            for view in &mut self.views {
                if view.index != current {
                    view.pause_ken_burns();
                    continue;
                }
                if !moving {
                    view.set_playing(playing);
                }
                view.set_ken_burns(true, drifting);
            }
        }
    }

    /// How card `index` leaves by itself now.
    pub(super) fn leave_of(&self, index: usize) -> Leave {
        let Some(card) = self.session.cards().get(index) else {
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

    /// The card in view's picture is decoded: its Ken Burns move starts (or waits for the
    /// hold, the page or the screen, like the rest of its media).
    pub(super) fn on_picture_decoded(&mut self, event: &web_sys::Event) {
        let current = self.deck.current();
        let running = self.media_allowed();
        let moving = self.advance.is_paused_by(Pause::Moving);
        let picture = event
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Node>().ok());
        // Only the picture of the card in view (a card that left meanwhile starts nothing).
        if let Some(view) = self
            .views
            .iter_mut()
            .find(|v| v.index == current && v.root.contains(picture.as_ref()))
        {
            view.picture_is_decoded();
            if !moving {
                view.set_ken_burns(true, running);
            }
        }
    }

    pub(super) fn on_hold_timer(&mut self) {
        self.hold_timer.fired();
        let now = self.now();
        self.deck.poll(now);
        self.sync(now);
    }

    pub(super) fn on_advance_timer(&mut self) {
        self.advance_timer.fired();
        let now = self.now();
        if !self.advance.is_due(now) {
            self.sync(now);
            return;
        }
        self.advance.stop();
        if self.deck.forward() {
            self.session.moving_by_itself();
            self.start_motion();
        }
        self.sync(now);
    }

    /// A clip ended: when it is the card in view and its end moves the deck on, move on.
    pub(super) fn on_clip_end(&mut self, event: &web_sys::Event) {
        let Some((_, card)) = self.card_of(event.target()) else {
            return;
        };
        let current = self.deck.current();
        let is_current = self
            .session
            .cards()
            .get(current)
            .is_some_and(|c| c.id == card.id);
        if is_current && self.leave_of(current) == Leave::ClipEnd && self.media_allowed() {
            self.interrupt_handoff();
            if self.deck.forward() {
                self.start_motion();
            }
            self.sync(self.now());
        }
    }

    /// The page or the screen went dark: whatever moves lands now, media pause, and nothing
    /// is scheduled until it comes back.
    pub(super) fn went_dark(&mut self) {
        // The view ends, and what waits goes to the host at once.
        let now = self.now();
        self.view_is(now, None);
        self.outbox.flush();
        self.sync_outbox(now);
        if self.store.is_pending() {
            self.store_now();
        }
        if self.handoff.is_some() || self.frame.is_pending() {
            self.cancel_handoff();
            self.frame.cancel();
            if !self.deck.is_dragging() {
                self.deck.finish();
                let rest = self.deck.rest_position();
                self.place_all(rest);
                self.settled();
            }
        }
        self.deck.reset_clock();
    }

    /// A card's picture loaded: sample the region behind its text once and set the scrim to
    /// what contrast needs there. A picture from another origin without CORS cannot be read;
    /// its card keeps the scrim that is dark enough for any picture.
    pub(super) fn on_media_load(&mut self, event: &web_sys::Event) {
        let Some(img) = event
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlImageElement>().ok())
        else {
            return;
        };
        if !img.class_list().contains("glance-media__item") {
            return;
        }
        let Some((_, card)) = self.card_of(event.target()) else {
            return;
        };
        let id = card.id.clone();
        let Some(index) = self.session.cards().iter().position(|c| c.id == id) else {
            return;
        };
        if self.sampled_scrims.iter().any(|(k, _)| *k == id) {
            return;
        }
        // The view keeps where its picture lies behind its text: no second layout is needed.
        let Some(region) = self
            .views
            .iter()
            .find(|v| v.index == index)
            .and_then(|v| v.behind_text)
        else {
            return;
        };
        let Some(mut samples) = self.measure.sample_behind_text(&img, region) else {
            return;
        };
        let alpha = sampled_scrim(&mut samples);
        if let Some(view) = self.views.iter_mut().find(|v| v.index == index) {
            view.set_scrim(alpha);
        }
        self.sampled_scrims.push((id, alpha));
    }

    pub(super) fn on_media_error(&mut self, event: &web_sys::Event) {
        let Some((target, card)) = self.card_of(event.target()) else {
            return;
        };
        let Some(src) = target.get_attribute("src") else {
            return;
        };
        let id = card.id.clone();
        let color = card.media.as_ref().and_then(|m| m.color);
        // A clip with a poster keeps showing the poster; anything else gives way to the
        // card's colour.
        let poster_stays = target.tag_name() == "VIDEO" && target.has_attribute("poster");
        if let Some(media_box) = target.parent_element().filter(|_| !poster_stays) {
            let _ = media_box.class_list().add_1("glance-media--failed");
            if let Some(view) = self
                .views
                .iter_mut()
                .find(|v| v.root.contains(Some(&media_box)))
            {
                if let Some(media) = &mut view.face.media {
                    media.failed = true;
                }
            }
        }
        // The card now shows its colour (or the dark card background) behind the text: the
        // scrim only needs to be as dark as that colour requires.
        let is_main_media = target.class_list().contains("glance-media__item");
        if is_main_media && !poster_stays && !self.sampled_scrims.iter().any(|(k, _)| *k == id) {
            let alpha = sampled_scrim(&mut [color.map_or(0.0, luminance)]);
            self.sampled_scrims.push((id.clone(), alpha));
            if let Some(index) = self.session.cards().iter().position(|c| c.id == id) {
                if let Some(view) = self.views.iter_mut().find(|v| v.index == index) {
                    view.set_scrim(alpha);
                }
            }
        }
        let key = (id, src);
        if !self.failed_media.contains(&key) {
            self.failed_media.push(key.clone());
            // A clip that fails no longer ends: the card in view moves on after its time.
            let current = self.deck.current();
            if self
                .session
                .cards()
                .get(current)
                .is_some_and(|c| c.id == key.0)
            {
                let now = self.now();
                let leave = self.leave_of(current);
                self.advance.start(now, leave);
                self.sync(now);
            }
            let now = self.now();
            self.record(What::MediaError { src: key.1.clone() }, &key.0, now);
            self.sync_outbox(now);
            self.pending.push(Notice::MediaError {
                card_id: key.0,
                src: key.1,
            });
        }
    }

    pub(super) fn on_visibility(&mut self, _: &web_sys::Event) {
        let was_lit = self.page_visible && self.screen_on;
        self.page_visible = self.doc.visibility_state() == web_sys::VisibilityState::Visible;
        if !self.page_visible {
            self.went_dark();
        } else if !was_lit && self.screen_on {
            self.woke();
        }
        self.deck.reset_clock();
        self.sync(self.now());
        // Cards whose window opened or closed while the page was hidden come or go now (and
        // the clock's timer stops while it is hidden).
        self.check_clock();
    }

    /// The screen came back: the skin decides whether the card in view stays or the next unseen
    /// one is shown, at once. The card shown now counts as seen.
    fn woke(&mut self) {
        let current = self.deck.current();
        let (rule, dragging) = (self.skin.wake, self.deck.is_dragging());
        let deck = &self.deck;
        let next = self.session.wake(current, rule, dragging, |seen| {
            deck.next_unseen(current, seen)
        });
        match next {
            Some(next) => {
                self.deck.jump_to(next);
                let rest = self.deck.rest_position();
                if self.deck.needs_remount(self.mounted.as_ref(), rest, false) {
                    self.remount(rest, crate::web::clock::wall_now());
                }
                self.place_all(rest);
                self.settled(); // marks it seen
            }
            None if current < self.session.cards().len() => {
                let (now, rest) = (self.now(), self.deck.rest_position());
                self.observe_view(now, rest);
            }
            None => {}
        }
    }

    /// The host turned the screen on or off.
    pub(super) fn set_screen_on(&mut self, on: bool) {
        if on == self.screen_on {
            return;
        }
        self.screen_on = on;
        if !on {
            self.went_dark();
        } else if self.page_visible {
            self.woke();
        }
        self.sync(self.now());
        // At screen-on the cards are brought up to the clock before anyone sees them; with the
        // screen off the clock's timer stops.
        self.check_clock();
    }
}
