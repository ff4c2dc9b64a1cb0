//! A feed over time: which of its cards are live at a given wall-clock moment, when that next
//! changes, and the feed that waits because none of its cards is live yet.
//!
//! A card is live inside `[starts_at, expires_at)` (contracts §1), at every moment, not only
//! when the feed arrives. Nothing here reads a clock or keeps one running: the caller asks
//! with its `now`, and [`Timeline::next_change`] says when asking again is worth it.

use crate::core::feed::Card;
use crate::core::time::WallMs;

/// What a feed offered to [`Timeline::offer`] became.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Offer {
    /// It has live cards now: it is the feed on screen.
    Shown,
    /// None of its cards is live now but some start later: it waits, and the feed on screen
    /// stays until `first_start`.
    Held {
        /// The earliest `starts_at` among its cards that have not expired.
        first_start: WallMs,
    },
    /// None of its cards is live now or later (all expired): the feed on screen stays.
    Over,
}

/// The feed on screen (every valid card, live or not, in feed order) and the one held back.
#[derive(Debug, Default, Clone)]
pub struct Timeline {
    cards: Vec<Card>,
    held: Option<Vec<Card>>,
}

/// The earliest moment after `now` at which one of `cards` starts or expires.
fn next_boundary(cards: &[Card], now: WallMs) -> Option<WallMs> {
    cards
        .iter()
        .flat_map(|c| [c.starts_at, c.expires_at])
        .flatten()
        .filter(|&t| t > now)
        .min()
}

/// The earliest start after `now` of a card that will be live then.
fn first_start(cards: &[Card], now: WallMs) -> Option<WallMs> {
    cards
        .iter()
        .filter_map(|c| {
            c.starts_at
                .filter(|&s| s > now && c.expires_at.is_none_or(|e| e > s))
        })
        .min()
}

impl Timeline {
    /// A new feed's valid `cards` at `now`. A feed with a live card replaces the feed on screen
    /// (and any held one); one whose cards all start later is held instead; one with nothing
    /// live now or later changes nothing.
    pub fn offer(&mut self, cards: Vec<Card>, now: WallMs) -> Offer {
        if cards.iter().any(|c| c.is_live_at(now)) {
            self.cards = cards;
            self.held = None;
            return Offer::Shown;
        }
        match first_start(&cards, now) {
            Some(first_start) => {
                self.held = Some(cards);
                Offer::Held { first_start }
            }
            None => Offer::Over,
        }
    }

    /// The held feed takes over once its first card has started: true when it did.
    pub fn promote(&mut self, now: WallMs) -> bool {
        let starts = self
            .held
            .as_ref()
            .is_some_and(|held| held.iter().any(|c| c.is_live_at(now)));
        if starts {
            self.cards = self.held.take().unwrap_or_default();
        } else if self
            .held
            .as_ref()
            .is_some_and(|held| first_start(held, now).is_none())
        {
            // A clock set forward past every held card's window: nothing of it will show.
            self.held = None;
        }
        starts
    }

    /// The feed on screen's cards that are live at `now`, in feed order.
    pub fn live(&self, now: WallMs) -> impl Iterator<Item = &Card> {
        self.cards.iter().filter(move |c| c.is_live_at(now))
    }

    /// Every valid card of the feed on screen, live or not, in feed order.
    pub fn cards(&self) -> &[Card] {
        &self.cards
    }

    /// Cards that start after `now`: in the feed on screen, or in the held feed.
    pub fn waiting(&self, now: WallMs) -> usize {
        let later = |cards: &[Card]| {
            cards
                .iter()
                .filter(|c| first_start(std::slice::from_ref(c), now).is_some())
                .count()
        };
        later(&self.cards) + self.held.as_deref().map_or(0, later)
    }

    /// The first moment after `now` when a card starts, in either feed.
    pub fn next_start(&self, now: WallMs) -> Option<WallMs> {
        let on_screen = first_start(&self.cards, now);
        let held = self.held.as_deref().and_then(|h| first_start(h, now));
        on_screen.into_iter().chain(held).min()
    }

    /// The first moment after `now` when what is live may change: a start or an expiry in the
    /// feed on screen, or the held feed's first start.
    pub fn next_change(&self, now: WallMs) -> Option<WallMs> {
        let held = self.held.as_deref().and_then(|h| first_start(h, now));
        next_boundary(&self.cards, now)
            .into_iter()
            .chain(held)
            .min()
    }

