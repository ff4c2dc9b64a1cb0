//! The card window's elements: the cards in the DOM (the one in view and its neighbours),
//! built from their layouts and the session's plan, rebuilt in place for a live change; the
//! picture fetched ahead; the idle look-ahead; and the card at rest handed to the host.

use wasm_bindgen::JsCast;
use web_sys::HtmlImageElement;

use super::State;
use crate::core::geometry::Axis;
use crate::core::layout::lang::Direction;
use crate::core::layout::layout_card;
use crate::core::navigation::deck::Window;
use crate::core::session::notice::Notice;
use crate::core::time::WallMs;
use crate::core::ui::face::{Face, Still};
use crate::web::card_view::{CardView, Context};
use crate::web::clock::mono_now;
use crate::web::segment::Platform;

/// The longest an idle slice of the look-ahead measures text for (ms): each stays well under
/// a frame, and a finger that lands meanwhile waits for at most one.
const LOOK_AHEAD_SLICE_MS: f64 = 4.0;

impl State {
    /// Makes the DOM hold exactly the cards of `window`.
    pub(super) fn remount(&mut self, window: Option<&Window>, now: WallMs) {
        let active = self.doc.active_element();
        let mut refocus = false;
        self.views.retain(|v| {
            let keep = window.is_some_and(|w| w.contains(v.index));
            if !keep {
                refocus |= active.as_ref().is_some_and(|a| v.root.contains(Some(a)));
                v.root.remove();
            }
            keep
        });
        self.refocus |= refocus;
        if let Some(w) = window {
            for index in w.cards() {
                if self.views.iter().any(|v| v.index == index) {
                    continue;
                }
                let Some(mut view) = self.build_view(index, now) else {
                    continue;
                };
                // A card enters the DOM out of view (inert, hidden); the card in view is always
                // one that is already mounted, and a settle marks it.
                view.set_in_view(false, false);
                let _ = self.viewport.append_child(&view.root);
                self.views.push(view);
            }
        }
        // A handful of views, nearly in order: an insertion sort (the library's sorts would
        // bring kilobytes of code into the module).
        for i in 1..self.views.len() {
            let mut j = i;
            while j > 0 && self.views[j - 1].index > self.views[j].index {
                self.views.swap(j - 1, j);
                j -= 1;
            }
        }
        self.videos.trim();
    }

    /// Takes every card out of the DOM, noting whether focus was in one (it then moves to the
    /// card in view once that is built again).
    pub(super) fn unmount_all(&mut self) {
        // No call into the page when there is nothing to take out (the first feed).
        let active = if self.views.is_empty() {
            None
        } else {
            self.doc.active_element()
        };
        for view in self.views.drain(..) {
            self.refocus |= active.as_ref().is_some_and(|a| view.root.contains(Some(a)));
            view.root.remove();
        }
    }

    /// Card `index`'s elements, laid out for now (not attached).
    pub(super) fn build_view(&mut self, index: usize, now: WallMs) -> Option<CardView> {
        let layout = self.layout_of(index)?;
        let plan = self.session.view_plan(index, &layout, now)?;
        let card = &self.session.cards()[index];
        let cx = Context {
            doc: &self.doc,
            place: plan.place,
            in_view: plan.in_view,
            layout: &layout,
            motion: plan.motion,
            ken_burns: plan.ken_burns,
            loop_clip: plan.loop_clip,
            savers: plan.savers,
            videos: &self.videos,
        };
        Some(CardView::build(card, &cx))
    }

    /// Card `index` changed its content (a live score): it is rebuilt inside its own card
    /// element, so the other cards are not laid out again and whatever moves keeps moving.
    pub(super) fn refresh(&mut self, index: usize, position: f32, in_view: bool, media: bool) {
        if !self.views.iter().any(|v| v.index == index) {
            return; // built from the new card when it is mounted
        }
        let Some(fresh) = self.build_view(index, crate::web::clock::wall_now()) else {
            return;
        };
        let deck = self.session.deck();
        let (offset, extent) = (deck.offset(index, position), deck.extent());
        let horizontal = deck.axis() == Axis::Horizontal;
        if let Some(view) = self.views.iter_mut().find(|v| v.index == index) {
            view.refill(fresh);
            view.place(offset, extent, horizontal);
            view.set_in_view(in_view, media);
        }
    }

    /// Fetches `src` (the picture of the card just past the window ahead) into one off-DOM
    /// image, so it is ready when that card is mounted.
    pub(super) fn preload(&mut self, src: &str) {
        if self
            .ahead
            .as_ref()
            .is_some_and(|img| img.get_attribute("src").as_deref() == Some(src))
        {
            return;
        }
        if self.ahead.is_none() {
            self.ahead = self
                .doc
                .create_element("img")
                .ok()
                .and_then(|e| e.dyn_into::<HtmlImageElement>().ok());
        }
        if let Some(img) = &self.ahead {
            img.set_decoding("async");
            img.set_src(src);
        }
    }

    /// In idle slices of at most [`LOOK_AHEAD_SLICE_MS`] each, after the tidy-up and while a
    /// settle runs on the compositor: lays out the cards just past the window (the ones the
    /// next settles mount, `Session::look_ahead`) and throws the layouts away, so their text
    /// widths are measured by then. Measuring text the page has not shaped yet is what a new
    /// card's layout spends most on (tens of ms on a slow phone); done here, the mount after
    /// the next settle, or in the middle of a series of flicks, finds every width kept.
    pub(super) fn on_look_ahead(&mut self) {
        self.look_ahead.fired();
        if !self.session.may_look_ahead() {
            return; // a finger on the cards: its release asks again
        }
        let device = self.device();
        let start = mono_now();
        for index in self.session.look_ahead() {
            let Some(card) = self.session.cards().get(index) else {
                continue;
            };
            let left = LOOK_AHEAD_SLICE_MS - mono_now().since(start);
            let (skin, measure) = (self.session.skin(), &mut self.measure);
            let done = left > 0.0
                && measure.warm(left, |m| {
                    let _ = layout_card(card, skin, &device, m, &mut Platform);
                });
            if !done {
                self.look_ahead.request(); // the rest in the next slice
                return;
            }
        }
    }

    /// Hands the host the card at rest and the next one as data (`store` under `card`), for
    /// the shim to paint when the module cannot run (`www/host/still.js`). Written only when
    /// it changed.
    pub(super) fn keep_still(&mut self, current: usize, next: Option<usize>) {
        let face = |index: usize| {
            self.views
                .iter()
                .find(|v| v.index == index)
                .map(|v| &v.face)
        };
        let Some(first) = face(current) else {
            return;
        };
        let mut faces: Vec<&Face> = vec![first];
        if let Some(next) = next.and_then(face) {
            faces.push(next);
        }
        let deck = self.session.deck();
        let size = deck.viewport();
        let text = Still {
            skin: &self.session.skin().name,
            size: (size.width, size.height),
            vertical: deck.axis() == Axis::Vertical,
            rtl: deck.direction() == Direction::Rtl,
            vars: &self.root_vars,
            faces: &faces,
        }
        .to_json();
        if text != self.kept_still {
            self.kept_still.clone_from(&text);
            self.pending.push(Notice::Store {
                key: "card",
                value: text,
            });
        }
    }
}
