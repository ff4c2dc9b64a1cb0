//! The card's buttons (open, like, share): which presses reach the host. An impatient finger
//! or a double tap must not open two unlock prompts or two share sheets, so an open or a
//! share of a card pressed again within [`DEBOUNCE_MS`] of the one that went is dropped. A
//! like goes once per card and stays pressed (the bridge has no "unlike").

use crate::core::time::MonoMs;

/// How long a second press of the same open or share on the same card is ignored.
pub const DEBOUNCE_MS: f64 = 1000.0;

/// A button on a card (its `data-action`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// The call to action.
    Open,
    /// Like the card.
    Like,
    /// Share the card.
    Share,
}

impl Action {
    /// The action named by a button's `data-action`.
    pub fn parse(name: &str) -> Option<Self> {
        match name {
            "open" => Some(Self::Open),
            "like" => Some(Self::Like),
            "share" => Some(Self::Share),
            _ => None,
        }
    }

    /// Its `data-action`.
    pub fn name(self) -> &'static str {
        match self {
            Self::Open => "open",
            Self::Like => "like",
            Self::Share => "share",
        }
    }

    /// The icon of a round like or share button: one SVG path on a 24 × 24 view box, drawn
    /// with a 2 px stroke (a liked heart is filled too). Inline in the button, not a CSS
    /// image: each SVG image costs the browser a document of its own, built before the first
    /// frame (about 70 ms of a wake at 4 × CPU). The face carries it (`likeIcon`,
    /// `shareIcon`), so the shim's painter draws the same icon without a copy of its own.
    pub fn icon(self) -> Option<&'static str> {
        match self {
            Self::Open => None,
            Self::Like => Some("M12 20s-7-4.4-7-10a4 4 0 0 1 7-2.6A4 4 0 0 1 19 10c0 5.6-7 10-7 10z"),
            Self::Share => Some(
                "M8.5 12a2.5 2.5 0 1 1-5 0a2.5 2.5 0 1 1 5 0M20.5 6a2.5 2.5 0 1 1-5 0a2.5 2.5 0 1 1 5 0\
                 M20.5 18a2.5 2.5 0 1 1-5 0a2.5 2.5 0 1 1 5 0M8.2 10.9l7.6-3.8M8.2 13.1l7.6 3.8",
            ),
        }
    }
}

/// What was pressed lately, and which cards are liked.
#[derive(Debug, Default)]
pub struct Actions {
    /// The liked cards' ids (a viewer likes a handful).
    liked: Vec<String>,
    /// Opens and shares that went less than [`DEBOUNCE_MS`] ago (a handful at most).
    recent: Vec<(Action, String, MonoMs)>,
}

impl Actions {
    /// A press of `action` on card `card_id` at monotonic `now` (the debounce measures a
    /// duration, so a wall clock set back cannot stretch it): true when it goes to the host.
    pub fn press(&mut self, action: Action, card_id: &str, now: MonoMs) -> bool {
        self.recent
            .retain(|&(_, _, at)| at <= now && now.since(at) < DEBOUNCE_MS);
        match action {
            Action::Like => {
                let new = !self.is_liked(card_id);
                if new {
                    self.liked.push(card_id.to_owned());
                }
                new
            }
            Action::Open | Action::Share => {
                let repeat = self
                    .recent
                    .iter()
                    .any(|(a, id, _)| *a == action && id == card_id);
                if !repeat {
                    self.recent.push((action, card_id.to_owned(), now));
                }
                !repeat
            }
        }
    }

    /// Whether the viewer liked this card.
    pub fn is_liked(&self, card_id: &str) -> bool {
        self.liked.iter().any(|id| id == card_id)
    }

    /// A new feed: forgets the cards it no longer has.
    pub fn retain(&mut self, keep: impl Fn(&str) -> bool) {
        self.liked.retain(|id| keep(id));
        self.recent.retain(|(_, id, _)| keep(id));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn presses_table() {
        // (what, card, at, goes to the host)
        let table: &[(Action, &str, f64, bool)] = &[
            (Action::Open, "a", 0.0, true),
            (Action::Open, "a", 120.0, false), // a double tap
            (Action::Share, "a", 150.0, true), // another button
            (Action::Open, "b", 200.0, true),  // another card
            (Action::Open, "a", 999.0, false),
            (Action::Open, "a", 1000.0, true), // the wait is over
            (Action::Share, "a", 1100.0, false),
            (Action::Share, "a", 1150.0, true),
            (Action::Like, "a", 1200.0, true),
            (Action::Like, "a", 5000.0, false), // liked already
            (Action::Like, "b", 5001.0, true),
            (Action::Share, "b", 5002.0, true),
            (Action::Share, "b", 4000.0, true), // earlier than the last press (not a monotonic clock): no wait
        ];
        let mut actions = Actions::default();
        for (i, &(action, card, at, goes)) in table.iter().enumerate() {
            assert_eq!(actions.press(action, card, MonoMs(at)), goes, "row {i}");
        }
        assert!(actions.is_liked("a") && actions.is_liked("b") && !actions.is_liked("c"));
    }

    #[test]
    fn a_new_feed_forgets_the_cards_it_dropped() {
        let mut actions = Actions::default();
        actions.press(Action::Like, "a", MonoMs(0.0));
        actions.press(Action::Like, "b", MonoMs(0.0));
        actions.press(Action::Share, "b", MonoMs(0.0));
        actions.retain(|id| id == "a");
        assert!(actions.is_liked("a"));
        assert!(!actions.is_liked("b"));
        assert!(
            actions.press(Action::Share, "b", MonoMs(10.0)),
            "no wait left for b"
        );
    }

    #[test]
    fn names() {
        assert_eq!(Action::parse("open"), Some(Action::Open));
        assert_eq!(Action::parse("like"), Some(Action::Like));
        assert_eq!(Action::parse("share"), Some(Action::Share));
        assert_eq!(Action::parse("delete"), None);
        for action in [Action::Open, Action::Like, Action::Share] {
            assert_eq!(Action::parse(action.name()), Some(action));
        }
    }
}
