//! Field-by-field checks of one card. Every broken rule of a card is collected, in field order,
//! so a content team fixes a card in one round.

use crate::core::feed::json::Json;

use super::model::{
    Card, Cta, Focus, Kind, MatchStatus, Media, MediaType, Motion, Rgb, Score, Source, Team,
};
use super::Limits;
use crate::core::feed::url::{check_link_shape, check_media_url};
use crate::core::layout::lang::LangTag;
use crate::core::time::{parse_rfc3339, WallMs};

/// A broken rule: the field's path inside the card (`media.src`) and why.
pub(super) type Problem = (String, String);

/// Collects the problems of one card while reading its fields.
struct Reader<'a> {
    limits: &'a Limits,
    problems: Vec<Problem>,
    link: Option<Link>,
}

/// A call to action whose scheme the skin decides: whether the card shows depends on the
/// skin's allow-list, so it is judged for each skin ([`super::Checked::for_skin`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    /// Where its problem goes among the card's, in field order, when the skin refuses it.
    pub at: usize,
    /// The scheme (lower-case, no colon).
    pub scheme: String,
}

/// One card checked against every rule that does not depend on the skin.
#[derive(Debug, Clone, PartialEq)]
pub struct Checked {
    /// The card, when no such rule was broken.
    pub card: Option<Card>,
    /// The rules it broke, in field order.
    pub problems: Vec<Problem>,
    /// Its call to action's deep-link scheme, when it has one.
    pub link: Option<Link>,
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

impl Reader<'_> {
    fn fail(&mut self, field: String, reason: impl Into<String>) {
        self.problems.push((field, reason.into()));
    }

