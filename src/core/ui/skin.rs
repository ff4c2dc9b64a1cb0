//! Skin profiles (contracts §2): what each phone maker's lock screen reserves and prefers, as
//! data. The built-ins ship as JSON in `www/skins/`; an integrator may pass its own.

use crate::core::feed::json::Json;
use crate::core::feed::{Motion, Rgb};
use crate::core::geometry::{clamp, Axis};
use crate::core::layout::lang::LangTag;

/// Why a skin profile was refused; the message names the field.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SkinError {
    /// Not JSON.
    #[error("the skin profile is not valid JSON (line {line}, column {column}): {message}")]
    Json {
        /// 1-based line of the error.
        line: usize,
        /// 1-based column of the error.
        column: usize,
        /// What was wrong.
        message: &'static str,
    },
    /// A field missing, of the wrong type or out of its range.
    #[error("the skin profile's \"{field}\" {reason}")]
    Field {
        /// Path of the field (`"tap_zones.back"`).
        field: &'static str,
        /// What is wrong with it.
        reason: String,
    },
    /// No built-in skin has this name.
    #[error("there is no built-in skin named \"{0}\"; built-ins: {names}", names = builtin_names())]
    Unknown(String),
}

/// Where the lock screen's clock sits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClockPosition {
    /// Under the status bar.
    Top,
    /// In the middle of the screen.
    Center,
}

/// The clock block the skin draws over the cards.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ClockBlock {
    /// Where it sits.
    pub position: ClockPosition,
    /// Its height in CSS px.
    pub height: f32,
}

/// Areas the skin draws over; no text of a card may lie there.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Reserved {
    /// Status bar height, CSS px.
    pub status_bar: f32,
    /// The clock block.
    pub clock: ClockBlock,
    /// Unlock hint and shortcuts at the bottom, CSS px.
    pub bottom: f32,
}

/// Tap navigation zones, as fractions of the card's width.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TapZones {
    /// A tap within this fraction of the start edge goes back (mirrored for right-to-left).
    pub back: f32,
    /// Side edges kept for the system's back gesture; taps there do nothing.
    pub edge: f32,
}

impl Default for TapZones {
    /// AMP Web Stories' numbers: the start-side quarter goes back, 12 % side edges are the
    /// system's.
    fn default() -> Self {
        Self {
            back: 0.25,
            edge: 0.12,
        }
    }
}

/// A validated skin profile.
#[derive(Debug, Clone, PartialEq)]
pub struct Skin {
    /// Profile name.
    pub name: String,
    /// Navigation axis. Vertical only when the skin gives the vertical gesture to the renderer.
    pub axis: Axis,
    /// Areas the skin draws over.
    pub reserved: Reserved,
    /// Corner radius of the card, CSS px.
    pub corner_radius: f32,
    /// CSS `font-family` for card text: the skin's own families and its generic fallbacks.
    pub font_stack: String,
    /// The profile's own family per script (ISO 15924 code, CSS family list), over
    /// [`DEFAULT_SCRIPT_FONTS`]; an empty list removes the default. A card's script's family goes
    /// in the stack ahead of its generic fallbacks ([`Skin::font_family`]).
    pub script_fonts: Vec<(String, String)>,
    /// Accent colour (buttons, badges).
    pub accent: Rgb,
    /// Tap navigation zones.
    pub tap_zones: TapZones,
    /// Deep-link schemes a call to action may open, lower-case, without the colon.
    pub deep_link_schemes: Vec<String>,
    /// Motion of cards that do not name one.
    pub motion: Motion,
    /// The headline's type scale at a font scale of 1, largest first, in CSS px.
    pub headline_sizes: Vec<f32>,
    /// Whether swiping past the last card comes back to the first (and back from the first to
    /// the last) instead of meeting a rubber band.
    pub looping: bool,
    /// How long a card stays in view before the deck moves on by itself, in ms; 0 never does.
    /// A card's own `advance_after_ms` wins; a clip moves on when it ends.
    pub auto_advance_ms: u32,
    /// What the screen shows when it wakes.
    pub wake: Wake,
}

/// What the lock screen shows when the screen comes back on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Wake {
    /// The card that was in view.
    Stay,
    /// The next card not yet seen, if the card in view was seen (else it stays).
    NextUnseen,
}

