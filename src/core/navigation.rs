//! Where the deck is and where it goes: gestures, the pager's springs and windows, and the
//! deck that ties them to the cards.
//!
//! # In detail
//!
//! - **The pager** (`pager.rs`) runs a spring at a fixed 240 Hz step with an accumulator and draws
//!   between steps, so the same gesture lands on the same card, within one frame, at 30–144 Hz.
//!   The spring (`spring.rs`) is set by damping ratio and response, as Android's
//!   `SpringAnimation` and SwiftUI are: the pager's is critically damped with a 0.3 s response.
//!   It takes over at the lift (not at the next frame) with the finger's velocity, clamped so
//!   the card never overshoots into its neighbour. A finger or a key that interrupts a settle
//!   continues from where the cards are and how fast they move.
//! - **Velocity** (`velocity.rs`) is a least-squares line through the last 100 ms of samples,
//!   which copes with coalesced, uneven or repeated events; a finger that rested 60 ms before
//!   lifting has none.
//! - **Snap**: a release faster than 350 px/s moves one card its way (a flick against the drag
//!   returns); a slow drag past 30 % of the card moves one card; no gesture moves more than one.
//!   Past the ends the track resists (rubber band), unless the skin loops (`"loop": true`, with at
//!   least 3 cards): then slots wrap and the track is brought back into the first lap at rest,
//!   which moves nothing on screen.
//! - **Gestures** (`gesture.rs`, `deck.rs`): 10 px of slop, then the first direction decides: along
//!   the skin's axis it is a drag (the track is under the finger from that first frame, slop
//!   included), across it the gesture is the keyguard's (`touch-action: pan-y` on a horizontal
//!   skin; `preventDefault` only on cancelable events the deck used). Taps follow AMP Web
//!   Stories: the start-side 25 % goes back, the rest forward, with side edges of 12 % and at
//!   least 48 px left to the system. A right-to-left deck (`direction: "rtl"`, for a device in
//!   Urdu or Arabic) mirrors all of it: the next card waits on the left, a swipe to the right,
//!   a tap on the left and ArrowLeft go forward. The deck's direction is the device's, not a
//!   card's: an Urdu card in a Hindi feed keeps its own text direction but not the deck's. A press held 500 ms in place
//!   is a hold: auto-advance, the clip and Ken Burns pause until it lifts, and lifting is not a
//!   tap. Presses on buttons and links are theirs. Only the first finger counts; a press that had
//!   a second finger is not a tap, and a second finger never moves the cards.

pub mod deck;
pub mod gesture;
pub mod pager;
pub mod velocity;
