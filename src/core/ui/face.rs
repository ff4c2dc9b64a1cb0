//! A card's face: everything its elements show, decided once from the card, its layout and
//! the words of its language, as plain data. The browser builds the card's DOM from it, and
//! the same face, written as JSON ([`Face::write_json`]), is what the host keeps of the card
//! at rest, so that the shim can paint it without the module (at wake, below the WebView
//! floor, after a fault) exactly where the renderer puts it.

use crate::core::analytics::event::write_str;
use crate::core::feed::{Card, Kind, MatchStatus, MediaType};
use crate::core::geometry::Rect;
use crate::core::layout::text::with_break_spaces;
use crate::core::layout::{BlockKind, CardLayout};
use crate::core::time::WallMs;
use crate::core::ui::actions::Action;
use crate::core::ui::locale::strings;

/// Where a card stands and what it is told with.
#[derive(Clone, Copy, Debug)]
pub struct Place {
    /// Position among the shown cards.
    pub index: usize,
    /// How many cards are shown.
    pub total: usize,
    /// The time now, for "2 h ago".
    pub now: WallMs,
    /// Whether the viewer liked it already.
    pub liked: bool,
}

/// The card's picture or clip.
#[derive(Clone, Debug, PartialEq)]
pub struct FaceMedia {
    /// A clip (else a picture).
    pub video: bool,
    /// Its source.
    pub src: String,
    /// A clip's still, when it has one.
    pub poster: Option<String>,
    /// The colour behind it (`#rrggbb`), shown while it loads or when it fails.
    pub color: Option<String>,
    /// Its `object-position`, e.g. `50.0% 31.5%`.
    pub position: String,
    /// It failed to load: the card shows its colour instead (a clip's poster stays).
    pub failed: bool,
}

/// What one block shows.
#[derive(Clone, Debug, PartialEq)]
pub enum Content {
    /// The sponsor's line: the badge, then the sponsor's name.
    Disclosure {
        /// "Sponsored", in the card's language.
        badge: &'static str,
        /// The sponsor.
        name: Option<String>,
    },
    /// The source's line: logo, name, and for news how long ago.
    Source {
        /// The source's logo.
        logo: Option<String>,
        /// The source's name.
        name: Option<String>,
        /// How long ago, for news.
        time: Option<String>,
    },
    /// The two teams with their scores, the status badge and the match clock.
    Score {
        /// Home, then away: each name and score.
        teams: Option<[(String, String); 2]>,
        /// The status badge's text.
        status: &'static str,
        /// Whether the match is live (its badge is the live one).
        live: bool,
        /// The match clock.
        clock: Option<String>,
    },
    /// The headline's or the summary's lines, as they show (break spaces included).
    Lines(Vec<String>),
    /// The call to action: its label, and the hint when it unlocks first.
    Cta {
        /// The button's text.
        label: Option<String>,
        /// Where it leads.
        url: Option<String>,
        /// "Unlock to continue", when it unlocks first.
        unlock: Option<&'static str>,
    },
    /// Like and share, with their labels in the card's language.
    Actions {
        /// The like button's label.
        like: &'static str,
        /// The share button's label.
        share: &'static str,
        /// Whether the like button shows pressed.
        liked: bool,
    },
}

/// A placed block of the card.
#[derive(Clone, Debug, PartialEq)]
pub struct FaceBlock {
    /// Which block.
    pub kind: BlockKind,
    /// Where, in CSS px from the card's corner.
    pub rect: Rect,
    /// Font size, CSS px.
    pub font_size: f32,
    /// Line height, CSS px.
    pub line_height: f32,
    /// What it shows.
    pub content: Content,
}

