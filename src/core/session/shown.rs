//! What is on screen and when: the cards shown at each moment of the host's wall clock, the
//! feed held back until its first card starts, which card the deck lands on when the cards
//! change, and which card changes are told to the host and to screen readers.
//!
//! The session ([`super::Session`]) asks with its clocks' readings and carries out the
//! [`Change`]s and notices it gets back. Time windows hold at every moment (contracts §1): it
//! arms one timer for [`Shown::timer`], and calls [`Shown::tick`] when it fires, when the
//! screen comes on, when the page becomes visible and when the cards come to rest.

use super::notice::Notice;
use super::timeline::{Offer, Timeline};

use crate::core::feed::Card;
use crate::core::time::WallMs;
use crate::core::ui::skin::Wake;

/// The longest the layer waits between two looks at the clock while a start or an expiry is
/// ahead, so a wall clock set forward is noticed within this time even while the screen stays
/// on and nothing else happens.
pub const MAX_WAIT_MS: i64 = 60_000;

/// What a feed did, for the report [`Shown::offer`] returns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Arrival {
    /// The feed has live cards now and is the one on screen.
    pub applied: bool,
    /// Cards on screen now (the feed's live ones when applied, else the ones that stay).
    pub shown: usize,
    /// The feed's valid cards outside their window now.
    pub out_of_window: usize,
    /// Cards that start later: of this feed, and of the one on screen when this one stays.
    pub waiting: usize,
    /// When the first of the waiting cards starts.
    pub first_start: Option<WallMs>,
}

/// How the cards on screen changed, for the browser layer to apply.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// The same cards in the same order: only [`Change::refreshed`] need building again, and
    /// nothing moves.
    pub in_place: bool,
    /// Indices whose card's content changed (when `in_place`).
    pub refreshed: Vec<usize>,
    /// The card the deck shows after the change.
    pub land: usize,
    /// The new index of the card that was in view, when it is still shown (its view goes on).
    pub kept: Option<usize>,
}

/// A card change at a rest, for the browser layer to carry out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Arrived {
    /// The card shown before, when it is still shown: the viewer's move from it is recorded.
    pub from: Option<usize>,
    /// The viewer moved here: screen readers are told (not for a move that came by itself).
    pub announce: bool,
}

/// Why the cards changed, which decides where the deck lands when the card in view went.
#[derive(Clone, Copy)]
enum Cause {
    /// A new feed: the card it resumes at, else its first.
    Feed,
    /// Time: the next live card after the one that left, in feed order.
    Clock,
}

/// The session's state. See the module documentation.
#[derive(Debug, Default)]
pub struct Shown {
    timeline: Timeline,
    /// The live cards as the deck has them.
    shown: Vec<Card>,
    /// When what is live was last worked out (a clock now earlier than this was set back).
    checked_at: Option<WallMs>,
    /// When what is live may next change.
    next_change: Option<WallMs>,
    /// A change came due while the cards moved or a finger was on them: it waits for a rest.
    deferred: bool,
    /// The host was told that no card is left (once until cards show again).
    told_empty: bool,
    /// The card last told to the host as in view.
    announced: Option<String>,
    /// The next rest came by itself (a feed, auto-advance, a wake): not announced.
    quiet: bool,
    /// The card the first feed opens on, when it has it (a renderer restarted after a crash).
    resume: Option<String>,
    /// Ids of the cards that have been in view with the screen on (for the skin's wake rule):
    /// the cards a viewer sees in one sitting, a short list searched in order.
    seen: Vec<String>,
    notices: Vec<Notice>,
}

impl Shown {
    /// The cards shown now, in the deck's order.
    pub fn cards(&self) -> &[Card] {
        &self.shown
    }

    /// Whether a feed waits for its first card to start.
    pub fn has_held(&self) -> bool {
        self.timeline.has_held()
    }

    /// The first feed opens on card `id` when it has it.
    pub fn resume_at(&mut self, id: String) {
        self.resume = Some(id);
    }

    /// A new feed's valid `cards` at `now`, with the deck on card `current`: the report, and
    /// the change to apply when the feed has live cards.
    pub fn offer(
        &mut self,
        cards: Vec<Card>,
        now: WallMs,
        current: usize,
    ) -> (Arrival, Option<Change>) {
        let live = cards.iter().filter(|c| c.is_live_at(now)).count();
        let out_of_window = cards.len() - live;
        let offer = self.timeline.offer(cards, now);
        let change = (offer == Offer::Shown).then(|| self.show(now, current, Cause::Feed));
        self.checked(now);
        let arrival = Arrival {
            applied: change.is_some(),
            shown: self.shown.len(),
            out_of_window,
            waiting: self.timeline.waiting(now),
            first_start: match offer {
                Offer::Held { first_start } => Some(first_start),
                _ => self.timeline.next_start(now),
            },
        };
        (arrival, change)
    }

    /// Whether [`Shown::tick`] has anything to do at `now`: a start or an expiry came, a
    /// change waits for a rest, or the clock went back.
    pub fn due(&self, now: WallMs) -> bool {
        self.deferred
            || self.checked_at.is_some_and(|at| now < at)
            || self.next_change.is_some_and(|t| now >= t)
    }

    /// Brings the cards shown up to `now`, with the deck on card `current`. While the cards
    /// move or a finger is on them (`at_rest` false) nothing changes under it: the change waits
    /// for the next rest.
    pub fn tick(&mut self, now: WallMs, current: usize, at_rest: bool) -> Option<Change> {
        if !self.due(now) {
            return None;
        }
        if !at_rest {
            self.deferred = true;
            return None;
        }
        self.deferred = false;
        let promoted = self.timeline.promote(now);
        let same = {
            let mut live = self.timeline.live(now);
            self.shown
                .iter()
                .all(|s| live.next().is_some_and(|c| c.id == s.id))
                && live.next().is_none()
        };
        let change = (promoted || !same).then(|| {
            let cause = if promoted { Cause::Feed } else { Cause::Clock };
            self.show(now, current, cause)
        });
        self.checked(now);
        change
    }

