//! Skin profiles (contracts §2): what each phone maker's lock screen reserves and prefers, as
//! data. The built-ins ship as JSON in `www/skins/`; an integrator may pass its own.

use serde::Deserialize;

use crate::core::feed::{Motion, Rgb};
use crate::core::geometry::Axis;

/// Why a skin profile was refused; the message names the field.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SkinError {
    /// Not JSON, a field of the wrong type, or a required field missing.
    #[error("the skin profile is invalid: {0}")]
    Json(String),
    /// A field out of its range.
    #[error("the skin profile's \"{field}\" {reason}")]
    Field {
        /// Path of the field (`"tap_zones.back"`).
        field: &'static str,
        /// What is wrong with it.
        reason: String,
    },
    /// No built-in skin has this name.
    #[error("there is no built-in skin named \"{0}\"; built-ins: generic")]
    Unknown(String),
}

/// Where the lock screen's clock sits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ClockPosition {
    /// Under the status bar.
    Top,
    /// In the middle of the screen.
    Center,
}

/// The clock block the skin draws over the cards.
#[derive(Debug, Clone, Copy, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClockBlock {
    /// Where it sits.
    pub position: ClockPosition,
    /// Its height in CSS px.
    pub height: f32,
}

/// Areas the skin draws over; no text of a card may lie there.
#[derive(Debug, Clone, Copy, PartialEq, Deserialize)]
pub struct Reserved {
    /// Status bar height, CSS px.
    pub status_bar: f32,
    /// The clock block.
    pub clock: ClockBlock,
    /// Unlock hint and shortcuts at the bottom, CSS px.
    pub bottom: f32,
}

/// Tap navigation zones, as fractions of the card's width.
#[derive(Debug, Clone, Copy, PartialEq, Deserialize)]
pub struct TapZones {
    /// A tap within this fraction of the start edge goes back (mirrored for right-to-left).
    pub back: f32,
    /// Side edges kept for the system's back gesture; taps there do nothing.
    pub edge: f32,
}

#[derive(Deserialize)]
#[serde(rename_all = "kebab-case")]
enum AxisName {
    Horizontal,
    Vertical,
}

#[derive(Deserialize)]
struct RawSkin {
    name: String,
    axis: AxisName,
    reserved: Reserved,
    corner_radius: f32,
    font_stack: String,
    accent: String,
    tap_zones: TapZones,
    #[serde(default)]
    deep_link_schemes: Vec<String>,
    motion: String,
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
    /// CSS `font-family` for card text.
    pub font_stack: String,
    /// Accent colour (buttons, badges).
    pub accent: Rgb,
    /// Tap navigation zones.
    pub tap_zones: TapZones,
    /// Deep-link schemes a call to action may open, lower-case, without the colon.
    pub deep_link_schemes: Vec<String>,
    /// Motion of cards that do not name one.
    pub motion: Motion,
}

const GENERIC: &str = include_str!("../../www/skins/generic.json");

impl Skin {
    /// A built-in skin by name.
    pub fn builtin(name: &str) -> Result<Self, SkinError> {
        match name {
            "generic" => Self::from_json(GENERIC),
            other => Err(SkinError::Unknown(other.to_string())),
        }
    }

    /// Reads and checks a skin profile.
    pub fn from_json(json: &str) -> Result<Self, SkinError> {
        let raw: RawSkin =
            serde_json::from_str(json).map_err(|e| SkinError::Json(e.to_string()))?;
        let px = |field: &'static str, v: f32| {
            if v.is_finite() && (0.0..=2000.0).contains(&v) {
                Ok(v)
            } else {
                Err(SkinError::Field {
                    field,
                    reason: format!("must be from 0 to 2000 px; found {v}"),
                })
            }
        };
        let fraction = |field: &'static str, v: f32, max: f32| {
            if v.is_finite() && (0.0..=max).contains(&v) {
                Ok(v)
            } else {
                Err(SkinError::Field {
                    field,
                    reason: format!("must be from 0 to {max}; found {v}"),
                })
            }
        };
        px("reserved.status_bar", raw.reserved.status_bar)?;
        px("reserved.clock.height", raw.reserved.clock.height)?;
        px("reserved.bottom", raw.reserved.bottom)?;
        px("corner_radius", raw.corner_radius)?;
        fraction("tap_zones.back", raw.tap_zones.back, 0.5)?;
        fraction("tap_zones.edge", raw.tap_zones.edge, 0.25)?;
        if raw.name.trim().is_empty() {
            return Err(SkinError::Field {
                field: "name",
                reason: "is empty".into(),
            });
        }
        if raw.font_stack.trim().is_empty() || raw.font_stack.contains([';', '{', '}']) {
            return Err(SkinError::Field {
                field: "font_stack",
                reason: "must be a CSS font-family list".into(),
            });
        }
        let accent = Rgb::parse(&raw.accent).ok_or_else(|| SkinError::Field {
            field: "accent",
            reason: format!("must be #rgb or #rrggbb; found \"{}\"", raw.accent),
        })?;
        let motion = Motion::ALL
            .into_iter()
            .find(|m| m.as_str() == raw.motion)
            .ok_or_else(|| SkinError::Field {
                field: "motion",
                reason: format!("is not a motion name: \"{}\"", raw.motion),
            })?;
        let mut deep_link_schemes = Vec::with_capacity(raw.deep_link_schemes.len());
        for scheme in raw.deep_link_schemes {
            let lower = scheme.to_ascii_lowercase();
            let valid = lower.starts_with(|c: char| c.is_ascii_lowercase())
                && lower
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
            if !valid
                || matches!(
                    lower.as_str(),
                    "javascript" | "data" | "vbscript" | "file" | "http" | "blob"
                )
            {
                return Err(SkinError::Field {
                    field: "deep_link_schemes",
                    reason: format!("may not allow \"{scheme}\""),
                });
            }
            deep_link_schemes.push(lower);
        }
        Ok(Self {
            name: raw.name,
            axis: match raw.axis {
                AxisName::Horizontal => Axis::Horizontal,
                AxisName::Vertical => Axis::Vertical,
            },
            reserved: raw.reserved,
            corner_radius: raw.corner_radius,
            font_stack: raw.font_stack,
            accent,
            tap_zones: raw.tap_zones,
            deep_link_schemes,
            motion,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generic_is_valid() {
        let skin = Skin::builtin("generic").expect("the shipped generic skin is valid");
        assert_eq!(skin.axis, Axis::Horizontal);
        assert_eq!(skin.deep_link_schemes, vec!["glance".to_string()]);
        assert_eq!(skin.motion, Motion::KenBurns);
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
            (
                GENERIC.replace("\"bottom\": 104", "\"bottom\": -1"),
                "reserved.bottom",
            ),
        ];
        for (json, field) in cases {
            let err = Skin::from_json(&json).expect_err(field).to_string();
            assert!(err.contains(field), "{err} should name {field}");
        }
        assert!(Skin::builtin("nokia").is_err());
    }
}