/// Everything a card's elements show.
#[derive(Clone, Debug, PartialEq)]
pub struct Face {
    /// The card's id.
    pub id: String,
    /// Its kind, as the feed names it.
    pub kind: &'static str,
    /// Its language tag.
    pub lang: String,
    /// Its text direction (`ltr`, `rtl`).
    pub dir: &'static str,
    /// The font-family its text was measured in.
    pub font: String,
    /// The role description, "card" in its language.
    pub role: &'static str,
    /// The accessible name: its position and headline, in its language.
    pub label: String,
    /// Its picture or clip.
    pub media: Option<FaceMedia>,
    /// The scrim's top edge, CSS px.
    pub scrim_top: f32,
    /// The scrim's opacity in hundredths (0–99).
    pub scrim: u32,
    /// The blocks, top to bottom.
    pub blocks: Vec<FaceBlock>,
}

/// A fraction as a percentage to a tenth, formatted with integers only.
fn percent(v: f32) -> String {
    let tenths = (v.clamp(0.0, 1.0) * 1000.0).round() as u32;
    format!("{}.{}%", tenths / 10, tenths % 10)
}

/// A scrim opacity (0–1) in hundredths, at most 0.99.
pub fn scrim_hundredths(alpha: f32) -> u32 {
    ((alpha.clamp(0.0, 0.99) * 100.0).round() as u32).min(99)
}

/// The block's name in `data-block` (the layout report uses the same names).
pub use crate::core::values::block_kind as block_name;

impl Face {
    /// The face of `card` laid out as `layout`, at `place`.
    pub fn of(card: &Card, layout: &CardLayout, place: Place) -> Self {
        let ui = strings(card.lang.as_str());
        let lang = card.lang.as_str();
        let media = card.media.as_ref().map(|m| {
            let fit = layout.media.map_or((m.focus.x, m.focus.y), |f| (f.x, f.y));
            FaceMedia {
                video: m.media_type == MediaType::Video,
                src: m.src.clone(),
                poster: m.poster.clone(),
                color: m.color.map(|c| c.to_hex()),
                position: format!("{} {}", percent(fit.0), percent(fit.1)),
                failed: false,
            }
        });
        let blocks = layout
            .blocks
            .iter()
            .map(|block| {
                let content = match block.kind {
                    BlockKind::Disclosure => Content::Disclosure {
                        badge: ui.sponsored,
                        name: card.source.as_ref().map(|s| s.name.clone()),
                    },
                    BlockKind::Source => Content::Source {
                        logo: card.source.as_ref().and_then(|s| s.logo.clone()),
                        name: card.source.as_ref().map(|s| s.name.clone()),
                        time: (card.kind == Kind::News)
                            .then(|| card.starts_at.and_then(|t| ui.ago(place.now, t, lang)))
                            .flatten(),
                    },
                    BlockKind::Score => {
                        let score = card.score.as_ref();
                        let (status, live) = match score.map(|s| s.status) {
                            Some(MatchStatus::Live) => (ui.live, true),
                            Some(MatchStatus::Final) => (ui.final_score, false),
                            _ => (ui.upcoming, false),
                        };
                        Content::Score {
                            teams: score.map(|s| {
                                [
                                    (s.home.name.clone(), s.home.score.clone()),
                                    (s.away.name.clone(), s.away.score.clone()),
                                ]
                            }),
                            status,
                            live,
                            clock: score.and_then(|s| s.clock.clone()),
                        }
                    }
                    BlockKind::Title | BlockKind::Summary => {
                        let source = match (block.kind, &card.summary) {
                            (BlockKind::Summary, Some(summary)) => summary.as_str(),
                            _ => card.title.as_str(),
                        };
                        Content::Lines(with_break_spaces(source, &block.lines))
                    }
                    BlockKind::Cta => Content::Cta {
                        label: card.cta.as_ref().map(|c| c.label.clone()),
                        url: card.cta.as_ref().map(|c| c.url.clone()),
                        unlock: card
                            .cta
                            .as_ref()
                            .and_then(|c| c.unlock.then_some(ui.unlock)),
                    },
                    BlockKind::Actions => Content::Actions {
                        like: ui.like,
                        share: ui.share,
                        liked: place.liked,
                    },
                };
                FaceBlock {
                    kind: block.kind,
                    rect: block.rect,
                    font_size: block.font_size,
                    line_height: block.line_height,
                    content,
                }
            })
            .collect();
        Self {
            id: card.id.clone(),
            kind: card.kind.as_str(),
            lang: lang.to_owned(),
            dir: layout.direction.as_attr(),
            font: layout.font_family.clone(),
            role: ui.card,
            label: format!(
                "{}: {}",
                ui.position(place.index + 1, place.total, lang),
                card.title
            ),
            media,
            scrim_top: layout.text_top() - 64.0,
            scrim: scrim_hundredths(layout.scrim),
            blocks,
        }
    }

