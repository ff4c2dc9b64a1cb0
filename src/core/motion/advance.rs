//! Auto-advance: how long the card in view has left before the deck moves on by itself.
//!
//! The countdown runs only while nothing stands in its way — a finger on the screen, a hold,
//! the cards moving, the page hidden or the screen off — and keeps what was left while paused,
//! so a card gets its whole time in view. Time is an input: the browser asks for
//! [`AutoAdvance::deadline`] and sets one timer for it, and none while paused or off.

use crate::core::feed::{Card, MediaType};
use crate::core::ui::skin::Skin;

/// Why the countdown is paused; several can hold at once.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub enum Pause {
    /// A finger is on the cards.
    Finger = 1,
    /// A press is held in place.
    Hold = 2,
    /// The cards are moving.
    Moving = 4,
    /// The page is hidden or the screen is off.
    Hidden = 8,
    /// The viewer pressed the pause control.
    Viewer = 16,
}

/// The countdown of the card in view.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct AutoAdvance {
    /// Time the card still has, ms; `None` when this card does not advance on a timer.
    left: Option<f64>,
    /// When the countdown last (re)started, while running.
    since: Option<f64>,
    paused: u8,
}

/// How a card leaves by itself.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Leave {
    /// It stays until someone moves it.
    Never,
    /// After this many ms in view.
    After(f64),
    /// When its clip ends.
    ClipEnd,
}

/// What besides the card and the skin decides how it leaves.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Situation {
    /// The host allows auto-advance.
    pub allowed: bool,
    /// There is a card to move on to (not the last one of a deck that does not loop).
    pub has_next: bool,
    /// The card's clip failed to load or play.
    pub clip_failed: bool,
    /// Clips play by themselves (no data or battery saver: see `core::motion::saver`).
    pub clips_play: bool,
}

/// How `card` leaves by itself on `skin`: never when the host or the skin has auto-advance
/// off or there is no card to move on to; else after the card's own time, or at the end of its
/// clip (one that plays), or after the skin's time.
pub fn leave(card: &Card, skin: &Skin, now: Situation) -> Leave {
    if skin.auto_advance_ms == 0 || !now.allowed || !now.has_next {
        return Leave::Never;
    }
    if let Some(ms) = card.advance_after_ms {
        return Leave::After(f64::from(ms));
    }
    let clip = card
        .media
        .as_ref()
        .is_some_and(|m| m.media_type == MediaType::Video);
    if clip && !now.clip_failed && now.clips_play {
        Leave::ClipEnd
    } else {
        Leave::After(f64::from(skin.auto_advance_ms))
    }
}

impl AutoAdvance {
    /// A new card came to rest in view at `now`: its countdown starts over from `leave`.
    pub fn start(&mut self, now: f64, leave: Leave) {
        self.left = match leave {
            Leave::After(ms) if ms.is_finite() && ms > 0.0 => Some(ms),
            _ => None,
        };
        self.since = (self.paused == 0).then_some(now);
    }

    /// No countdown (no card, or auto-advance turned off).
    pub fn stop(&mut self) {
        self.left = None;
        self.since = None;
    }

    /// Sets or clears one reason to pause, at `now`.
    pub fn set_paused(&mut self, now: f64, reason: Pause, paused: bool) {
        let before = self.paused;
        if paused {
            self.paused |= reason as u8;
        } else {
            self.paused &= !(reason as u8);
        }
        match (before == 0, self.paused == 0) {
            (true, false) => {
                if let (Some(left), Some(since)) = (self.left, self.since.take()) {
                    self.left = Some((left - (now - since).max(0.0)).max(0.0));
                }
            }
            (false, true) => self.since = Some(now),
            _ => {}
        }
    }

    /// Whether `reason` is holding the countdown.
    pub fn is_paused_by(&self, reason: Pause) -> bool {
        self.paused & reason as u8 != 0
    }

    /// When the card should move on, in ms, while the countdown runs.
    pub fn deadline(&self) -> Option<f64> {
        match (self.left, self.since) {
            (Some(left), Some(since)) => Some(since + left),
            _ => None,
        }
    }