/// The family each script is set in unless a profile says otherwise: the Noto families Android
/// ships (and the preview's set-up installs). Naskh for Arabic and Persian, Nastaliq for Urdu
/// (`Aran`), the Japanese, Chinese and Korean cuts of Noto Sans CJK.
pub const DEFAULT_SCRIPT_FONTS: [(&str, &str); 21] = [
    ("Arab", "\"Noto Naskh Arabic\""),
    ("Aran", "\"Noto Nastaliq Urdu\""),
    ("Beng", "\"Noto Sans Bengali\""),
    ("Deva", "\"Noto Sans Devanagari\""),
    ("Gujr", "\"Noto Sans Gujarati\""),
    ("Guru", "\"Noto Sans Gurmukhi\""),
    ("Hans", "\"Noto Sans CJK SC\""),
    ("Hant", "\"Noto Sans CJK TC\""),
    ("Hebr", "\"Noto Sans Hebrew\""),
    ("Jpan", "\"Noto Sans CJK JP\""),
    ("Khmr", "\"Noto Sans Khmer\""),
    ("Knda", "\"Noto Sans Kannada\""),
    ("Kore", "\"Noto Sans CJK KR\""),
    ("Laoo", "\"Noto Sans Lao\""),
    ("Mlym", "\"Noto Sans Malayalam\""),
    ("Mymr", "\"Noto Sans Myanmar\""),
    ("Orya", "\"Noto Sans Oriya\""),
    ("Sinh", "\"Noto Sans Sinhala\""),
    ("Taml", "\"Noto Sans Tamil\""),
    ("Telu", "\"Noto Sans Telugu\""),
    ("Thai", "\"Noto Sans Thai\""),
];

/// CSS generic font families: a script's family goes in front of the first of them.
const GENERIC_FAMILIES: [&str; 12] = [
    "serif",
    "sans-serif",
    "monospace",
    "cursive",
    "fantasy",
    "system-ui",
    "ui-serif",
    "ui-sans-serif",
    "ui-monospace",
    "ui-rounded",
    "math",
    "emoji",
];

/// The type scale of skins that do not give one.
pub const DEFAULT_HEADLINE_SIZES: [f32; 4] = [30.0, 26.0, 22.0, 19.0];

impl Skin {
    /// Where text may start below the skin's top chrome, in CSS px from the top of a viewport
    /// `height` px tall: under the status bar and a top clock, or under a centred clock.
    pub fn text_top(&self, height: f32) -> f32 {
        let r = &self.reserved;
        let top = match r.clock.position {
            ClockPosition::Top => r.status_bar + r.clock.height,
            ClockPosition::Center => (height + r.clock.height) / 2.0,
        };
        clamp(top, 0.0, height.max(0.0))
    }

    /// The CSS `font-family` for text in `lang`: the skin's stack with the family of the text's
    /// script in front of the generic fallbacks (a named family the skin lists first still wins
    /// for the characters it has: the brand font for Latin and digits). The DOM and the
    /// measurer both use this list, so they pick the same face.
    pub fn font_family(&self, lang: &LangTag) -> String {
        let stack = &self.font_stack;
        let family = lang
            .script()
            .and_then(|script| self.script_family(script))
            .filter(|f| !f.is_empty() && !stack.contains(*f));
        let Some(family) = family else {
            return stack.clone();
        };
        // Generic families are keywords, never quoted ("serif" in quotes is a named family).
        let mut at = stack.len();
        let mut start = 0;
        for item in stack.split(',') {
            if GENERIC_FAMILIES
                .iter()
                .any(|g| item.trim().eq_ignore_ascii_case(g))
            {
                at = start;
                break;
            }
            start += item.len() + 1;
        }
        let (named, generic) = stack.split_at(at);
        let named = named.trim_end().trim_end_matches(',');
        let mut out = String::with_capacity(stack.len() + family.len() + 4);
        for part in [named, family, generic.trim_start()] {
            if !part.is_empty() {
                if !out.is_empty() {
                    out.push_str(", ");
                }
                out.push_str(part);
            }
        }
        out
    }

    /// The family list for `script`: the profile's own, else the default (empty: none).
    fn script_family(&self, script: &str) -> Option<&str> {
        self.script_fonts
            .iter()
            .map(|(s, f)| (s.as_str(), f.as_str()))
            .chain(DEFAULT_SCRIPT_FONTS)
            .find(|(s, _)| *s == script)
            .map(|(_, f)| f)
    }

