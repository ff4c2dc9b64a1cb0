//! The values JS receives (notices, feed reports, layouts), written to a [`Sink`] by hand
//! instead of through a serializer framework, whose generic code took kilobytes of the
//! module. The browser's sink builds JS objects (`src/exports.rs`); the host tests' sink writes
//! JSON, which is checked against what serde's derive made of the same types, with the same
//! names (camelCase, as every name JS receives).

use crate::core::analytics::event::write_str;
use crate::core::feed::Rejection;
use crate::core::geometry::Rect;
use crate::core::layout::{Block, BlockKind, CardLayout, MediaFit, Warning};
use crate::core::session::notice::Notice;

/// Where a value is written: objects, arrays and scalars, in document order.
pub trait Sink {
    /// Starts an object (as the value of the pending key, or an array item).
    fn begin_object(&mut self);
    /// Names the next value of the current object.
    fn key(&mut self, key: &str);
    /// Ends the current object.
    fn end_object(&mut self);
    /// Starts an array.
    fn begin_array(&mut self);
    /// Ends the current array.
    fn end_array(&mut self);
    /// A number.
    fn number(&mut self, value: f64);
    /// A string.
    fn string(&mut self, value: &str);
    /// `true` or `false`.
    fn boolean(&mut self, value: bool);
    /// `null`.
    fn null(&mut self);
}

/// A value that writes itself to a [`Sink`].
pub trait ToValue {
    /// Writes the value.
    fn write(&self, out: &mut dyn Sink);
}

/// `key: number` in the current object.
pub fn number(out: &mut dyn Sink, key: &str, value: f64) {
    out.key(key);
    out.number(value);
}

/// `key: "text"` in the current object.
pub fn string(out: &mut dyn Sink, key: &str, value: &str) {
    out.key(key);
    out.string(value);
}

/// `key: bool` in the current object.
pub fn boolean(out: &mut dyn Sink, key: &str, value: bool) {
    out.key(key);
    out.boolean(value);
}

/// `key: value` in the current object.
pub fn value(out: &mut dyn Sink, key: &str, value: &dyn ToValue) {
    out.key(key);
    value.write(out);
}

/// `key: [items]` in the current object.
pub fn array<T: ToValue>(out: &mut dyn Sink, key: &str, items: &[T]) {
    out.key(key);
    out.begin_array();
    for item in items {
        item.write(out);
    }
    out.end_array();
}

impl ToValue for Rect {
    fn write(&self, out: &mut dyn Sink) {
        out.begin_object();
        number(out, "x", self.x.into());
        number(out, "y", self.y.into());
        number(out, "width", self.width.into());
        number(out, "height", self.height.into());
        out.end_object();
    }
}

impl ToValue for String {
    fn write(&self, out: &mut dyn Sink) {
        out.string(self);
    }
}

/// The block kind's name, as JS receives it.
pub fn block_kind(kind: BlockKind) -> &'static str {
    match kind {
        BlockKind::Source => "source",
        BlockKind::Disclosure => "disclosure",
        BlockKind::Score => "score",
        BlockKind::Title => "title",
        BlockKind::Summary => "summary",
        BlockKind::Cta => "cta",
        BlockKind::Actions => "actions",
    }
}

impl ToValue for Block {
    fn write(&self, out: &mut dyn Sink) {
        out.begin_object();
        string(out, "kind", block_kind(self.kind));
        value(out, "rect", &self.rect);
        number(out, "fontSize", self.font_size.into());
        number(out, "lineHeight", self.line_height.into());
        array(out, "lines", &self.lines);
        out.end_object();
    }
}

impl ToValue for Warning {
    fn write(&self, out: &mut dyn Sink) {
        out.begin_object();
        let code = match self {
            Self::HeadlineEllipsised => "headlineEllipsised",
            Self::SummaryShortened => "summaryShortened",
            Self::SummaryDropped => "summaryDropped",
            Self::SourceDropped => "sourceDropped",
            Self::ScoreDropped => "scoreDropped",
            Self::CtaDropped => "ctaDropped",
            Self::ActionsDropped => "actionsDropped",
            Self::TextZoneTooSmall => "textZoneTooSmall",
            Self::FocusCovered => "focusCovered",
            Self::MediaSizeUnknown => "mediaSizeUnknown",
            Self::ScrimNeeded { .. } => "scrimNeeded",
        };
        string(out, "code", code);
        if let Self::ScrimNeeded { alpha } = self {
            number(out, "alpha", (*alpha).into());
        }
        out.end_object();
    }
}

