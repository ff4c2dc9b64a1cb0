use std::collections::{BTreeMap, HashMap};

use super::*;
use crate::core::time::MonoMs;

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
    assert_eq!(o.record(what, card, WallMs(1_000), MonoMs(0.0)), 1);
    assert_eq!(o.record(What::Like, "a", WallMs(1_000), MonoMs(100.0)), 2);
    assert_eq!(o.deadline(), Some(MonoMs(BATCH_DELAY_MS)));
    assert_eq!(
        o.poll(MonoMs(4_999.0), WallMs(0)),
        None,
        "waits for company"
    );
    let batch = o.poll(MonoMs(5_000.0), WallMs(0)).expect("due");
    assert_eq!(
        batch.events.iter().map(|e| e.seq).collect::<Vec<_>>(),
        [1, 2]
    );
    assert_eq!(
        o.poll(MonoMs(5_001.0), WallMs(0)),
        None,
        "one batch in flight"
    );
    o.replied(batch.id, &[1, 2], MonoMs(5_100.0));
    assert!(o.is_empty());
    assert_eq!(o.deadline(), None, "idle: nothing to wake up for");

    // Twenty waiting events go at once.
    for i in 0..BATCH_SIZE {
        o.record(
            What::Impression,
            &format!("c{i}"),
            WallMs(2_000),
            MonoMs(6_000.0),
        );
    }
    assert_eq!(o.deadline(), Some(MonoMs(f64::NEG_INFINITY)));
    let batch = o.poll(MonoMs(6_000.0), WallMs(0)).expect("full");
    assert_eq!(batch.events.len(), BATCH_SIZE);
    assert_eq!(batch.events[0].seq, 3);
}

#[test]
fn screen_off_flushes_at_once() {
    let mut o = Outbox::default();
    o.record(What::Dwell { ms: 1200 }, "a", WallMs(1), MonoMs(0.0));
    o.flush();
    assert!(o.poll(MonoMs(10.0), WallMs(0)).is_some());
}

#[test]
fn what_the_host_did_not_store_goes_again_and_failures_back_off() {
    let mut o = Outbox::default();
    for card in ["a", "b", "c"] {
        o.record(What::Impression, card, WallMs(1), MonoMs(0.0));
    }
    let first = o.poll(MonoMs(5_000.0), WallMs(0)).expect("due");
    o.replied(first.id, &[1, 3], MonoMs(5_010.0));
    let again = o.poll(MonoMs(5_010.0), WallMs(0)).expect("at once");
    assert_eq!(again.events.iter().map(|e| e.seq).collect::<Vec<_>>(), [2]);
    // A throw, then a reply that stores nothing: waits of 1 s, then 2 s.
    o.failed(again.id, MonoMs(5_020.0));
    assert_eq!(o.poll(MonoMs(6_019.0), WallMs(0)), None);
    let third = o.poll(MonoMs(6_020.0), WallMs(0)).expect("after 1 s");
    o.replied(third.id, &[], MonoMs(6_030.0));
    assert_eq!(o.poll(MonoMs(8_029.0), WallMs(0)), None);
    let fourth = o.poll(MonoMs(8_030.0), WallMs(0)).expect("after 2 s");
    // No reply at all: failed after the timeout, then a wait of 5 s.
    assert_eq!(o.deadline(), Some(MonoMs(8_030.0 + REPLY_TIMEOUT_MS)));
    assert_eq!(
        o.poll(MonoMs(8_030.0 + REPLY_TIMEOUT_MS), WallMs(0)),
        None,
        "times out, then waits"
    );
    let fifth = o
        .poll(MonoMs(8_030.0 + REPLY_TIMEOUT_MS + 5_000.0), WallMs(0))
        .expect("after 5 s");
    // The late reply to the fourth batch still counts.
    o.replied(fourth.id, &[2], MonoMs(50_000.0));
    assert!(o.is_empty());
    o.replied(fifth.id, &[2], MonoMs(50_001.0));
    assert_eq!(o.deadline(), None);
    // A success resets the waits.
    o.record(What::Like, "a", WallMs(1), MonoMs(60_000.0));
    let b = o.poll(MonoMs(65_000.0), WallMs(0)).expect("due");
    o.failed(b.id, MonoMs(65_000.0));
    assert!(o.poll(MonoMs(66_000.0), WallMs(0)).is_some(), "1 s again");
}