    /// Where the clock block starts, in CSS px from the top of a viewport `height` px tall.
    pub fn clock_top(&self, height: f32) -> f32 {
        let r = &self.reserved;
        match r.clock.position {
            ClockPosition::Top => r.status_bar,
            ClockPosition::Center => ((height - r.clock.height) / 2.0).max(r.status_bar),
        }
    }
}

const GENERIC: &str = include_str!("../../../www/skins/generic.json");

/// The built-in profiles, by name, as shipped in `www/skins/`.
pub const BUILTIN: [(&str, &str); 5] = [
    ("generic", GENERIC),
    (
        "samsung-oneui",
        include_str!("../../../www/skins/samsung-oneui.json"),
    ),
    (
        "xiaomi-hyperos",
        include_str!("../../../www/skins/xiaomi-hyperos.json"),
    ),
    (
        "vivo-originos",
        include_str!("../../../www/skins/vivo-originos.json"),
    ),
    (
        "oppo-coloros",
        include_str!("../../../www/skins/oppo-coloros.json"),
    ),
];

/// The built-in profiles' names, comma-separated, in [`BUILTIN`]'s order.
fn builtin_names() -> String {
    BUILTIN.map(|(name, _)| name).join(", ")
}

/// Reads the fields of a profile, each error naming its field.
struct Fields<'a>(&'a Json);

fn field_error(field: &'static str, reason: impl Into<String>) -> SkinError {
    SkinError::Field {
        field,
        reason: reason.into(),
    }
}

impl Fields<'_> {
    /// The value at a dotted path.
    fn at(&self, field: &'static str) -> Result<&Json, SkinError> {
        field
            .split('.')
            .try_fold(self.0, |v, key| v.get(key))
            .ok_or_else(|| field_error(field, "is missing"))
    }

    /// A number within `min..=max`; `range` says the same in words for the message (so no
    /// float is ever formatted).
    fn number(
        &self,
        field: &'static str,
        min: f32,
        max: f32,
        range: &str,
    ) -> Result<f32, SkinError> {
        let value = self.at(field)?;
        match value.as_f64().map(|v| v as f32) {
            Some(v) if v.is_finite() && (min..=max).contains(&v) => Ok(v),
            _ => Err(field_error(
                field,
                format!("must be a number {range}; found {}", value.describe()),
            )),
        }
    }

    fn text(&self, field: &'static str) -> Result<&str, SkinError> {
        let value = self.at(field)?;
        match value.as_str() {
            Some(s) if !s.trim().is_empty() => Ok(s),
            _ => Err(field_error(
                field,
                format!("must be a non-empty string; found {}", value.describe()),
            )),
        }
    }

    /// An optional `true`/`false` (absent or `null` is `default`).
    fn flag(&self, field: &'static str, default: bool) -> Result<bool, SkinError> {
        match self.0.get(field) {
            None | Some(Json::Null) => Ok(default),
            Some(Json::Bool(b)) => Ok(*b),
            Some(other) => Err(field_error(
                field,
                format!("must be true or false; found {}", other.describe()),
            )),
        }
    }

    /// An optional auto-advance time: 0 (off) or whole ms from 2000 to 120000.
    fn advance_ms(&self, field: &'static str) -> Result<u32, SkinError> {
        match self.0.get(field) {
            None | Some(Json::Null) => Ok(0),
            Some(value) => match value.as_u64() {
                Some(n @ (0 | 2_000..=120_000)) => Ok(n as u32),
                _ => Err(field_error(
                    field,
                    format!(
                        "must be 0 (off) or whole milliseconds from 2000 to 120000; found {}",
                        value.describe()
                    ),
                )),
            },
        }
    }

    fn choice<T: Copy>(&self, field: &'static str, options: &[(&str, T)]) -> Result<T, SkinError> {
        let value = self.at(field)?;
        let found = value
            .as_str()
            .and_then(|s| options.iter().find(|(n, _)| *n == s));
        found.map(|(_, v)| *v).ok_or_else(|| {
            let names: Vec<_> = options.iter().map(|(n, _)| *n).collect();
            field_error(
                field,
                format!(
                    "must be one of {}; found {}",
                    names.join(", "),
                    value.describe()
                ),
            )
        })
    }
}

