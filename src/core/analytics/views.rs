//! Impressions and dwell (contracts §4), from which card is in view and for how long.
//!
//! A card is in view while it is the one nearest the deck's position, so at least half of it
//! shows, and the screen is lit. A view that lasts [`IMPRESSION_MS`] makes an impression; when
//! the view ends (the card leaves, the screen goes off, the feed changes) an impression is
//! followed by the view's dwell. A card swiped past in less than that makes neither. Each view
//! counts: a card seen again after a swipe or a wake makes another impression.
//!
//! Nothing runs while a card sits in view: the impression is decided when its view ends, and
//! dated to the moment it was earned. Time is monotonic ([`MonoMs`]); the caller turns it into
//! wall time.

use crate::core::time::MonoMs;

/// How long a card must be in view to make an impression.
pub const IMPRESSION_MS: f64 = 1_000.0;

/// What a view that ended was worth.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Seen {
    /// Card `index` made an impression at monotonic time `at`.
    Impression {
        /// The card's index.
        index: usize,
        /// When it was earned.
        at: f64,
    },
    /// Card `index` was in view for `ms`, ending at `at`.
    Dwell {
        /// The card's index.
        index: usize,
        /// Milliseconds in view.
        ms: f64,
        /// When the view ended.
        at: f64,
    },
}

#[derive(Debug, Clone, Copy, PartialEq)]
struct View {
    index: usize,
    since: f64,
}

/// The view going on now, if any.
#[derive(Debug, Default, Clone)]
pub struct Views {
    current: Option<View>,
}

impl Views {
    /// The card in view at `now`, or `None` (screen off, page hidden, no cards). Cheap and
    /// allocation-free when nothing changed, so it may run every frame. `seen` gets what the
    /// view that ended (if any) was worth: its impression, then its dwell.
    pub fn observe(&mut self, now: MonoMs, in_view: Option<usize>, mut seen: impl FnMut(Seen)) {
        let now = now.0;
        if self.current.map(|v| v.index) == in_view {
            return;
        }
        if let Some(view) = self.current.take() {
            let ms = now - view.since;
            if ms >= IMPRESSION_MS {
                seen(Seen::Impression {
                    index: view.index,
                    at: view.since + IMPRESSION_MS,
                });
                seen(Seen::Dwell {
                    index: view.index,
                    ms,
                    at: now,
                });
            }
        }
        self.current = in_view.map(|index| View { index, since: now });
    }

    /// The card in view is now at `index` among the cards shown (a new feed moved it): its
    /// view goes on.
    pub fn reindex(&mut self, index: usize) {
        if let Some(view) = &mut self.current {
            view.index = index;
        }
    }

    /// The card in view now, if any.
    pub fn current(&self) -> Option<usize> {
        self.current.map(|v| v.index)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(steps: &[(f64, Option<usize>)]) -> Vec<Seen> {
        let mut views = Views::default();
        let mut out = Vec::new();
        for &(now, in_view) in steps {
            views.observe(MonoMs(now), in_view, |s| out.push(s));
        }
        out
    }

    #[test]
    fn a_card_swiped_past_in_under_a_second_makes_neither() {
        assert_eq!(
            run(&[(0.0, Some(0)), (400.0, Some(1)), (900.0, Some(2))]),
            []
        );
    }

    #[test]
    fn a_second_in_view_makes_an_impression_then_a_dwell_when_it_leaves() {
        assert_eq!(
            run(&[(0.0, Some(0)), (999.0, Some(0)), (4_500.0, Some(1))]),
            [
                Seen::Impression {
                    index: 0,
                    at: 1_000.0
                },
                Seen::Dwell {
                    index: 0,
                    ms: 4_500.0,
                    at: 4_500.0
                }
            ]
        );
    }

    #[test]
    fn half_visible_through_a_slow_drag_counts() {
        // A finger holds card 3 just under halfway out for 1.2 s, frame by frame: it stays
        // the nearest card, so it is in view all along.
        let mut steps = vec![(0.0, Some(3))];
        steps.extend((1..=72).map(|f| (f64::from(f) * 16.7, Some(3))));
        steps.push((1_300.0, Some(4)));
        let seen = run(&steps);
        assert_eq!(
            seen[0],
            Seen::Impression {
                index: 3,
                at: 1_000.0
            }
        );
        assert!(matches!(seen[1], Seen::Dwell { index: 3, .. }));
    }

    #[test]
    fn screen_off_ends_the_view_and_a_wake_starts_another() {
        assert_eq!(
            run(&[
                (0.0, Some(2)),
                (3_000.0, None),
                (60_000.0, Some(2)),
                (61_500.0, None)
            ]),
            [
                Seen::Impression {
                    index: 2,
                    at: 1_000.0
                },
                Seen::Dwell {
                    index: 2,
                    ms: 3_000.0,
                    at: 3_000.0
                },
                Seen::Impression {
                    index: 2,
                    at: 61_000.0
                },
                Seen::Dwell {
                    index: 2,
                    ms: 1_500.0,
                    at: 61_500.0
                },
            ]
        );
    }
}
