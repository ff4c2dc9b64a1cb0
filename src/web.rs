//! The browser glue: the only code that touches the DOM. It measures once, forwards input to
//! [`crate::core::navigation::deck::Deck`] with timestamps, and writes one `transform` per moving card per
//! frame. It makes no decision that core could make.

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
