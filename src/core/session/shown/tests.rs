//! Scripted sessions with fake time: a session and a real deck driven as the browser layer
//! drives them (a timer for [`Shown::timer`], a tick at every rest, at screen-on and when the
//! page shows), with the two clocks moved by hand.

use super::*;
use crate::core::geometry::{Axis, Size};
use crate::core::navigation::deck::Deck;
use crate::core::session::timeline::tests::cards;
use crate::core::ui::skin::{TapZones, Wake};

const SECOND: i64 = 1000;

/// The browser layer, reduced to what the session needs.
struct Script {
    session: Shown,
    deck: Deck,
    /// The host's wall clock (ms since the epoch).
    wall: WallMs,
    /// The page's monotonic clock.
    mono: f64,
    /// When the armed timer fires (monotonic), if armed.
    timer: Option<f64>,
    screen_on: bool,
    /// What the live region says.
    live_region: Option<String>,
    /// The skin's wake rule.
    wake: Wake,
    /// Moves recorded as the viewer's (from, to).
    moves: Vec<(usize, usize)>,
    notices: Vec<Notice>,
}

impl Script {
    fn new() -> Self {
        Self {
            session: Shown::default(),
            deck: Deck::new(
                Axis::Horizontal,
                TapZones::default(),
                Size::new(400.0, 900.0),
                0,
            ),
            wall: WallMs(1_800_000_000_000),
            mono: 0.0,
            timer: None,
            screen_on: true,
            live_region: None,
            wake: Wake::Stay,
            moves: Vec::new(),
            notices: Vec::new(),
        }
    }

    /// Seconds since the script's start, as the wall clock the cards' windows use.
    fn at(&self, seconds: i64) -> i64 {
        (1_800_000_000_000 + seconds * SECOND) / 1000
    }

    fn feed(&mut self, windows: &[(&str, Option<i64>, Option<i64>)]) -> Arrival {
        let base = 1_800_000_000;
        let shifted: Vec<_> = windows
            .iter()
            .map(|&(id, s, e)| (id, s.map(|s| base + s), e.map(|e| base + e)))
            .collect();
        let current = self.deck.current();
        let (arrival, change) = self.session.offer(cards(&shifted), self.wall, current);
        if let Some(change) = change {
            self.apply(change);
        }
        self.arm();
        arrival
    }

    fn apply(&mut self, change: Change) {
        if !change.in_place {
            self.deck.set_cards(self.session.cards().len(), change.land);
            self.rested();
        }
        self.notices.extend(self.session.take_notices());
    }

    fn at_rest(&self) -> bool {
        !self.deck.finger_down() && !self.deck.is_dragging()
    }

    fn tick(&mut self) {
        let current = self.deck.current();
        if let Some(change) = self.session.tick(self.wall, current, self.at_rest()) {
            self.apply(change);
        }
        self.notices.extend(self.session.take_notices());
        self.arm();
    }

    fn arm(&mut self) {
        self.timer = if self.screen_on {
            self.session
                .timer(self.wall)
                .map(|ms| self.mono + ms as f64)
        } else {
            None
        };
    }

    /// The cards are at rest on the deck's current card.
    fn rested(&mut self) {
        if self.screen_on {
            self.session.seen(self.deck.current());
        }
        if let Some(arrived) = self.session.rested(self.deck.current()) {
            if let Some(from) = arrived.from {
                self.moves.push((from, self.deck.current()));
            }
            if arrived.announce {
                let card = &self.session.cards()[self.deck.current()];
                self.live_region = Some(card.id.clone());
            }
        }
        self.notices.extend(self.session.take_notices());
        self.tick();
    }

    /// Both clocks run for `ms`; the timer fires on the way if it is due.
    fn wait(&mut self, ms: i64) {
        let end = self.mono + ms as f64;
        while let Some(t) = self.timer.filter(|&t| t <= end) {
            self.wall = self.wall.plus((t - self.mono) as i64);
            self.mono = t;
            self.timer = None;
            self.tick();
        }
        self.wall = self.wall.plus((end - self.mono) as i64);
        self.mono = end;
    }

    /// The user sets the wall clock by `ms` (the monotonic one does not move).
    fn set_clock(&mut self, ms: i64) {
        self.wall = self.wall.plus(ms);
    }

    fn shown(&self) -> Vec<&str> {
        self.session.cards().iter().map(|c| c.id.as_str()).collect()
    }

    fn in_view(&self) -> Option<&str> {
        self.session
            .cards()
            .get(self.deck.current())
            .map(|c| c.id.as_str())
    }

    fn finger_down(&mut self) {
        self.deck.pointer_down(1, 300.0, 450.0, self.mono, false);
        self.deck.pointer_move(1, 280.0, 451.0, self.mono + 16.0);
        assert!(self.deck.is_dragging());
    }

    /// The finger lifts where it went down: the cards spring back and rest.
    fn finger_up(&mut self) {
        self.deck.pointer_up(1, 300.0, 451.0, self.mono + 32.0);
        let mut t = self.mono + 48.0;
        while !self.deck.advance(t).settled {
            t += 16.0;
        }
        self.rested();
    }

