//! The analytics outbox: numbers events, sends them in batches, and forgets an event only when
//! the host has acknowledged its `seq`. It is a state machine with time as an input; the
//! browser layer carries batches to the host, acknowledgements back, and the
//! [`Outbox::snapshot`] to storage after every change, so a reload or a crash of the renderer
//! loses nothing that was recorded.
//!
//! Rules:
//! - `seq` is one more than the last event's, and the next one is stored with the events.
//! - A batch goes when [`BATCH_SIZE`] events wait, when the oldest has waited
//!   [`BATCH_DELAY_MS`], or at once on [`Outbox::flush`] (screen off). One batch is in flight
//!   at a time.
//! - The host's reply names the `seq`s it stored; those leave, the rest of the batch goes
//!   again. A reply that stores nothing, a failed call, or no reply within
//!   [`REPLY_TIMEOUT_MS`] waits before the next try, longer each time (up to a minute).
//!   Replies may come late, twice or out of order: an acknowledgement is applied whenever it
//!   comes.
//! - At most [`CAPACITY`] events are kept. When full, the oldest go, and a `dropped` event
//!   with their count is sent with the next batch.

use std::collections::VecDeque;

pub mod store;

use crate::core::analytics::event::{Event, Seq, What};
use crate::core::time::{MonoMs, WallMs};

/// Most events kept.
pub const CAPACITY: usize = 500;
/// The last `seq` an event can get: the largest integer a JS number holds exactly, so the host
/// can tell every two apart. Numbering never wraps.
pub const MAX_SEQ: Seq = (1 << 53) - 1;
/// Events that make a batch go at once; also the most in one batch.
pub const BATCH_SIZE: usize = 20;
/// Longest an event waits for others before its batch goes.
pub const BATCH_DELAY_MS: f64 = 5_000.0;
/// A batch with no reply after this long counts as failed.
pub const REPLY_TIMEOUT_MS: f64 = 30_000.0;
/// Waits after consecutive failures; the last one repeats.
pub const RETRY_MS: [f64; 6] = [1_000.0, 2_000.0, 5_000.0, 10_000.0, 30_000.0, 60_000.0];

/// A batch to hand to the host's `track()`.
#[derive(Debug, Clone, PartialEq)]
pub struct Batch {
    /// Names the batch in the reply ([`Outbox::replied`], [`Outbox::failed`]).
    pub id: u64,
    /// Its events, oldest first.
    pub events: Vec<Event>,
}

#[derive(Debug, Clone)]
struct InFlight {
    id: u64,
    seqs: Vec<Seq>,
    sent_at: f64,
}

/// Events waiting for the host, and what is on its way.
#[derive(Debug, Clone)]
pub struct Outbox {
    next_seq: Seq,
    events: VecDeque<Event>,
    in_flight: Option<InFlight>,
    next_batch: u64,
    /// When the oldest event not yet sent started waiting (monotonic ms).
    waiting_since: Option<f64>,
    /// Events dropped when full, not yet reported.
    dropped: u64,
    failures: usize,
    retry_at: Option<f64>,
    flush: bool,
    changed: bool,
}

impl Default for Outbox {
    fn default() -> Self {
        Self {
            next_seq: 1,
            events: VecDeque::new(),
            in_flight: None,
            next_batch: 1,
            waiting_since: None,
            dropped: 0,
            failures: 0,
            retry_at: None,
            flush: false,
            changed: false,
        }
    }
}

impl Outbox {
    /// Records an event about `card_id` at wall-clock `at`; `now` is monotonic. Returns its
    /// `seq`.
    pub fn record(&mut self, what: What, card_id: &str, at: WallMs, now: MonoMs) -> Seq {
        let now = now.0;
        let seq = self.push(what, card_id.to_owned(), at);
        self.waiting_since.get_or_insert(now);
        seq
    }

    fn push(&mut self, what: What, card_id: String, at: WallMs) -> Seq {
        if self.events.len() >= CAPACITY {
            self.events.pop_front();
            self.dropped += 1;
        }
        self.push_kept(what, card_id, at)
    }

    /// Appends without making room (the `dropped` report may take the outbox one past its
    /// capacity, so reporting a loss never loses one more event). Past [`MAX_SEQ`] the event
    /// cannot be numbered and is counted as dropped instead: numbering never wraps.
    fn push_kept(&mut self, what: What, card_id: String, at: WallMs) -> Seq {
        let seq = self.next_seq;
        if seq > MAX_SEQ {
            self.dropped += 1;
            return seq;
        }
        self.next_seq += 1;
        self.events.push_back(Event {
            seq,
            card_id,
            at,
            what,
        });
        self.changed = true;
        seq
    }

