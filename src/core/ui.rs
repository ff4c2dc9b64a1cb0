//! What frames the cards: the skin profiles, the renderer's own words per language, and the
//! buttons a card offers.

pub mod actions;
pub mod locale;
pub mod skin;