    /// How long the layer may wait before calling [`Shown::tick`] again (ms), if ever
    /// without another input.
    pub fn timer(&self, now: WallMs) -> Option<i64> {
        if self.deferred {
            return None; // the next rest ticks
        }
        self.next_change.map(|t| t.since(now).clamp(0, MAX_WAIT_MS))
    }

    fn checked(&mut self, now: WallMs) {
        self.checked_at = Some(now);
        self.next_change = self.timeline.next_change(now);
    }

    /// The live cards at `now` become the ones shown.
    fn show(&mut self, now: WallMs, current: usize, cause: Cause) -> Change {
        let cards: Vec<Card> = self.timeline.live(now).cloned().collect();
        let in_place = !cards.is_empty()
            && cards.len() == self.shown.len()
            && cards.iter().zip(&self.shown).all(|(a, b)| a.id == b.id);
        let refreshed = if in_place {
            (0..cards.len())
                .filter(|&i| cards[i] != self.shown[i])
                .collect()
        } else {
            Vec::new()
        };
        let in_view = self.shown.get(current).map(|c| c.id.as_str());
        let kept = in_view.and_then(|id| cards.iter().position(|c| c.id == id));
        let land = match (kept, cause) {
            (Some(index), _) => index,
            (None, Cause::Feed) => self
                .resume
                .take()
                .and_then(|id| cards.iter().position(|c| c.id == id))
                .unwrap_or(0),
            (None, Cause::Clock) => in_view.map_or(0, |id| self.successor(id, now, &cards)),
        };
        if !in_place {
            self.quiet = true;
            self.resume = None;
        }
        if cards.is_empty() {
            if !self.told_empty {
                self.told_empty = true;
                self.notices.push(Notice::Expired {
                    next_starts_at: self.timeline.next_start(now),
                });
            }
        } else {
            self.told_empty = false;
        }
        self.seen.retain(|id| cards.iter().any(|c| &c.id == id));
        self.shown = cards;
        Change {
            in_place,
            refreshed,
            land,
            kept,
        }
    }

    /// Where the deck lands when card `gone` left with time: the first card after it in the
    /// feed's order that is live now, else the last live card before it.
    fn successor(&self, gone: &str, now: WallMs, cards: &[Card]) -> usize {
        let feed = self.timeline.cards();
        let Some(at) = feed.iter().position(|c| c.id == gone) else {
            return 0;
        };
        let live_at = |c: &Card| cards.iter().position(|s| s.id == c.id);
        feed[at..]
            .iter()
            .filter(|c| c.is_live_at(now))
            .find_map(live_at)
            .or_else(|| feed[..at].iter().rev().find_map(live_at))
            .unwrap_or(0)
    }

    /// The cards came to rest on card `current`: when it is another card than the one told
    /// before, the host is told (a notice) and the caller records and announces as returned.
    pub fn rested(&mut self, current: usize) -> Option<Arrived> {
        let quiet = std::mem::take(&mut self.quiet);
        let card = self.shown.get(current)?;
        if self.announced.as_deref() == Some(card.id.as_str()) {
            return None;
        }
        // A move from the card shown before, unless a new feed took that one away.
        let from = self
            .announced
            .as_ref()
            .and_then(|before| self.shown.iter().position(|c| &c.id == before));
        self.announced = Some(card.id.clone());
        self.notices.push(Notice::CardChange {
            index: current,
            card_id: card.id.clone(),
            count: self.shown.len(),
        });
        Some(Arrived {
            from,
            announce: !quiet,
        })
    }

    /// Card `current` was in view with the screen on.
    pub fn seen(&mut self, current: usize) {
        if let Some(card) = self.shown.get(current) {
            if !self.seen.contains(&card.id) {
                self.seen.push(card.id.clone());
            }
        }
    }

    /// The screen came on with the deck on card `current`: the skin's `rule` says whether it
    /// stays or the next card not yet seen is shown (`next_unseen` asks the deck, given which
    /// indices were seen). Returns the card to jump to, as a move that came by itself (no swipe
    /// recorded, nothing announced); else the card in view counts as seen. Never under a
    /// dragging finger.
    pub fn wake(
        &mut self,
        current: usize,
        rule: Wake,
        dragging: bool,
        next_unseen: impl FnOnce(&dyn Fn(usize) -> bool) -> Option<usize>,
    ) -> Option<usize> {
        let card = self.shown.get(current)?;
        let moves_on = rule == Wake::NextUnseen && self.seen.contains(&card.id) && !dragging;
        let seen = |i: usize| self.shown.get(i).is_some_and(|c| self.seen.contains(&c.id));
        let next = next_unseen(&seen).filter(|_| moves_on);
        match next {
            Some(_) => {
                self.forget_move();
                self.moving_by_itself();
            }
            None => self.seen(current),
        }
        next
    }

    /// The next rest comes by itself (auto-advance, a wake that moves on): it is not announced.
    pub fn moving_by_itself(&mut self) {
        self.quiet = true;
    }

    /// The next card in view is not the viewer's move from the one before (a wake): no swipe
    /// is recorded for it.
    pub fn forget_move(&mut self) {
        self.announced = None;
    }

    /// The notices decided since the last call, in order.
    pub fn take_notices(&mut self) -> std::vec::Drain<'_, Notice> {
        self.notices.drain(..)
    }
}

#[cfg(test)]
mod tests;