/// Whether `text` can be a CSS `font-family` list in a style (nothing that ends a declaration
/// or a rule, or opens markup).
fn is_family_list(text: &str) -> bool {
    !text.contains([';', '{', '}', '<', '>', '\\'])
}

/// A profile's `script_fonts`: script codes and family lists.
fn script_fonts(value: Option<&Json>) -> Result<Vec<(String, String)>, SkinError> {
    let members = match value {
        None | Some(Json::Null) => return Ok(Vec::new()),
        Some(Json::Object(members)) => members,
        Some(other) => {
            return Err(field_error(
                "script_fonts",
                format!(
                    "must be an object of ISO 15924 script codes and font-family lists; found {}",
                    other.describe()
                ),
            ))
        }
    };
    members
        .iter()
        .map(|(script, family)| {
            let code_ok = script.len() == 4
                && script.starts_with(|c: char| c.is_ascii_uppercase())
                && script[1..].bytes().all(|c| c.is_ascii_lowercase());
            match family.as_str() {
                Some(family) if code_ok && is_family_list(family) => {
                    Ok((script.clone(), family.trim().to_string()))
                }
                _ => Err(field_error(
                    "script_fonts",
                    format!(
                        "\"{script}\" must be an ISO 15924 script code (such as \"Thai\") with a CSS font-family list; found {}",
                        family.describe()
                    ),
                )),
            }
        })
        .collect()
}

impl Skin {
    /// A built-in skin by name.
    pub fn builtin(name: &str) -> Result<Self, SkinError> {
        match BUILTIN.iter().find(|(n, _)| *n == name) {
            Some((_, json)) => Self::from_json(json),
            None => Err(SkinError::Unknown(name.to_string())),
        }
    }

