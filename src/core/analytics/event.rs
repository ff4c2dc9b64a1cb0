//! Analytics events (contracts §4): what happened to which card, and when. No personal data:
//! a card id, a time and the facts of the event, nothing about the viewer or the phone.

use crate::core::time::WallMs;

/// An event's number: one more than the event before, across reloads (the host de-duplicates
/// by it).
pub type Seq = u64;

/// Which way a swipe went, in feed order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Heading {
    /// To a later card.
    Next,
    /// To an earlier card.
    Previous,
}

impl Heading {
    /// Which way a move from card `from` to card `to` of `count` went: on a looping deck the
    /// step from the last card to the first is forward, and back from the first to the last.
    pub fn of_move(from: usize, to: usize, count: usize, looping: bool) -> Self {
        let step = |a: usize, b: usize| count > 0 && (a + 1) % count == b;
        if looping && step(from, to) {
            Heading::Next
        } else if looping && step(to, from) {
            Heading::Previous
        } else if to > from {
            Heading::Next
        } else {
            Heading::Previous
        }
    }

    /// `"next"` or `"previous"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Next => "next",
            Self::Previous => "previous",
        }
    }
}

/// What happened, with its own facts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum What {
    /// At least half of the card was in view for at least a second.
    Impression,
    /// The card was in view this long (sent when it leaves view or the screen turns off).
    Dwell {
        /// Milliseconds in view.
        ms: u64,
    },
    /// The viewer moved from this card to another.
    Swipe {
        /// The card now in view.
        to: String,
        /// Which way, in feed order.
        direction: Heading,
    },
    /// The call to action went to the host.
    Open,
    /// The viewer liked the card.
    Like,
    /// The viewer asked to share the card.
    Share,
    /// The card's picture or clip failed to load.
    MediaError {
        /// The source that failed.
        src: String,
    },
    /// The outbox was full and dropped this many of its oldest events (never silently).
    Dropped {
        /// How many.
        count: u64,
    },
}

impl What {
    /// The event's `type`.
    pub fn name(&self) -> &'static str {
        match self {
            Self::Impression => "impression",
            Self::Dwell { .. } => "dwell",
            Self::Swipe { .. } => "swipe",
            Self::Open => "open",
            Self::Like => "like",
            Self::Share => "share",
            Self::MediaError { .. } => "media_error",
            Self::Dropped { .. } => "dropped",
        }
    }
}

/// One event as the host receives it: `{ seq, type, card_id, at, … }` (written by
/// [`Event::write_json`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    /// Its number.
    pub seq: Seq,
    /// The card it is about (empty for `dropped`).
    pub card_id: String,
    /// When, in ms since the epoch.
    pub at: WallMs,
    /// What happened.
    pub what: What,
}

impl Event {
    /// Appends the event as JSON, as the outbox stores it. Integers only: nothing is formatted
    /// as a float.
    pub fn write_json(&self, out: &mut String) {
        out.push_str("{\"seq\":");
        out.push_str(&self.seq.to_string());
        out.push_str(",\"type\":\"");
        out.push_str(self.what.name());
        out.push_str("\",\"card_id\":");
        write_str(out, &self.card_id);
        out.push_str(",\"at\":");
        out.push_str(&self.at.0.to_string());
        match &self.what {
            What::Dwell { ms } => {
                out.push_str(",\"ms\":");
                out.push_str(&ms.to_string());
            }
            What::Swipe { to, direction } => {
                out.push_str(",\"to\":");
                write_str(out, to);
                out.push_str(",\"direction\":\"");
                out.push_str(direction.as_str());
                out.push('"');
            }
            What::MediaError { src } => {
                out.push_str(",\"src\":");
                write_str(out, src);
            }
            What::Dropped { count } => {
                out.push_str(",\"count\":");
                out.push_str(&count.to_string());
            }
            What::Impression | What::Open | What::Like | What::Share => {}
        }
        out.push('}');
    }

