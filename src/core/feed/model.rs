//! The validated card model: what the renderer may rely on after [`super::parse_feed`].

use crate::core::layout::lang::LangTag;
use crate::core::time::WallMs;

/// The template a card is drawn with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A full-bleed picture with a headline.
    Image,
    /// A short clip, muted, playing only while in view.
    Video,
    /// A headline with its source and time.
    News,
    /// A match with its live score block.
    Sports,
    /// Paid content, always with a "Sponsored" disclosure and the sponsor's name.
    Sponsored,
}

impl Kind {
    /// Every kind, in the order the feed format lists them.
    pub const ALL: [Kind; 5] = [
        Self::Image,
        Self::Video,
        Self::News,
        Self::Sports,
        Self::Sponsored,
    ];

    /// The kind's name in the feed format.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Image => "image",
            Self::Video => "video",
            Self::News => "news",
            Self::Sports => "sports",
            Self::Sponsored => "sponsored",
        }
    }

    /// The kind named `name` in the feed format.
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == name)
    }
}

/// Whether a medium is a still picture or a clip.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MediaType {
    /// `<img>`.
    Image,
    /// `<video>`, muted.
    Video,
}

/// A point of the medium, in fractions of its width and height, that must stay visible.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Focus {
    /// 0 = left edge, 1 = right edge.
    pub x: f32,
    /// 0 = top edge, 1 = bottom edge.
    pub y: f32,
}

impl Default for Focus {
    fn default() -> Self {
        Self { x: 0.5, y: 0.5 }
    }
}

/// An sRGB colour, `0xRRGGBB`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rgb(pub u32);

impl Rgb {
    /// Parses `#rgb` or `#rrggbb`.
    pub fn parse(text: &str) -> Option<Self> {
        let hex = text.strip_prefix('#')?;
        if !hex.chars().all(|c| c.is_ascii_hexdigit()) {
            return None;
        }
        let value = u32::from_str_radix(hex, 16).ok()?;
        match hex.len() {
            6 => Some(Self(value)),
            3 => {
                let (r, g, b) = ((value >> 8) & 0xf, (value >> 4) & 0xf, value & 0xf);
                Some(Self(((r * 0x11) << 16) | ((g * 0x11) << 8) | (b * 0x11)))
            }
            _ => None,
        }
    }

    /// The colour as `#rrggbb`, for a style attribute.
    pub fn to_hex(self) -> String {
        format!("#{:06x}", self.0 & 0xff_ffff)
    }
}

/// The card's picture or clip.
#[derive(Debug, Clone, PartialEq)]
pub struct Media {
    /// Picture or clip.
    pub media_type: MediaType,
    /// Relative (bundled) or `https:` URL.
    pub src: String,
    /// Intrinsic width in pixels, when given.
    pub width: Option<u32>,
    /// Intrinsic height in pixels, when given.
    pub height: Option<u32>,
    /// The point that must stay visible when the medium is cropped.
    pub focus: Focus,
    /// Shown until the medium has loaded, and instead of it if it fails.
    pub color: Option<Rgb>,
    /// A still shown before a clip plays (video only).
    pub poster: Option<String>,
}

/// Who published the card.
#[derive(Debug, Clone, PartialEq)]
pub struct Source {
    /// Publisher or sponsor name, shown on the card.
    pub name: String,
    /// Relative or `https:` URL of a small logo.
    pub logo: Option<String>,
}

/// The card's call to action.
#[derive(Debug, Clone, PartialEq)]
pub struct Cta {
    /// Button text.
    pub label: String,
    /// `https:` or a deep link on the skin's allow-list.
    pub url: String,
    /// Whether the phone must be unlocked before the URL opens (default `true`).
    pub unlock: bool,
}

/// One side of a match.
#[derive(Debug, Clone, PartialEq)]
pub struct Team {
    /// Short name (`"MI"`).
    pub name: String,
    /// Score as displayed (`"172/6"`, `"2"`).
    pub score: String,
}

/// Where a match stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MatchStatus {
    /// Not started.
    Scheduled,
    /// In play: the card shows a "Live" badge.
    Live,
    /// Over.
    Final,
}

impl MatchStatus {
    /// Every status, in the order the feed format lists them.
    pub const ALL: [MatchStatus; 3] = [Self::Scheduled, Self::Live, Self::Final];

    /// The status's name in the feed format.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Scheduled => "scheduled",
            Self::Live => "live",
            Self::Final => "final",
        }
    }
}

/// The score block of a sports card.
#[derive(Debug, Clone, PartialEq)]
pub struct Score {
    /// Home side.
    pub home: Team,
    /// Away side.
    pub away: Team,
    /// Where the match stands.
    pub status: MatchStatus,
    /// Match clock as displayed (`"18.0 ov"`, `"67'"`).
    pub clock: Option<String>,
}

/// How a card moves while in view.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Motion {
    /// Still.
    None,
    /// Slow pan and zoom of the picture toward its focus point.
    KenBurns,
    /// The text fades in.
    FadeIn,
    /// The text rises from the bottom.
    FlyInBottom,
    /// The text grows into place.
    ZoomIn,
}

impl Motion {
    /// Every motion, in the order the feed format lists them.
    pub const ALL: [Motion; 5] = [
        Self::None,
        Self::KenBurns,
        Self::FadeIn,
        Self::FlyInBottom,
        Self::ZoomIn,
    ];

    /// The motion's name in the feed format.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::None => "none",
            Self::KenBurns => "ken-burns",
            Self::FadeIn => "fade-in",
            Self::FlyInBottom => "fly-in-bottom",
            Self::ZoomIn => "zoom-in",
        }
    }
}

/// One valid card.
#[derive(Debug, Clone, PartialEq)]
pub struct Card {
    /// Unique within the feed; a later feed with the same id replaces the card in place.
    pub id: String,
    /// Which template draws it.
    pub kind: Kind,
    /// Language of its text; sets `lang` and `dir`.
    pub lang: LangTag,
    /// Headline. Plain text, never HTML.
    pub title: String,
    /// A line or two under the headline.
    pub summary: Option<String>,
    /// Picture or clip; required for `image` and `video`.
    pub media: Option<Media>,
    /// Publisher or sponsor; required for `news` and `sponsored`.
    pub source: Option<Source>,
    /// Call to action.
    pub cta: Option<Cta>,
    /// Score block; required for `sports`.
    pub score: Option<Score>,
    /// First instant the card may show (inclusive).
    pub starts_at: Option<WallMs>,
    /// First instant the card may no longer show (exclusive).
    pub expires_at: Option<WallMs>,
    /// The card's own motion, or the skin's default when `None`.
    pub motion: Option<Motion>,
    /// How long the card stays in view before auto-advance moves on, in ms, or `None` for the
    /// skin's time (a video card moves on when its clip ends).
    pub advance_after_ms: Option<u32>,
}

impl Card {
    /// Whether the card may show at `now`: inside `[starts_at, expires_at)`.
    pub fn is_live_at(&self, now: WallMs) -> bool {
        self.starts_at.is_none_or(|s| now >= s) && self.expires_at.is_none_or(|e| now < e)
    }
}
