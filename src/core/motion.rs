//! How a card looks as it moves: parallax between its picture and its text, the text's
//! entrance, and Ken Burns on a still picture.
//!
//! The entrance is tied to the swipe rather than to a clock: a card's text is a pure function
//! of how far the card is from the middle of the screen, so it plays forward as the card comes
//! in, backward as it leaves, follows the finger, can be interrupted anywhere, and is always
//! complete when a card rests in view. Nothing here reads a clock or allocates.
//!
//! # In detail
//!
//! - **Card poses** (`motion.rs`): a card's look is a pure function of how far it is from its
//!   place. The picture lags 30 % behind the card (parallax). The text layer enters with the
//!   card: `fade-in` (opacity), `fly-in-bottom` (from 120 px below) or `zoom-in` (from 80 %,
//!   fading in), chosen by the card's `motion` or else the skin's. Tied to the swipe rather than
//!   a clock, the entrance follows the finger, reverses when the card is pushed back, can be
//!   interrupted anywhere, and is always complete when a card rests. `ken-burns` instead moves
//!   the picture of an image card while it is in view: a zoom from 104 % to 116 % around the focus
//!   point with a drift that ends on it, proven (by a test) to cover the card at every moment,
//!   lasting the card's time in view (12 s when it has none). `none` keeps both still.
//! - **Auto-advance** (`advance.rs`): a card moves on after its `advance_after_ms`, or the skin's
//!   `auto_advance_ms`, or, for a clip, when it ends (the clip then does not loop); 0 on the skin
//!   turns it off, and so does the host (`autoAdvance = false`). The countdown pauses while a
//!   finger is down, during a hold, while the cards move and while the page is hidden or the
//!   screen is off, and keeps what was left. It stops at the last card unless the skin loops.
//! - **Reduced motion** (from `prefers-reduced-motion` on the preview page, or the host): no Ken
//!   Burns, no parallax, no entrances; a move lands at once and the arriving card fades in over
//!   the leaving one for 200 ms. Both animations only add to the cards' own styles, so every
//!   element is in its final state when they end or are dropped.
//!

pub mod advance;
pub mod media;
pub mod saver;
pub mod spring;

use crate::core::feed::{Card, MediaType, Motion};
use crate::core::geometry::{clamp, Size};
use crate::core::layout::MediaFit;

/// The picture moves this fraction of the card's own motion the other way, so it travels
/// slower than the text on top of it.
pub const PARALLAX: f32 = 0.3;
/// How far below its place `fly-in-bottom` text starts, in CSS px.
pub const FLY_DISTANCE: f32 = 120.0;
/// How small `zoom-in` text starts (1 is its size at rest).
pub const ZOOM_FROM: f32 = 0.8;
/// Length of a reduced-motion cross-fade, in ms.
pub const CROSS_FADE_MS: f64 = 200.0;
/// Ken Burns zoom at the start and at the end of the card's time in view.
pub const KEN_BURNS_SCALE: (f32, f32) = (1.04, 1.16);
/// Ken Burns length when the card has no auto-advance time, in ms.
pub const KEN_BURNS_MS: f64 = 12_000.0;

/// What the text layer does as its card comes into view.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Entrance {
    /// Shown as it is.
    None,
    /// Opacity rises from 0.
    Fade,
    /// Rises from [`FLY_DISTANCE`] px below.
    FlyInBottom,
    /// Grows from [`ZOOM_FROM`] while it fades in.
    ZoomIn,
}

/// How one card moves, decided once when it is mounted.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CardMotion {
    /// The text layer's entrance.
    pub entrance: Entrance,
    /// Whether the picture lags behind the text during a swipe.
    pub parallax: bool,
    /// Whether the still picture pans and zooms while the card is in view.
    pub ken_burns: bool,
}

impl CardMotion {
    /// Nothing moves but the card itself (reduced motion).
    pub const STILL: Self = Self {
        entrance: Entrance::None,
        parallax: false,
        ken_burns: false,
    };