impl ToValue for MediaFit {
    fn write(&self, out: &mut dyn Sink) {
        out.begin_object();
        number(out, "x", self.x.into());
        number(out, "y", self.y.into());
        out.end_object();
    }
}

impl ToValue for CardLayout {
    fn write(&self, out: &mut dyn Sink) {
        out.begin_object();
        value(out, "card", &self.card);
        array(out, "reserved", &self.reserved);
        value(out, "textZone", &self.text_zone);
        array(out, "blocks", &self.blocks);
        out.key("media");
        match &self.media {
            Some(fit) => fit.write(out),
            None => out.null(),
        }
        number(out, "scrim", self.scrim.into());
        array(out, "warnings", &self.warnings);
        string(out, "direction", self.direction.as_attr());
        string(out, "fontFamily", &self.font_family);
        out.end_object();
    }
}

impl ToValue for Rejection {
    fn write(&self, out: &mut dyn Sink) {
        out.begin_object();
        number(out, "index", self.index as f64);
        if let Some(id) = &self.id {
            string(out, "id", id);
        }
        string(out, "field", &self.field);
        string(out, "reason", &self.reason);
        out.end_object();
    }
}

impl ToValue for Notice {
    fn write(&self, out: &mut dyn Sink) {
        out.begin_object();
        match self {
            Self::CardChange {
                index,
                card_id,
                count,
            } => {
                string(out, "type", "cardChange");
                number(out, "index", *index as f64);
                string(out, "cardId", card_id);
                number(out, "count", *count as f64);
            }
            Self::Open {
                card_id,
                url,
                unlock,
            } => {
                string(out, "type", "open");
                string(out, "cardId", card_id);
                string(out, "url", url);
                boolean(out, "unlock", *unlock);
            }
            Self::Like { card_id } => {
                string(out, "type", "like");
                string(out, "cardId", card_id);
            }
            Self::Share { card_id } => {
                string(out, "type", "share");
                string(out, "cardId", card_id);
            }
            Self::Track { batch, events } => {
                string(out, "type", "track");
                number(out, "batch", *batch as f64);
                string(out, "events", events);
            }
            Self::Store { key, value } => {
                string(out, "type", "store");
                string(out, "key", key);
                string(out, "value", value);
            }
            Self::MediaError { card_id, src } => {
                string(out, "type", "mediaError");
                string(out, "cardId", card_id);
                string(out, "src", src);
            }
            Self::Expired { next_starts_at } => {
                string(out, "type", "expired");
                out.key("nextStartsAt");
                match next_starts_at {
                    Some(t) => out.number(t.0 as f64),
                    None => out.null(),
                }
            }
        }
        out.end_object();
    }
}

/// A sink that writes JSON text, for host tools and tests (the golden layouts). It formats
/// floats, which the module never does: the browser build does not use it.
#[derive(Default)]
pub struct JsonText {
    /// The text so far.
    pub text: String,
    first: Vec<bool>,
}

impl JsonText {
    /// The JSON text of `value`.
    pub fn of(value: &dyn ToValue) -> String {
        let mut sink = Self::default();
        value.write(&mut sink);
        sink.text
    }

    fn item(&mut self) {
        if let Some(first) = self.first.last_mut() {
            if !*first && !self.text.ends_with(':') {
                self.text.push(',');
            }
            *first = false;
        }
    }
}