    /// Reads and checks a skin profile. Unknown fields are ignored.
    pub fn from_json(json: &str) -> Result<Self, SkinError> {
        let json = crate::core::feed::strip_bom(json);
        let root = Json::parse(json).map_err(|e| SkinError::Json {
            line: e.line,
            column: e.column,
            message: e.message,
        })?;
        let f = Fields(&root);
        // Whole CSS px are enough for every reserved area and keep the styles exact.
        let px = |field| {
            f.number(field, 0.0, 2000.0, "from 0 to 2000 px")
                .map(f32::round)
        };
        let accent_text = f.text("accent")?;
        let accent = Rgb::parse(accent_text).ok_or_else(|| {
            field_error(
                "accent",
                format!("must be #rgb or #rrggbb; found \"{accent_text}\""),
            )
        })?;
        let font_stack = f.text("font_stack")?;
        if !is_family_list(font_stack) {
            return Err(field_error("font_stack", "must be a CSS font-family list"));
        }
        let script_fonts = script_fonts(root.get("script_fonts"))?;

        let motions: Vec<_> = Motion::ALL.iter().map(|m| (m.as_str(), *m)).collect();
        let deep_link_schemes = match root.get("deep_link_schemes") {
            None | Some(Json::Null) => Vec::new(),
            Some(Json::Array(items)) => items
                .iter()
                .map(|item| {
                    let scheme = item.as_str().unwrap_or_default().to_ascii_lowercase();
                    let valid = scheme.starts_with(|c: char| c.is_ascii_lowercase())
                        && scheme
                            .chars()
                            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
                    let dangerous = matches!(
                        scheme.as_str(),
                        "javascript" | "data" | "vbscript" | "file" | "http" | "blob"
                    );
                    if valid && !dangerous {
                        Ok(scheme)
                    } else {
                        Err(field_error(
                            "deep_link_schemes",
                            format!("may not allow {}", item.describe()),
                        ))
                    }
                })
                .collect::<Result<_, _>>()?,
            Some(other) => {
                return Err(field_error(
                    "deep_link_schemes",
                    format!(
                        "must be an array of scheme names; found {}",
                        other.describe()
                    ),
                ))
            }
        };
        let headline_sizes = match root.get("headline_sizes") {
            None | Some(Json::Null) => DEFAULT_HEADLINE_SIZES.to_vec(),
            Some(Json::Array(items)) if !items.is_empty() && items.len() <= 8 => {
                let sizes: Vec<f32> = items
                    .iter()
                    .filter_map(Json::as_f64)
                    .map(|v| v as f32)
                    .collect();
                let valid = sizes.len() == items.len()
                    && sizes.iter().all(|v| (10.0..=64.0).contains(v))
                    && sizes.windows(2).all(|w| w[0] > w[1]);
                if !valid {
                    return Err(field_error(
                        "headline_sizes",
                        "must list 1 to 8 sizes from 10 to 64 px, largest first",
                    ));
                }
                sizes
            }
            Some(other) => {
                return Err(field_error(
                    "headline_sizes",
                    format!(
                        "must be an array of sizes in px; found {}",
                        other.describe()
                    ),
                ))
            }
        };
        Ok(Self {
            headline_sizes,
            name: f.text("name")?.to_string(),
            axis: f.choice(
                "axis",
                &[
                    ("horizontal", Axis::Horizontal),
                    ("vertical", Axis::Vertical),
                ],
            )?,
            reserved: Reserved {
                status_bar: px("reserved.status_bar")?,
                clock: ClockBlock {
                    position: f.choice(
                        "reserved.clock.position",
                        &[
                            ("top", ClockPosition::Top),
                            ("center", ClockPosition::Center),
                        ],
                    )?,
                    height: px("reserved.clock.height")?,
                },
                bottom: px("reserved.bottom")?,
            },
            corner_radius: px("corner_radius")?,
            font_stack: font_stack.to_string(),
            script_fonts,
            accent,
            tap_zones: TapZones {
                back: f.number("tap_zones.back", 0.0, 0.5, "from 0 to 0.5")?,
                edge: f.number("tap_zones.edge", 0.0, 0.25, "from 0 to 0.25")?,
            },
            deep_link_schemes,
            motion: f.choice("motion", &motions)?,
            looping: f.flag("loop", false)?,
            auto_advance_ms: f.advance_ms("auto_advance_ms")?,
            wake: match root.get("wake") {
                None | Some(Json::Null) => Wake::Stay,
                Some(_) => f.choice(
                    "wake",
                    &[("stay", Wake::Stay), ("next-unseen", Wake::NextUnseen)],
                )?,
            },
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_byte_order_mark_before_a_profile_is_ignored() {
        let with_mark = format!("\u{feff}{GENERIC}");
        let skin = Skin::from_json(&with_mark).expect("read as without the mark");
        assert_eq!(skin, Skin::builtin("generic").expect("built-in"));
    }

    #[test]
    fn every_builtin_is_valid_and_named_as_its_file() {
        for (name, _) in BUILTIN {
            let skin = Skin::builtin(name).unwrap_or_else(|e| panic!("{name}: {e}"));
            assert_eq!(skin.name, name);
            assert!(skin.deep_link_schemes.contains(&"glance".to_string()));
            let top = skin.text_top(915.0);
            assert!(
                top > skin.reserved.status_bar && top + skin.reserved.bottom < 915.0,
                "{name}: room for text"
            );
        }
        let vivo = Skin::builtin("vivo-originos").expect("valid");
        assert_eq!(vivo.reserved.clock.position, ClockPosition::Center);
        assert_eq!(
            (vivo.clock_top(915.0), vivo.text_top(915.0)),
            (382.5, 532.5)
        );
    }

    #[test]
    fn generic_is_valid() {
        let skin = Skin::builtin("generic").expect("the shipped generic skin is valid");
        assert_eq!(skin.axis, Axis::Horizontal);
        assert_eq!(skin.deep_link_schemes, vec!["glance".to_string()]);
        assert_eq!(skin.motion, Motion::KenBurns);
        assert_eq!((skin.looping, skin.auto_advance_ms), (false, 8000));
        let plain = GENERIC.replace(",\n  \"loop\": false,\n  \"auto_advance_ms\": 8000", "");
        let skin = Skin::from_json(&plain).expect("both are optional");
        assert_eq!((skin.looping, skin.auto_advance_ms), (false, 0));
    }

    #[test]
    fn each_script_gets_its_family_ahead_of_the_generic_fallbacks() {
        let skin = Skin::builtin("samsung-oneui").expect("valid");
        let family = |tag: &str| skin.font_family(&LangTag::parse(tag).expect("a tag"));
        let base = "SamsungOne, \"Noto Sans\", Roboto";
        let cases = [
            ("en", format!("{base}, system-ui, sans-serif")),
            (
                "ur",
                format!("{base}, \"Noto Nastaliq Urdu\", system-ui, sans-serif"),
            ),
            (
                "fa",
                format!("{base}, \"Noto Naskh Arabic\", system-ui, sans-serif"),
            ),
            (
                "th",
                format!("{base}, \"Noto Sans Thai\", system-ui, sans-serif"),
            ),
            (
                "ja-JP",
                format!("{base}, \"Noto Sans CJK JP\", system-ui, sans-serif"),
            ),
            (
                "zh-TW",
                format!("{base}, \"Noto Sans CJK TC\", system-ui, sans-serif"),
            ),
            (
                "sd-Deva",
                format!("{base}, \"Noto Sans Devanagari\", system-ui, sans-serif"),
            ),
        ];
        for (tag, expected) in cases {
            assert_eq!(family(tag), expected, "{tag}");
        }
        let custom = |stack: &str, fonts: &str| {
            let json = GENERIC
                .replacen(
                    "\"font_stack\"",
                    &format!("\"script_fonts\": {fonts}, \"x\""),
                    1,
                )
                .replacen(
                    "\"accent\"",
                    &format!("\"font_stack\": {stack}, \"accent\""),
                    1,
                );
            Skin::from_json(&json).expect("valid")
        };
        let thai = LangTag::parse("th").expect("a tag");
        // A profile's own family for a script; an empty one leaves the script to the system.
        let skin = custom(
            "\"Brand, serif\"",
            r#"{ "Thai": "\"Sarabun\"", "Jpan": "" }"#,
        );
        assert_eq!(skin.font_family(&thai), "Brand, \"Sarabun\", serif");
        let ja = LangTag::parse("ja").expect("a tag");
        assert_eq!(skin.font_family(&ja), "Brand, serif");
        // No generic family: the script's goes last; a stack that names it already is kept.
        let skin = custom("\"Brand\"", "{}");
        assert_eq!(skin.font_family(&thai), "Brand, \"Noto Sans Thai\"");
        let skin = custom("\"\\\"Noto Sans Thai\\\", Brand\"", "null");
        assert_eq!(skin.font_family(&thai), "\"Noto Sans Thai\", Brand");
        // Only a generic family.
        let skin = custom("\"sans-serif\"", "{}");
        assert_eq!(skin.font_family(&thai), "\"Noto Sans Thai\", sans-serif");
    }

    #[test]
    fn bad_profiles_name_the_field() {
        let cases = [
            (
                GENERIC.replace("\"horizontal\"", "\"diagonal\""),
                "diagonal",
            ),
            (
                GENERIC.replace("\"back\": 0.25", "\"back\": 0.9"),
                "tap_zones.back",
            ),
            (GENERIC.replace("\"#4f8cff\"", "\"blue\""), "accent"),
            (GENERIC.replace("\"ken-burns\"", "\"spin\""), "motion"),
            (
                GENERIC.replace("[\"glance\"]", "[\"javascript\"]"),
                "deep_link_schemes",
            ),
            (GENERIC.replace("\"status_bar\": 32,", ""), "status_bar"),
            (GENERIC.replace("\"loop\": false", "\"loop\": 1"), "loop"),
            (
                GENERIC.replace("\"loop\": false", "\"wake\": \"random\", \"loop\": false"),
                "wake",
            ),
            (
                GENERIC.replace("\"auto_advance_ms\": 8000", "\"auto_advance_ms\": 500"),
                "auto_advance_ms",
            ),
            (
                GENERIC.replace("\"bottom\": 104", "\"bottom\": -1"),
                "reserved.bottom",
            ),
            (
                GENERIC.replace("\"loop\"", "\"script_fonts\": [\"Thai\"], \"loop\""),
                "script_fonts",
            ),
            (
                GENERIC.replace("\"loop\"", "\"script_fonts\": { \"thai\": \"A\" }, \"loop\""),
                "\"thai\" must be an ISO 15924 script code",
            ),
            (
                GENERIC.replace("\"loop\"", "\"script_fonts\": { \"Thai\": \"A; color: red\" }, \"loop\""),
                "\"Thai\" must be an ISO 15924 script code (such as \"Thai\") with a CSS font-family list; found \"A; color: red\"",
            ),
        ];
        for (json, field) in cases {
            let err = Skin::from_json(&json).expect_err(field).to_string();
            assert!(err.contains(field), "{err} should name {field}");
        }
        assert!(Skin::builtin("nokia").is_err());
    }
}
