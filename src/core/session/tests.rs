//! Scripted sessions with fake time: the whole session driven through its inputs as the page
//! drives it, and its effects applied to a model of the page (which cards are mounted, which
//! timers and frames are pending, what the live region says, what the host was told). The
//! model applies; it decides nothing, so every figure checked here is the session's.

use super::effect::{Effect, Fade, Timer};
use super::notice::Notice;
use super::*;
use crate::core::feed::{parse_feed, Limits};
use crate::core::ui::skin::Wake;

/// A viewport of a budget phone.
const SCREEN: Size = Size {
    width: 360.0,
    height: 800.0,
};

/// The script's start on the wall clock.
const EPOCH: i64 = 1_800_000_000_000;

/// Four cards of my own: a picture, a clip with a poster, a sponsored card with a call to
/// action, and a headline without media. `windows` (seconds from the start) dates the cards
/// that have one.
fn feed(windows: &[(&str, Option<i64>, Option<i64>)]) -> Vec<Card> {
    let json = r##"{"version":1,"cards":[
      {"id":"rain","kind":"news","lang":"en","title":"Monsoon reaches the coast two days early",
       "media":{"type":"image","src":"media/rain.jpg","width":720,"height":1280,"color":"#204060"},
       "source":{"name":"Weather Desk"}},
      {"id":"clip","kind":"video","lang":"en","title":"Ferry crossing at dawn, filmed from the deck",
       "media":{"type":"video","src":"media/ferry.webm","poster":"media/ferry.jpg","color":"#102030"},
       "source":{"name":"Travel Desk"}},
      {"id":"offer","kind":"sponsored","lang":"en","title":"Half price on school bags this week",
       "source":{"name":"Bag Shop"},
       "cta":{"label":"Shop","url":"https://example.com/bags","unlock":true}},
      {"id":"quiet","kind":"news","lang":"en","title":"Library opens late on Fridays",
       "source":{"name":"City Desk"}}
    ]}"##;
    let mut cards = parse_feed(json, &Limits::default())
        .expect("the script's feed is valid")
        .cards;
    for &(id, starts, expires) in windows {
        let card = cards.iter_mut().find(|c| c.id == id).expect("a card id");
        card.starts_at = starts.map(|s| WallMs(EPOCH + s * 1000));
        card.expires_at = expires.map(|e| WallMs(EPOCH + e * 1000));
    }
    cards
}

fn skin(name: &str) -> Skin {
    Skin::builtin(name).expect("a built-in skin")
}

/// The page, reduced to what the effects change.
struct Page {
    session: Session,
    /// The page's monotonic clock (ms).
    mono: f64,
    /// The host's wall clock.
    wall: WallMs,
    /// The cards in the DOM.
    mounted: Vec<usize>,
    /// The card marked in view.
    in_view: Option<usize>,
    /// Armed timers and when they fire.
    timers: Vec<(Timer, MonoMs)>,
    frame: bool,
    /// The compositor's settle, while it runs.
    animating: Option<Settle>,
    tidy: bool,
    store: bool,
    /// What the live region says (the announced card's id).
    live: Option<String>,
    /// Whether the card in view's clip plays, as last told.
    playing: Option<bool>,
    notices: Vec<Notice>,
    /// Every effect, in order, since the last [`Page::clear`].
    log: Vec<Effect>,
}

impl Page {
    fn new(skin: Skin, compositor: bool) -> Self {
        Self {
            session: Session::new(skin, SCREEN, false, compositor, true),
            mono: 1_000.0,
            wall: WallMs(EPOCH),
            mounted: Vec::new(),
            in_view: None,
            timers: Vec::new(),
            frame: false,
            animating: None,
            tidy: false,
            store: false,
            live: None,
            playing: None,
            notices: Vec::new(),
            log: Vec::new(),
        }
    }

    fn generic() -> Self {
        Self::new(skin("generic"), false)
    }

    fn now(&self) -> Now {
        Now {
            mono: MonoMs(self.mono),
            wall: self.wall,
        }
    }

