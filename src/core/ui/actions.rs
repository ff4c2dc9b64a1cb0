//! The card's buttons (open, like, share): which presses reach the host. An impatient finger
//! or a double tap must not open two unlock prompts or two share sheets, so an open or a
//! share of a card pressed again within [`DEBOUNCE_MS`] of the one that went is dropped. A
//! like goes once per card and stays pressed (the bridge has no "unlike").

use std::collections::HashSet;

use crate::core::time::EpochMs;

/// How long a second press of the same open or share on the same card is ignored.
pub const DEBOUNCE_MS: EpochMs = 1000;

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
}

/// What was pressed lately, and which cards are liked.
#[derive(Debug, Default)]
pub struct Actions {
    liked: HashSet<String>,
    /// Opens and shares that went less than [`DEBOUNCE_MS`] ago (a handful at most).
    recent: Vec<(Action, String, EpochMs)>,
}

impl Actions {
    /// A press of `action` on card `card_id` at `now`: true when it goes to the host.
    pub fn press(&mut self, action: Action, card_id: &str, now: EpochMs) -> bool {
        // A clock that went back (the user set the time) ends every wait.
        self.recent
            .retain(|&(_, _, at)| at <= now && now - at < DEBOUNCE_MS);
        match action {
            Action::Like => self.liked.insert(card_id.to_owned()),
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
        self.liked.contains(card_id)
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
        let table: &[(Action, &str, EpochMs, bool)] = &[
            (Action::Open, "a", 0, true),
            (Action::Open, "a", 120, false), // a double tap
            (Action::Share, "a", 150, true), // another button
            (Action::Open, "b", 200, true),  // another card
            (Action::Open, "a", 999, false),
            (Action::Open, "a", 1000, true), // the wait is over
            (Action::Share, "a", 1100, false),
            (Action::Share, "a", 1150, true),
            (Action::Like, "a", 1200, true),
            (Action::Like, "a", 5000, false), // liked already
            (Action::Like, "b", 5001, true),
            (Action::Share, "b", 5002, true),
            (Action::Share, "b", 4000, true), // the clock went back: no wait
        ];
        let mut actions = Actions::default();
        for (i, &(action, card, at, goes)) in table.iter().enumerate() {
            assert_eq!(actions.press(action, card, at), goes, "row {i}");
        }
        assert!(actions.is_liked("a") && actions.is_liked("b") && !actions.is_liked("c"));
    }

    #[test]
    fn a_new_feed_forgets_the_cards_it_dropped() {
        let mut actions = Actions::default();
        actions.press(Action::Like, "a", 0);
        actions.press(Action::Like, "b", 0);
        actions.press(Action::Share, "b", 0);
        actions.retain(|id| id == "a");
        assert!(actions.is_liked("a"));
        assert!(!actions.is_liked("b"));
        assert!(actions.press(Action::Share, "b", 10), "no wait left for b");
    }

    #[test]
    fn names() {
        assert_eq!(Action::parse("open"), Some(Action::Open));
        assert_eq!(Action::parse("like"), Some(Action::Like));
        assert_eq!(Action::parse("share"), Some(Action::Share));
        assert_eq!(Action::parse("delete"), None);
    }
}
