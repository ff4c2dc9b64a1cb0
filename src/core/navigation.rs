//! Where the deck is and where it goes: gestures, the pager's springs and windows, and the
//! deck that ties them to the cards.

pub mod deck;
pub mod gesture;
pub mod pager;
pub mod velocity;
