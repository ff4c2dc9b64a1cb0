//! Analytics: which card is in view (core::analytics::views) and what the viewer did become events in
//! the outbox (core::analytics::outbox); batches go to the host as `track` notices. After a change the
//! outbox's snapshot goes as a `store` notice in the next idle moment (at once when the screen
//! goes off or the page hides), so writing it never lands in a swipe. The host's replies come
//! back through [`super::Mount::tracked`] and [`super::Mount::track_failed`].

use super::State;
use crate::core::analytics::event::{Heading, What};
use crate::core::analytics::outbox::Outbox;
use crate::core::analytics::views::Seen;
use crate::core::session::notice::Notice;
use crate::core::time::{MonoMs, WallMs};

/// The storage key of the outbox's snapshot.
pub const OUTBOX_KEY: &str = "outbox";
/// Longest wait for an idle moment before the outbox is stored anyway.
pub(super) const STORE_TIMEOUT_MS: u32 = 1_000;

impl State {
    /// The wall-clock time of monotonic time `at`.
    fn wall(&self, at: f64) -> WallMs {
        let ago = (self.now() - at).max(0.0);
        crate::web::clock::wall_now().plus(-(ago as i64))
    }

    /// Records an event about card `card_id` that happened at monotonic time `at`.
    pub(super) fn record(&mut self, what: What, card_id: &str, at: f64) {
        let wall = self.wall(at);
        self.outbox.record(what, card_id, wall, MonoMs(self.now()));
    }

    /// Which card is in view at `now`: the one nearest the track at `position`, while the page
    /// shows and the screen is on. Allocation-free unless a view ends (per frame while a
    /// finger drags).
    pub(super) fn observe_view(&mut self, now: f64, position: f32) {
        let lit = self.page_visible && self.screen_on && !self.session.cards().is_empty();
        let in_view = lit.then(|| self.deck.nearest(position));
        self.view_is(now, in_view);
    }

    /// Card `in_view` (an index in the cards shown) is in view from `now`, or none is: the
    /// view that ended, if any, is recorded.
    pub(super) fn view_is(&mut self, now: f64, in_view: Option<usize>) {
        let mut ended = [None, None];
        self.viewing.observe(MonoMs(now), in_view, |seen| {
            let slot = usize::from(ended[0].is_some());
            ended[slot] = Some(seen);
        });
        for seen in ended.into_iter().flatten() {
            let (what, index, at) = match seen {
                Seen::Impression { index, at } => (What::Impression, index, at),
                Seen::Dwell { index, ms, at } => (
                    What::Dwell {
                        ms: ms.max(0.0) as u64,
                    },
                    index,
                    at,
                ),
            };
            if let Some(id) = self.session.cards().get(index).map(|c| c.id.clone()) {
                self.record(what, &id, at);
            }
        }
    }

    /// The card in view changed from `from` to `to` (indices in the cards shown).
    pub(super) fn record_move(&mut self, from: usize, to: usize) {
        let (Some(from_id), Some(to_id)) = (
            self.session.cards().get(from).map(|c| c.id.clone()),
            self.session.cards().get(to).map(|c| c.id.clone()),
        ) else {
            return;
        };
        let n = self.session.cards().len();
        let direction = Heading::of_move(from, to, n, self.deck.is_looping());
        let now = self.now();
        self.record(
            What::Swipe {
                to: to_id,
                direction,
            },
            &from_id,
            now,
        );
    }

    /// Sends what is due, stores the outbox if it changed, and sets its timer. Called after
    /// every handler that may have recorded something (cheap when nothing changed).
    pub(super) fn sync_outbox(&mut self, now: f64) {
        // Per pointer event this is arithmetic only: the wall clock (two calls into JS) is read
        // when a batch is due.
        let due = self.outbox.deadline().is_some_and(|t| now >= t.0);
        if let Some(batch) = due
            .then(|| self.wall(now))
            .and_then(|wall| self.outbox.poll(MonoMs(now), wall))
        {
            let mut events = String::from("[");
            for (i, event) in batch.events.iter().enumerate() {
                if i > 0 {
                    events.push(',');
                }
                event.write_json(&mut events);
            }
            events.push(']');
            self.pending.push(Notice::Track {
                batch: batch.id,
                events,
            });
        }
        if self.outbox.take_changed() {
            self.store.request();
        }
        self.outbox_timer
            .arm(self.outbox.deadline().map(|t| t.0), now);
    }

    pub(super) fn on_store(&mut self) {
        self.store.fired();
        self.store_now();
    }

    /// Stores the outbox now (the page may not get another chance).
    pub(super) fn store_now(&mut self) {
        self.store.cancel();
        self.pending.push(Notice::Store {
            key: OUTBOX_KEY,
            value: self.outbox.snapshot(),
        });
    }

    pub(super) fn on_outbox_timer(&mut self) {
        self.outbox_timer.fired();
        let now = self.now();
        self.sync_outbox(now);
    }

    /// The outbox a previous renderer stored: its events go first, then any this one recorded
    /// already (numbered after them).
    pub(super) fn restore_outbox(&mut self, mut stored: Outbox) {
        let now = self.now();
        let mine = std::mem::take(&mut self.outbox);
        for event in mine.into_events() {
            stored.record(event.what, &event.card_id, event.at, MonoMs(now));
        }
        self.outbox = stored;
        self.sync_outbox(now);
    }
}
