//! One card's DOM, built from its template, and the little state needed to skip unchanged
//! writes.

use js_sys::Array;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Animation, Document, HtmlElement, HtmlMediaElement};

use super::dom::{append, attr, el, icon, px, text};
use super::paint;
use super::video_pool::VideoPool;
use crate::core::feed::Card;
use crate::core::layout::{BehindText, BlockKind, CardLayout};
use crate::core::motion::saver::Savers;
use crate::core::motion::{CardMotion, KenBurns, Pose};
use crate::core::ui::actions::Action;
use crate::core::ui::face::{block_name, scrim_hundredths, Content, Face, FaceBlock, Place};

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

/// `left/top/width/height` of a block, plus its font, as one style text.
fn block_style(block: &FaceBlock) -> String {
    let r = block.rect;
    format!(
        "left:{};top:{};width:{};height:{};font-size:{};line-height:{}",
        px(r.x),
        px(r.y),
        px(r.width),
        px(r.height),
        px(block.font_size),
        px(block.line_height)
    )
}

impl CardView {
    /// Builds the card's elements (not yet attached) from its face, each block where the
    /// layout put it.
    pub fn build(card: &Card, cx: &Context<'_>) -> Self {
        let doc = cx.doc;
        let layout = cx.layout;
        let face = Face::of(card, layout, cx.place);
        let root = el(
            doc,
            "article",
            &format!("glance-card glance-card--{}", face.kind),
        );
        attr(&root, "data-card-id", &face.id);
        attr(&root, "lang", &face.lang);
        attr(&root, "dir", face.dir);
        // The family of the card's script in the skin's stack: the one its text was measured
        // in (through the CSSOM, which the Content-Security-Policy allows).
        set_style(&root, "font-family", &face.font);
        attr(&root, "role", "group");
        // Focusable by script only: focus moves here when the card it was in leaves view.
        root.set_tab_index(-1);
        attr(&root, "aria-roledescription", face.role);
        attr(&root, "aria-label", &face.label);

        let media_box = el(doc, "div", "glance-media");
        let mut video = None;
        let mut picture = None;
        if let Some(media) = &face.media {
            if let Some(color) = &media.color {
                set_style(&media_box, "background-color", color);
            }
            if !media.video {
                let img = el(doc, "img", "glance-media__item");
                attr(&img, "alt", "");
                attr(&img, "decoding", "async");
                attr(&img, "draggable", "false");
                if cx.in_view {
                    attr(&img, "fetchpriority", "high");
                }
                set_style(&img, "object-position", &media.position);
                attr(&img, "src", &media.src);
                append(&media_box, &img);
                picture = Some(img);
            } else {
                let v = cx.videos.take(doc);
                // Muted and inline so that the WebView may autoplay it; no controls on a
                // lock screen. `muted` must be the attribute for autoplay policies.
                for name in ["muted", "playsinline", "disablepictureinpicture"] {
                    attr(&v, name, "");
                }
                if cx.loop_clip {
                    attr(&v, "loop", "");
                }
                let fetch = if cx.savers.fetch_clips() {
                    "metadata"
                } else {
                    "none"
                };
                attr(&v, "preload", fetch);
                if let Some(poster) = &media.poster {
                    attr(&v, "poster", poster);
                }
                set_style(&v, "object-position", &media.position);
                attr(&v, "src", &media.src);
                let media_el: HtmlMediaElement = v.clone().unchecked_into();
                media_el.set_muted(true);
                append(&media_box, &v);
                video = Some(media_el);
            }
        }
        append(&root, &media_box);

        // The scrim darkens from a little above the text to the bottom, as dark as contrast needs.
        let scrim = el(doc, "div", "glance-scrim");
        // Through the CSSOM, never a `style` attribute: a strict Content-Security-Policy
        // (no 'unsafe-inline' styles) blocks attributes, not the CSSOM.
        scrim.style().set_css_text(&format!(
            "top:{};--glance-scrim:0.{:02}",
            px(face.scrim_top),
            face.scrim
        ));
        append(&root, &scrim);

        let body = el(doc, "div", "glance-body");
        for block in &face.blocks {
            let e = match &block.content {
                Content::Disclosure { badge, name } => {
                    let line = el(doc, "p", "glance-disclosure");
                    text(doc, &line, "span", "glance-badge", badge);
                    if let Some(name) = name {
                        text(doc, &line, "span", "glance-disclosure__name", name);
                    }
                    line
                }
                Content::Source { logo, name, time } => {
                    let line = el(doc, "p", "glance-source");
                    if let Some(logo) = logo {
                        let img = el(doc, "img", "glance-source__logo");
                        attr(&img, "alt", "");
                        attr(&img, "src", logo);
                        append(&line, &img);
                    }
                    if let Some(name) = name {
                        text(doc, &line, "span", "glance-source__name", name);
                    }
                    if let Some(time) = time {
                        text(doc, &line, "span", "glance-source__time", time);
                    }
                    line
                }
                Content::Score {
                    teams,
                    status,
                    live,
                    clock,
                } => {
                    let block_el = el(doc, "div", "glance-score");
                    if let Some(teams) = teams {
                        for (name, score) in teams {
                            let row = text(doc, &block_el, "div", "glance-score__team", "");
                            text(doc, &row, "span", "glance-score__name", name);
                            text(doc, &row, "span", "glance-score__value", score);
                        }
                        let line = text(doc, &block_el, "p", "glance-score__status", "");
                        let class = if *live {
                            "glance-badge glance-badge--live"
                        } else {
                            "glance-badge"
                        };
                        text(doc, &line, "span", class, status);
                        if let Some(clock) = clock {
                            text(doc, &line, "span", "glance-score__clock", clock);
                        }
                    }
                    block_el
                }
                Content::Lines(lines) => {
                    let (tag, class) = if block.kind == BlockKind::Title {
                        ("h2", "glance-title")
                    } else {
                        ("p", "glance-summary")
                    };
                    let e = el(doc, tag, class);
                    // One element per computed line, so the browser breaks exactly where the
                    // layout did; the card's aria-label carries the whole headline.
                    for line in lines {
                        text(doc, &e, "span", "glance-line", line);
                    }
                    e
                }
                Content::Cta { label, unlock, .. } => {
                    let button = el(doc, "button", "glance-cta");
                    if let Some(label) = label {
                        button.set_text_content(Some(label));
                    }
                    if let Some(hint) = unlock {
                        attr(&button, "title", hint);
                    }
                    attr(&button, "type", "button");
                    attr(&button, "data-action", "open");
                    button
                }
                Content::Actions { like, share, liked } => {
                    let row = el(doc, "div", "glance-actions");
                    for (action, label) in [(Action::Like, *like), (Action::Share, *share)] {
                        let button = el(doc, "button", "glance-action");
                        attr(&button, "type", "button");
                        attr(&button, "data-action", action.name());
                        attr(&button, "aria-label", label);
                        if action == Action::Like {
                            attr(
                                &button,
                                "aria-pressed",
                                if *liked { "true" } else { "false" },
                            );
                        }
                        if let Some(path) = action.icon() {
                            icon(doc, &button, path);
                        }
                        append(&row, &button);
                    }
                    row
                }
            };
            e.class_list().add_1("glance-block").ok();
            attr(&e, "data-block", block_name(block.kind));
            e.style().set_css_text(&block_style(block));
            append(&body, &e);
        }
        append(&root, &body);
        Self {
            index: cx.place.index,
            root,
            video,
            videos: cx.videos.clone(),
            autoplay: cx.savers.clips_play(),
            media_box,
            body,
            scrim,
            behind_text: BehindText::of(layout),
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
