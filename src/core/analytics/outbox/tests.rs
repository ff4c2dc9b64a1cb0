use std::collections::{BTreeMap, HashMap};

use super::*;

#[path = "../../../../tests/support/rng.rs"]
mod rng;
use rng::Rng;

fn open(card: &str) -> (What, &str) {
    (What::Open, card)
}

#[test]
fn a_batch_goes_after_the_delay_or_when_full_and_leaves_when_acknowledged() {
    let mut o = Outbox::default();
    let (what, card) = open("a");
    assert_eq!(o.record(what, card, WallMs(1_000), 0.0), 1);
    assert_eq!(o.record(What::Like, "a", WallMs(1_000), 100.0), 2);
    assert_eq!(o.deadline(), Some(BATCH_DELAY_MS));
    assert_eq!(o.poll(4_999.0, WallMs(0)), None, "waits for company");
    let batch = o.poll(5_000.0, WallMs(0)).expect("due");
    assert_eq!(
        batch.events.iter().map(|e| e.seq).collect::<Vec<_>>(),
        [1, 2]
    );
    assert_eq!(o.poll(5_001.0, WallMs(0)), None, "one batch in flight");
    o.replied(batch.id, &[1, 2], 5_100.0);
    assert!(o.is_empty());
    assert_eq!(o.deadline(), None, "idle: nothing to wake up for");

    // Twenty waiting events go at once.
    for i in 0..BATCH_SIZE {
        o.record(What::Impression, &format!("c{i}"), WallMs(2_000), 6_000.0);
    }
    assert_eq!(o.deadline(), Some(f64::NEG_INFINITY));
    let batch = o.poll(6_000.0, WallMs(0)).expect("full");
    assert_eq!(batch.events.len(), BATCH_SIZE);
    assert_eq!(batch.events[0].seq, 3);
}

#[test]
fn screen_off_flushes_at_once() {
    let mut o = Outbox::default();
    o.record(What::Dwell { ms: 1200 }, "a", WallMs(1), 0.0);
    o.flush();
    assert!(o.poll(10.0, WallMs(0)).is_some());
}

#[test]
fn what_the_host_did_not_store_goes_again_and_failures_back_off() {
    let mut o = Outbox::default();
    for card in ["a", "b", "c"] {
        o.record(What::Impression, card, WallMs(1), 0.0);
    }
    let first = o.poll(5_000.0, WallMs(0)).expect("due");
    o.replied(first.id, &[1, 3], 5_010.0);
    let again = o.poll(5_010.0, WallMs(0)).expect("at once");
    assert_eq!(again.events.iter().map(|e| e.seq).collect::<Vec<_>>(), [2]);
    // A throw, then a reply that stores nothing: waits of 1 s, then 2 s.
    o.failed(again.id, 5_020.0);
    assert_eq!(o.poll(6_019.0, WallMs(0)), None);
    let third = o.poll(6_020.0, WallMs(0)).expect("after 1 s");
    o.replied(third.id, &[], 6_030.0);
    assert_eq!(o.poll(8_029.0, WallMs(0)), None);
    let fourth = o.poll(8_030.0, WallMs(0)).expect("after 2 s");
    // No reply at all: failed after the timeout, then a wait of 5 s.
    assert_eq!(o.deadline(), Some(8_030.0 + REPLY_TIMEOUT_MS));
    assert_eq!(
        o.poll(8_030.0 + REPLY_TIMEOUT_MS, WallMs(0)),
        None,
        "times out, then waits"
    );
    let fifth = o
        .poll(8_030.0 + REPLY_TIMEOUT_MS + 5_000.0, WallMs(0))
        .expect("after 5 s");
    // The late reply to the fourth batch still counts.
    o.replied(fourth.id, &[2], 50_000.0);
    assert!(o.is_empty());
    o.replied(fifth.id, &[2], 50_001.0);
    assert_eq!(o.deadline(), None);
    // A success resets the waits.
    o.record(What::Like, "a", WallMs(1), 60_000.0);
    let b = o.poll(65_000.0, WallMs(0)).expect("due");
    o.failed(b.id, 65_000.0);
    assert!(o.poll(66_000.0, WallMs(0)).is_some(), "1 s again");
}

#[test]
fn a_full_outbox_drops_the_oldest_and_says_how_many() {
    let mut o = Outbox::default();
    for i in 0..CAPACITY + 7 {
        o.record(What::Impression, &format!("c{i}"), WallMs(1), 0.0);
    }
    assert_eq!(o.len(), CAPACITY);
    let mut sent = Vec::new();
    let mut now = 0.0;
    while let Some(batch) = o.poll(now, WallMs(99)) {
        let seqs: Vec<Seq> = batch.events.iter().map(|e| e.seq).collect();
        sent.extend(batch.events);
        o.replied(batch.id, &seqs, now);
        now += 1.0;
    }
    let dropped: Vec<&Event> = sent
        .iter()
        .filter(|e| matches!(e.what, What::Dropped { .. }))
        .collect();
    assert_eq!(dropped.len(), 1);
    // Making room for the report dropped one more, and the report counts it.
    assert_eq!(dropped[0].what, What::Dropped { count: 8 });
    assert_eq!(dropped[0].seq, CAPACITY as u64 + 8);
    assert_eq!(dropped[0].at, WallMs(99));
    let first = sent.iter().map(|e| e.seq).min();
    assert_eq!(first, Some(9), "the oldest went");
    assert!(o.is_empty());
}

