//! Spare `<video>` elements. A clip card that leaves the DOM gives its element back released:
//! paused, its source dropped and reloaded empty, so the WebView frees the decoder and the
//! buffered media at once instead of at some later garbage collection. The next clip card
//! takes it instead of creating one. With the DOM window of three cards, at most
//! [`VideoPool::SPARE`] more exist at any time.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::{Document, HtmlElement, HtmlMediaElement};

use super::dom::el;

/// Released `<video>` elements waiting for a clip card (shared by the card views).
#[derive(Clone, Default)]
pub struct VideoPool(Rc<RefCell<Vec<HtmlElement>>>);

impl VideoPool {
    /// Most spare elements kept; more are let go.
    pub const SPARE: usize = 1;

    /// A `<video>` for a clip card: a spare one, or a new one.
    pub fn take(&self, doc: &Document) -> HtmlElement {
        self.0
            .borrow_mut()
            .pop()
            .unwrap_or_else(|| el(doc, "video", "glance-media__item"))
    }

    /// Takes back a clip card's element: out of the DOM, released, and kept until the next
    /// [`VideoPool::trim`]. A window that moves by two cards at once (keys faster than the
    /// cards land) gives two back before it builds two: both are taken again, none is made.
    pub fn give(&self, video: HtmlMediaElement) {
        video.remove();
        let _ = video.pause();
        for name in ["src", "poster", "loop", "preload", "style"] {
            let _ = video.remove_attribute(name);
        }
        // With no source, load() drops the media resource and the decoder.
        video.load();
        self.0.borrow_mut().push(video.unchecked_into());
    }

    /// Lets go of the spares beyond [`VideoPool::SPARE`], once the window is built.
    pub fn trim(&self) {
        self.0.borrow_mut().truncate(Self::SPARE);
    }
}