    /// The motion of `card` under a skin whose default is `skin_default`. A card's own `motion`
    /// wins; `ken-burns` moves the picture of an image card, the three entrances move its text,
    /// and `none` keeps both still. Parallax applies to every card with a medium. With
    /// `reduced`, nothing moves on its own.
    pub fn of(card: &Card, skin_default: Motion, reduced: bool) -> Self {
        if reduced {
            return Self::STILL;
        }
        let motion = card.motion.unwrap_or(skin_default);
        let image = card
            .media
            .as_ref()
            .is_some_and(|m| m.media_type == MediaType::Image);
        Self {
            entrance: match motion {
                Motion::FadeIn => Entrance::Fade,
                Motion::FlyInBottom => Entrance::FlyInBottom,
                Motion::ZoomIn => Entrance::ZoomIn,
                Motion::None | Motion::KenBurns => Entrance::None,
            },
            parallax: card.media.is_some(),
            ken_burns: image && motion == Motion::KenBurns,
        }
    }

    /// The card's look when it is drawn `offset` px from its place along an axis where a card
    /// is `extent` px long.
    pub fn pose(&self, offset: f32, extent: f32) -> Pose {
        let away = if extent > 0.0 && offset.is_finite() {
            (offset.abs() / extent).min(1.0)
        } else {
            0.0
        };
        let media = if self.parallax && offset.is_finite() {
            -offset * PARALLAX
        } else {
            0.0
        };
        let (opacity, shift, scale) = match self.entrance {
            Entrance::None => (1.0, 0.0, 1.0),
            Entrance::Fade => (1.0 - away, 0.0, 1.0),
            Entrance::FlyInBottom => (1.0, away * FLY_DISTANCE, 1.0),
            Entrance::ZoomIn => (1.0 - away, 0.0, 1.0 - away * (1.0 - ZOOM_FROM)),
        };
        Pose {
            offset: if offset.is_finite() { offset } else { 0.0 },
            media,
            text_opacity: opacity,
            text_shift: shift,
            text_scale: scale,
        }
    }

    /// Whether the text layer moves at all (else it needs no writes of its own).
    pub fn moves_text(&self) -> bool {
        self.entrance != Entrance::None
    }

    /// The poses a motion from `from` to `to` px passes through that a straight line between
    /// its neighbours would miss: its ends and any point where the card crosses its place or a
    /// full card's distance. Each comes with its progress from 0 to 1 along the motion. Between
    /// two of them every pose is the straight blend of the two, so they make exact keyframes.
    pub fn keyframes(&self, from: f32, to: f32, extent: f32) -> Keyframes {
        let mut frames = Keyframes {
            items: [(0.0, Pose::REST); 5],
            len: 0,
        };
        let span = to - from;
        frames.push(0.0, self.pose(from, extent));
        if span != 0.0 {
            let mut breaks = [-extent, 0.0, extent];
            if span < 0.0 {
                breaks.reverse();
            }
            for at in breaks {
                let progress = (at - from) / span;
                if progress > 0.0 && progress < 1.0 {
                    frames.push(progress, self.pose(at, extent));
                }
            }
        }
        frames.push(1.0, self.pose(to, extent));
        frames
    }
}

/// A card's look at one moment.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Pose {
    /// The card's position along the axis, px from its place.
    pub offset: f32,
    /// The picture's extra shift along the axis, px (parallax).
    pub media: f32,
    /// Opacity of the text layer, 0–1.
    pub text_opacity: f32,
    /// The text layer's shift down, px.
    pub text_shift: f32,
    /// The text layer's scale (1 at rest).
    pub text_scale: f32,
}

impl Pose {
    /// A card at rest in view: every element in its final state.
    pub const REST: Self = Self {
        offset: 0.0,
        media: 0.0,
        text_opacity: 1.0,
        text_shift: 0.0,
        text_scale: 1.0,
    };
}

/// Up to five `(progress, pose)` keyframes, without allocating.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Keyframes {
    items: [(f32, Pose); 5],
    len: usize,
}

impl Keyframes {
    fn push(&mut self, progress: f32, pose: Pose) {
        if self.len < self.items.len() {
            self.items[self.len] = (progress, pose);
            self.len += 1;
        }
    }

    /// The keyframes in order of progress.
    pub fn as_slice(&self) -> &[(f32, Pose)] {
        &self.items[..self.len]
    }
}

/// A slow zoom toward the picture's focus point with a drift that ends on it, as two
/// transforms of the picture: `translate(x, y) scale(s)` around `origin`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct KenBurns {
    /// Transform origin: where the focus point lands in the card, px from its top left.
    pub origin: (f32, f32),
    /// `(translate x px, translate y px, scale)` at the start.
    pub from: (f32, f32, f32),
    /// The same at the end.
    pub to: (f32, f32, f32),
    /// How long the move takes, ms.
    pub duration_ms: f64,
}

