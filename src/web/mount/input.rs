//! Pointer, key and click events: forwarded to the deck with viewport-relative coordinates and
//! event timestamps, then whatever the deck decided is applied.

use wasm_bindgen::JsCast;
use web_sys::{Element, KeyboardEvent, PointerEvent};

use super::{event_time, State};
use crate::core::analytics::event::What;
use crate::core::feed::Card;
use crate::core::navigation::deck::{Handled, Key};
use crate::core::session::notice::Notice;
use crate::core::time::MonoMs;
use crate::core::ui::actions::Action;

impl State {
    pub(super) fn point(&self, event: &PointerEvent) -> (f32, f32) {
        (
            event.client_x() as f32 - self.origin.0,
            event.client_y() as f32 - self.origin.1,
        )
    }

    pub(super) fn handled(&mut self, event: &web_sys::Event, handled: Handled) {
        if handled.consumed && event.cancelable() {
            event.prevent_default();
        }
        if handled.animate {
            if self.deck.is_dragging() {
                self.request_frame();
            } else {
                self.start_motion();
            }
        }
        self.sync(event_time(event));
    }

    pub(super) fn on_pointer_down(&mut self, event: &web_sys::Event) {
        let Some(e) = event.dyn_ref::<PointerEvent>() else {
            return;
        };
        if e.pointer_type() == "mouse" && e.button() != 0 {
            return;
        }
        let on_control = e
            .target()
            .and_then(|t| t.dyn_into::<Element>().ok())
            .and_then(|t| t.closest("button, a, [data-action]").ok().flatten())
            .is_some();
        // A finger catches cards that the compositor is moving, where they are now.
        self.interrupt_handoff();
        let (x, y) = self.point(e);
        let h = self
            .deck
            .pointer_down(e.pointer_id(), x, y, event_time(event), on_control);
        self.handled(event, h);
    }

    pub(super) fn on_pointer_move(&mut self, event: &web_sys::Event) {
        let Some(e) = event.dyn_ref::<PointerEvent>() else {
            return;
        };
        let (x, y) = self.point(e);
        let h = self
            .deck
            .pointer_move(e.pointer_id(), x, y, event_time(event));
        if h.consumed && self.captured != Some(e.pointer_id()) {
            // Keep receiving the moves when the finger leaves the card.
            let _ = self.viewport.set_pointer_capture(e.pointer_id());
            self.captured = Some(e.pointer_id());
        }
        self.handled(event, h);
    }

    pub(super) fn on_pointer_up(&mut self, event: &web_sys::Event) {
        let Some(e) = event.dyn_ref::<PointerEvent>() else {
            return;
        };
        let (x, y) = self.point(e);
        let h = self
            .deck
            .pointer_up(e.pointer_id(), x, y, event_time(event));
        self.captured = None;
        self.handled(event, h);
    }

    pub(super) fn on_pointer_cancel(&mut self, event: &web_sys::Event) {
        let Some(e) = event.dyn_ref::<PointerEvent>() else {
            return;
        };
        let h = self.deck.pointer_cancel(e.pointer_id());
        self.captured = None;
        self.handled(event, h);
    }

    pub(super) fn on_key(&mut self, event: &web_sys::Event) {
        let Some(e) = event.dyn_ref::<KeyboardEvent>() else {
            return;
        };
        if e.alt_key() || e.ctrl_key() || e.meta_key() {
            return;
        }
        let key = match e.key().as_str() {
            "ArrowLeft" => Key::Left,
            "ArrowRight" => Key::Right,
            "ArrowUp" => Key::Up,
            "ArrowDown" => Key::Down,
            "Home" => Key::Home,
            "End" => Key::End,
            _ => return,
        };
        self.interrupt_handoff();
        let h = self.deck.key(key);
        self.handled(event, h);
    }

    pub(super) fn card_of(&self, target: Option<web_sys::EventTarget>) -> Option<(Element, &Card)> {
        let target = target?.dyn_into::<Element>().ok()?;
        let article = target.closest("[data-card-id]").ok()??;
        let id = article.get_attribute("data-card-id")?;
        let card = self.session.cards().iter().find(|c| c.id == id)?;
        Some((target, card))
    }

    pub(super) fn on_click(&mut self, event: &web_sys::Event) {
        let control = event
            .target()
            .and_then(|t| t.dyn_into::<Element>().ok())
            .and_then(|t| t.closest("[data-control]").ok().flatten())
            .and_then(|c| c.get_attribute("data-control"));
        if let Some(control) = control {
            self.on_control(&control);
            return;
        }
        let Some((target, card)) = self.card_of(event.target()) else {
            return;
        };
        let Some(button) = target.closest("[data-action]").ok().flatten() else {
            return;
        };
        let Some(action) = button
            .get_attribute("data-action")
            .and_then(|name| Action::parse(&name))
        else {
            return;
        };
        let card_id = card.id.clone();
        let notice = match (action, &card.cta) {
            (Action::Open, Some(cta)) => Notice::Open {
                card_id: card_id.clone(),
                url: cta.url.clone(),
                unlock: cta.unlock,
            },
            (Action::Open, None) => return,
            (Action::Like, _) => Notice::Like {
                card_id: card_id.clone(),
            },
            (Action::Share, _) => Notice::Share {
                card_id: card_id.clone(),
            },
        };
        if !self.actions.press(action, &card_id, MonoMs(self.now())) {
            return;
        }
        if action == Action::Like {
            let _ = button.set_attribute("aria-pressed", "true");
        }
        let what = match action {
            Action::Open => What::Open,
            Action::Like => What::Like,
            Action::Share => What::Share,
        };
        let now = self.now();
        self.record(what, &card_id, now);
        self.sync_outbox(now);
        self.pending.push(notice);
    }
}