    /// Whether a feed is held, waiting for its first start.
    pub fn has_held(&self) -> bool {
        self.held.is_some()
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::core::feed::{parse_feed, Limits};

    /// Cards `(id, starts_at, expires_at)` in seconds of wall time.
    pub(crate) fn cards(windows: &[(&str, Option<i64>, Option<i64>)]) -> Vec<Card> {
        let body: Vec<String> = windows
            .iter()
            .map(|(id, _, _)| {
                format!(
                    r#"{{"id":"{id}","kind":"news","lang":"en","title":"{id}","source":{{"name":"Desk"}}}}"#
                )
            })
            .collect();
        let json = format!(r#"{{"version":1,"cards":[{}]}}"#, body.join(","));
        let mut cards = parse_feed(&json, &Limits::default())
            .expect("a valid feed")
            .cards;
        for (card, (_, starts, expires)) in cards.iter_mut().zip(windows) {
            card.starts_at = starts.map(|s| WallMs(s * 1000));
            card.expires_at = expires.map(|e| WallMs(e * 1000));
        }
        cards
    }

    fn ids<'a>(cards: impl Iterator<Item = &'a Card>) -> Vec<&'a str> {
        cards.map(|c| c.id.as_str()).collect()
    }

    const S: fn(i64) -> WallMs = |s| WallMs(s * 1000);

    #[test]
    fn what_is_live_follows_the_clock() {
        let mut t = Timeline::default();
        let feed = cards(&[
            ("always", None, None),
            ("until-10", None, Some(10)),
            ("from-5", Some(5), None),
            ("5-to-8", Some(5), Some(8)),
        ]);
        assert_eq!(t.offer(feed, S(0)), Offer::Shown);
        // (now, live, next change, waiting)
        let table: &[(i64, &[&str], Option<i64>, usize)] = &[
            (0, &["always", "until-10"], Some(5), 2),
            (5, &["always", "until-10", "from-5", "5-to-8"], Some(8), 0),
            (8, &["always", "until-10", "from-5"], Some(10), 0),
            (10, &["always", "from-5"], None, 0),
            // The clock set back: what had started has not yet.
            (1, &["always", "until-10"], Some(5), 2),
        ];
        for &(now, live, next, waiting) in table {
            assert_eq!(ids(t.live(S(now))), live, "at {now} s");
            assert_eq!(t.next_change(S(now)), next.map(S), "at {now} s");
            assert_eq!(t.waiting(S(now)), waiting, "at {now} s");
        }
    }

    #[test]
    fn a_feed_of_tomorrow_is_held_and_takes_over_at_its_first_start() {
        let mut t = Timeline::default();
        t.offer(cards(&[("today", None, None)]), S(0));
        let tomorrow = cards(&[("b", Some(200), None), ("a", Some(100), Some(300))]);
        assert_eq!(
            t.offer(tomorrow, S(0)),
            Offer::Held {
                first_start: S(100)
            }
        );
        assert_eq!(ids(t.live(S(50))), ["today"], "the feed on screen stays");
        assert_eq!(t.waiting(S(50)), 2);
        assert_eq!(t.next_change(S(50)), Some(S(100)));
        assert_eq!(t.next_start(S(50)), Some(S(100)));
        assert!(!t.promote(S(99)));
        assert!(t.promote(S(100)));
        assert_eq!(ids(t.live(S(100))), ["a"]);
        assert!(!t.has_held());
    }

    #[test]
    fn a_feed_all_expired_changes_nothing() {
        let mut t = Timeline::default();
        t.offer(cards(&[("today", None, None)]), S(0));
        let old = cards(&[("a", None, Some(10)), ("b", Some(5), Some(10))]);
        assert_eq!(t.offer(old, S(20)), Offer::Over);
        assert_eq!(ids(t.live(S(20))), ["today"]);
        // A card whose window closes before it opens never starts.
        let never = cards(&[("c", Some(30), Some(30))]);
        assert_eq!(t.offer(never, S(20)), Offer::Over);
    }

    #[test]
    fn a_newer_live_feed_drops_the_held_one() {
        let mut t = Timeline::default();
        t.offer(cards(&[("later", Some(100), None)]), S(0));
        assert!(t.has_held());
        t.offer(cards(&[("now", None, None)]), S(1));
        assert!(!t.has_held());
        assert!(!t.promote(S(100)));
        assert_eq!(ids(t.live(S(100))), ["now"]);
    }

    #[test]
    fn a_held_feed_the_clock_jumped_past_is_dropped() {
        let mut t = Timeline::default();
        t.offer(cards(&[("today", None, None)]), S(0));
        t.offer(cards(&[("a", Some(100), Some(200))]), S(0));
        assert!(!t.promote(S(500)));
        assert!(!t.has_held());
        assert_eq!(t.next_change(S(500)), None);
    }
}