    /// Reads an event written by [`Event::write_json`]; `None` for anything else.
    pub fn from_json(value: &crate::core::feed::json::Json) -> Option<Self> {
        let text = |key: &str| value.get(key).and_then(|v| v.as_str()).map(str::to_owned);
        let number = |key: &str| value.get(key).and_then(|v| v.as_u64());
        let what = match value.get("type")?.as_str()? {
            "impression" => What::Impression,
            "dwell" => What::Dwell { ms: number("ms")? },
            "swipe" => What::Swipe {
                to: text("to")?,
                direction: match value.get("direction")?.as_str()? {
                    "next" => Heading::Next,
                    "previous" => Heading::Previous,
                    _ => return None,
                },
            },
            "open" => What::Open,
            "like" => What::Like,
            "share" => What::Share,
            "media_error" => What::MediaError { src: text("src")? },
            "dropped" => What::Dropped {
                count: number("count")?,
            },
            _ => return None,
        };
        Some(Self {
            seq: number("seq")?,
            card_id: text("card_id")?,
            // As stored, before the epoch included (a phone whose clock was unset).
            at: WallMs(value.get("at")?.as_i64()?),
            what,
        })
    }
}

/// Appends `s` as a JSON string.
pub fn write_str(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if u32::from(c) < 0x20 => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                let n = u32::from(c) as usize;
                out.push_str("\\u00");
                out.push(char::from(HEX[n >> 4]));
                out.push(char::from(HEX[n & 15]));
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_of_moves() {
        // (from, to, count, looping, heading)
        let table = [
            (0, 1, 5, false, Heading::Next),
            (3, 1, 5, false, Heading::Previous),
            (4, 0, 5, false, Heading::Previous), // a jump home, not a wrap
            (4, 0, 5, true, Heading::Next),      // the loop goes on
            (0, 4, 5, true, Heading::Previous),  // and back round
            (0, 3, 5, true, Heading::Next),
            (1, 0, 2, true, Heading::Next), // two cards: each step is both; forward wins
        ];
        for (from, to, count, looping, heading) in table {
            assert_eq!(
                Heading::of_move(from, to, count, looping),
                heading,
                "{from} → {to} of {count}, looping {looping}"
            );
        }
    }
    use crate::core::feed::json::Json;

    #[test]
    fn every_kind_round_trips_through_its_json() {
        let kinds = [
            What::Impression,
            What::Dwell { ms: 4200 },
            What::Swipe {
                to: "b".into(),
                direction: Heading::Previous,
            },
            What::Open,
            What::Like,
            What::Share,
            What::MediaError {
                src: "media/a \"b\"\n.jpg".into(),
            },
            What::Dropped { count: 17 },
        ];
        for (i, what) in kinds.into_iter().enumerate() {
            let event = Event {
                seq: 1000 + i as u64,
                card_id: "card \\ \u{1} ✓".into(),
                at: WallMs(1_764_115_200_000),
                what,
            };
            let mut json = String::new();
            event.write_json(&mut json);
            let parsed = Json::parse(&json).expect("valid JSON");
            assert_eq!(Event::from_json(&parsed), Some(event.clone()), "{json}");
            assert_eq!(
                parsed.get("type").and_then(Json::as_str),
                Some(event.what.name())
            );
        }
    }

    #[test]
    fn anything_else_is_not_an_event() {
        for text in [
            r#"{"seq":1,"type":"scroll","card_id":"a","at":1}"#,
            r#"{"seq":-1,"type":"open","card_id":"a","at":1}"#,
            r#"{"type":"open","card_id":"a","at":1}"#,
            r#"{"seq":1,"type":"dwell","card_id":"a","at":1}"#,
            r#"{"seq":1,"type":"swipe","card_id":"a","at":1,"to":"b","direction":"up"}"#,
            r#"[1,2]"#,
        ] {
            let json = Json::parse(text).expect("JSON");
            assert_eq!(Event::from_json(&json), None, "{text}");
        }
    }
}
