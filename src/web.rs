//! The browser glue: the only code that touches the DOM. It measures, forwards every input to
//! [`crate::core::session::Session`] with its timestamps, and applies the effects it gets back
//! (`mount/apply.rs`), writing one `transform` per moving card per frame. It keeps the
//! elements, media and browser handles, and makes no decision.
//!
//! # Motion in the browser
//!
//! A drag writes each moving card's pose per frame in one call to a small JS
//! import that takes numbers (the card's `transform`, the picture's `transform`, the text
//! layer's `transform` and `opacity`), and only the parts that changed. A settle, Ken Burns and
//! the cross-fade are Web Animations on the compositor: the settle's keyframes are the poses at
//! its ends and wherever the card crosses its place, under the spring's `linear()` easing.
//! `requestAnimationFrame` and the two timeouts (a press becoming a hold, the auto-advance
//! countdown) go through owned handles whose closures are made once, so the frame path allocates
//! nothing. When everything has landed there is no frame callback and no timer other than a
//! running countdown. Hiding the page (`visibilitychange`) or the host's `setScreenOn(false)`
//! lands any motion at once, pauses clips, Ken Burns and the countdown, and forgets the frame
//! clock so nothing steps across the gap.
//!
//! # After a settle
//!
//! In an idle moment the card window is tidied: the new neighbour is laid out and built, the
//! far card goes, and the card at rest is stored for the shim's painter. Then, in idle slices
//! of at most 4 ms each, the cards just past the window on either side are laid out and the
//! layouts thrown away: what a new card's layout costs most is measuring text the page has
//! not shaped yet, and its widths are kept, so the next settle's tidy-up measures nothing. A
//! finger that lands stops the slices; the next settle starts them again.
//!
//! # Media
//!
//! - **What is fetched**: the DOM holds the card in view and its neighbours, so the previous and
//!   the next card's media load with them; after each settle one off-DOM image fetches the
//!   picture (a clip card's poster) of the card two ahead. Nothing further is fetched. Clips load
//!   their metadata ahead (`preload="metadata"`), not under the data saver (`"none"`).
//! - **Clips** play muted and inline, only while their card is in view with the page visible and
//!   the screen on; they pause when the card leaves, on a hold, and when the screen goes off.
//!   Under the data or battery saver they do not play (their poster shows).
//! - **`<video>` elements are recycled**: a clip card that leaves the DOM gives its element back
//!   paused and emptied (`src` removed, `load()`), so the WebView frees the decoder and the
//!   buffers at once; the next clip card takes it. At most four exist at any time (three in the
//!   window, one spare).
//! - **The contrast sample**: once a card's picture has loaded, the part behind its text is
//!   scaled to 16 × 16 pixels by `createImageBitmap` and read back in a small canvas of its
//!   own; core sets the scrim from those pixels. Chromium still decodes the picture inside that
//!   call, on the main thread (25–33 ms for a 720 × 1280 JPEG at 4× CPU), but the scale is
//!   not: drawing the full picture into a canvas there cost 40–110 ms. Reading the picture's
//!   bytes from the HTTP cache as a `Blob` would take the decode off the thread too, but that
//!   fetch displaces the picture from Blink's memory cache, and the shim's painted card, made
//!   at a trap, then showed without its picture (the trap test in `preview.test.mjs`).
//! - **Clips' first cost**: the first `<video>` a page styles makes Chromium parse its own
//!   styles for media (a sheet of about 125,000 characters, 23–33 ms at 4× CPU). When the feed
//!   has a clip card, the first tidy-up after the wake styles one hidden `<video>` and takes
//!   it away, so the swipe that mounts the first clip card does not pay for it.
//! - **Failures**: a picture that fails leaves the card's `media.color` (or the dark card
//!   background) with its text, and the scrim follows that colour; a clip that fails keeps its
//!   poster. Either is reported once per card and source (`media_error` notice and event).

mod card_view;
pub(crate) mod clock;
mod dom;
mod measure;
mod mount;
mod paint;
mod schedule;
mod segment;
mod video_pool;

pub use mount::Mount;