impl Sink for JsonText {
    fn begin_object(&mut self) {
        self.item();
        self.text.push('{');
        self.first.push(true);
    }
    fn key(&mut self, key: &str) {
        self.item();
        write_str(&mut self.text, key);
        self.text.push(':');
    }
    fn end_object(&mut self) {
        self.first.pop();
        self.text.push('}');
    }
    fn begin_array(&mut self) {
        self.item();
        self.text.push('[');
        self.first.push(true);
    }
    fn end_array(&mut self) {
        self.first.pop();
        self.text.push(']');
    }
    fn number(&mut self, value: f64) {
        self.item();
        if value.is_finite() {
            self.text.push_str(&format!("{value}"));
        } else {
            self.text.push_str("null");
        }
    }
    fn string(&mut self, value: &str) {
        self.item();
        write_str(&mut self.text, value);
    }
    fn boolean(&mut self, value: bool) {
        self.item();
        self.text.push_str(if value { "true" } else { "false" });
    }
    fn null(&mut self) {
        self.item();
        self.text.push_str("null");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::feed::{parse_feed, Limits};
    use crate::core::layout::text::segment::SpacesOnly;
    use crate::core::layout::text::FixedAdvance;
    use crate::core::layout::{layout_card, Device};
    use crate::core::time::WallMs;
    use crate::core::ui::skin::Skin;

    /// Every number as a JS number (an f64: JS does not tell 13 from 13.0), to a millionth:
    /// far finer than an f32 coordinate, far coarser than the last digit serde_json's
    /// number parser may miss.
    fn as_js(v: serde_json::Value) -> serde_json::Value {
        use serde_json::Value;
        match v {
            Value::Number(n) => n
                .as_f64()
                .map_or(Value::Null, |f| Value::from((f * 1e6).round() / 1e6)),
            Value::Array(items) => Value::Array(items.into_iter().map(as_js).collect()),
            Value::Object(map) => {
                Value::Object(map.into_iter().map(|(k, v)| (k, as_js(v))).collect())
            }
            other => other,
        }
    }

    /// What the sink wrote, read back by serde_json.
    fn written(v: &dyn ToValue) -> serde_json::Value {
        let text = JsonText::of(v);
        as_js(serde_json::from_str(&text).unwrap_or_else(|e| panic!("{e}: {text}")))
    }

    /// The same value as serde's derive (the way JS received it before) makes it.
    fn derived<T: serde::Serialize>(v: &T) -> serde_json::Value {
        as_js(serde_json::to_value(v).expect("serialises"))
    }

    #[test]
    fn every_layout_of_the_sample_is_what_serde_made_of_it() {
        let limits = Limits {
            deep_link_schemes: vec!["glance".into()],
            ..Limits::default()
        };
        let feed = parse_feed(include_str!("../../www/feeds/sample.json"), &limits)
            .expect("the sample feed");
        for name in ["generic", "vivo-originos", "oppo-coloros"] {
            let skin = Skin::builtin(name).expect("a built-in skin");
            for (w, h) in [(360.0, 640.0), (412.0, 915.0), (800.0, 1280.0)] {
                for card in &feed.cards {
                    let mut layout = layout_card(
                        card,
                        &skin,
                        &Device::new(w, h),
                        &mut FixedAdvance::default(),
                        &mut SpacesOnly,
                    );
                    if card.id.len() % 2 == 0 {
                        layout.with_sampled_scrim(0.75);
                    }
                    assert_eq!(
                        written(&layout),
                        derived(&layout),
                        "{name} {w}×{h} {}",
                        card.id
                    );
                }
            }
        }
    }

    #[test]
    fn every_notice_and_rejection_is_what_serde_made_of_it() {
        let notices = [
            Notice::CardChange {
                index: 3,
                card_id: "a\"b".into(),
                count: 14,
            },
            Notice::Open {
                card_id: "c".into(),
                url: "https://example.com/?q=1&r=\u{1F600}".into(),
                unlock: true,
            },
            Notice::Like {
                card_id: "d".into(),
            },
            Notice::Share {
                card_id: "e".into(),
            },
            Notice::Track {
                batch: 7,
                events: "[{\"seq\":1}]".into(),
            },
            Notice::Store {
                key: "outbox",
                value: "line\nline".into(),
            },
            Notice::MediaError {
                card_id: "f".into(),
                src: "media/x.jpg".into(),
            },
            Notice::Expired {
                next_starts_at: Some(WallMs(1_764_000_000_000)),
            },
            Notice::Expired {
                next_starts_at: None,
            },
        ];
        for notice in &notices {
            assert_eq!(written(notice), derived(notice), "{notice:?}");
        }
        for rejection in [
            Rejection {
                index: 2,
                id: Some("x".into()),
                field: "media.src".into(),
                reason: "must be https".into(),
            },
            Rejection {
                index: 0,
                id: None,
                field: "card".into(),
                reason: "not an object".into(),
            },
        ] {
            assert_eq!(written(&rejection), derived(&rejection));
        }
    }
}