    /// Send what waits as soon as nothing is in flight (the screen is going off).
    pub fn flush(&mut self) {
        self.flush = true;
    }

    /// Events kept (sent or not).
    pub fn len(&self) -> usize {
        self.events.len()
    }

    /// Whether no event is kept.
    pub fn is_empty(&self) -> bool {
        self.events.is_empty()
    }

    /// The `seq` the next event gets.
    pub fn next_seq(&self) -> Seq {
        self.next_seq
    }

    fn waiting(&self) -> usize {
        let sent = self.in_flight.as_ref().map_or(0, |f| f.seqs.len());
        self.events.len().saturating_sub(sent)
    }

    /// When [`Outbox::poll`] has something to do next (monotonic ms), if ever without new
    /// events or replies.
    pub fn deadline(&self) -> Option<MonoMs> {
        self.due().map(MonoMs)
    }

    fn due(&self) -> Option<f64> {
        if let Some(flight) = &self.in_flight {
            return Some(flight.sent_at + REPLY_TIMEOUT_MS);
        }
        if self.waiting() == 0 && self.dropped == 0 {
            return None;
        }
        let ready = if self.flush || self.waiting() >= BATCH_SIZE {
            f64::NEG_INFINITY
        } else {
            self.waiting_since
                .map_or(f64::NEG_INFINITY, |t| t + BATCH_DELAY_MS)
        };
        Some(ready.max(self.retry_at.unwrap_or(f64::NEG_INFINITY)))
    }

    /// The batch to send now, if one is due at `now` (an unanswered batch past its time counts
    /// as failed first). `at` is the wall clock, for a `dropped` report.
    pub fn poll(&mut self, now: MonoMs, at: WallMs) -> Option<Batch> {
        let now = now.0;
        if let Some(flight) = &self.in_flight {
            if now < flight.sent_at + REPLY_TIMEOUT_MS {
                return None;
            }
            let id = flight.id;
            self.failed(id, MonoMs(now));
        }
        if self.due().is_none_or(|t| now < t) {
            return None;
        }
        if self.dropped > 0 {
            let count = std::mem::take(&mut self.dropped);
            self.push_kept(What::Dropped { count }, String::new(), at);
        }
        let events: Vec<Event> = self.events.iter().take(BATCH_SIZE).cloned().collect();
        if events.is_empty() {
            return None;
        }
        let id = self.next_batch;
        self.next_batch += 1;
        self.in_flight = Some(InFlight {
            id,
            seqs: events.iter().map(|e| e.seq).collect(),
            sent_at: now,
        });
        self.flush = false;
        self.waiting_since = (self.events.len() > events.len()).then_some(now);
        Some(Batch { id, events })
    }

    /// The host stored these `seq`s (in reply to batch `id`, or to any earlier one).
    pub fn replied(&mut self, id: u64, acked: &[Seq], now: MonoMs) {
        let now = now.0;
        let before = self.events.len();
        self.events.retain(|e| !acked.contains(&e.seq));
        if self.events.len() != before {
            self.changed = true;
        }
        if self.in_flight.as_ref().is_some_and(|f| f.id == id) {
            let flight = self.in_flight.take().expect("checked just above");
            if flight.seqs.iter().any(|s| acked.contains(s)) {
                self.failures = 0;
                self.retry_at = None;
                // What the host did not store goes again with the next batch, at once.
                if flight.seqs.iter().any(|s| !acked.contains(s)) {
                    self.waiting_since = Some(now - BATCH_DELAY_MS);
                }
            } else {
                self.back_off(now);
            }
        }
        if self.waiting() == 0 {
            self.waiting_since = None;
        } else if self.waiting_since.is_none() {
            self.waiting_since = Some(now - BATCH_DELAY_MS);
        }
    }

    /// Sending batch `id` failed (the host threw, or did not answer): its events wait for the
    /// next try.
    pub fn failed(&mut self, id: u64, now: MonoMs) {
        let now = now.0;
        if self.in_flight.as_ref().is_some_and(|f| f.id == id) {
            self.in_flight = None;
            self.back_off(now);
            self.waiting_since.get_or_insert(now - BATCH_DELAY_MS);
        }
    }

    fn back_off(&mut self, now: f64) {
        let wait = RETRY_MS[self.failures.min(RETRY_MS.len() - 1)];
        self.failures += 1;
        self.retry_at = Some(now + wait);
    }

