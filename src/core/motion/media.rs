//! Whether the card in view's clip plays and its picture drifts (Ken Burns), from what the
//! page, the screen, the finger and the viewer are doing. Cards not in view never play.

/// What the card in view's media may do now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MediaState {
    /// Its clip plays.
    pub playing: bool,
    /// Its picture drifts.
    pub drifting: bool,
}

/// What decides [`MediaState`].
#[derive(Debug, Clone, Copy, Default)]
pub struct Conditions {
    /// The page shows and the screen is on.
    pub lit: bool,
    /// A press became a hold (the viewer is reading).
    pub holding: bool,
    /// The viewer pressed pause.
    pub viewer_paused: bool,
    /// The cards move on their own (a settle running).
    pub moving: bool,
    /// A finger is on the cards.
    pub finger_down: bool,
}

impl Conditions {
    /// The clip plays while its card is in view, lit, not held and not paused by the viewer.
    /// The picture also rests while a finger is down or the cards move: it moves with them
    /// anyway, and a drifting picture under a moving card would cost the main thread a frame
    /// every frame.
    pub fn media(self) -> MediaState {
        let playing = self.lit && !self.holding && !self.viewer_paused;
        MediaState {
            playing,
            drifting: playing && !self.moving && !self.finger_down,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn media_table() {
        let base = Conditions {
            lit: true,
            ..Conditions::default()
        };
        // (conditions, playing, drifting)
        let table = [
            (base, true, true),
            (Conditions { lit: false, ..base }, false, false),
            (
                Conditions {
                    holding: true,
                    ..base
                },
                false,
                false,
            ),
            (
                Conditions {
                    viewer_paused: true,
                    ..base
                },
                false,
                false,
            ),
            (
                Conditions {
                    moving: true,
                    ..base
                },
                true,
                false,
            ),
            (
                Conditions {
                    finger_down: true,
                    ..base
                },
                true,
                false,
            ),
        ];
        for (i, (c, playing, drifting)) in table.into_iter().enumerate() {
            assert_eq!(c.media(), MediaState { playing, drifting }, "row {i}");
        }
    }
}