    /// The value at `key`, or `None` when it is absent or null (a problem when `required`).
    fn present<'v>(
        &mut self,
        obj: &'v Json,
        path: &str,
        key: &str,
        required: bool,
    ) -> Option<&'v Json> {
        match obj.get(key) {
            None | Some(Json::Null) => {
                if required {
                    self.fail(join(path, key), "is missing");
                }
                None
            }
            Some(value) => Some(value),
        }
    }

    /// A string of 1..=max characters (non-blank), or a problem. `None` when absent and optional.
    fn text(
        &mut self,
        obj: &Json,
        path: &str,
        key: &str,
        max: usize,
        required: bool,
    ) -> Option<String> {
        match self.present(obj, path, key, required)? {
            Json::String(s) => {
                let len = s.chars().count();
                if s.trim().is_empty() {
                    self.fail(join(path, key), "is empty");
                    None
                } else if len > max {
                    self.fail(
                        join(path, key),
                        format!("is {len} characters long; at most {max}"),
                    );
                    None
                } else {
                    Some(s.clone())
                }
            }
            other => {
                let reason = format!("must be a string, not {}", other.type_name());
                self.fail(join(path, key), reason);
                None
            }
        }
    }

    /// A nested object, or a problem. `None` when absent and optional.
    fn object<'v>(
        &mut self,
        obj: &'v Json,
        path: &str,
        key: &str,
        required: bool,
    ) -> Option<&'v Json> {
        match self.present(obj, path, key, required)? {
            o @ Json::Object(_) => Some(o),
            other => {
                let reason = format!("must be an object, not {}", other.type_name());
                self.fail(join(path, key), reason);
                None
            }
        }
    }

    /// One of a fixed set of names.
    fn choice<T: Copy>(
        &mut self,
        obj: &Json,
        path: &str,
        key: &str,
        all: &[T],
        name: fn(T) -> &'static str,
        required: bool,
    ) -> Option<T> {
        let text = self.text(obj, path, key, 64, required)?;
        let found = all.iter().copied().find(|v| name(*v) == text);
        if found.is_none() {
            let names: Vec<_> = all.iter().map(|v| name(*v)).collect();
            self.fail(
                join(path, key),
                format!("must be one of {}; found \"{text}\"", names.join(", ")),
            );
        }
        found
    }

    fn media_url(&mut self, obj: &Json, path: &str, key: &str, required: bool) -> Option<String> {
        let url = self.text(obj, path, key, usize::MAX, required)?;
        match check_media_url(&url) {
            Ok(()) => Some(url),
            Err(e) => {
                self.fail(join(path, key), e.to_string());
                None
            }
        }
    }

    fn dimension(&mut self, obj: &Json, key: &str) -> Option<u32> {
        // `null` is absent, as for every other optional field.
        let value = obj.get(key).filter(|v| !matches!(v, Json::Null))?;
        match value.as_u64() {
            Some(n @ 1..=16_384) => Some(n as u32),
            _ => {
                self.fail(
                    join("media", key),
                    "must be a whole number of pixels from 1 to 16384",
                );
                None
            }
        }
    }

    /// How long the card stays before auto-advance, in whole milliseconds.
    fn advance_after(&mut self, card: &Json) -> Option<u32> {
        let value = card.get("advance_after_ms")?;
        match value.as_u64() {
            Some(n @ 1_000..=120_000) => Some(n as u32),
            _ if matches!(value, Json::Null) => None,
            _ => {
                self.fail(
                    "advance_after_ms".into(),
                    format!(
                        "must be a whole number of milliseconds from 1000 to 120000; found {}",
                        value.describe()
                    ),
                );
                None
            }
        }
    }

    fn timestamp(&mut self, obj: &Json, key: &str) -> Option<WallMs> {
        let text = self.text(obj, "", key, 64, false)?;
        let parsed = parse_rfc3339(&text);
        if parsed.is_none() {
            self.fail(
                key.to_string(),
                format!(
                    "must be an RFC 3339 date-time such as 2026-11-25T14:00:00Z; found \"{text}\""
                ),
            );
        }
        parsed
    }

    fn media(&mut self, card: &Json, kind: Option<Kind>) -> Option<Media> {
        let required = matches!(kind, Some(Kind::Image | Kind::Video));
        let obj = self.object(card, "", "media", required)?;
        let media_type = self.choice(
            obj,
            "media",
            "type",
            &[MediaType::Image, MediaType::Video],
            |t| match t {
                MediaType::Image => "image",
                MediaType::Video => "video",
            },
            true,
        );
        match (kind, media_type) {
            (Some(Kind::Image), Some(MediaType::Video)) => {
                self.fail("media.type".into(), "must be \"image\" on an image card")
            }
            (Some(Kind::Video), Some(MediaType::Image)) => {
                self.fail("media.type".into(), "must be \"video\" on a video card")
            }
            _ => {}
        }
        let src = self.media_url(obj, "media", "src", true);
        let width = self.dimension(obj, "width");
        let height = self.dimension(obj, "height");
        let focus = match self.object(obj, "media", "focus", false) {
            None => Some(Focus::default()),
            Some(f) => {
                let mut coord = |key: &str| match f.get(key).and_then(Json::as_f64) {
                    Some(v) if (0.0..=1.0).contains(&v) => Some(v as f32),
                    _ => {
                        self.fail(format!("media.focus.{key}"), "must be a number from 0 to 1");
                        None
                    }
                };
                let (x, y) = (coord("x"), coord("y"));
                Some(Focus { x: x?, y: y? })
            }
        };
        let color = self.text(obj, "media", "color", 16, false).and_then(|c| {
            let rgb = Rgb::parse(&c);
            if rgb.is_none() {
                self.fail(
                    "media.color".into(),
                    format!("must be #rgb or #rrggbb; found \"{c}\""),
                );
            }
            rgb
        });
        let poster = self.media_url(obj, "media", "poster", false);
        Some(Media {
            media_type: media_type?,
            src: src?,
            width,
            height,
            focus: focus?,
            color,
            poster,
        })
    }

    fn team(&mut self, score: &Json, side: &str) -> Option<Team> {
        let path = format!("score.{side}");
        let obj = self.object(score, "score", side, true)?;
        let name = self.text(obj, &path, "name", 40, true);
        let value = self.text(obj, &path, "score", 16, true);
        Some(Team {
            name: name?,
            score: value?,
        })
    }

    fn score(&mut self, card: &Json, kind: Option<Kind>) -> Option<Score> {
        // Only a sports card draws a score block; on other kinds the field is ignored.
        if kind != Some(Kind::Sports) {
            return None;
        }
        let obj = self.object(card, "", "score", true)?;
        let home = self.team(obj, "home");
        let away = self.team(obj, "away");
        let status = self.choice(
            obj,
            "score",
            "status",
            &MatchStatus::ALL,
            MatchStatus::as_str,
            true,
        );
        let clock = self.text(obj, "score", "clock", 16, false);
        Some(Score {
            home: home?,
            away: away?,
            status: status?,
            clock,
        })
    }

    fn source(&mut self, card: &Json, kind: Option<Kind>) -> Option<Source> {
        let required = matches!(kind, Some(Kind::News | Kind::Sponsored));
        let obj = self.object(card, "", "source", required)?;
        let name = self.text(obj, "source", "name", self.limits.max_name_chars, true);
        let logo = self.media_url(obj, "source", "logo", false);
        Some(Source { name: name?, logo })
    }

    fn cta(&mut self, card: &Json) -> Option<Cta> {
        let obj = self.object(card, "", "cta", false)?;
        let label = self.text(obj, "cta", "label", self.limits.max_label_chars, true);
        let url = self
            .text(obj, "cta", "url", usize::MAX, true)
            .and_then(|url| match check_link_shape(&url) {
                Ok(None) => Some(url),
                Ok(Some(scheme)) => {
                    self.link = Some(Link {
                        at: self.problems.len(),
                        scheme,
                    });
                    Some(url)
                }
                Err(e) => {
                    self.fail("cta.url".into(), e.to_string());
                    None
                }
            });
        let unlock = match obj.get("unlock") {
            None | Some(Json::Null) => Some(true),
            Some(Json::Bool(b)) => Some(*b),
            Some(other) => {
                self.fail(
                    "cta.unlock".into(),
                    format!("must be true or false, not {}", other.type_name()),
                );
                None
            }
        };
        Some(Cta {
            label: label?,
            url: url?,
            unlock: unlock?,
        })
    }
}