    /// The events kept, oldest first (to carry them into another outbox).
    pub fn into_events(self) -> impl Iterator<Item = Event> {
        self.events.into_iter()
    }

    /// True once after any change to what must be stored (then store [`Outbox::snapshot`]).
    pub fn take_changed(&mut self) -> bool {
        std::mem::take(&mut self.changed)
    }

    /// What survives a reload, one record per line (see [`store`]), so storage cut short
    /// mid-write loses at most the event being written.
    pub fn snapshot(&self) -> String {
        store::write(self.next_seq, self.dropped, self.events.iter())
    }

    /// The outbox stored text describes (this release's form or the previous one's), with what
    /// restoring it had to mend: every event that can be read waits to be sent (again), and
    /// numbering goes on after the highest `seq` seen. `Err` when nothing of it can be used.
    pub fn restore(text: &str, now: MonoMs) -> Result<(Self, Restored), RestoreError> {
        let now = now.0;
        let stored = store::read(text)?;
        let (outbox, report) = Self::from_stored(stored, now)?;
        Ok((outbox, report))
    }

    fn from_stored(stored: store::Stored, now: f64) -> Result<(Self, Restored), RestoreError> {
        let store::Stored {
            next,
            dropped,
            mut events,
            unreadable,
            cut,
        } = stored;
        if next > MAX_SEQ {
            return Err(RestoreError::SeqExhausted { seq: next });
        }
        if let Some(e) = events.iter().find(|e| e.seq >= MAX_SEQ) {
            return Err(RestoreError::SeqExhausted { seq: e.seq });
        }
        let mut report = Restored {
            kept: 0,
            dropped: unreadable,
            renumbered: 0,
            cut,
        };
        // The newest are kept, as when the outbox fills live: the oldest are counted as dropped.
        if events.len() > CAPACITY {
            let excess = events.len() - CAPACITY;
            events.drain(..excess);
            report.dropped += excess as u64;
        }
        // No two events share a `seq`: a repeated one (or a 0) is numbered past the highest.
        let mut highest = events.iter().map(|e| e.seq).max().unwrap_or(0);
        highest = highest.max(next.saturating_sub(1));
        // The seqs kept so far, in order (at most CAPACITY: an ordered insert each).
        let mut taken: Vec<Seq> = Vec::with_capacity(events.len());
        for event in &mut events {
            if event.seq == 0 || taken.binary_search(&event.seq).is_ok() {
                highest += 1;
                if highest >= MAX_SEQ {
                    return Err(RestoreError::SeqExhausted { seq: highest });
                }
                event.seq = highest;
                report.renumbered += 1;
            }
            let at = taken.partition_point(|&s| s < event.seq);
            taken.insert(at, event.seq);
        }
        report.kept = events.len();
        let mut outbox = Self {
            next_seq: (highest + 1).max(next).max(1),
            dropped: dropped.saturating_add(report.dropped),
            events: events.into(),
            ..Self::default()
        };
        if !outbox.events.is_empty() || outbox.dropped > 0 {
            outbox.waiting_since = Some(now - BATCH_DELAY_MS);
        }
        if report.renumbered > 0 || report.dropped > 0 {
            outbox.changed = true; // stored again in its mended form
        }
        Ok((outbox, report))
    }
}

/// What restoring a stored outbox had to mend, for the host to log.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Restored {
    /// Events restored, waiting to be sent.
    pub kept: usize,
    /// Events that could not be kept: unreadable, or the oldest past [`CAPACITY`]. They are
    /// reported to the host in a `dropped` event with the next batch.
    pub dropped: u64,
    /// Events whose stored `seq` another event had (or that had none): numbered anew past the
    /// highest.
    pub renumbered: usize,
    /// The text ended mid-record: storage was cut short while it was written.
    pub cut: bool,
}

/// Why stored text could not be read as an outbox.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum RestoreError {
    /// It is not an outbox in either stored form (not even its start).
    #[error("the stored outbox is not an outbox this renderer can read")]
    NotJson,
    /// It has no `next` number.
    #[error("the stored outbox has no \"next\" sequence number")]
    NoNext,
    /// A sequence number is at the end of the range the host can tell apart (2^53 − 1, the
    /// largest integer a JS number holds exactly): numbering cannot go on without repeating.
    #[error("the stored outbox's sequence numbers cannot go up any further (it has {seq}): start a new outbox")]
    SeqExhausted {
        /// The number at the end of the range.
        seq: Seq,
    },
}

#[cfg(test)]
mod tests;
