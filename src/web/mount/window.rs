//! The card window: which cards exist in the DOM (the one in view and its neighbours), built
//! from their layouts, updated in place for a live change, and tidied in an idle moment.

use wasm_bindgen::JsCast;
use web_sys::HtmlImageElement;

use super::State;
use crate::core::feed::MediaType;
use crate::core::geometry::{Axis, Size};
use crate::core::layout::lang::Direction;
use crate::core::layout::layout_card;
use crate::core::motion::advance::Leave;
use crate::core::motion::{CardMotion, KenBurns};
use crate::core::session::notice::Notice;
use crate::core::time::WallMs;
use crate::core::ui::face::{Face, Place, Still};
use crate::web::card_view::{CardView, Context};
use crate::web::clock::mono_now;
use crate::web::segment::Platform;

/// The longest an idle slice of the look-ahead measures text for (ms): each stays well under
/// a frame, and a finger that lands meanwhile waits for at most one.
const LOOK_AHEAD_SLICE_MS: f64 = 4.0;

impl State {
    /// Makes the DOM hold exactly the deck's window of cards.
    pub(super) fn remount(&mut self, position: f32, now: WallMs) {
        let window = self.deck.window(position);
        let active = self.doc.active_element();
        let mut refocus = false;
        self.views.retain(|v| {
            let keep = window.as_ref().is_some_and(|w| w.contains(v.index));
            if !keep {
                refocus |= active.as_ref().is_some_and(|a| v.root.contains(Some(a)));
                v.root.remove();
            }
            keep
        });
        self.refocus |= refocus;
        if let Some(w) = &window {
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
        self.mounted = window;
    }

    /// Card `index`'s elements, laid out for now (not attached).
    pub(super) fn build_view(&mut self, index: usize, now: WallMs) -> Option<CardView> {
        let layout = self.layout_of(index)?;
        let leave = self.leave_of(index);
        let card = &self.session.cards()[index];
        let motion = self
            .savers
            .allow(CardMotion::of(card, self.skin.motion, self.reduced_motion));
        let ken_burns = match (motion.ken_burns, &card.media, layout.media) {
            (true, Some(media), Some(fit)) => Some(KenBurns::plan(
                media
                    .width
                    .zip(media.height)
                    .map(|(w, h)| Size::new(w as f32, h as f32)),
                (media.focus.x, media.focus.y),
                fit,
                self.deck.viewport(),
                match leave {
                    Leave::After(ms) => ms,
                    _ => 0.0,
                },
            )),
            _ => None,
        };
        let cx = Context {
            doc: &self.doc,
            place: Place {
                index,
                total: self.session.cards().len(),
                now,
                liked: self.actions.is_liked(&card.id),
            },
            in_view: index == self.deck.current(),
            layout: &layout,
            motion,
            ken_burns,
            loop_clip: leave != Leave::ClipEnd,
            savers: self.savers,
            videos: &self.videos,
        };
        Some(CardView::build(card, &cx))
    }

    /// The same cards in the same order, some of them changed (a live score): only the changed
    /// ones that are mounted are rebuilt, inside their own card element, so the other cards are
    /// not laid out again and whatever moves keeps moving.
    pub(super) fn update_in_place(&mut self, changed: &[usize], now: WallMs) {
        let position = self.deck.position();
        let horizontal = self.deck.axis() == Axis::Horizontal;
        let extent = self.deck.extent();
        let allowed = self.media_allowed();
        for &index in changed {
            if !self.views.iter().any(|v| v.index == index) {
                continue; // built from the new card when it is mounted
            }
            let Some(fresh) = self.build_view(index, now) else {
                continue;
            };
            let offset = self.deck.offset(index, position);
            let current = self.deck.current();
            if let Some(view) = self.views.iter_mut().find(|v| v.index == index) {
                view.refill(fresh);
                view.place(offset, extent, horizontal);
                view.set_in_view(index == current, allowed);
            }
        }
    }

    /// Fetches the picture of the card just past the window ahead (a clip card's poster), so
    /// it is ready when that card is mounted. One off-DOM image; nothing further is fetched.
    pub(super) fn preload_ahead(&mut self) {
        let Some(src) = self
            .deck
            .ahead_of_window()
            .and_then(|i| self.session.cards().get(i))
            .and_then(|c| c.media.as_ref())
            .and_then(|m| match m.media_type {
                MediaType::Image => Some(m.src.as_str()),
                MediaType::Video => m.poster.as_deref(),
            })
        else {
            return;
        };
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

    /// After a settle, in an idle moment: mount the new neighbours and drop the far ones.
    pub(super) fn on_tidy(&mut self) {
        self.tidy.fired();
        if self.handoff.is_some() || self.frame.is_pending() || self.deck.is_dragging() {
            return; // moving again: the next settle schedules another tidy
        }
        let position = self.deck.rest_position();
        if self
            .deck
            .needs_remount(self.mounted.as_ref(), position, true)
        {
            self.remount_at_rest();
        }
        self.keep_still();
        self.look_ahead.request();
    }

    /// In idle slices of at most [`LOOK_AHEAD_SLICE_MS`] each, after the tidy-up: lays out
    /// the cards just past the window on either side (the ones the next settle mounts) and
    /// throws the layouts away, so their text widths are measured by then. Measuring text the
    /// page has not shaped yet is what a new card's layout spends most on (tens of ms on a
    /// slow phone); done here, the tidy-up after the next settle finds every width kept.
    pub(super) fn on_look_ahead(&mut self) {
        self.look_ahead.fired();
        if self.handoff.is_some() || self.frame.is_pending() || self.deck.is_dragging() {
            return; // moving: the next settle's tidy-up asks again
        }
        let targets = [self.deck.ahead_of_window(), self.deck.behind_of_window()];
        let device = self.device();
        let start = mono_now();
        for index in targets.into_iter().flatten() {
            let Some(card) = self.session.cards().get(index) else {
                continue;
            };
            let left = LOOK_AHEAD_SLICE_MS - mono_now().since(start);
            let (skin, measure) = (&self.skin, &mut self.measure);
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
    pub(super) fn keep_still(&mut self) {
        let current = self.deck.current();
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
        if let Some(next) = self.deck.following(current).and_then(face) {
            faces.push(next);
        }
        let size = self.deck.viewport();
        let text = Still {
            skin: &self.skin.name,
            size: (size.width, size.height),
            vertical: self.deck.axis() == Axis::Vertical,
            rtl: self.deck.direction() == Direction::Rtl,
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

    /// Brings the window up to date for the cards at rest, places them, and marks the card in
    /// view.
    pub(super) fn remount_at_rest(&mut self) {
        let position = self.deck.rest_position();
        self.remount(position, crate::web::clock::wall_now());
        self.place_all(position);
        let current = self.deck.current();
        let allowed = self.media_allowed();
        for view in &mut self.views {
            view.set_in_view(view.index == current, allowed);
        }
        // Views built again (a relayout) have pictures not yet decoded: the Ken Burns move of
        // the card in view starts again once its picture is. Focus that was in a card removed
        // goes to the card in view.
        self.decode_current_picture();
        if let Some(root) = self
            .views
            .iter()
            .find(|v| v.index == current)
            .map(|v| v.root.clone())
        {
            self.keep_focus(&root);
        }
    }
}
