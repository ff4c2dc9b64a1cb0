//! The phone's data saver and battery saver, as the host reports them, and what each turns
//! off. Swipes, taps and the card text are never affected: only what runs or downloads on its
//! own.

use crate::core::motion::CardMotion;

/// Which savers are on.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Savers {
    /// Data saver: nothing is downloaded that the viewer did not ask for.
    pub data: bool,
    /// Battery saver: nothing decodes or animates for long on its own.
    pub battery: bool,
}

impl Savers {
    /// Clips play by themselves (muted, while in view). Not under either saver: a clip costs
    /// its bytes and a video decoder for the whole dwell. The poster or the card's colour
    /// shows instead.
    pub fn clips_play(self) -> bool {
        !self.data && !self.battery
    }

    /// Clips are fetched ahead of play (their metadata). Not under the data saver.
    pub fn fetch_clips(self) -> bool {
        !self.data
    }

    /// `motion` as the savers allow it: under the battery saver no picture drifts (Ken Burns
    /// keeps the compositor at work for the whole dwell); parallax and text entrances follow
    /// the finger and stay.
    pub fn allow(self, motion: CardMotion) -> CardMotion {
        CardMotion {
            ken_burns: motion.ken_burns && !self.battery,
            ..motion
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::motion::Entrance;

    #[test]
    fn what_each_saver_turns_off() {
        let drifting = CardMotion {
            entrance: Entrance::Fade,
            parallax: true,
            ken_burns: true,
        };
        // (data, battery) -> (clips play, clips fetched, drift)
        for (data, battery, plays, fetched, drifts) in [
            (false, false, true, true, true),
            (true, false, false, false, true),
            (false, true, false, true, false),
            (true, true, false, false, false),
        ] {
            let s = Savers { data, battery };
            assert_eq!(s.clips_play(), plays, "{s:?}");
            assert_eq!(s.fetch_clips(), fetched, "{s:?}");
            let m = s.allow(drifting);
            assert_eq!(m.ken_burns, drifts, "{s:?}");
            assert_eq!((m.entrance, m.parallax), (Entrance::Fade, true), "{s:?}");
        }
    }
}
