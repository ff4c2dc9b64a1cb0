//! One card's DOM, built from its face by `www/host/card.js`, and the little state needed to skip unchanged
//! writes.

use js_sys::Array;
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Animation, Document, HtmlElement, HtmlMediaElement};

use super::dom::attr;
use super::paint;
use super::video_pool::VideoPool;
use crate::core::feed::Card;
use crate::core::layout::{BehindText, CardLayout};
use crate::core::motion::saver::Savers;
use crate::core::motion::{CardMotion, KenBurns, Pose};
use crate::core::ui::face::{scrim_hundredths, Face, Place};

/// A mounted card.
pub struct CardView {
    /// Index in the shown cards.
    pub index: usize,
    /// The `<article>`.
    pub root: HtmlElement,
    video: Option<HtmlMediaElement>,
    /// Takes the clip's element back when the card goes.
    videos: VideoPool,
    /// Whether the clip may play by itself (no saver says otherwise).
    autoplay: bool,
    media_box: HtmlElement,
    body: HtmlElement,
    scrim: HtmlElement,
    /// Where the picture lies behind the text, kept from the layout for the contrast sample.
    pub behind_text: Option<BehindText>,
    /// How this card moves (from core, fixed while it is mounted).
    pub motion: CardMotion,
    /// The picture and its Ken Burns move, for image cards that have one.
    ken_burns: Option<(HtmlElement, KenBurns)>,
    /// The running Ken Burns animation, while the card is in view.
    ken_burns_run: Option<Animation>,
    /// The picture is decoded: Ken Burns can run on the compositor.
    picture_decoded: bool,
    /// The pose last written, to skip unchanged writes.
    pose: Option<Pose>,
    in_view: Option<bool>,
    /// What the card shows, as data: the host keeps it for the card at rest.
    pub face: Face,
}

/// What a card template needs besides the card.
pub struct Context<'a> {
    /// The document to build in.
    pub doc: &'a Document,
    /// Where the card stands among the shown cards, the time now and whether it was liked.
    pub place: Place,
    /// Whether it is the card in view (its picture is fetched first).
    pub in_view: bool,
    /// Where everything goes (computed by `core::layout`).
    pub layout: &'a CardLayout,
    /// How the card moves (computed by `core::motion`).
    pub motion: CardMotion,
    /// The Ken Burns move of its picture, when it has one.
    pub ken_burns: Option<KenBurns>,
    /// Whether its clip starts over at the end (else the end moves the deck on).
    pub loop_clip: bool,
    /// The phone's savers: whether its clip is fetched ahead and plays by itself.
    pub savers: Savers,
    /// Where a clip card gets its `<video>` and gives it back.
    pub videos: &'a VideoPool,
}

#[wasm_bindgen(module = "/www/host/card.js")]
extern "C" {
    /// Builds a card's elements from its face's JSON (`Face::write_json`) in one call, with
    /// the builder the shim's painter uses: `[card, media box, scrim, text layer, picture or
    /// null]`. A clip card plays in `video`, fetched ahead as `preload` says.
    fn live_card(
        doc: &Document,
        json: &str,
        high: bool,
        video: Option<&HtmlElement>,
        loop_clip: bool,
        preload: &str,
    ) -> Array;
}

impl CardView {
    /// Builds the card's elements (not yet attached) from its face, each block where the
    /// layout put it: one call into JS with the face as JSON, instead of one per element and
    /// attribute.
    pub fn build(card: &Card, cx: &Context<'_>) -> Self {
        let face = Face::of(card, cx.layout, cx.place);
        let mut json = String::with_capacity(1024);
        face.write_json(&mut json);
        let video = face
            .media
            .as_ref()
            .filter(|m| m.video)
            .map(|_| cx.videos.take(cx.doc));
        let preload = if cx.savers.fetch_clips() {
            "metadata"
        } else {
            "none"
        };
        let parts = live_card(
            cx.doc,
            &json,
            cx.in_view,
            video.as_ref(),
            cx.loop_clip,
            preload,
        );
        let part = |i| parts.get(i).unchecked_into::<HtmlElement>();
        let picture = parts.get(4).dyn_into::<HtmlElement>().ok();
        Self {
            index: cx.place.index,
            root: part(0),
            video: video.map(JsCast::unchecked_into),
            videos: cx.videos.clone(),
            autoplay: cx.savers.clips_play(),
            media_box: part(1),
            scrim: part(2),
            body: part(3),
            behind_text: BehindText::of(cx.layout),
            motion: cx.motion,
            ken_burns: picture.zip(cx.ken_burns),
            ken_burns_run: None,
            picture_decoded: false,
            pose: None,
            in_view: None,
            face,
        }
    }