    /// Both clocks move on by `ms`.
    fn pass(&mut self, ms: f64) {
        self.mono += ms;
        self.wall = self.wall.plus(ms as i64);
    }

    fn apply(&mut self) {
        let mut batch = Vec::new();
        loop {
            self.session.swap_effects(&mut batch);
            if batch.is_empty() {
                return;
            }
            for effect in batch.drain(..) {
                self.log.push(effect.clone());
                match effect {
                    Effect::UnmountAll => self.mounted.clear(),
                    Effect::Mount(window) => {
                        self.mounted = window.iter().flat_map(Window::cards).collect();
                    }
                    Effect::InView { index, .. } => self.in_view = Some(index),
                    Effect::Media {
                        playing: Some(playing),
                        ..
                    } => self.playing = Some(playing),
                    Effect::Announce(index) => {
                        self.live = Some(self.session.cards()[index].id.clone());
                    }
                    Effect::Notice(n) => self.notices.push(n),
                    Effect::Arm { timer, at, .. } => {
                        self.timers.retain(|(t, _)| *t != timer);
                        if let Some(at) = at {
                            self.timers.push((timer, at));
                        }
                    }
                    Effect::Frame => self.frame = true,
                    Effect::CancelFrame => self.frame = false,
                    Effect::Animate(settle) => {
                        if self.mounted.is_empty() {
                            self.session.nothing_to_animate(self.now());
                        } else {
                            self.animating = Some(settle);
                        }
                    }
                    Effect::StopAnimations => self.animating = None,
                    Effect::Tidy => self.tidy = true,
                    Effect::CancelTidy => self.tidy = false,
                    Effect::Store => self.store = true,
                    Effect::CancelStore => self.store = false,
                    _ => {}
                }
            }
        }
    }

    fn clear(&mut self) {
        self.log.clear();
        self.notices.clear();
    }

    fn offer(&mut self, cards: Vec<Card>) -> Arrival {
        let arrival = self.session.offer(cards, self.now());
        self.apply();
        arrival
    }

    /// Runs whatever is pending — frames, a settle on the compositor, idle callbacks, timers —
    /// for `ms` of both clocks, in time order.
    fn run(&mut self, ms: f64) {
        let end = self.mono + ms;
        loop {
            if self.frame {
                self.frame = false;
                self.pass(16.0);
                self.session.frame(MonoMs(self.mono), self.now());
                self.apply();
                continue;
            }
            if let Some(settle) = self.animating.take() {
                self.pass(settle.duration_ms);
                self.animating = Some(settle);
                self.session.settle_finished(self.now());
                self.apply();
                continue;
            }
            if std::mem::take(&mut self.tidy) {
                self.session.tidy();
                self.apply();
                continue;
            }
            if std::mem::take(&mut self.store) {
                self.session.store();
                self.apply();
                continue;
            }
            let next = self
                .timers
                .iter()
                .copied()
                .filter(|(_, at)| at.0 <= end)
                .min_by(|a, b| a.1 .0.total_cmp(&b.1 .0));
            let Some((timer, at)) = next else { break };
            self.timers.retain(|(t, _)| *t != timer);
            self.pass((at.0 - self.mono).max(0.0));
            let now = self.now();
            match timer {
                Timer::Hold => self.session.hold_timer(now),
                Timer::Advance => self.session.advance_timer(now),
                Timer::Outbox => self.session.outbox_timer(now),
                Timer::Clock => self.session.clock_timer(now),
            }
            self.apply();
        }
        if end > self.mono {
            self.pass(end - self.mono);
        }
    }

    /// A finger drags `dx` px across the card in ten moves over 100 ms, and lifts or not.
    fn drag(&mut self, dx: f32, lift: bool) {
        let (x, y) = (180.0, 400.0);
        self.session
            .pointer_down(1, (x, y), MonoMs(self.mono), false, self.now());
        self.apply();
        for step in 1..=10 {
            self.pass(10.0);
            let at = (x + dx * step as f32 / 10.0, y);
            self.session
                .pointer_move(1, at, MonoMs(self.mono), self.now());
            self.apply();
        }
        if lift {
            self.session
                .pointer_up(1, (x + dx, y), MonoMs(self.mono), self.now());
            self.apply();
        }
    }