    /// Appends the face as one JSON object: lengths in CSS px to a tenth, written with
    /// integers only (no float formatting in the module). `www/host/still.js` paints it.
    pub fn write_json(&self, out: &mut String) {
        out.push_str("{\"id\":");
        write_str(out, &self.id);
        out.push_str(",\"kind\":\"");
        out.push_str(self.kind);
        out.push_str("\",\"lang\":");
        write_str(out, &self.lang);
        out.push_str(",\"dir\":\"");
        out.push_str(self.dir);
        out.push_str("\",\"font\":");
        write_str(out, &self.font);
        out.push_str(",\"role\":");
        write_str(out, self.role);
        out.push_str(",\"label\":");
        write_str(out, &self.label);
        if let Some(m) = &self.media {
            out.push_str(",\"media\":{\"video\":");
            out.push_str(if m.video { "true" } else { "false" });
            out.push_str(",\"src\":");
            write_str(out, &m.src);
            opt(out, "poster", m.poster.as_deref());
            opt(out, "color", m.color.as_deref());
            out.push_str(",\"position\":");
            write_str(out, &m.position);
            if m.failed {
                out.push_str(",\"failed\":true");
            }
            out.push('}');
        }
        out.push_str(",\"scrimTop\":");
        tenths(out, self.scrim_top);
        out.push_str(",\"scrim\":");
        out.push_str(&self.scrim.to_string());
        out.push_str(",\"blocks\":[");
        for (i, b) in self.blocks.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            out.push_str("{\"kind\":\"");
            out.push_str(block_name(b.kind));
            out.push_str("\",\"rect\":[");
            for (j, v) in [b.rect.x, b.rect.y, b.rect.width, b.rect.height]
                .into_iter()
                .enumerate()
            {
                if j > 0 {
                    out.push(',');
                }
                tenths(out, v);
            }
            out.push_str("],\"fontSize\":");
            tenths(out, b.font_size);
            out.push_str(",\"lineHeight\":");
            tenths(out, b.line_height);
            match &b.content {
                Content::Disclosure { badge, name } => {
                    out.push_str(",\"badge\":");
                    write_str(out, badge);
                    opt(out, "name", name.as_deref());
                }
                Content::Source { logo, name, time } => {
                    opt(out, "logo", logo.as_deref());
                    opt(out, "name", name.as_deref());
                    opt(out, "time", time.as_deref());
                }
                Content::Score {
                    teams,
                    status,
                    live,
                    clock,
                } => {
                    if let Some(teams) = teams {
                        out.push_str(",\"teams\":[");
                        for (k, (name, score)) in teams.iter().enumerate() {
                            if k > 0 {
                                out.push(',');
                            }
                            out.push('[');
                            write_str(out, name);
                            out.push(',');
                            write_str(out, score);
                            out.push(']');
                        }
                        out.push(']');
                    }
                    out.push_str(",\"status\":");
                    write_str(out, status);
                    out.push_str(",\"live\":");
                    out.push_str(if *live { "true" } else { "false" });
                    opt(out, "clock", clock.as_deref());
                }
                Content::Lines(lines) => {
                    out.push_str(",\"lines\":[");
                    for (k, line) in lines.iter().enumerate() {
                        if k > 0 {
                            out.push(',');
                        }
                        write_str(out, line);
                    }
                    out.push(']');
                }
                Content::Cta { label, url, unlock } => {
                    opt(out, "label", label.as_deref());
                    opt(out, "url", url.as_deref());
                    opt(out, "unlock", *unlock);
                }
                Content::Actions { like, share, liked } => {
                    out.push_str(",\"like\":");
                    write_str(out, like);
                    out.push_str(",\"share\":");
                    write_str(out, share);
                    out.push_str(",\"liked\":");
                    out.push_str(if *liked { "true" } else { "false" });
                    // The icons' drawings, so the painter has them without a copy of its own.
                    for (key, action) in [
                        (",\"likeIcon\":", Action::Like),
                        (",\"shareIcon\":", Action::Share),
                    ] {
                        if let Some(path) = action.icon() {
                            out.push_str(key);
                            write_str(out, path);
                        }
                    }
                }
            }
            out.push('}');
        }
        out.push_str("]}");
    }
}