#[test]
fn a_snapshot_restores_the_events_and_the_numbering() {
    let mut o = Outbox::default();
    o.record(What::Like, "a", WallMs(7), 0.0);
    o.record(What::Dwell { ms: 3 }, "b", WallMs(8), 0.0);
    let batch = o.poll(5_000.0, WallMs(0)).expect("due");
    o.replied(batch.id, &[1], 5_000.0);
    assert!(o.take_changed());
    assert!(!o.take_changed());
    let mut again = Outbox::restore(&o.snapshot(), 100.0).expect("restores");
    assert_eq!(again.len(), 1);
    assert_eq!(again.next_seq(), 3);
    let batch = again
        .poll(100.0, WallMs(0))
        .expect("what was kept goes at once");
    assert_eq!(batch.events[0].seq, 2);
    assert_eq!(again.record(What::Open, "c", WallMs(9), 100.0), 3);

    assert_eq!(
        Outbox::restore("nope", 0.0).err(),
        Some(RestoreError::NotJson)
    );
    assert_eq!(Outbox::restore("{}", 0.0).err(), Some(RestoreError::NoNext));
    // An unreadable event is counted as dropped, and numbering still goes on past the others.
    let damaged = r#"{"next":5,"dropped":0,"events":[{"seq":9,"type":"like","card_id":"a","at":1},{"seq":4}]}"#;
    let mut d = Outbox::restore(damaged, 0.0).expect("restores");
    assert_eq!(d.next_seq(), 10);
    let batch = d.poll(0.0, WallMs(2)).expect("due");
    assert_eq!(
        batch.events.iter().map(|e| &e.what).collect::<Vec<_>>(),
        [&What::Like, &What::Dropped { count: 1 }]
    );
}

/// The issue's test: a host that drops, duplicates, delays and reorders acknowledgements and
/// throws on 30 % of calls, with reloads from storage in the middle. Every event is delivered
/// at least once, and every copy of a `seq` is the same event.
#[test]
fn ten_thousand_events_through_a_hostile_host_and_reloads() {
    const EVENTS: u64 = 10_000;
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let mut outbox = Outbox::default();
    let mut stored = outbox.snapshot();
    let mut delivered: BTreeMap<Seq, Event> = BTreeMap::new();
    let mut copies: HashMap<Seq, u32> = HashMap::new();
    // Replies on their way back: (arrives at, batch id, acknowledged seqs).
    let mut replies: Vec<(f64, u64, Vec<Seq>)> = Vec::new();
    let (mut now, mut recorded, mut reloads, mut throws) = (0.0_f64, 0_u64, 0, 0);
    let kinds = [What::Impression, What::Like, What::Share, What::Open];
    while recorded < EVENTS || !outbox.is_empty() {
        // A busy viewer: an event every 3 s or so, up to three at once.
        now += 200.0 + rng.below(1_800) as f64;
        if recorded < EVENTS && rng.chance(30) {
            for _ in 0..1 + rng.below(3) {
                let what = kinds[rng.below(4)].clone();
                outbox.record(
                    what,
                    &format!("card-{}", rng.below(50)),
                    WallMs(now as i64),
                    now,
                );
                recorded += 1;
            }
        }
        // Replies that have arrived, in whatever order they were put on the way.
        let (due, later): (Vec<_>, Vec<_>) = replies.drain(..).partition(|r| r.0 <= now);
        replies = later;
        for (_, id, acked) in due {
            outbox.replied(id, &acked, now);
        }
        if let Some(batch) = outbox.poll(now, WallMs(now as i64)) {
            if rng.chance(30) {
                throws += 1;
                outbox.failed(batch.id, now);
            } else {
                for event in &batch.events {
                    let first = delivered.entry(event.seq).or_insert_with(|| event.clone());
                    assert_eq!(first, event, "a copy of seq {} differs", event.seq);
                    *copies.entry(event.seq).or_default() += 1;
                }
                // The host stores the batch, but its acknowledgement may list only part of it,
                // come late (out of order with later ones), twice, or never.
                let mut acked: Vec<Seq> = batch.events.iter().map(|e| e.seq).collect();
                if rng.chance(20) {
                    acked.truncate(rng.below(acked.len() + 1));
                }
                if !rng.chance(10) {
                    let delay = if rng.chance(30) { 40_000.0 } else { 20.0 };
                    replies.push((
                        now + rng.below(delay as usize) as f64,
                        batch.id,
                        acked.clone(),
                    ));
                    if rng.chance(10) {
                        replies.push((now + 500.0, batch.id, acked));
                    }
                }
            }
        }
        // The browser layer stores the outbox after every change.
        if outbox.take_changed() {
            stored = outbox.snapshot();
        }
        // Now and then the page reloads (or the renderer crashes): only storage survives.
        if rng.chance(1) {
            reloads += 1;
            outbox = Outbox::restore(&stored, now).expect("our own snapshot");
        }
        assert!(now < 1e9, "the outbox never drained");
    }
    let missing: Vec<Seq> = (1..=EVENTS)
        .filter(|s| !delivered.contains_key(s))
        .collect();
    assert_eq!(missing, Vec::<Seq>::new(), "events lost");
    assert!(
        !delivered
            .values()
            .any(|e| matches!(e.what, What::Dropped { .. })),
        "nothing was dropped: the outbox never filled"
    );
    let duplicated = copies.values().filter(|&&n| n > 1).count();
    // The faults really happened.
    assert!(reloads >= 10, "{reloads} reloads");
    assert!(throws >= 100, "{throws} throws");
    assert!(
        duplicated >= 100,
        "{duplicated} events delivered more than once"
    );
}