    fn current(&self) -> &str {
        &self.session.cards()[self.session.deck().current()].id
    }

    fn armed(&self, timer: Timer) -> Option<f64> {
        self.timers
            .iter()
            .find(|(t, _)| *t == timer)
            .map(|t| t.1 .0)
    }

    fn card_changes(&self) -> Vec<&str> {
        self.notices
            .iter()
            .filter_map(|n| match n {
                Notice::CardChange { card_id, .. } => Some(card_id.as_str()),
                _ => None,
            })
            .collect()
    }

    /// The `track` batches the host was sent: their ids and their events as JSON texts.
    fn batches(&self) -> Vec<(u64, String)> {
        self.notices
            .iter()
            .filter_map(|n| match n {
                Notice::Track { batch, events } => Some((*batch, events.clone())),
                _ => None,
            })
            .collect()
    }

    /// The events in the `track` batches the host was sent, as JSON texts.
    fn tracked(&self) -> String {
        self.batches()
            .into_iter()
            .map(|(_, events)| events)
            .collect()
    }
}

#[test]
fn a_swipe_lands_on_the_next_card_announces_it_records_it_and_leaves_nothing_running() {
    let mut page = Page::generic();
    page.offer(feed(&[]));
    assert_eq!(page.current(), "rain");
    assert_eq!(page.mounted, [0, 1], "the card in view and its neighbour");
    // The first feed's card is told to the host, and not announced (nobody moved).
    assert_eq!(page.card_changes(), ["rain"]);
    assert_eq!(page.live, None);
    page.clear();

    page.drag(-200.0, true);
    assert!(
        page.frame,
        "a release without the compositor runs the frame loop"
    );
    page.run(1_000.0);

    assert_eq!(page.current(), "clip");
    assert_eq!(page.in_view, Some(1));
    assert_eq!(page.live.as_deref(), Some("clip"));
    assert_eq!(page.card_changes(), ["clip"]);
    assert_eq!(
        page.mounted,
        [0, 1, 2],
        "the tidy-up mounted the new neighbour"
    );
    assert!(!page.frame, "no frame is asked for at rest");
    assert!(page.animating.is_none());
    // At rest only the analytics batch may wait; the clip's card leaves at its end, so no
    // auto-advance countdown runs.
    assert_eq!(page.armed(Timer::Hold), None);
    assert_eq!(page.armed(Timer::Advance), None);
    assert_eq!(page.playing, Some(true), "the clip in view plays");
    assert!(page.log.iter().any(|e| matches!(
        e,
        Effect::KeepStill {
            current: 1,
            next: Some(2)
        }
    )));

    page.run(10_000.0);
    let events = page.tracked();
    assert!(
        events.contains(r#""type":"swipe","card_id":"rain""#) && events.contains(r#""to":"clip""#),
        "the move is recorded from the card it left: {events}"
    );
}

#[test]
fn a_finger_catches_a_settle_on_the_compositor_where_it_is() {
    let mut page = Page::new(skin("generic"), true);
    page.offer(feed(&[]));
    page.drag(-200.0, true);
    let settle = page
        .animating
        .clone()
        .expect("the settle runs on the compositor");
    assert!(!page.frame, "and not in the frame loop");
    page.clear();

    // Half-way through the settle a finger lands.
    page.pass(settle.duration_ms / 2.0);
    page.session
        .pointer_down(1, (180.0, 400.0), MonoMs(page.mono), false, page.now());
    page.apply();
    let placed = page.log.iter().find_map(|e| match e {
        Effect::Place(p) => Some(*p),
        _ => None,
    });
    let position = placed.expect("the cards are placed where the settle had them");
    let between = (settle.from.min(settle.to)..=settle.from.max(settle.to)).contains(&position);
    assert!(
        between && position != settle.to,
        "{position} lies between {} and {}",
        settle.from,
        settle.to
    );
    assert!(page.log.contains(&Effect::StopAnimations));
    assert!(page.animating.is_none());
    assert!(page.card_changes().is_empty(), "nothing landed yet");

    page.session
        .pointer_up(1, (180.0, 400.0), MonoMs(page.mono), page.now());
    page.apply();
    page.run(2_000.0);
    assert_eq!(page.current(), "clip");
    assert_eq!(page.card_changes(), ["clip"]);
}

#[test]
fn a_settle_with_no_card_mounted_lands_at_once_and_the_tidy_up_runs() {
    let mut page = Page::new(skin("generic"), true);
    // Every card starts later: nothing is mounted.
    let arrival = page.offer(feed(&[
        ("rain", Some(60), None),
        ("clip", Some(60), None),
        ("offer", Some(60), None),
        ("quiet", Some(60), None),
    ]));
    assert!(!arrival.applied);
    assert!(page.mounted.is_empty());
    page.drag(-200.0, true);
    assert!(page.animating.is_none(), "nothing to wait for");
    assert!(!page.session.is_moving(), "the deck is at rest");
    assert!(page.tidy, "and the tidy-up was asked for");
    // The waiting feed takes over at its start.
    page.run(61_000.0);
    assert_eq!(page.current(), "rain");
    assert_eq!(page.mounted, [0, 1]);
}

#[test]
fn auto_advance_moves_on_after_the_skins_time_without_an_announcement() {
    let mut page = Page::generic();
    let mut cards = feed(&[]);
    cards.swap(0, 2); // the sponsored card first: it has no clip, so it leaves after its time
    page.offer(cards);
    assert_eq!(page.current(), "offer");
    let due = page.armed(Timer::Advance).expect("a countdown runs");
    assert_eq!(
        due - page.mono,
        8_000.0,
        "the generic skin's auto_advance_ms"
    );
    page.clear();

    page.run(7_999.0);
    assert_eq!(page.current(), "offer");
    page.run(1_500.0);
    assert_eq!(page.current(), "clip");
    assert_eq!(page.card_changes(), ["clip"], "the host is told");
    assert_eq!(page.live, None, "screen readers are not: nobody moved");
}

#[test]
fn a_card_that_expires_under_a_finger_leaves_at_the_next_rest() {
    let mut page = Page::generic();
    page.offer(feed(&[("rain", None, Some(3))]));
    assert_eq!(page.current(), "rain");
    let clock = page
        .armed(Timer::Clock)
        .expect("the clock's timer is armed");
    assert_eq!(clock - page.mono, 3_000.0, "for the expiry");

    // A finger holds the card from 2.5 s to 4 s.
    page.run(2_500.0);
    page.session
        .pointer_down(1, (180.0, 400.0), MonoMs(page.mono), false, page.now());
    page.apply();
    page.run(1_500.0);
    assert_eq!(page.current(), "rain", "nothing changes under the finger");
    assert_eq!(page.session.cards().len(), 4);

    page.session
        .pointer_up(1, (180.0, 400.0), MonoMs(page.mono), page.now());
    page.apply();
    page.run(1_000.0);
    assert_eq!(page.session.cards().len(), 3);
    assert_eq!(
        page.current(),
        "clip",
        "the deck lands on the next live card"
    );
    assert_eq!(page.mounted, [0, 1]);
}

#[test]
fn the_screen_going_off_sends_and_stores_what_waits_and_stops_every_timer() {
    let mut page = Page::generic();
    let mut cards = feed(&[("quiet", None, Some(600))]);
    cards.swap(0, 2);
    page.offer(cards);
    page.drag(-200.0, true);
    page.run(1_000.0);
    assert!(page.armed(Timer::Clock).is_some());
    assert!(
        page.armed(Timer::Outbox).is_some(),
        "the swipe's batch waits"
    );
    // A like, and the screen goes off before the idle moment that would store it.
    assert!(page.session.press("clip", Action::Like, page.now()));
    page.apply();
    assert!(page.store, "the store waits for an idle moment");
    page.clear();

    page.session.set_screen_on(false, page.now());
    page.apply();
    let kinds: Vec<&str> = page
        .notices
        .iter()
        .map(|n| match n {
            Notice::Track { .. } => "track",
            Notice::Store { .. } => "store",
            _ => "other",
        })
        .collect();
    assert_eq!(
        kinds,
        ["track", "store"],
        "the batch, then the outbox, at once"
    );
    let events = page.tracked();
    assert!(events.contains(r#""type":"swipe""#) && events.contains(r#""type":"like""#));
    assert!(!page.store, "no idle store is left waiting");
    assert_eq!(page.armed(Timer::Advance), None);
    assert_eq!(page.armed(Timer::Clock), None);
    assert_eq!(page.playing, Some(false), "the clip pauses");
}

#[test]
fn a_skin_that_moves_on_at_wake_shows_the_next_unseen_card() {
    let mut skin = skin("generic");
    skin.wake = Wake::NextUnseen;
    let mut page = Page::new(skin, false);
    page.offer(feed(&[]));
    page.session.set_screen_on(false, page.now());
    page.apply();
    page.clear();
    page.session.set_screen_on(true, page.now());
    page.apply();
    assert_eq!(page.current(), "clip");
    assert_eq!(page.card_changes(), ["clip"]);
    assert_eq!(
        page.live, None,
        "a move that came by itself is not announced"
    );
}

#[test]
fn a_clip_that_fails_is_told_once_and_its_card_then_leaves_after_its_time() {
    let mut page = Page::generic();
    let mut cards = feed(&[]);
    cards.swap(0, 1);
    page.offer(cards);
    assert_eq!(page.current(), "clip");
    assert_eq!(page.armed(Timer::Advance), None, "a clip leaves at its end");
    page.clear();

    let failure = Failure {
        poster: true,
        main: true,
    };
    let shows_colour = page
        .session
        .media_failed("clip", "media/ferry.webm", failure, page.now());
    page.apply();
    assert!(!shows_colour, "the poster stays");
    assert!(
        !page.log.iter().any(|e| matches!(e, Effect::Scrim { .. })),
        "the poster is still behind the text: the scrim stays as it was"
    );
    let due = page
        .armed(Timer::Advance)
        .expect("the card now leaves after its time");
    assert_eq!(due - page.mono, 8_000.0);
    page.session
        .media_failed("clip", "media/ferry.webm", failure, page.now());
    page.apply();
    let errors = page
        .notices
        .iter()
        .filter(|n| matches!(n, Notice::MediaError { .. }))
        .count();
    assert_eq!(errors, 1);

    // A picture without a poster gives way to the card's colour, and the scrim follows it.
    let picture = Failure {
        poster: false,
        main: true,
    };
    assert!(page
        .session
        .media_failed("rain", "media/rain.jpg", picture, page.now()));
    page.apply();
    assert!(page
        .log
        .iter()
        .any(|e| matches!(e, Effect::Scrim { index: 1, .. })));
}

#[test]
fn a_like_counts_once_and_an_open_needs_a_call_to_action() {
    let mut page = Page::generic();
    page.offer(feed(&[]));
    page.clear();
    assert!(page.session.press("rain", Action::Like, page.now()));
    page.apply();
    page.pass(100.0);
    assert!(!page.session.press("rain", Action::Like, page.now()));
    assert!(!page.session.press("rain", Action::Open, page.now()));
    assert!(page.session.press("offer", Action::Open, page.now()));
    page.apply();
    assert_eq!(
        page.notices,
        [
            Notice::Like {
                card_id: "rain".into()
            },
            Notice::Open {
                card_id: "offer".into(),
                url: "https://example.com/bags".into(),
                unlock: true
            }
        ]
    );
}

#[test]
fn with_reduced_motion_a_key_lands_at_once_with_a_cross_fade() {
    let skin = skin("generic");
    let mut page = Page::new(skin, true);
    page.session.set_reduced_motion(true);
    page.offer(feed(&[]));
    page.clear();
    page.session.key(Key::Right, MonoMs(page.mono), page.now());
    page.apply();
    assert_eq!(page.current(), "clip", "landed in the same input");
    assert!(!page.frame && page.animating.is_none(), "nothing moves");
    let fades: Vec<(usize, Fade)> = page
        .log
        .iter()
        .filter_map(|e| match e {
            Effect::Fade { index, fade } => Some((*index, *fade)),
            _ => None,
        })
        .collect();
    assert_eq!(fades, [(0, Fade::Hold(0.0)), (1, Fade::In)]);
    assert_eq!(page.live.as_deref(), Some("clip"));
}

#[test]
fn after_a_skin_switch_the_next_swipe_is_announced() {
    let mut page = Page::generic();
    page.offer(feed(&[]));
    page.drag(-200.0, true);
    page.run(1_000.0);
    assert_eq!(page.live.as_deref(), Some("clip"));
    page.session.set_skin(skin("samsung-oneui"));
    page.offer(feed(&[]));
    assert_eq!(page.current(), "clip", "the card in view stays");
    page.drag(-200.0, true);
    page.run(1_000.0);
    assert_eq!(page.current(), "offer");
    assert_eq!(page.live.as_deref(), Some("offer"));
}

#[test]
fn a_host_element_without_a_size_is_laid_out_for_the_screen_the_host_reported() {
    let mut page = Page::generic();
    page.offer(feed(&[]));
    let host = Size::new(412.0, 915.0);
    // A warm WebView not yet attached: the element measures 0 × 0.
    page.session.resize(Size::new(0.0, 0.0), Some(host), false);
    page.apply();
    assert_eq!(page.session.deck().viewport(), host);
    assert_eq!(page.mounted, [0, 1], "built again for that size");
    // Attached: its own size wins.
    page.session.resize(SCREEN, Some(host), false);
    page.apply();
    assert_eq!(page.session.deck().viewport(), SCREEN);
    // The same size again (the observer's first report) changes nothing.
    page.clear();
    page.session.resize(SCREEN, Some(host), false);
    page.apply();
    assert!(page.log.is_empty());
}

#[test]
fn a_card_whose_content_changes_is_rebuilt_in_place_under_a_dragging_finger() {
    let mut page = Page::generic();
    page.offer(feed(&[]));
    // A finger is half-way across the first card.
    page.session
        .pointer_down(1, (180.0, 400.0), MonoMs(page.mono), false, page.now());
    page.apply();
    for step in 1..=5 {
        page.pass(10.0);
        let at = (180.0 - 20.0 * step as f32, 400.0);
        page.session
            .pointer_move(1, at, MonoMs(page.mono), page.now());
        page.apply();
    }
    page.clear();

    // The same cards in the same order, the clip's headline updated (a live story).
    let mut cards = feed(&[]);
    cards[1].title = "Ferry crossing at dawn, now with the harbour in fog".into();
    let arrival = page.offer(cards);
    assert!(arrival.applied);
    assert!(
        page.log.iter().any(|e| matches!(
            e,
            Effect::Refresh {
                index: 1,
                in_view: false,
                ..
            }
        )),
        "{:?}",
        page.log
    );
    assert!(
        !page
            .log
            .iter()
            .any(|e| matches!(e, Effect::Mount(_) | Effect::UnmountAll | Effect::Place(_))),
        "nothing else is built or moved: {:?}",
        page.log
    );
    assert!(page.session.is_moving(), "the finger still drags");
    assert!(page.card_changes().is_empty());
}

#[test]
fn auto_advance_forbidden_by_the_host_stops_the_countdown_and_allowed_starts_it() {
    let mut page = Page::generic();
    let mut cards = feed(&[]);
    cards.swap(0, 2);
    page.offer(cards);
    assert!(page.armed(Timer::Advance).is_some());
    page.session.set_auto_advance(false, page.now());
    page.apply();
    assert_eq!(page.armed(Timer::Advance), None);
    page.run(20_000.0);
    assert_eq!(page.current(), "offer", "nothing moves by itself");
    page.session.set_auto_advance(true, page.now());
    page.apply();
    let due = page
        .armed(Timer::Advance)
        .expect("the countdown starts over");
    assert_eq!(due - page.mono, 8_000.0);
}

/// The `seq`s of a batch's events (its JSON text).
fn seqs(events: &str) -> Vec<u64> {
    events
        .split(r#""seq":"#)
        .skip(1)
        .map(|rest| {
            let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
            digits.parse().expect("a seq")
        })
        .collect()
}

#[test]
fn a_batch_the_host_failed_to_take_goes_again_and_an_acknowledged_one_does_not() {
    let mut page = Page::generic();
    page.session.set_auto_advance(false, page.now());
    page.offer(feed(&[]));
    assert!(page.session.press("rain", Action::Like, page.now()));
    page.apply();
    page.run(10_000.0);
    let (first, events) = page
        .batches()
        .into_iter()
        .next()
        .expect("a batch went to the host");
    assert!(events.contains(r#""type":"like""#));
    page.clear();

    page.session.track_failed(first, page.now());
    page.apply();
    page.run(60_000.0);
    let (batch, again) = page.batches().pop().expect("the events go again");
    assert!(batch > first);
    assert_eq!(
        seqs(&again),
        seqs(&events),
        "the same events, with their seqs"
    );
    page.clear();

    // Acknowledged: nothing more goes, and no timer waits for it.
    page.session.tracked(batch, &seqs(&again), page.now());
    page.apply();
    page.run(120_000.0);
    assert!(page.tracked().is_empty(), "{}", page.tracked());
    assert_eq!(page.armed(Timer::Outbox), None);
}

#[test]
fn a_feed_with_a_clip_has_the_clip_styles_warmed_once_in_the_first_tidy_up() {
    let warmed = |page: &Page| {
        page.log
            .iter()
            .filter(|e| matches!(e, Effect::WarmClips))
            .count()
    };
    let mut page = Page::generic();
    page.offer(feed(&[]));
    page.run(100.0);
    assert_eq!(warmed(&page), 1, "the feed has a clip card");
    page.drag(-200.0, true);
    page.run(1_000.0);
    assert_eq!(warmed(&page), 1, "once a page");

    let mut still = Page::generic();
    let cards: Vec<Card> = feed(&[]).into_iter().filter(|c| c.id != "clip").collect();
    still.offer(cards);
    still.run(100.0);
    assert_eq!(warmed(&still), 0, "no clip, nothing to set up");
}

#[test]
fn a_release_asks_for_the_look_ahead_past_where_it_lands_and_a_finger_holds_it_back() {
    let mut page = Page::new(skin("generic"), true);
    page.offer(feed(&[]));
    page.run(1_000.0);
    page.drag(-200.0, false);
    assert!(
        !page.session.may_look_ahead(),
        "no idle work while a finger drags"
    );
    page.clear();
    page.session
        .pointer_up(1, (-20.0, 400.0), MonoMs(page.mono), page.now());
    page.apply();
    assert!(
        page.animating.is_some(),
        "the settle runs on the compositor"
    );
    assert!(
        page.log.contains(&Effect::LookAhead),
        "the release asks for the look-ahead"
    );
    assert!(
        page.session.may_look_ahead(),
        "which may run while the compositor moves the cards"
    );
    let cards = page.session.cards();
    let ahead: Vec<&str> = page
        .session
        .look_ahead()
        .into_iter()
        .map(|i| cards[i].id.as_str())
        .collect();
    assert_eq!(
        ahead,
        ["quiet"],
        "the card the next step mounts, past the one this lands on"
    );
}