    /// The viewer swipes to the next card.
    fn swipe_next(&mut self) {
        let t = self.mono;
        self.deck.pointer_down(1, 300.0, 450.0, t, false);
        for (i, x) in [290.0, 250.0, 200.0, 150.0].iter().enumerate() {
            self.deck
                .pointer_move(1, *x, 451.0, t + 16.0 * (i + 1) as f64);
        }
        self.deck.pointer_up(1, 150.0, 451.0, t + 80.0);
        let mut f = t + 96.0;
        while !self.deck.advance(f).settled {
            f += 16.0;
        }
        self.rested();
    }

    fn screen(&mut self, on: bool) {
        self.screen_on = on;
        if on {
            let current = self.deck.current();
            let deck = &self.deck;
            if let Some(next) = self.session.wake(current, self.wake, false, |seen| {
                deck.next_unseen(current, seen)
            }) {
                self.deck.jump_to(next);
                self.rested();
            }
            self.tick();
        } else {
            self.timer = None;
        }
    }
}

#[test]
fn a_card_that_expires_in_view_leaves_and_the_deck_lands_on_the_next_live_one() {
    let mut s = Script::new();
    let start = s.at(0) - 1_800_000_000;
    assert_eq!(start, 0);
    s.feed(&[
        ("a", None, None),
        ("flight", None, Some(3)),
        ("b", None, Some(2)),
        ("c", None, None),
    ]);
    s.swipe_next();
    assert_eq!(s.in_view(), Some("flight"));
    // b leaves at 2 s (not in view: the card in view stays where it is).
    s.wait(2_000);
    assert_eq!(s.shown(), ["a", "flight", "c"]);
    assert_eq!(s.in_view(), Some("flight"));
    // The sponsored card's flight ends at 3 s: it leaves at once, within the timer's second.
    s.wait(999);
    assert_eq!(s.in_view(), Some("flight"));
    s.wait(1);
    assert_eq!(s.shown(), ["a", "c"]);
    assert_eq!(
        s.in_view(),
        Some("c"),
        "the next live card after it in feed order"
    );
    assert_eq!(s.timer, None, "nothing more to wait for");
}

#[test]
fn a_card_that_expires_under_a_finger_leaves_at_the_next_rest() {
    let mut s = Script::new();
    s.feed(&[("a", None, Some(1)), ("b", None, None)]);
    s.finger_down();
    s.wait(5_000);
    assert_eq!(s.shown(), ["a", "b"], "nothing changes under the finger");
    assert_eq!(s.in_view(), Some("a"));
    s.finger_up();
    assert_eq!(s.shown(), ["b"]);
    assert_eq!(s.in_view(), Some("b"));
}

#[test]
fn a_card_that_expires_while_the_screen_is_off_is_gone_at_screen_on() {
    let mut s = Script::new();
    s.feed(&[("a", None, Some(60)), ("b", None, None)]);
    s.screen(false);
    assert_eq!(s.timer, None, "no timer runs with the screen off");
    s.wait(3_600_000);
    assert_eq!(s.shown(), ["a", "b"], "nothing is done in the dark");
    s.screen(true);
    assert_eq!(s.shown(), ["b"]);
    assert_eq!(s.in_view(), Some("b"));
}

#[test]
fn a_card_that_starts_joins_its_place_without_moving_the_card_in_view() {
    let mut s = Script::new();
    s.feed(&[("a", None, None), ("new", Some(3), None), ("b", None, None)]);
    s.swipe_next();
    assert_eq!(s.in_view(), Some("b"));
    let before = s.notices.len();
    s.wait(3_000);
    assert_eq!(s.shown(), ["a", "new", "b"]);
    assert_eq!(s.in_view(), Some("b"), "the card in view stays in view");
    assert!(
        !s.notices[before..]
            .iter()
            .any(|n| matches!(n, Notice::CardChange { .. })),
        "the card in view did not change"
    );
}

#[test]
fn a_feed_of_tomorrow_does_not_replace_today_and_takes_over_when_it_starts() {
    let mut s = Script::new();
    s.feed(&[("today", None, None)]);
    let report = s.feed(&[("t1", Some(3_600), None), ("t2", Some(7_200), None)]);
    assert_eq!(
        report,
        Arrival {
            applied: false,
            shown: 1,
            out_of_window: 2,
            waiting: 2,
            first_start: Some(WallMs(s.at(3_600) * 1000)),
        }
    );
    assert_eq!(s.shown(), ["today"]);
    s.wait(3_599_000);
    assert_eq!(s.shown(), ["today"]);
    s.wait(1_000);
    assert_eq!(
        s.shown(),
        ["t1"],
        "the held feed takes over at its first start"
    );
    s.wait(3_600_000);
    assert_eq!(s.shown(), ["t1", "t2"]);
}

