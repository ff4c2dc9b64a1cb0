//! Feed v1 (contracts §1): parsing, per-card validation and the rejection report.
//!
//! A feed that is not JSON, is not an object, has the wrong `version` or no `cards` array is
//! refused whole ([`FeedError`]) and the caller keeps what it shows. Otherwise every card is
//! checked on its own: a broken card is reported ([`Rejection`]) and the others are kept.
//!
//! ```
//! use glance_renderer::core::feed::{parse_feed, Limits};
//! let json = r#"{"version":1,"cards":[
//!   {"id":"a","kind":"news","lang":"hi","title":"नमस्ते","source":{"name":"Desk"}},
//!   {"id":"b","kind":"news","lang":"en","title":"Hi","source":{"name":"Desk"},
//!    "cta":{"label":"Go","url":"javascript:alert(1)"}}]}"#;
//! let feed = parse_feed(json, &Limits::default()).unwrap();
//! assert_eq!(feed.cards.len(), 1);
//! assert_eq!(feed.rejections[0].field, "cta.url");
//! ```

pub mod decimal;
pub mod json;
pub mod url;

mod model;
mod validate;

pub use model::{
    Card, Cta, Focus, Kind, MatchStatus, Media, MediaType, Motion, Rgb, Score, Source, Team,
};

use crate::core::feed::json::Json;
use crate::core::table::Table;
use crate::core::time::WallMs;

/// Most JSON values one card may hold (every field, nested ones included). A real card has
/// fewer than a hundred; a card past this is refused without being built, so one hostile card
/// cannot take memory out of proportion to what the renderer keeps.
pub const CARD_VALUES: usize = 1_024;

/// The only feed version this renderer reads.
pub const FEED_VERSION: u64 = 1;

/// Bounds and allow-lists that validation applies. The deep-link schemes come from the skin.
#[derive(Debug, Clone, PartialEq)]
pub struct Limits {
    /// Largest feed accepted, in bytes of JSON text.
    pub max_feed_bytes: usize,
    /// Most cards read from one feed; the rest are left out with one report.
    pub max_cards: usize,
    /// Longest card id, in characters.
    pub max_id_chars: usize,
    /// Longest headline, in characters.
    pub max_title_chars: usize,
    /// Longest summary, in characters.
    pub max_summary_chars: usize,
    /// Longest publisher, sponsor or team name, in characters.
    pub max_name_chars: usize,
    /// Longest call-to-action label, in characters.
    pub max_label_chars: usize,
    /// Schemes, besides `https`, that a call to action may open (lower-case, no colon).
    pub deep_link_schemes: Vec<String>,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            max_feed_bytes: 8 * 1024 * 1024,
            max_cards: 10_000,
            max_id_chars: 128,
            max_title_chars: 300,
            max_summary_chars: 1_000,
            max_name_chars: 80,
            max_label_chars: 40,
            deep_link_schemes: Vec::new(),
        }
    }
}

/// One refused card, as reported to the host and shown on the preview page.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(test, derive(serde::Serialize))]
pub struct Rejection {
    /// Position of the card in the feed's `cards` array.
    pub index: usize,
    /// The card's `id`, when it had a readable one.
    #[cfg_attr(test, serde(skip_serializing_if = "Option::is_none"))]
    pub id: Option<String>,
    /// Path of the offending field inside the card (`"media.src"`), or `"card"` for the whole.
    pub field: String,
    /// What is wrong, in words a content editor can act on.
    pub reason: String,
}

/// Why a whole feed was refused. The feed already on screen stays.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FeedError {
    /// Larger than [`Limits::max_feed_bytes`].
    #[error("the feed is {size} bytes; at most {max} are accepted")]
    TooLarge {
        /// Size of the text received.
        size: usize,
        /// The limit.
        max: usize,
    },
    /// Not parseable as JSON.
    #[error("the feed is not valid JSON (line {line}, column {column}): {message}")]
    Json {
        /// 1-based line of the error.
        line: usize,
        /// 1-based column of the error.
        column: usize,
        /// The parser's description.
        message: String,
    },
    /// JSON, but not an object at the top.
    #[error("the feed must be a JSON object with \"version\" and \"cards\"")]
    NotAnObject,
    /// `version` missing or not 1.
    #[error("the feed's \"version\" is {found}; this renderer reads version 1")]
    Version {
        /// The value found, as JSON text (`missing` when absent).
        found: String,
    },
    /// `cards` missing or not an array.
    #[error("the feed's \"cards\" must be an array of cards")]
    Cards,
    /// `cards` is an empty array.
    #[error("the feed has no cards")]
    Empty,
}

/// A parsed feed: the valid cards in input order, and the report of refused ones.
#[derive(Debug, Clone, PartialEq)]
pub struct Feed {
    /// Cards that passed every rule, in input order.
    pub cards: Vec<Card>,
    /// Refused cards, in input order (several entries when a card broke several rules).
    pub rejections: Vec<Rejection>,
}

impl Feed {
    /// The cards that may show at `now` (inside their `[starts_at, expires_at)` window).
    pub fn live_at(&self, now: WallMs) -> Vec<Card> {
        self.cards
            .iter()
            .filter(|c| c.is_live_at(now))
            .cloned()
            .collect()
    }
}

/// The text without the UTF-8 byte-order mark it may start with.
pub fn strip_bom(text: &str) -> &str {
    text.strip_prefix('\u{feff}').unwrap_or(text)
}