    /// Whether the time is up at `now`.
    pub fn is_due(&self, now: f64) -> bool {
        self.deadline().is_some_and(|d| now >= d)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_only_while_nothing_pauses_it() {
        let mut a = AutoAdvance::default();
        a.start(0.0, Leave::After(8000.0));
        assert_eq!(a.deadline(), Some(8000.0));
        // A finger rests on the card from 3 s to 5 s, with a hold inside it.
        a.set_paused(3000.0, Pause::Finger, true);
        a.set_paused(3600.0, Pause::Hold, true);
        assert_eq!(a.deadline(), None, "no timer while paused");
        a.set_paused(4900.0, Pause::Hold, false);
        assert_eq!(a.deadline(), None, "still a finger down");
        a.set_paused(5000.0, Pause::Finger, false);
        assert_eq!(a.deadline(), Some(10_000.0), "the card keeps its 5 s left");
        assert!(!a.is_due(9_999.0));
        assert!(a.is_due(10_000.0));
        a.stop();
        assert_eq!(a.deadline(), None);
    }

    #[test]
    fn a_card_that_arrives_while_paused_waits() {
        let mut a = AutoAdvance::default();
        a.set_paused(0.0, Pause::Hidden, true);
        a.start(100.0, Leave::After(5000.0));
        assert_eq!(a.deadline(), None);
        a.set_paused(60_000.0, Pause::Hidden, false);
        assert_eq!(
            a.deadline(),
            Some(65_000.0),
            "the whole time after the wake"
        );
        a.start(61_000.0, Leave::ClipEnd);
        assert_eq!(
            a.deadline(),
            None,
            "a clip moves on when it ends, not on a timer"
        );
        a.start(62_000.0, Leave::Never);
        assert_eq!(a.deadline(), None);
        a.start(62_000.0, Leave::After(f64::NAN));
        assert_eq!(a.deadline(), None, "a bad time never fires");
    }

    #[test]
    fn which_cards_leave_how() {
        use crate::core::feed::{parse_feed, Limits};
        let feed = parse_feed(
            r#"{"version":1,"cards":[
              {"id":"i","kind":"image","lang":"en","title":"T",
               "media":{"type":"image","src":"a.jpg"}},
              {"id":"v","kind":"video","lang":"en","title":"T",
               "media":{"type":"video","src":"a.mp4","poster":"a.jpg"}},
              {"id":"o","kind":"video","lang":"en","title":"T","advance_after_ms":4000,
               "media":{"type":"video","src":"a.mp4","poster":"a.jpg"}}]}"#,
            &Limits::default(),
        )
        .expect("valid");
        let mut skin = Skin::builtin("generic").expect("valid");
        skin.auto_advance_ms = 8000;
        let [i, v, o] = [0, 1, 2].map(|n| &feed.cards[n]);
        let fine = Situation {
            allowed: true,
            has_next: true,
            clip_failed: false,
            clips_play: true,
        };
        let broken = Situation {
            clip_failed: true,
            ..fine
        };
        let saving = Situation {
            clips_play: false,
            ..fine
        };
        assert_eq!(leave(i, &skin, fine), Leave::After(8000.0));
        assert_eq!(leave(v, &skin, fine), Leave::ClipEnd);
        assert_eq!(
            leave(v, &skin, broken),
            Leave::After(8000.0),
            "a broken clip"
        );
        assert_eq!(
            leave(v, &skin, saving),
            Leave::After(8000.0),
            "a clip that does not play under a saver"
        );
        assert_eq!(leave(o, &skin, fine), Leave::After(4000.0));
        let last = Situation {
            has_next: false,
            ..fine
        };
        assert_eq!(leave(o, &skin, last), Leave::Never, "nothing to move on to");
        let off = Situation {
            allowed: false,
            ..fine
        };
        assert_eq!(leave(o, &skin, off), Leave::Never, "the host turns it off");
        skin.auto_advance_ms = 0;
        assert_eq!(leave(o, &skin, fine), Leave::Never, "the skin turns it off");
    }
}