#[test]
fn a_full_outbox_drops_the_oldest_and_says_how_many() {
    let mut o = Outbox::default();
    for i in 0..CAPACITY + 7 {
        o.record(What::Impression, &format!("c{i}"), WallMs(1), MonoMs(0.0));
    }
    assert_eq!(o.len(), CAPACITY);
    let sent = drain(&mut o, WallMs(99));
    let dropped: Vec<&Event> = sent
        .iter()
        .filter(|e| matches!(e.what, What::Dropped { .. }))
        .collect();
    assert_eq!(dropped.len(), 1);
    // The report takes the outbox one past its capacity rather than dropping one more.
    assert_eq!(dropped[0].what, What::Dropped { count: 7 });
    assert_eq!(dropped[0].seq, CAPACITY as u64 + 8);
    assert_eq!(dropped[0].at, WallMs(99));
    assert_eq!(sent.len(), CAPACITY + 1);
    let first = sent.iter().map(|e| e.seq).min();
    assert_eq!(first, Some(8), "the oldest seven went");
    assert!(o.is_empty());
}

#[test]
fn a_snapshot_restores_the_events_and_the_numbering() {
    let mut o = Outbox::default();
    o.record(What::Like, "a", WallMs(7), MonoMs(0.0));
    o.record(What::Dwell { ms: 3 }, "b", WallMs(8), MonoMs(0.0));
    let batch = o.poll(MonoMs(5_000.0), WallMs(0)).expect("due");
    o.replied(batch.id, &[1], MonoMs(5_000.0));
    assert!(o.take_changed());
    assert!(!o.take_changed());
    let mut again = Outbox::restore(&o.snapshot(), MonoMs(100.0))
        .expect("restores")
        .0;
    assert_eq!(again.len(), 1);
    assert_eq!(again.next_seq(), 3);
    let batch = again
        .poll(MonoMs(100.0), WallMs(0))
        .expect("what was kept goes at once");
    assert_eq!(batch.events[0].seq, 2);
    assert_eq!(again.record(What::Open, "c", WallMs(9), MonoMs(100.0)), 3);

    assert_eq!(
        Outbox::restore("nope", MonoMs(0.0)).err(),
        Some(RestoreError::NotJson)
    );
    assert_eq!(
        Outbox::restore("{}", MonoMs(0.0)).err(),
        Some(RestoreError::NoNext)
    );
    // An unreadable event is counted as dropped, and numbering still goes on past the others.
    let damaged = r#"{"next":5,"dropped":0,"events":[{"seq":9,"type":"like","card_id":"a","at":1},{"seq":4}]}"#;
    let mut d = Outbox::restore(damaged, MonoMs(0.0)).expect("restores").0;
    assert_eq!(d.next_seq(), 10);
    let batch = d.poll(MonoMs(0.0), WallMs(2)).expect("due");
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
                    MonoMs(now),
                );
                recorded += 1;
            }
        }
        // Replies that have arrived, in whatever order they were put on the way.
        let (due, later): (Vec<_>, Vec<_>) = replies.drain(..).partition(|r| r.0 <= now);
        replies = later;
        for (_, id, acked) in due {
            outbox.replied(id, &acked, MonoMs(now));
        }
        if let Some(batch) = outbox.poll(MonoMs(now), WallMs(now as i64)) {
            if rng.chance(30) {
                throws += 1;
                outbox.failed(batch.id, MonoMs(now));
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
            outbox = Outbox::restore(&stored, MonoMs(now))
                .expect("our own snapshot")
                .0;
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

/// The previous release's stored form: one object, `{"next":…,"dropped":…,"events":[…]}`.
fn legacy(next: Seq, dropped: u64, events: &[Event]) -> String {
    let mut out = format!("{{\"next\":{next},\"dropped\":{dropped},\"events\":[");
    for (i, e) in events.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        e.write_json(&mut out);
    }
    out.push_str("]}");
    out
}

fn event(seq: Seq, at: i64) -> Event {
    Event {
        seq,
        card_id: format!("card-{seq}"),
        at: WallMs(at),
        what: What::Dwell { ms: 1_200 },
    }
}

/// Everything the outbox would send, with every batch acknowledged (a `dropped` report dated
/// `at`).
fn drain(o: &mut Outbox, at: WallMs) -> Vec<Event> {
    let mut sent = Vec::new();
    let mut now = 0.0;
    while let Some(batch) = o.poll(MonoMs(now), at) {
        let seqs: Vec<Seq> = batch.events.iter().map(|e| e.seq).collect();
        sent.extend(batch.events);
        o.replied(batch.id, &seqs, MonoMs(now));
        now += BATCH_DELAY_MS;
    }
    sent
}

fn outbox_of(events: &[Event]) -> Outbox {
    let mut o = Outbox::default();
    for e in events {
        o.record(e.what.clone(), &e.card_id, e.at, MonoMs(0.0));
    }
    o
}

#[test]
fn a_snapshot_cut_short_keeps_the_events_before_the_cut() {
    let events: Vec<Event> = (1..=50).map(|s| event(s, 1_000 + s as i64)).collect();
    let o = outbox_of(&events);
    let whole = o.snapshot();
    assert_eq!(whole.lines().count(), 51, "a header and one line per event");
    let cut = &whole[..whole.len() * 9 / 10];
    let (mut restored, report) = Outbox::restore(cut, MonoMs(0.0)).expect("restores");
    // 90 % of the text holds the header and 44 whole lines; the 45th was being written.
    let kept = cut.matches('\n').count() - 1;
    assert_eq!(
        report,
        Restored {
            kept,
            dropped: 1,
            renumbered: 0,
            cut: true
        }
    );
    assert!(kept >= 44);
    let sent = drain(&mut restored, WallMs(0));
    let seqs: Vec<Seq> = sent.iter().map(|e| e.seq).collect();
    let mut want: Vec<Seq> = (1..=kept as u64).collect();
    want.push(51); // the `dropped` report of the event the cut lost
    assert_eq!(seqs, want);
    assert_eq!(
        &sent[..kept],
        &events[..kept],
        "each event as it was recorded"
    );
    assert_eq!(sent[kept].what, What::Dropped { count: 1 });
}

#[test]
fn the_previous_releases_outbox_restores_whole_or_cut_short() {
    let events: Vec<Event> = (3..=40).map(|s| event(s, 2_000)).collect();
    let text = legacy(41, 2, &events);
    let (mut whole, report) = Outbox::restore(&text, MonoMs(0.0)).expect("whole");
    assert_eq!(
        report,
        Restored {
            kept: 38,
            ..Restored::default()
        }
    );
    assert_eq!(whole.next_seq(), 41);
    let sent = drain(&mut whole, WallMs(0));
    assert_eq!(&sent[..38], &events[..]);
    assert_eq!(sent[38].what, What::Dropped { count: 2 });

    let cut = &text[..text.len() / 2];
    let (mut half, report) = Outbox::restore(cut, MonoMs(0.0)).expect("cut short");
    assert!(report.cut && report.kept >= 18, "{report:?}");
    assert_eq!(report.dropped, 1, "the event the cut ran through");
    assert_eq!(half.next_seq(), 41, "numbering goes on where it was");
    let sent = drain(&mut half, WallMs(0));
    assert_eq!(&sent[..report.kept], &events[..report.kept]);
    assert_eq!(
        sent[report.kept].what,
        What::Dropped { count: 3 },
        "the two it had not reported and the one the cut lost"
    );
    // Cut inside its `next`: nothing says where numbering stood.
    assert_eq!(
        Outbox::restore("{\"next\":4", MonoMs(0.0)).err(),
        Some(RestoreError::NoNext)
    );
}

#[test]
fn an_event_before_the_epoch_keeps_its_time() {
    let events = [event(1, -5), event(2, 5)];
    let (mut o, report) =
        Outbox::restore(&outbox_of(&events).snapshot(), MonoMs(0.0)).expect("restores");
    assert_eq!(report.kept, 2);
    let ats: Vec<WallMs> = drain(&mut o, WallMs(0)).iter().map(|e| e.at).collect();
    assert_eq!(ats, [WallMs(-5), WallMs(5)]);
    // The previous release's form too.
    let (o, _) = Outbox::restore(&legacy(3, 0, &events), MonoMs(0.0)).expect("restores");
    assert_eq!(o.len(), 2);
}

#[test]
fn events_stored_with_the_same_seq_are_numbered_apart() {
    let events = [event(7, 1), event(7, 2), event(7, 3), event(0, 4)];
    let (mut o, report) = Outbox::restore(&legacy(8, 0, &events), MonoMs(0.0)).expect("restores");
    assert_eq!(report.renumbered, 3, "the second and third 7, and the 0");
    assert_eq!(o.next_seq(), 11);
    let batch = o.poll(MonoMs(0.0), WallMs(0)).expect("due");
    let sent: Vec<(Seq, WallMs)> = batch.events.iter().map(|e| (e.seq, e.at)).collect();
    assert_eq!(
        sent,
        [
            (7, WallMs(1)),
            (8, WallMs(2)),
            (9, WallMs(3)),
            (10, WallMs(4))
        ]
    );
    // One acknowledgement removes one event, not three.
    o.replied(batch.id, &[7], MonoMs(0.0));
    assert_eq!(o.len(), 3);
    assert!(o.take_changed(), "the mended outbox is stored again");
}

#[test]
fn more_than_the_cap_keeps_the_newest_and_counts_the_rest() {
    let events: Vec<Event> = (1..=2_000).map(|s| event(s, s as i64)).collect();
    let (mut o, report) =
        Outbox::restore(&legacy(2_001, 0, &events), MonoMs(0.0)).expect("restores");
    assert_eq!(
        report,
        Restored {
            kept: CAPACITY,
            dropped: 1_500,
            renumbered: 0,
            cut: false
        }
    );
    let sent = drain(&mut o, WallMs(0));
    let seqs: Vec<Seq> = sent.iter().map(|e| e.seq).collect();
    let mut want: Vec<Seq> = (1_501..=2_000).collect();
    want.push(2_001);
    assert_eq!(seqs, want, "the newest 500, then the report");
    assert_eq!(sent[CAPACITY].what, What::Dropped { count: 1_500 });
}

#[test]
fn sequence_numbers_at_the_end_of_the_range_are_refused_not_wrapped() {
    for text in [
        legacy(u64::MAX, 0, &[]),
        legacy(MAX_SEQ + 1, 0, &[]),
        legacy(5, 0, &[event(u64::MAX, 1)]),
        legacy(5, 0, &[event(MAX_SEQ, 1)]),
    ] {
        let err = Outbox::restore(&text, MonoMs(0.0)).expect_err("refused");
        assert!(matches!(err, RestoreError::SeqExhausted { .. }), "{text}");
        assert!(err.to_string().contains("cannot go up any further"));
    }
    // The last number there is goes to one event; after it, events are counted as dropped.
    let (mut o, _) = Outbox::restore(&legacy(MAX_SEQ, 0, &[]), MonoMs(0.0)).expect("restores");
    assert_eq!(o.record(What::Like, "a", WallMs(1), MonoMs(0.0)), MAX_SEQ);
    o.record(What::Like, "b", WallMs(2), MonoMs(0.0));
    assert_eq!(o.len(), 1);
    assert_eq!(o.next_seq(), MAX_SEQ + 1);
}

#[test]
fn text_that_is_no_outbox_is_a_clear_error() {
    for (text, err) in [
        ("", RestoreError::NotJson),
        ("nope", RestoreError::NotJson),
        ("[1,2]", RestoreError::NotJson),
        ("{}", RestoreError::NoNext),
        ("{\"outbox\":2}\n", RestoreError::NoNext),
        ("{\"outbox\":9,\"next\":1}\n", RestoreError::NotJson),
    ] {
        assert_eq!(
            Outbox::restore(text, MonoMs(0.0)).err(),
            Some(err),
            "{text:?}"
        );
    }
    // A byte-order mark before it changes nothing.
    let (o, _) = Outbox::restore(
        "\u{feff}{\"outbox\":2,\"next\":3,\"dropped\":0}\n",
        MonoMs(0.0),
    )
    .expect("restores");
    assert_eq!(o.next_seq(), 3);
}