/// Parses and validates a Feed v1 JSON text for a skin whose deep-link schemes are
/// `limits.deep_link_schemes`: [`check_feed`], then [`CheckedFeed::for_skin`].
pub fn parse_feed(json: &str, limits: &Limits) -> Result<Feed, FeedError> {
    Ok(check_feed(json, limits)?.for_skin(&limits.deep_link_schemes))
}

/// One card of a checked feed, as the rules that do not depend on the skin left it.
#[derive(Debug, Clone, PartialEq)]
struct CheckedCard {
    /// The card's `id`, when it had a readable one (for its rejections).
    id: Option<String>,
    checked: validate::Checked,
}

/// A feed checked against every rule but the skin's deep-link allow-list: what the renderer
/// keeps instead of the text, so a skin switch judges only what depends on the skin.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct CheckedFeed {
    cards: Vec<CheckedCard>,
    /// The report that cards past the cap were left out.
    cap: Option<Rejection>,
}

impl CheckedFeed {
    /// The feed as a skin allowing these deep-link `schemes` shows it: its valid cards and the
    /// report, in input order (a card whose call to action the skin refuses is rejected with
    /// the rest of its problems, in field order; an id repeated by a later card is judged
    /// after that).
    pub fn for_skin(&self, schemes: &[String]) -> Feed {
        let mut cards = Vec::with_capacity(self.cards.len());
        let mut rejections = Vec::new();
        // Ids of accepted cards → their input index; a later card with the same id is refused.
        let mut seen: Table<&str, usize> = Table::with_capacity(self.cards.len());
        for (index, c) in self.cards.iter().enumerate() {
            let mut problems = c.checked.problems.clone();
            if let Some(link) = &c.checked.link {
                if !schemes.iter().any(|s| s.eq_ignore_ascii_case(&link.scheme)) {
                    let reason = url::link_scheme_error(link.scheme.clone()).to_string();
                    problems.insert(link.at.min(problems.len()), ("cta.url".into(), reason));
                }
            }
            if problems.is_empty() {
                if let Some(card) = &c.checked.card {
                    match seen.get(0, &card.id) {
                        Some(first) => problems.push((
                            "id".to_string(),
                            format!("duplicates the id of card {first}"),
                        )),
                        None => {
                            seen.insert(0, &card.id, index);
                            cards.push(card.clone());
                            continue;
                        }
                    }
                }
            }
            rejections.extend(problems.into_iter().map(|(field, reason)| Rejection {
                index,
                id: c.id.clone(),
                field,
                reason,
            }));
        }
        rejections.extend(self.cap.clone());
        Feed { cards, rejections }
    }
}

/// Parses a Feed v1 JSON text and checks every card against the rules that do not depend on
/// the skin. Errors are those of a feed refused whole.
pub fn check_feed(json: &str, limits: &Limits) -> Result<CheckedFeed, FeedError> {
    if json.len() > limits.max_feed_bytes {
        return Err(FeedError::TooLarge {
            size: json.len(),
            max: limits.max_feed_bytes,
        });
    }
    // A byte-order mark before the text (a feed saved by a Windows editor) is not part of it
    // (RFC 8259 §8.1 allows ignoring it).
    //
    // The cards are read one at a time and checked as they come, so memory follows what is
    // kept (the checked cards and their problems), not the text: no tree of the whole feed is
    // built, nothing past the card cap is built at all, and a card holding more values than
    // any real card could is checked and dropped unbuilt.
    let mut cards: Vec<CheckedCard> = Vec::new();
    let document = json::read_document(
        strip_bom(json),
        "cards",
        limits.max_cards,
        CARD_VALUES,
        |index, item| {
            if index == 0 {
                // A repeated `cards` member: the last one is the feed's.
                cards.clear();
            }
            let item = match item {
                json::Item::Value(item) => item,
                json::Item::TooLarge => {
                    cards.push(CheckedCard {
                        id: None,
                        checked: validate::Checked {
                            card: None,
                            problems: vec![(
                                "card".into(),
                                format!(
                                    "the card holds more than {CARD_VALUES} JSON values; no card needs that many"
                                ),
                            )],
                            link: None,
                        },
                    });
                    return;
                }
            };
            let id = item
                .get("id")
                .and_then(Json::as_str)
                .filter(|s| !s.trim().is_empty() && s.chars().count() <= limits.max_id_chars)
                .map(str::to_string);
            cards.push(CheckedCard {
                id,
                checked: validate::validate_card(&item, limits),
            });
        },
    )
    .map_err(|e| FeedError::Json {
        line: e.line,
        column: e.column,
        message: e.message.to_string(),
    })?;
    if !document.is_object {
        return Err(FeedError::NotAnObject);
    }
    match document.members.get("version") {
        Some(v) if v.as_u64() == Some(FEED_VERSION) => {}
        Some(v) => {
            return Err(FeedError::Version {
                found: v.describe(),
            })
        }
        None => {
            return Err(FeedError::Version {
                found: "missing".into(),
            })
        }
    }
    if !document.has_array {
        return Err(FeedError::Cards);
    }
    if document.items == 0 {
        return Err(FeedError::Empty);
    }
    let read = limits.max_cards;
    let cap = (document.items > read).then(|| Rejection {
        index: read,
        id: None,
        field: "cards".into(),
        reason: format!(
            "the feed has {} cards; only the first {read} are read",
            document.items
        ),
    });
    Ok(CheckedFeed { cards, cap })
}