/// Reads one card, or every problem it has.
pub(super) fn validate_card(value: &Json, limits: &Limits) -> Checked {
    let card @ Json::Object(_) = value else {
        return Checked {
            card: None,
            problems: vec![(
                "card".into(),
                format!("must be an object, not {}", value.type_name()),
            )],
            link: None,
        };
    };
    let mut r = Reader {
        limits,
        problems: Vec::new(),
        link: None,
    };
    let id = r.text(card, "", "id", limits.max_id_chars, true);
    if let Some(bad) = id
        .as_deref()
        .and_then(|s| s.chars().find(|c| c.is_control()))
    {
        r.fail(
            "id".into(),
            format!("contains the control character U+{:04X}", u32::from(bad)),
        );
    }
    let kind = r.choice(card, "", "kind", &Kind::ALL, Kind::as_str, true);
    let lang = r.text(card, "", "lang", 64, true).and_then(|tag| {
        let parsed = LangTag::parse(&tag);
        if parsed.is_none() {
            r.fail(
                "lang".into(),
                format!(
                    "must be a BCP 47 language tag such as \"hi\" or \"ur-PK\"; found \"{tag}\""
                ),
            );
        }
        parsed
    });
    let title = r.text(card, "", "title", limits.max_title_chars, true);
    let summary = r.text(card, "", "summary", limits.max_summary_chars, false);
    let media = r.media(card, kind);
    let source = r.source(card, kind);
    let cta = r.cta(card);
    let score = r.score(card, kind);
    let starts_at = r.timestamp(card, "starts_at");
    let expires_at = r.timestamp(card, "expires_at");
    if let (Some(s), Some(e)) = (starts_at, expires_at) {
        if e <= s {
            r.fail("expires_at".into(), "must be later than starts_at");
        }
    }
    let motion = r.choice(card, "", "motion", &Motion::ALL, Motion::as_str, false);
    let advance_after_ms = r.advance_after(card);

    let link = r.link.take();
    if !r.problems.is_empty() {
        return Checked {
            card: None,
            problems: r.problems,
            link,
        };
    }
    // Every required field was read or a problem was recorded above, so these are all present.
    let card = match (id, kind, lang, title) {
        (Some(id), Some(kind), Some(lang), Some(title)) => Some(Card {
            id,
            kind,
            lang,
            title,
            summary,
            media,
            source,
            cta,
            score,
            starts_at,
            expires_at,
            motion,
            advance_after_ms,
        }),
        _ => None,
    };
    Checked {
        problems: if card.is_some() {
            Vec::new()
        } else {
            vec![("card".into(), "is incomplete".into())]
        },
        card,
        link,
    }
}