/// `,"key":"value"` when there is a value.
fn opt(out: &mut String, key: &str, value: Option<&str>) {
    if let Some(v) = value {
        out.push_str(",\"");
        out.push_str(key);
        out.push_str("\":");
        write_str(out, v);
    }
}

/// A length to a tenth, as a JSON number written with integers only: `229.5`, `-12`.
pub fn tenths(out: &mut String, v: f32) {
    let t = if v.is_finite() {
        (v * 10.0).round() as i64
    } else {
        0
    };
    if t < 0 {
        out.push('-');
    }
    let abs = t.unsigned_abs();
    out.push_str(&(abs / 10).to_string());
    if abs % 10 != 0 {
        out.push('.');
        out.push_str(&(abs % 10).to_string());
    }
}

/// What the host keeps of the screen at rest: the frame the cards stand in, then the face of
/// the card in view and of the next one. `www/host/still.js` reads it.
pub struct Still<'a> {
    /// The skin's name.
    pub skin: &'a str,
    /// The screen, CSS px.
    pub size: (f32, f32),
    /// Whether the deck runs vertically.
    pub vertical: bool,
    /// Whether the deck runs right to left.
    pub rtl: bool,
    /// The `--glance-*` values the renderer sets on the host element, in [`ROOT_VARS`] order.
    pub vars: &'a [String],
    /// The card in view, then the next one.
    pub faces: &'a [&'a Face],
}

/// The custom properties the renderer sets on the host element, from the skin.
pub const ROOT_VARS: [&str; 8] = [
    "--glance-status-bar",
    "--glance-clock-top",
    "--glance-clock-height",
    "--glance-reserved-top",
    "--glance-reserved-bottom",
    "--glance-radius",
    "--glance-accent",
    "--glance-font",
];

/// The version of the text [`Still::to_json`] writes; the shim ignores any other.
pub const STILL_VERSION: u32 = 1;

