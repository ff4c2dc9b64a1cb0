//! The outbox as stored text, one record per line:
//!
//! ```text
//! {"outbox":2,"next":13,"dropped":0}
//! {"seq":11,"type":"impression","card_id":"a","at":1764115200000}
//! {"seq":12,"type":"dwell","card_id":"a","at":1764115203100,"ms":3100}
//! ```
//!
//! Storage that dies mid-write keeps a prefix of this text: every line before the cut is whole,
//! so a cut loses at most the event being written. The previous release stored one JSON
//! object, `{"next":…,"dropped":…,"events":[…]}`; that form is still read, also cut short
//! (the events whose objects are whole are kept), so an update loses nothing.

use super::RestoreError;
use crate::core::analytics::event::{Event, Seq};
use crate::core::feed::json::Json;

/// The form [`write()`] writes.
pub const VERSION: u64 = 2;

/// What stored text held, before the outbox mends it (see [`super::Outbox::restore`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stored {
    /// The `seq` the next event was to get.
    pub next: Seq,
    /// Events dropped and not yet reported.
    pub dropped: u64,
    /// The events that could be read, in stored order (oldest first).
    pub events: Vec<Event>,
    /// Records that could not be read.
    pub unreadable: u64,
    /// The text ended mid-record.
    pub cut: bool,
}

/// The outbox's text: the header line, then one line per event.
pub fn write<'a>(
    next: Seq,
    dropped: u64,
    events: impl ExactSizeIterator<Item = &'a Event>,
) -> String {
    let mut out = String::with_capacity(48 + events.len() * 96);
    out.push_str("{\"outbox\":2,\"next\":");
    out.push_str(&next.to_string());
    out.push_str(",\"dropped\":");
    out.push_str(&dropped.to_string());
    out.push_str("}\n");
    for event in events {
        event.write_json(&mut out);
        out.push('\n');
    }
    out
}

/// Reads stored text in either form, keeping every event that can be read.
pub fn read(text: &str) -> Result<Stored, RestoreError> {
    let text = crate::core::feed::strip_bom(text).trim_start();
    let first = text.split('\n').next().unwrap_or("");
    match Json::parse(first) {
        Ok(header) if header.get("outbox").is_some() => read_lines(text, &header),
        // The previous release's single object (whole, or cut short).
        _ if text.starts_with('{') => read_object(text),
        _ => Err(RestoreError::NotJson),
    }
}

fn header_numbers(header: &Json) -> Result<(Seq, u64), RestoreError> {
    let next = header
        .get("next")
        .and_then(Json::as_u64)
        .ok_or(RestoreError::NoNext)?;
    let dropped = header.get("dropped").and_then(Json::as_u64).unwrap_or(0);
    Ok((next, dropped))
}

fn read_lines(text: &str, header: &Json) -> Result<Stored, RestoreError> {
    if header.get("outbox").and_then(Json::as_u64) != Some(VERSION) {
        return Err(RestoreError::NotJson);
    }
    let (next, dropped) = header_numbers(header)?;
    let mut stored = Stored {
        next,
        dropped,
        events: Vec::new(),
        unreadable: 0,
        cut: !text.ends_with('\n'),
    };
    for line in text.split('\n').skip(1) {
        if line.trim().is_empty() {
            continue;
        }
        match Json::parse(line).ok().as_ref().and_then(Event::from_json) {
            Some(event) => stored.events.push(event),
            None => stored.unreadable += 1,
        }
    }
    Ok(stored)
}

fn read_object(text: &str) -> Result<Stored, RestoreError> {
    if let Ok(json) = Json::parse(text) {
        let (next, dropped) = header_numbers(&json)?;
        let mut stored = Stored {
            next,
            dropped,
            events: Vec::new(),
            unreadable: 0,
            cut: false,
        };
        if let Some(Json::Array(items)) = json.get("events") {
            for item in items {
                match Event::from_json(item) {
                    Some(event) => stored.events.push(event),
                    None => stored.unreadable += 1,
                }
            }
        }
        return Ok(stored);
    }
    // Cut short: the previous release wrote `next` and `dropped` first, then the events, each a
    // flat object. The whole objects before the cut are read one by one.
    let number_after = |key: &str| -> Option<u64> {
        let at = text.find(key)? + key.len();
        let digits: &str = &text[at..];
        let end = digits
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(digits.len());
        // A number the cut ran through is not known.
        (end > 0 && end < digits.len())
            .then(|| digits[..end].parse().ok())
            .flatten()
    };
    let next = number_after("{\"next\":").ok_or(RestoreError::NoNext)?;
    let dropped = number_after(",\"dropped\":").unwrap_or(0);
    let mut stored = Stored {
        next,
        dropped,
        events: Vec::new(),
        unreadable: 0,
        cut: true,
    };
    let Some(start) = text.find("\"events\":[") else {
        return Ok(stored);
    };
    let mut rest = &text[start + "\"events\":[".len()..];
    while let Some(open) = rest.find('{') {
        let Some(len) = object_len(&rest[open..]) else {
            // The object the cut ran through: the event being written when it came.
            stored.unreadable += 1;
            break;
        };
        let object = &rest[open..open + len];
        match Json::parse(object).ok().as_ref().and_then(Event::from_json) {
            Some(event) => stored.events.push(event),
            None => stored.unreadable += 1,
        }
        rest = &rest[open + len..];
    }
    Ok(stored)
}

/// The length of the flat JSON object at the start of `text` (`{` to its `}`), strings read
/// with their escapes; `None` when the text ends first.
fn object_len(text: &str) -> Option<usize> {
    let mut in_string = false;
    let mut escaped = false;
    for (i, c) in text.char_indices() {
        match (in_string, escaped, c) {
            (true, true, _) => escaped = false,
            (true, false, '\\') => escaped = true,
            (true, false, '"') => in_string = false,
            (false, _, '"') => in_string = true,
            (false, _, '}') => return Some(i + 1),
            _ => {}
        }
    }
    None
}
