//! The writers of motion. Numbers cross into JS and the strings are built there, so nothing is
//! formatted in Rust on the hot path.
//!
//! While a finger drags, each frame writes each moving card's pose (its `transform`, and the
//! `transform`/`opacity` of its picture and text layer when they move): one call per card.
//! Once it lifts, the whole settle is known in advance (`core::navigation::pager::Settle`), so it is handed
//! to the compositor as Web Animations with the spring sampled into a `linear()` easing and the
//! poses as keyframes: the main thread does nothing until the cards land. Ken Burns and the
//! reduced-motion cross-fade run there too.

use js_sys::Array;
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::JsValue;
use web_sys::HtmlMediaElement;
use web_sys::{Animation, HtmlElement};

#[wasm_bindgen(inline_js = "
const t = (h, v) => h ? 'translate3d(' + v + 'px,0,0)' : 'translate3d(0,' + v + 'px,0)';
const lift = (y, s) => 'translate3d(0,' + y + 'px,0) scale(' + s + ')';
export function set_pose(root, media, body, h, off, m, o, y, s, parts) {
  if (parts & 1) root.style.transform = t(h, off);
  if (parts & 2) media.style.transform = m === 0 ? '' : t(h, m);
  if (parts & 4) {
    body.style.opacity = o === 1 ? '' : o;
    body.style.transform = y === 0 && s === 1 ? '' : lift(y, s);
  }
}
export function linear_easing(progress) {
  let s = 'linear(';
  for (let i = 0; i < progress.length; i++) s += (i ? ',' : '') + progress[i].toFixed(4);
  return s + ')';
}
export function animate_pose(root, media, body, h, f, duration, easing, parts) {
  const card = [], pic = [], text = [];
  for (let i = 0; i + 5 < f.length; i += 6) {
    const offset = f[i];
    card.push({ offset, transform: t(h, f[i + 1]) });
    pic.push({ offset, transform: t(h, f[i + 2]) });
    text.push({ offset, opacity: f[i + 3], transform: lift(f[i + 4], f[i + 5]) });
  }
  const timing = { duration, easing, fill: 'forwards' };
  const out = [root.animate(card, timing)];
  if (parts & 2) out.push(media.animate(pic, timing));
  if (parts & 4) out.push(body.animate(text, timing));
  return out;
}
export function ken_burns(img, ox, oy, fx, fy, fs, tx, ty, ts, duration) {
  img.style.transformOrigin = ox + 'px ' + oy + 'px';
  return img.animate([{ transform: 'translate3d(' + fx + 'px,' + fy + 'px,0) scale(' + fs + ')' },
    { transform: 'translate3d(' + tx + 'px,' + ty + 'px,0) scale(' + ts + ')' }],
    { duration, easing: 'ease-in-out', fill: 'forwards' });
}
export function hold_at(el, h, v, duration) {
  return el.animate([{ transform: t(h, v) }, { transform: t(h, v) }], { duration });
}
export function fade_in(el, duration) {
  return el.animate([{ opacity: 0, zIndex: 1 }, { opacity: 1, zIndex: 1 }],
    { duration, easing: 'ease-out' });
}
export function play_quietly(video) {
  const p = video.play();
  if (p) p.catch(() => {});
}
export function decode_then_tell(img) {
  img.decode().then(() => img.dispatchEvent(new Event('glancedecoded')), () => {});
}
let sampler = null;
function sample_here(img, x, y, w, h, side) {
  createImageBitmap(img, x, y, w, h, { resizeWidth: side, resizeHeight: side, resizeQuality: 'high' })
    .then((bitmap) => {
      sampler = sampler || document.createElement('canvas').getContext('2d', { willReadFrequently: true });
      sampler.canvas.width = side;
      sampler.canvas.height = side;
      sampler.drawImage(bitmap, 0, 0);
      bitmap.close();
      let data;
      try {
        data = sampler.getImageData(0, 0, side, side).data;
      } catch {
        sampler = null;
        return;
      }
      img.dispatchEvent(new CustomEvent('glancesampled', { detail: data }));
    }, () => {});
}
let worker;
const waiting = new Map();
let asked = 0;
function worker_gone() {
  worker = null;
  for (const job of waiting.values()) sample_here(...job);
  waiting.clear();
}
export function sample_then_tell(img, x, y, w, h, side) {
  let url;
  try {
    url = new URL(img.currentSrc || img.src, document.baseURI);
  } catch {
    return;
  }
  if (url.origin !== location.origin) return;
  if (worker === undefined) {
    try {
      worker = new Worker(new URL('glance_sampler.js', import.meta.url));
      worker.onmessage = ({ data }) => {
        const job = waiting.get(data.id);
        waiting.delete(data.id);
        if (!job) return;
        if (data.rgba) job[0].dispatchEvent(new CustomEvent('glancesampled', { detail: data.rgba }));
        else sample_here(...job);
      };
      worker.onerror = (e) => {
        e.preventDefault();
        worker_gone();
      };
    } catch {
      worker = null;
    }
  }
  if (!worker) return sample_here(img, x, y, w, h, side);
  asked += 1;
  waiting.set(asked, [img, x, y, w, h, side]);
  worker.postMessage({ id: asked, url: url.href, x, y, w, h, side });
}
export function compositor_settle_supported() {
  return typeof Element.prototype.animate === 'function' && typeof CSS !== 'undefined'
    && CSS.supports('transition-timing-function', 'linear(0, 1)');
}
")]
extern "C" {
    /// Writes a card's pose: the parts named in `parts` (1 the card's translate, 2 the
    /// picture's parallax shift, 4 the text layer's opacity, shift and scale). A part at rest
    /// is written as empty, so the stylesheet's final state shows.
    #[wasm_bindgen(js_name = set_pose)]
    pub fn set_pose(
        root: &HtmlElement,
        media: &HtmlElement,
        body: &HtmlElement,
        horizontal: bool,
        offset: f32,
        media_shift: f32,
        text_opacity: f32,
        text_shift: f32,
        text_scale: f32,
        parts: u8,
    );
    /// A CSS `linear()` easing through these progress samples (equally spaced in time).
    #[wasm_bindgen(js_name = linear_easing)]
    pub fn easing(progress: &[f32]) -> JsValue;
    /// Runs a card through its poses on the compositor over `duration` ms with `easing`.
    /// `frames` holds six numbers per keyframe: progress, offset, picture shift, text opacity,
    /// text shift, text scale. Returns the animations, the card's first.
    #[wasm_bindgen(js_name = animate_pose)]
    pub fn animate_pose(
        root: &HtmlElement,
        media: &HtmlElement,
        body: &HtmlElement,
        horizontal: bool,
        frames: &[f32],
        duration: f64,
        easing: &JsValue,
        parts: u8,
    ) -> Array;
    /// Pans and zooms a picture around `(ox, oy)` px from `translate(fx, fy) scale(fs)` to
    /// `translate(tx, ty) scale(ts)` over `duration` ms, on the compositor.
    #[wasm_bindgen(js_name = ken_burns)]
    pub fn ken_burns(
        img: &HtmlElement,
        ox: f32,
        oy: f32,
        fx: f32,
        fy: f32,
        fs: f32,
        tx: f32,
        ty: f32,
        ts: f32,
        duration: f64,
    ) -> Animation;
    /// Keeps a card at `offset` px for `duration` ms whatever its inline style says (the card
    /// leaving in a cross-fade).
    #[wasm_bindgen(js_name = hold_at)]
    pub fn hold_at(el: &HtmlElement, horizontal: bool, offset: f32, duration: f64) -> Animation;
    /// Fades a card in on top of the others over `duration` ms; its own style is untouched.
    #[wasm_bindgen(js_name = fade_in)]
    pub fn fade_in(el: &HtmlElement, duration: f64) -> Animation;
    /// Whether this WebView can run a settle on the compositor (Web Animations with `linear()`
    /// easing, Chrome 113+). Older ones keep the frame loop.
    #[wasm_bindgen(js_name = compositor_settle_supported)]
    pub fn compositor_settle() -> bool;

    /// Plays a clip; a refused autoplay (the poster stays) is absorbed in JS, so the promise
    /// holds no callback of the renderer's.
    #[wasm_bindgen(js_name = play_quietly)]
    pub fn play_quietly(video: &HtmlMediaElement);

    /// Decodes a picture and then fires `glancedecoded` on it (nothing when it cannot be
    /// decoded). The promise's callbacks are JS only: a renderer freed meanwhile has removed
    /// its listener, and nothing of it is called.
    #[wasm_bindgen(js_name = decode_then_tell)]
    pub fn decode_then_tell(img: &web_sys::HtmlImageElement);

    /// Scales the part `x, y, w, h` of a loaded picture into `side` × `side` pixels and fires
    /// `glancesampled` on the picture with their RGBA bytes as `detail`.
    /// - The sampler worker (`www/sampler.js`, shipped beside the glue as `glance_sampler.js`)
    ///   reads the picture's bytes from the HTTP cache, then decodes, scales and reads them
    ///   back: nothing of it runs on the main thread.
    /// - When it cannot (no worker, the bytes not in the cache, no `OffscreenCanvas`), the
    ///   page does it: `createImageBitmap` with a resize (the decode happens in that call, on
    ///   the main thread; the scale off it), read back in a small canvas of its own.
    /// - Nothing fires for a picture from another origin: its pixels cannot be read without
    ///   CORS (a canvas it is drawn into is tainted), so it is not decoded for nothing.
    ///
    /// The callbacks are JS only, as for `decode_then_tell`.
    #[wasm_bindgen(js_name = sample_then_tell)]
    pub fn sample_then_tell(
        img: &web_sys::HtmlImageElement,
        x: f64,
        y: f64,
        w: f64,
        h: f64,
        side: u32,
    );
}