impl Still<'_> {
    /// The JSON text the host stores.
    pub fn to_json(&self) -> String {
        let mut out = String::with_capacity(2048);
        out.push_str("{\"still\":");
        out.push_str(&STILL_VERSION.to_string());
        out.push_str(",\"skin\":");
        write_str(&mut out, self.skin);
        out.push_str(",\"width\":");
        tenths(&mut out, self.size.0);
        out.push_str(",\"height\":");
        tenths(&mut out, self.size.1);
        out.push_str(",\"vertical\":");
        out.push_str(if self.vertical { "true" } else { "false" });
        out.push_str(",\"rtl\":");
        out.push_str(if self.rtl { "true" } else { "false" });
        out.push_str(",\"vars\":{");
        for (i, (name, value)) in ROOT_VARS.iter().zip(self.vars).enumerate() {
            if i > 0 {
                out.push(',');
            }
            write_str(&mut out, name);
            out.push(':');
            write_str(&mut out, value);
        }
        out.push_str("},\"cards\":[");
        for (i, face) in self.faces.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            face.write_json(&mut out);
        }
        out.push_str("]}");
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::feed::json::Json;
    use crate::core::feed::{parse_feed, Limits};
    use crate::core::layout::text::segment::SpacesOnly;
    use crate::core::layout::text::FixedAdvance;
    use crate::core::layout::{layout_card, Device};
    use crate::core::ui::skin::Skin;

    fn faces() -> Vec<Face> {
        let limits = Limits {
            deep_link_schemes: vec!["glance".into()],
            ..Limits::default()
        };
        let feed = parse_feed(include_str!("../../../www/feeds/sample.json"), &limits)
            .expect("the sample feed");
        let skin = Skin::builtin("generic").expect("a built-in skin");
        let device = Device::new(412.0, 915.0);
        feed.cards
            .iter()
            .enumerate()
            .map(|(index, card)| {
                let layout = layout_card(
                    card,
                    &skin,
                    &device,
                    &mut FixedAdvance::default(),
                    &mut SpacesOnly,
                );
                let place = Place {
                    index,
                    total: feed.cards.len(),
                    now: WallMs(1_764_000_000_000),
                    liked: index == 2,
                };
                Face::of(card, &layout, place)
            })
            .collect()
    }

    #[test]
    fn a_still_is_json_that_a_json_reader_reads_back_with_every_face() {
        let faces = faces();
        let refs: Vec<&Face> = faces.iter().take(2).collect();
        let vars: Vec<String> = (0..8).map(|i| format!("{i}px")).collect();
        let still = Still {
            skin: "generic",
            size: (412.0, 915.0),
            vertical: false,
            rtl: false,
            vars: &vars,
            faces: &refs,
        };
        let text = still.to_json();
        let value: serde_json::Value = serde_json::from_str(&text).expect("valid JSON");
        assert_eq!(value["still"], 1);
        assert_eq!(value["vars"]["--glance-font"], "7px");
        assert_eq!(value["cards"].as_array().expect("cards").len(), 2);
        let first = &value["cards"][0];
        assert_eq!(first["id"], faces[0].id.as_str());
        assert_eq!(first["label"], faces[0].label.as_str());
        // Every block comes back with its box to a tenth of a px.
        for (b, block) in faces[0].blocks.iter().enumerate() {
            let rect = &first["blocks"][b]["rect"];
            for (k, v) in [
                block.rect.x,
                block.rect.y,
                block.rect.width,
                block.rect.height,
            ]
            .into_iter()
            .enumerate()
            {
                let read = rect[k].as_f64().expect("a number") as f32;
                assert!(
                    (read - v).abs() <= 0.05,
                    "block {b} side {k}: {read} vs {v}"
                );
            }
        }
        // And core's own reader agrees.
        assert!(Json::parse(&text).is_ok());
    }

    #[test]
    fn every_sample_face_says_what_its_card_shows() {
        for face in faces() {
            let json = {
                let mut s = String::new();
                face.write_json(&mut s);
                s
            };
            let value: serde_json::Value = serde_json::from_str(&json).expect("valid JSON");
            assert!(face.label.contains(':'), "{}", face.label);
            for (b, block) in face.blocks.iter().enumerate() {
                let read = &value["blocks"][b];
                assert_eq!(read["kind"], block_name(block.kind));
                if let Content::Lines(lines) = &block.content {
                    assert!(!lines.is_empty());
                    assert_eq!(read["lines"].as_array().expect("lines").len(), lines.len());
                }
            }
        }
    }

    #[test]
    fn lengths_are_written_to_a_tenth_without_float_formatting() {
        for (v, text) in [
            (229.54, "229.5"),
            (-12.0, "-12"),
            (0.04, "0"),
            (7.25, "7.3"),
            (f32::NAN, "0"),
        ] {
            let mut s = String::new();
            tenths(&mut s, v);
            assert_eq!(s, text, "{v}");
        }
    }
}
