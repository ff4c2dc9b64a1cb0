//! What the session asks the browser layer to do, in the order it must be done. The layer keeps
//! the elements, the media and the browser's handles; each effect names what to do with them
//! and leaves no choice.

use super::notice::Notice;
use crate::core::navigation::deck::Window;
use crate::core::navigation::pager::Settle;
use crate::core::time::MonoMs;

/// The layer's timers, each armed for one deadline on the monotonic clock at a time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Timer {
    /// A press becomes a hold.
    Hold,
    /// The card in view has had its time.
    Advance,
    /// The outbox has a batch due, or a reply is overdue.
    Outbox,
    /// A card's window opens or closes (or a minute passed, to notice a clock that was set).
    Clock,
}

/// How one card shows during a reduced-motion cross-fade.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Fade {
    /// The card that arrives fades in where it rests.
    In,
    /// The card that leaves stays at this offset (px) for the fade, under the one that arrives.
    Hold(f32),
}

/// One thing for the browser layer to do.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Write the skin's reserved areas and look (custom properties, the axis class) for the
    /// deck's viewport.
    Skin,
    /// Take every card out of the DOM. Focus that was in one goes to the card in view at the
    /// next [`Effect::Focus`].
    UnmountAll,
    /// Make the DOM hold exactly these cards, building the missing ones out of view.
    Mount(Option<Window>),
    /// Card `index` (mounted) changed its content: build it again inside its own element,
    /// placed for the track at `position`, in view or not, its clip allowed to play or not.
    Refresh {
        /// The card.
        index: usize,
        /// Where the track is.
        position: f32,
        /// Whether it is the card in view.
        in_view: bool,
        /// Whether its clip may play.
        media: bool,
    },
    /// Place every mounted card for the track at this position.
    Place(f32),
    /// Card `index` is in view and every other card is not; `media`: its clip may play.
    InView {
        /// The card in view.
        index: usize,
        /// Whether its clip may play.
        media: bool,
    },
    /// The card in view's media: its clip plays or pauses (`None`: as it is, the cards move),
    /// its Ken Burns drifts or holds; every other card's Ken Burns holds.
    Media {
        /// The card in view.
        index: usize,
        /// Play (true) or pause (false) its clip, if it has one.
        playing: Option<bool>,
        /// Whether its Ken Burns move runs.
        drifting: bool,
    },
    /// Card `index`'s picture is decoded: its Ken Burns can run (`Some(running)`), or waits for
    /// the cards to stop moving (`None`).
    Decoded {
        /// The card.
        index: usize,
        /// Start its Ken Burns move, running or held.
        ken_burns: Option<bool>,
    },
    /// Ask the browser to decode card `index`'s picture, if its Ken Burns move waits for that.
    Decode(usize),
    /// Focus in a card that left the DOM or went inert goes to card `index`.
    Focus(usize),
    /// Screen readers are told card `index`'s label.
    Announce(usize),
    /// The viewer's pause control shows paused (or not).
    Paused(bool),
    /// Card `index` shows this scrim opacity.
    Scrim {
        /// The card.
        index: usize,
        /// Opacity, 0 to 1.
        alpha: f32,
    },
    /// Tell the host.
    Notice(Notice),
    /// Arm a timer for a deadline, or disarm it (`None`); `now` is the monotonic time of the
    /// request.
    Arm {
        /// Which timer.
        timer: Timer,
        /// When it fires.
        at: Option<MonoMs>,
        /// The time now, on the same clock.
        now: MonoMs,
    },
    /// Run the frame loop: call [`super::Session::frame`] at the next frame.
    Frame,
    /// No frame is wanted any more.
    CancelFrame,
    /// Run this settle on the compositor on every mounted card; call
    /// [`super::Session::settle_finished`] when it finishes, or
    /// [`super::Session::nothing_to_animate`] when no card could run it.
    Animate(Settle),
    /// Stop the compositor's settle where it is (its cards are placed by an [`Effect::Place`]).
    StopAnimations,
    /// Drop the cross-fades that are still running.
    StopFades,
    /// Card `index` takes its part in a reduced-motion cross-fade.
    Fade {
        /// The card.
        index: usize,
        /// How it shows.
        fade: Fade,
    },
    /// In an idle moment, call [`super::Session::tidy`].
    Tidy,
    /// No tidy-up is wanted any more.
    CancelTidy,
    /// Fetch this picture now, off the DOM, so it is ready when its card is mounted.
    Preload(String),
    /// Hand the host the card at rest and the one after it as data (the stored still), when it
    /// changed.
    KeepStill {
        /// The card at rest.
        current: usize,
        /// The card after it, if any.
        next: Option<usize>,
    },
    /// In idle slices, measure the text of the cards the next settle mounts.
    LookAhead,
    /// Have the browser style a `<video>` once, out of sight, and take it away again: its own
    /// styles for media are then set up before a clip card is mounted.
    WarmClips,
    /// In the next idle moment, call [`super::Session::store`].
    Store,
    /// No idle store is wanted any more (the outbox went to the host now).
    CancelStore,
}