    /// Sets the scrim's opacity (0–1), once the picture behind the text has been sampled.
    pub fn set_scrim(&mut self, alpha: f32) {
        let percent = scrim_hundredths(alpha);
        self.face.scrim = percent;
        set_style(&self.scrim, "--glance-scrim", &format!("0.{percent:02}"));
    }

    /// Draws the card `offset` px from its place along an axis where a card is `extent` px
    /// long, in the pose its motion gives it there; writes only the parts that changed.
    pub fn place(&mut self, offset: f32, extent: f32, horizontal: bool) {
        let pose = self.motion.pose(offset, extent);
        let last = self.pose;
        if last == Some(pose) {
            return;
        }
        let changed =
            |part: fn(&Pose) -> (f32, f32, f32)| last.is_none_or(|l| part(&l) != part(&pose));
        let mut parts = 0;
        if changed(|p| (p.offset, 0.0, 0.0)) {
            parts |= 1;
        }
        if self.motion.parallax && changed(|p| (p.media, 0.0, 0.0)) {
            parts |= 2;
        }
        if self.motion.moves_text() && changed(|p| (p.text_opacity, p.text_shift, p.text_scale)) {
            parts |= 4;
        }
        self.pose = Some(pose);
        paint::set_pose(
            &self.root,
            &self.media_box,
            &self.body,
            horizontal,
            pose.offset,
            pose.media,
            pose.text_opacity,
            pose.text_shift,
            pose.text_scale,
            parts,
        );
    }

    /// Hands the card's motion from `from` to `to` px to the compositor, its poses as
    /// keyframes. The inline styles are rewritten when the motion ends or is interrupted.
    pub fn animate(
        &mut self,
        from: f32,
        to: f32,
        extent: f32,
        timing: (f64, &JsValue),
        horizontal: bool,
    ) -> Array {
        self.pose = None;
        let keyframes = self.motion.keyframes(from, to, extent);
        let mut flat = [0.0f32; 30];
        let mut n = 0;
        for (progress, p) in keyframes.as_slice() {
            let values = [
                *progress,
                p.offset,
                p.media,
                p.text_opacity,
                p.text_shift,
                p.text_scale,
            ];
            flat[n..n + 6].copy_from_slice(&values);
            n += 6;
        }
        let mut parts = 1;
        if self.motion.parallax {
            parts |= 2;
        }
        if self.motion.moves_text() {
            parts |= 4;
        }
        paint::animate_pose(
            &self.root,
            &self.media_box,
            &self.body,
            horizontal,
            &flat[..n],
            timing.0,
            timing.1,
            parts,
        )
    }

    /// Takes the contents of `fresh` (the same card, changed) into this card's own element,
    /// which keeps its place, its motion and its animations; the new contents are drawn at the
    /// next [`CardView::place`].
    pub fn refill(&mut self, mut fresh: CardView) {
        for name in ["class", "lang", "dir", "aria-label"] {
            if let Some(value) = fresh.root.get_attribute(name) {
                attr(&self.root, name, &value);
            }
        }
        let family = fresh.root.style().get_property_value("font-family");
        set_style(&self.root, "font-family", &family.unwrap_or_default());
        let children = js_sys::Array::new();
        while let Some(child) = fresh.root.first_child() {
            let _ = fresh.root.remove_child(&child);
            children.push(&child);
        }
        self.root.replace_children_with_node(&children);
        if let Some(run) = self.ken_burns_run.take() {
            run.cancel();
        }
        if let Some(old) = self.video.take() {
            self.videos.give(old);
        }
        self.video = fresh.video.take();
        self.autoplay = fresh.autoplay;
        self.media_box = fresh.media_box.clone();
        self.body = fresh.body.clone();
        self.scrim = fresh.scrim.clone();
        self.behind_text = fresh.behind_text;
        self.motion = fresh.motion;
        self.ken_burns = fresh.ken_burns.take();
        self.picture_decoded = false;
        self.pose = None;
        self.face = fresh.face.clone();
        // Marked again by the caller, so its clip plays or pauses as the card's place says.
        self.in_view = None;
    }

