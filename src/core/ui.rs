//! What frames the cards: the skin profiles, the renderer's own words per language, and the
//! buttons a card offers.
//!
//! # Accessibility and languages
//!
//! - **Screen readers** (the WAI-ARIA carousel pattern): the lock screen is a `region` with
//!   `aria-roledescription="carousel"`, labelled in the device's language (`renderer.locale`);
//!   each card is a `group` whose role description ("card") and label ("3 of 12: `<title>`") are
//!   in the card's language; cards out of view are `inert` and `aria-hidden`. Previous, pause
//!   and next controls come first in the region: out of sight until one has focus (keyboard, or
//!   TalkBack's linear navigation), and under the cards until then; focused, they show in the
//!   skin's top area, over the clock, where no card puts text or buttons. A polite live region says
//!   the card the viewer moved to, once; not the first feed, auto-advance or a wake. Pause stops
//!   auto-advance, clips and Ken Burns (`aria-pressed`). When a swipe makes the card holding
//!   focus inert or removes it, the card in view takes focus (it is focusable by script only).
//! - **Languages**: the renderer's own words come from a table for en, hi, bn, ta, te, mr, id,
//!   ms, fil, th, vi, ur, es, pt and ja, with entries of their own for es-ES and pt-PT (a card's
//!   language and region first, then its language, English otherwise): Sponsored, Live, Final,
//!   Upcoming, Unlock to continue, Like, Share, the card's position, relative times, and the
//!   labels of the region and the controls. Counts are written in the language's own digits
//!   (Bengali for bn, Devanagari for mr, Latin with `-u-nu-latn`) and relative times in the form
//!   the language's plural rules pick ("१ तासापूर्वी", "२ तासांपूर्वी"); a browser test checks the
//!   table's plural rules and digits against `Intl.PluralRules` and `Intl.NumberFormat` for every
//!   count to 2,000. No `Intl` formatter is used for them, so a card reads the same at the first
//!   wake as later (it once switched to `Intl`'s "2 hr. ago" after the ICU data had loaded).

pub mod actions;
pub mod face;
pub mod locale;
pub mod skin;
