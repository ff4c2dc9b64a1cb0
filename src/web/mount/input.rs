//! The page's events, forwarded to the session with viewport-relative coordinates, event
//! timestamps and what the DOM says about their target. Nothing here decides.

use wasm_bindgen::JsCast;
use web_sys::{Element, KeyboardEvent, PointerEvent};

use super::State;
use crate::core::geometry::Size;
use crate::core::layout::contrast::SAMPLE_SIDE;
use crate::core::layout::pixel_luminance;
use crate::core::navigation::deck::Key;
use crate::core::session::{Control, Failure};
use crate::core::time::MonoMs;
use crate::core::ui::actions::Action;
use crate::web::clock::now;
use crate::web::paint;

/// An event's timestamp, on the page's monotonic clock.
fn event_time(event: &web_sys::Event) -> MonoMs {
    MonoMs(event.time_stamp())
}

/// Cancels the event's default when the session used it.
fn used(event: &web_sys::Event, consumed: bool) {
    if consumed && event.cancelable() {
        event.prevent_default();
    }
}

impl State {
    fn point(&self, event: &PointerEvent) -> (f32, f32) {
        (
            event.client_x() as f32 - self.origin.0,
            event.client_y() as f32 - self.origin.1,
        )
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
        let at = self.point(e);
        let consumed =
            self.session
                .pointer_down(e.pointer_id(), at, event_time(event), on_control, now());
        used(event, consumed);
    }

    pub(super) fn on_pointer_move(&mut self, event: &web_sys::Event) {
        let Some(e) = event.dyn_ref::<PointerEvent>() else {
            return;
        };
        let at = self.point(e);
        let consumed = self
            .session
            .pointer_move(e.pointer_id(), at, event_time(event), now());
        if consumed && self.captured != Some(e.pointer_id()) {
            // Keep receiving the moves when the finger leaves the card.
            let _ = self.viewport.set_pointer_capture(e.pointer_id());
            self.captured = Some(e.pointer_id());
        }
        used(event, consumed);
    }

    pub(super) fn on_pointer_up(&mut self, event: &web_sys::Event) {
        let Some(e) = event.dyn_ref::<PointerEvent>() else {
            return;
        };
        let at = self.point(e);
        let consumed = self
            .session
            .pointer_up(e.pointer_id(), at, event_time(event), now());
        self.captured = None;
        used(event, consumed);
    }

    pub(super) fn on_pointer_cancel(&mut self, event: &web_sys::Event) {
        let Some(e) = event.dyn_ref::<PointerEvent>() else {
            return;
        };
        let consumed = self
            .session
            .pointer_cancel(e.pointer_id(), event_time(event), now());
        self.captured = None;
        used(event, consumed);
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
        let consumed = self.session.key(key, event_time(event), now());
        used(event, consumed);
    }

    /// The element an event came from and the id of the card it is in.
    fn card_of(target: Option<web_sys::EventTarget>) -> Option<(Element, String)> {
        let target = target?.dyn_into::<Element>().ok()?;
        let article = target.closest("[data-card-id]").ok()??;
        let id = article.get_attribute("data-card-id")?;
        Some((target, id))
    }

    pub(super) fn on_click(&mut self, event: &web_sys::Event) {
        let control = event
            .target()
            .and_then(|t| t.dyn_into::<Element>().ok())
            .and_then(|t| t.closest("[data-control]").ok().flatten())
            .and_then(|c| c.get_attribute("data-control"));
        if let Some(control) = control {
            if let Some(control) = Control::parse(&control) {
                self.session.control(control, now());
            }
            return;
        }
        let Some((target, card_id)) = Self::card_of(event.target()) else {
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
        if self.session.press(&card_id, action, now()) && action == Action::Like {
            let _ = button.set_attribute("aria-pressed", "true");
        }
    }

    /// A clip ended.
    pub(super) fn on_clip_end(&mut self, event: &web_sys::Event) {
        if let Some((_, card_id)) = Self::card_of(event.target()) {
            self.session.clip_ended(&card_id, now());
        }
    }

    /// The card in view's picture decoded (`paint::decode_then_tell`).
    pub(super) fn on_picture_decoded(&mut self, event: &web_sys::Event) {
        let current = self.session.deck().current();
        let picture = event
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Node>().ok());
        let view = self
            .views
            .iter()
            .find(|v| v.index == current && v.root.contains(picture.as_ref()));
        if let Some(index) = view.map(|v| v.index) {
            self.session.picture_decoded(index);
        }
    }

    /// A card's picture loaded: the region behind its text is sampled once, when the session
    /// asks for it, off the main thread (`paint::sample_then_tell`); the pixels come back in
    /// `glancesampled`. A picture from another origin without CORS cannot be read; its card
    /// keeps the scrim that is dark enough for any picture.
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
        let Some((_, card_id)) = Self::card_of(event.target()) else {
            return;
        };
        let Some(index) = self.session.wants_sample(&card_id) else {
            return;
        };
        // The view keeps where its picture lies behind its text: no second layout is needed.
        let natural = Size::new(img.natural_width() as f32, img.natural_height() as f32);
        let Some([x, y, w, h]) = self
            .views
            .iter()
            .find(|v| v.index == index)
            .and_then(|v| v.behind_text)
            .and_then(|b| b.source_rect(natural))
        else {
            return;
        };
        let (x, y, w, h) = (f64::from(x), f64::from(y), f64::from(w), f64::from(h));
        paint::sample_then_tell(&img, x, y, w, h, SAMPLE_SIDE);
    }

    /// The pixels behind a picture's text, scaled to the sample's size: the session sets the
    /// card's scrim from them.
    pub(super) fn on_sampled(&mut self, event: &web_sys::Event) {
        let Some((_, card_id)) = Self::card_of(event.target()) else {
            return;
        };
        let Some(rgba) = event
            .dyn_ref::<web_sys::CustomEvent>()
            .and_then(|e| e.detail().dyn_into::<js_sys::Uint8ClampedArray>().ok())
        else {
            return;
        };
        let mut samples: Vec<f32> = rgba
            .to_vec()
            .chunks_exact(4)
            .map(|p| pixel_luminance(p[0], p[1], p[2]))
            .collect();
        self.session.sampled(&card_id, &mut samples);
    }

    /// A picture or clip failed: the session records and tells it; the card gives way to its
    /// colour when the session says so.
    pub(super) fn on_media_error(&mut self, event: &web_sys::Event) {
        let Some((target, card_id)) = Self::card_of(event.target()) else {
            return;
        };
        let Some(src) = target.get_attribute("src") else {
            return;
        };
        let failure = Failure {
            poster: target.tag_name() == "VIDEO" && target.has_attribute("poster"),
            main: target.class_list().contains("glance-media__item"),
        };
        if !self.session.media_failed(&card_id, &src, failure, now()) {
            return;
        }
        if let Some(media_box) = target.parent_element() {
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
    }

    pub(super) fn on_visibility(&mut self, _: &web_sys::Event) {
        let visible = self.doc.visibility_state() == web_sys::VisibilityState::Visible;
        self.session.set_page_visible(visible, now());
    }
}
