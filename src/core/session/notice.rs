//! What the renderer tells its host: plain values, turned into JS objects at the crate's edge
//! (`core::values`).

use crate::core::time::WallMs;

/// Something the host should know about, in the order it happened. JS receives it as an object
/// whose `type` and fields are camelCase, as every name JS receives (contracts §1):
/// `{ type: "cardChange", index, cardId, count }`.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(
    test,
    derive(serde::Serialize),
    serde(
        tag = "type",
        rename_all = "camelCase",
        rename_all_fields = "camelCase"
    )
)]
pub enum Notice {
    /// A new card is in view (after a swipe, a tap, a key or a new feed).
    CardChange {
        /// Position in the shown cards.
        index: usize,
        /// The card's id.
        card_id: String,
        /// How many cards are shown.
        count: usize,
    },
    /// The viewer pressed a call to action: unlock if asked, then open the URL.
    Open {
        /// The card's id.
        card_id: String,
        /// Validated `https:` or allowed deep-link URL.
        url: String,
        /// Whether the phone must be unlocked first.
        unlock: bool,
    },
    /// The viewer liked the card (once per card).
    Like {
        /// The card's id.
        card_id: String,
    },
    /// The viewer asked to share the card.
    Share {
        /// The card's id.
        card_id: String,
    },
    /// A batch of analytics events for the host's `track()`; reply with its `seq`s through
    /// the renderer's `tracked(batch, acked)`, or `trackFailed(batch)`.
    Track {
        /// Names the batch in the reply.
        batch: u64,
        /// The events, as a JSON array text.
        events: String,
    },
    /// Text for the host's storage (the analytics outbox, after every change).
    Store {
        /// The storage key.
        key: &'static str,
        /// The text to store under it.
        value: String,
    },
    /// A picture or clip failed to load; the card shows its colour instead.
    MediaError {
        /// The card's id.
        card_id: String,
        /// The source that failed.
        src: String,
    },
    /// No card is left to show: every card on screen has expired. The host shows its own
    /// wallpaper, or fetches a feed; the renderer shows cards again with the next feed that has
    /// live ones, or when `next_starts_at` comes.
    Expired {
        /// When the first card waiting to start does (ms since the epoch), or `null` when none
        /// waits.
        next_starts_at: Option<WallMs>,
    },
}