#[test]
fn when_every_card_expires_the_host_is_told_once() {
    let mut s = Script::new();
    s.feed(&[("a", None, Some(1)), ("b", None, Some(2))]);
    s.wait(5_000);
    assert!(s.shown().is_empty());
    let expired: Vec<_> = s
        .notices
        .iter()
        .filter(|n| matches!(n, Notice::Expired { .. }))
        .collect();
    assert_eq!(
        expired,
        [&Notice::Expired {
            next_starts_at: None
        }]
    );
    s.wait(60_000);
    s.screen(false);
    s.screen(true);
    let again = s
        .notices
        .iter()
        .filter(|n| matches!(n, Notice::Expired { .. }))
        .count();
    assert_eq!(again, 1, "told once");
    // The next feed with live cards shows them.
    s.feed(&[("c", None, None)]);
    assert_eq!(s.shown(), ["c"]);
}

#[test]
fn when_every_card_expires_but_one_waits_the_host_is_told_when() {
    let mut s = Script::new();
    s.feed(&[("a", None, Some(1)), ("later", Some(100), None)]);
    s.wait(1_000);
    assert!(s.shown().is_empty());
    assert_eq!(
        s.notices.last(),
        Some(&Notice::Expired {
            next_starts_at: Some(WallMs(s.at(100) * 1000))
        })
    );
    s.wait(99_000);
    assert_eq!(s.shown(), ["later"]);
}

#[test]
fn the_swipe_after_a_feed_that_reorders_is_announced() {
    let mut s = Script::new();
    s.feed(&[("a", None, None), ("b", None, None), ("c", None, None)]);
    s.swipe_next();
    assert_eq!(s.live_region.as_deref(), Some("b"));
    // The same cards in another order (or the same feed again after a skin switch): the card
    // in view stays, and nothing is announced for it.
    s.feed(&[("c", None, None), ("b", None, None), ("a", None, None)]);
    assert_eq!(s.in_view(), Some("b"));
    s.swipe_next();
    assert_eq!(s.in_view(), Some("a"));
    assert_eq!(
        s.live_region.as_deref(),
        Some("a"),
        "the viewer's swipe is announced"
    );
}

#[test]
fn the_swipe_after_the_same_feed_again_is_announced() {
    // A live skin switch re-checks the feed on screen: the same cards, built again.
    let mut s = Script::new();
    let feed = [("a", None, None), ("b", None, None), ("c", None, None)];
    s.feed(&feed);
    s.swipe_next();
    s.feed(&[
        ("a", None, None),
        ("x", None, None),
        ("b", None, None),
        ("c", None, None),
    ]);
    assert_eq!(s.in_view(), Some("b"));
    s.swipe_next();
    assert_eq!(s.live_region.as_deref(), Some("c"));
}

#[test]
fn the_first_feed_and_a_move_by_itself_are_not_announced() {
    let mut s = Script::new();
    s.feed(&[("a", None, None), ("b", None, None)]);
    assert_eq!(s.live_region, None);
    assert_eq!(
        s.notices,
        [Notice::CardChange {
            index: 0,
            card_id: "a".into(),
            count: 2
        }]
    );
}

#[test]
fn a_wall_clock_set_back_an_hour_is_noticed_at_the_next_look() {
    let mut s = Script::new();
    s.feed(&[("a", None, None), ("started", Some(-1_800), None)]);
    assert_eq!(s.shown(), ["a", "started"]);
    assert_eq!(s.timer, None, "nothing ahead: no timer");
    s.set_clock(-3_600 * SECOND);
    s.screen(false);
    s.screen(true);
    assert_eq!(s.shown(), ["a"], "it has not started by the clock now");
    // Its start is ahead again, 30 minutes from now: looked at again within a minute.
    assert_eq!(s.timer, Some(s.mono + MAX_WAIT_MS as f64));
    s.wait(1_800_000);
    assert_eq!(s.shown(), ["a", "started"]);
}

#[test]
fn a_wall_clock_set_forward_is_noticed_within_a_minute() {
    let mut s = Script::new();
    s.feed(&[("a", None, None), ("sponsored", None, Some(7_200))]);
    s.set_clock(3 * 3_600 * SECOND);
    s.wait(MAX_WAIT_MS);
    assert_eq!(s.shown(), ["a"]);
}

#[test]
fn a_wake_on_the_next_unseen_card_is_not_the_viewers_move() {
    let mut s = Script::new();
    s.wake = Wake::NextUnseen;
    s.feed(&[("a", None, None), ("b", None, None), ("c", None, None)]);
    s.screen(false);
    s.screen(true);
    assert_eq!(s.in_view(), Some("b"), "a was seen: the next unseen one");
    assert_eq!(s.live_region, None, "not announced");
    assert!(s.moves.is_empty(), "no swipe recorded");
    s.swipe_next();
    assert_eq!(s.in_view(), Some("c"));
    assert_eq!(s.moves, [(1, 2)], "the viewer's swipe is");
    assert_eq!(s.live_region.as_deref(), Some("c"));
    // Every card seen: the card in view stays.
    s.screen(false);
    s.screen(true);
    assert_eq!(s.in_view(), Some("c"));
}

#[test]
fn a_wake_with_the_stay_rule_keeps_the_card_in_view() {
    let mut s = Script::new();
    s.feed(&[("a", None, None), ("b", None, None)]);
    s.screen(false);
    s.screen(true);
    assert_eq!(s.in_view(), Some("a"));
}