    /// Pauses a running Ken Burns move (the card is leaving).
    pub fn pause_ken_burns(&self) {
        if let Some(run) = &self.ken_burns_run {
            if run.play_state() == web_sys::AnimationPlayState::Running {
                let _ = run.pause();
            }
        }
    }

    /// The picture that waits to be decoded before its Ken Burns move can start, if any.
    pub fn undecoded_picture(&self) -> Option<web_sys::HtmlImageElement> {
        match &self.ken_burns {
            Some((img, _)) if !self.picture_decoded => Some(img.clone().unchecked_into()),
            _ => None,
        }
    }

    /// The picture is decoded (see [`CardView::undecoded_picture`]).
    pub fn picture_is_decoded(&mut self) {
        self.picture_decoded = true;
    }

    /// The card's element, for a cross-fade.
    pub fn element(&self) -> &HtmlElement {
        &self.root
    }

    /// Starts, pauses or resumes the picture's Ken Burns move: it runs while the card is in view
    /// and `running`, and starts over when the card comes into view again.
    pub fn set_ken_burns(&mut self, in_view: bool, running: bool) {
        let Some((img, plan)) = &self.ken_burns else {
            return;
        };
        if !in_view {
            if let Some(run) = self.ken_burns_run.take() {
                run.cancel();
            }
            return;
        }
        // A move started before the picture is decoded runs on the main thread for its whole
        // length (Chromium keeps it off the compositor); it waits for `decode()`.
        if self.ken_burns_run.is_none() && !self.picture_decoded {
            return;
        }
        let run = self.ken_burns_run.get_or_insert_with(|| {
            paint::ken_burns(
                img,
                plan.origin.0,
                plan.origin.1,
                plan.from.0,
                plan.from.1,
                plan.from.2,
                plan.to.0,
                plan.to.1,
                plan.to.2,
                plan.duration_ms,
            )
        });
        if running {
            if run.play_state() == web_sys::AnimationPlayState::Paused {
                let _ = run.play();
            }
        } else if run.play_state() == web_sys::AnimationPlayState::Running {
            let _ = run.pause();
        }
    }

    /// Marks the card as the one in view, or hides it from focus and assistive technology;
    /// plays or pauses its clip accordingly. Does nothing when unchanged.
    pub fn set_in_view(&mut self, in_view: bool, playing_allowed: bool) {
        if self.in_view != Some(in_view) {
            self.in_view = Some(in_view);
            self.root.set_inert(!in_view);
            if in_view {
                let _ = self.root.remove_attribute("aria-hidden");
            } else {
                attr(&self.root, "aria-hidden", "true");
            }
        }
        self.set_playing(in_view && playing_allowed);
        self.set_ken_burns(in_view, playing_allowed);
    }

    /// Plays or pauses the card's clip, if it has one.
    pub fn set_playing(&self, playing: bool) {
        let Some(video) = &self.video else { return };
        if playing && self.autoplay {
            // A refused autoplay is not an error worth a console line: the poster stays.
            paint::play_quietly(video);
        } else if !video.paused() {
            let _ = video.pause();
        }
    }
}

impl Drop for CardView {
    /// A Ken Burns move left running on a removed picture would keep the main thread ticking
    /// until it ends: it goes with its card. Its clip's element is released to the pool.
    fn drop(&mut self) {
        if let Some(run) = self.ken_burns_run.take() {
            run.cancel();
        }
        if let Some(video) = self.video.take() {
            self.videos.give(video);
        }
    }
}

fn set_style(e: &HtmlElement, name: &str, value: &str) {
    let _ = e.style().set_property(name, value);
}
