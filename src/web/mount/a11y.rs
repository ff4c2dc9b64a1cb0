//! What screen readers and keyboards need beyond the cards (the WAI-ARIA carousel pattern):
//! the lock screen is a labelled region; previous, pause and next controls, out of sight until
//! they have focus and reachable by TalkBack's linear navigation; a polite live region that
//! announces a card the viewer moved to, once; and focus that follows the card in view so a
//! swipe never drops it on an inert card.

use web_sys::{Document, HtmlElement};

use super::State;
use crate::core::ui::locale::strings;
use crate::web::dom::{append, attr, el};

/// The controls and the live region, made once per mount.
pub(super) struct Chrome {
    previous: HtmlElement,
    pause: HtmlElement,
    next: HtmlElement,
    live: HtmlElement,
}

impl Chrome {
    /// Builds them inside `viewport`, labelled in English until a locale is set.
    pub(super) fn new(doc: &Document, viewport: &HtmlElement) -> Self {
        let bar = el(doc, "div", "glance-controls");
        let button = |control: &str| {
            let b = el(doc, "button", "glance-control");
            attr(&b, "type", "button");
            attr(&b, "data-control", control);
            append(&bar, &b);
            b
        };
        let chrome = Self {
            previous: button("previous"),
            pause: button("pause"),
            next: button("next"),
            live: el(doc, "div", "glance-live"),
        };
        chrome.previous.set_text_content(Some("‹"));
        chrome.next.set_text_content(Some("›"));
        chrome.set_paused(false);
        attr(&chrome.live, "aria-live", "polite");
        attr(&chrome.live, "aria-atomic", "true");
        append(viewport, &bar);
        append(viewport, &chrome.live);
        chrome.label(viewport, "en");
        chrome
    }

    /// Labels the region and the controls in `language` (a BCP 47 tag).
    pub(super) fn label(&self, viewport: &HtmlElement, language: &str) {
        let ui = strings(language);
        attr(viewport, "aria-label", ui.lock_screen);
        attr(&self.previous, "aria-label", ui.previous);
        attr(&self.next, "aria-label", ui.next);
        attr(&self.pause, "aria-label", ui.pause);
    }

    pub(super) fn set_paused(&self, paused: bool) {
        attr(
            &self.pause,
            "aria-pressed",
            if paused { "true" } else { "false" },
        );
        self.pause
            .set_text_content(Some(if paused { "▶" } else { "Ⅱ" }));
    }
}

impl State {
    /// Tells screen readers about the card now in view (the session decides when: once per
    /// card the viewer moved to, never for one that came by itself).
    pub(super) fn announce(&mut self, label: &str) {
        self.chrome.live.set_text_content(Some(label));
    }

    /// Focus inside a card that just left view (now inert, or removed from the window) goes
    /// to the card now in view, so it is never left on an inert element or dropped to the
    /// page.
    pub(super) fn keep_focus(&mut self, current: &HtmlElement) {
        let removed = std::mem::take(&mut self.refocus);
        let inert = self
            .doc
            .active_element()
            .and_then(|active| active.closest("[data-card-id]").ok().flatten())
            .is_some_and(|card| card.has_attribute("inert"));
        if removed || inert {
            let options = web_sys::FocusOptions::new();
            options.set_prevent_scroll(true);
            let _ = current.focus_with_options(&options);
        }
    }
}