impl KenBurns {
    /// The move for a picture of `natural` size shown with `object-fit: cover` at `fit` in a
    /// card of `card` size, its focus at `focus` (fractions of the picture), lasting
    /// `duration_ms`. The picture covers the card at every moment of the move.
    pub fn plan(
        natural: Option<Size>,
        focus: (f32, f32),
        fit: MediaFit,
        card: Size,
        duration_ms: f64,
    ) -> Self {
        // Where the focus lands on the card: the cover-scaled picture is offset by the
        // object-position share of its overflow.
        let along = |focus: f32, fit: f32, natural: f32, shown_per_px: f32, view: f32| {
            let shown = natural * shown_per_px;
            clamp((view - shown) * fit + focus * shown, 0.0, view)
        };
        let origin = match natural {
            Some(n) if n.width > 0.0 && n.height > 0.0 => {
                let scale = (card.width / n.width).max(card.height / n.height);
                (
                    along(focus.0, fit.x, n.width, scale, card.width),
                    along(focus.1, fit.y, n.height, scale, card.height),
                )
            }
            _ => (fit.x * card.width, fit.y * card.height),
        };
        let (s0, s1) = KEN_BURNS_SCALE;
        // Around `origin`, a scale `s` leaves `(s - 1) × origin` of slack before the left edge
        // and `(s - 1) × (width - origin)` before the right; drifting by half the slack toward
        // the middle keeps the picture over the whole card.
        let drift = |origin: f32, view: f32| {
            let toward_middle = if origin < view / 2.0 {
                (s0 - 1.0) * origin
            } else {
                -(s0 - 1.0) * (view - origin)
            };
            toward_middle / 2.0
        };
        Self {
            origin,
            from: (
                drift(origin.0, card.width),
                drift(origin.1, card.height),
                s0,
            ),
            to: (0.0, 0.0, s1),
            duration_ms: if duration_ms > 0.0 {
                duration_ms
            } else {
                KEN_BURNS_MS
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::feed::{parse_feed, Limits};

    fn card(json: &str) -> Card {
        let feed = format!(r#"{{"version":1,"cards":[{json}]}}"#);
        let mut parsed = parse_feed(&feed, &Limits::default()).expect("valid feed");
        parsed.cards.remove(0)
    }

    const IMAGE: &str = r##"{"id":"a","kind":"image","lang":"en","title":"T",
        "media":{"type":"image","src":"a.jpg","width":1080,"height":1920}"##;

    #[test]
    fn motion_choice_table() {
        // (card motion, skin default, reduced) → (entrance, parallax, ken burns)
        let table = [
            ("", Motion::KenBurns, false, (Entrance::None, true, true)),
            ("", Motion::FadeIn, false, (Entrance::Fade, true, false)),
            (
                r#","motion":"zoom-in""#,
                Motion::KenBurns,
                false,
                (Entrance::ZoomIn, true, false),
            ),
            (
                r#","motion":"fly-in-bottom""#,
                Motion::None,
                false,
                (Entrance::FlyInBottom, true, false),
            ),
            (
                r#","motion":"none""#,
                Motion::KenBurns,
                false,
                (Entrance::None, true, false),
            ),
            ("", Motion::KenBurns, true, (Entrance::None, false, false)),
            (
                r#","motion":"fade-in""#,
                Motion::FadeIn,
                true,
                (Entrance::None, false, false),
            ),
        ];
        for (extra, skin, reduced, (entrance, parallax, ken_burns)) in table {
            let c = card(&format!("{IMAGE}{extra}}}"));
            assert_eq!(
                CardMotion::of(&c, skin, reduced),
                CardMotion {
                    entrance,
                    parallax,
                    ken_burns
                },
                "{extra} on {skin:?}, reduced {reduced}"
            );
        }
        let news = card(
            r#"{"id":"n","kind":"news","lang":"en","title":"T","source":{"name":"S"},
                "motion":"ken-burns"}"#,
        );
        let m = CardMotion::of(&news, Motion::None, false);
        assert!(!m.ken_burns && !m.parallax, "no picture, nothing to move");
    }

    #[test]
    fn at_rest_every_entrance_is_complete() {
        for entrance in [
            Entrance::None,
            Entrance::Fade,
            Entrance::FlyInBottom,
            Entrance::ZoomIn,
        ] {
            let m = CardMotion {
                entrance,
                parallax: true,
                ken_burns: false,
            };
            assert_eq!(m.pose(0.0, 400.0), Pose::REST, "{entrance:?}");
            assert_eq!(m.pose(-0.0, 400.0), Pose::REST);
            assert_eq!(m.pose(f32::NAN, 400.0), Pose::REST, "bad input rests");
            let away = m.pose(400.0, 400.0);
            assert!(
                (away.media + 120.0).abs() < 1e-3,
                "the picture lags by 30 %"
            );
            let far = m.pose(-4000.0, 400.0);
            assert!(far.text_opacity >= 0.0 && far.text_scale >= ZOOM_FROM);
        }
        let still = CardMotion::STILL.pose(-200.0, 400.0);
        assert_eq!(
            still,
            Pose {
                offset: -200.0,
                ..Pose::REST
            },
            "reduced motion: only the card moves, its text always fully shown"
        );
    }

    #[test]
    fn keyframes_are_exact_between_breaks() {
        let m = CardMotion {
            entrance: Entrance::ZoomIn,
            parallax: true,
            ken_burns: false,
        };
        // A card coming in from the right, and one passing all the way across.
        for (from, to, count) in [(300.0, 0.0, 2), (-200.0, 0.0, 2), (600.0, -600.0, 5)] {
            let frames = m.keyframes(from, to, 400.0);
            let f = frames.as_slice();
            assert_eq!(f.len(), count, "{from} → {to}");
            assert_eq!(f[0], (0.0, m.pose(from, 400.0)));
            assert_eq!(f[count - 1], (1.0, m.pose(to, 400.0)));
            // Halfway between two keyframes, the pose is their blend.
            for w in f.windows(2) {
                let (p0, a) = w[0];
                let (p1, b) = w[1];
                let mid = from + (to - from) * (p0 + p1) / 2.0;
                let pose = m.pose(mid, 400.0);
                let blend = (a.text_opacity + b.text_opacity) / 2.0;
                assert!((pose.text_opacity - blend).abs() < 1e-4, "{from} → {to}");
            }
        }
        assert_eq!(m.keyframes(0.0, 0.0, 400.0).as_slice().len(), 2);
    }

    #[test]
    fn ken_burns_always_covers_the_card() {
        let card = Size::new(400.0, 900.0);
        for (focus, fit) in [
            ((0.5, 0.5), MediaFit { x: 0.5, y: 0.5 }),
            ((0.05, 0.9), MediaFit { x: 0.0, y: 1.0 }),
            ((0.95, 0.1), MediaFit { x: 1.0, y: 0.0 }),
        ] {
            for natural in [
                Some(Size::new(1080.0, 1920.0)),
                Some(Size::new(1920.0, 1080.0)),
                None,
            ] {
                let k = KenBurns::plan(natural, focus, fit, card, 8000.0);
                assert_eq!(k.duration_ms, 8000.0);
                for t in [0.0, 0.25, 0.5, 1.0] {
                    let lerp = |a: f32, b: f32| a + (b - a) * t;
                    let (tx, ty, s) = (
                        lerp(k.from.0, k.to.0),
                        lerp(k.from.1, k.to.1),
                        lerp(k.from.2, k.to.2),
                    );
                    let (ox, oy) = k.origin;
                    // Edges of the picture's box after the transform.
                    let left = ox - s * ox + tx;
                    let right = ox + s * (card.width - ox) + tx;
                    let top = oy - s * oy + ty;
                    let bottom = oy + s * (card.height - oy) + ty;
                    assert!(
                        left <= 0.01 && top <= 0.01,
                        "{focus:?} {natural:?} at {t}: gap at the top left"
                    );
                    assert!(
                        right >= card.width - 0.01 && bottom >= card.height - 0.01,
                        "{focus:?} {natural:?} at {t}: gap at the bottom right"
                    );
                }
            }
        }
        let centred = KenBurns::plan(
            Some(Size::new(1080.0, 1920.0)),
            (0.5, 0.5),
            MediaFit { x: 0.5, y: 0.5 },
            card,
            0.0,
        );
        assert_eq!(centred.origin, (200.0, 450.0));
        assert_eq!(centred.duration_ms, KEN_BURNS_MS);
    }
}
