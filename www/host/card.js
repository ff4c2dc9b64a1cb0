// One card's elements, built from its face (the card as data, `core::ui::face` in the module):
// textContent and the CSSOM only, nothing from a feed parsed as HTML. The one builder of a
// card's DOM: the renderer builds each card it mounts here, in one call from the face's JSON,
// and the shim's painter (`still.js`) builds the card at rest from the same face without the
// module.

/**
 * @typedef {{ kind: string, rect?: number[], fontSize?: number, lineHeight?: number,
 *   lines?: string[], badge?: string, name?: string, logo?: string, time?: string,
 *   teams?: [string, string][], status?: string, live?: boolean, clock?: string,
 *   label?: string, url?: string, unlock?: string, like?: string, share?: string,
 *   liked?: boolean, likeIcon?: string, shareIcon?: string }} FaceBlock
 * @typedef {{ id: string, kind: string, lang: string, dir: string, font?: string,
 *   role?: string, label?: string,
 *   media?: { video?: boolean, src: string, poster?: string, color?: string, position?: string,
 *   failed?: boolean }, scrimTop?: number, scrim?: number, blocks: FaceBlock[] }} Face
 * @typedef {{ video: HTMLVideoElement, loop: boolean, preload: string }} Clip
 *   the renderer's `<video>` for a clip card (from its pool), whether it starts over at its
 *   end, and how much of it is fetched ahead
 */

/**
 * A URL the feed may use for a picture (`https:` or relative) or, with `open`, a call to
 * action (`https:` only here: the skin's deep-link schemes are the module's to know).
 * The feed's rules: no white space, control characters or backslashes, no `//host`.
 */
export function safe(/** @type {unknown} */ url, open = false) {
  if (typeof url !== 'string' || url === '' || /[\s\\\u0000-\u001f\u007f]/.test(url) || url.startsWith('//')) return null;
  const scheme = (/^([a-z][a-z0-9+.-]*):/i.exec(url) ?? [])[1];
  if (scheme === undefined ? open : !/^https$/i.test(scheme) || /^https:\/\/[^/]*@/i.test(url)) return null;
  return url;
}

/**
 * Builds one card's elements from its face (not attached). `flow`: the browser lays the
 * blocks out (a card painted from the feed alone), else each stands where its `rect` says.
 * `high`: its picture is fetched first (the card in view). `clip`: a clip card plays in this
 * element; without it a clip shows its poster as a picture.
 * @param {Document} doc
 * @param {Face} f
 * @param {boolean} flow
 * @param {boolean} [high]
 * @param {Clip} [clip]
 */
export function card(doc, f, flow, high = false, clip = undefined) {
  /** @param {string} tag @param {string} cls @param {Element | null} parent @param {string} [text] */
  const el = (tag, cls, parent, text) => {
    const e = doc.createElement(tag);
    e.className = cls;
    if (text !== undefined) e.textContent = text;
    if (parent) parent.append(e);
    return /** @type {HTMLElement} */ (e);
  };
  const px = (/** @type {number | undefined} */ v) => `${v ?? 0}px`;
  const root = el('article', `glance-card glance-card--${f.kind}`, null);
  root.dataset.cardId = f.id;
  root.lang = f.lang;
  root.dir = f.dir;
  root.setAttribute('role', 'group');
  root.setAttribute('aria-roledescription', f.role ?? 'card');
  root.setAttribute('aria-label', f.label ?? '');
  // Focusable by script only: focus moves here when the card it was in leaves view.
  root.tabIndex = -1;
  // The family of the card's script in the skin's stack: the one its text was measured in
  // (through the CSSOM, which a strict Content-Security-Policy allows, where it blocks `style`
  // attributes).
  if (f.font) root.style.fontFamily = f.font;
  const media = el('div', 'glance-media', root);
  if (f.media) {
    const m = f.media;
    if (m.color) media.style.backgroundColor = m.color;
    if (m.failed) media.classList.add('glance-media--failed');
    if (m.video && clip) {
      // Muted and inline, so that the WebView may autoplay it; no controls on a lock screen.
      // `muted` must be the attribute for autoplay policies, and the property for playing.
      const v = clip.video;
      for (const name of ['muted', 'playsinline', 'disablepictureinpicture']) v.setAttribute(name, '');
      if (clip.loop) v.setAttribute('loop', '');
      v.setAttribute('preload', clip.preload);
      const poster = safe(m.poster);
      if (poster) v.poster = poster;
      if (m.position) v.style.objectPosition = m.position;
      v.muted = true;
      v.src = m.src;
      media.append(v);
    } else {
      const src = safe(m.video ? m.poster : m.src);
      if (src) {
        const img = /** @type {HTMLImageElement} */ (el('img', 'glance-media__item', media));
        img.alt = '';
        img.decoding = 'async';
        img.draggable = false;
        if (high) img.fetchPriority = 'high';
        if (m.position) img.style.objectPosition = m.position;
        img.src = src;
      }
    }
  }
  // The scrim darkens from a little above the text to the bottom, as dark as contrast needs.
  const scrim = el('div', 'glance-scrim', root);
  if (f.scrimTop !== undefined) scrim.style.top = px(f.scrimTop);
  if (f.scrim !== undefined) scrim.style.setProperty('--glance-scrim', `0.${String(f.scrim).padStart(2, '0')}`);
  const body = el('div', flow ? 'glance-body glance-body--flow' : 'glance-body', root);
  for (const b of f.blocks) {
    /** @type {HTMLElement} */
    let e;
    if (b.kind === 'disclosure' || b.kind === 'source') {
      e = el('p', `glance-${b.kind}`, body);
      if (b.badge) el('span', 'glance-badge', e, b.badge);
      const logo = safe(b.logo);
      if (logo) Object.assign(el('img', 'glance-source__logo', e), { alt: '', src: logo });
      if (b.name) el('span', `glance-${b.kind}__name`, e, b.name);
      if (b.time) el('span', 'glance-source__time', e, b.time);
    } else if (b.kind === 'score') {
      e = el('div', 'glance-score', body);
      if (b.teams) {
        for (const [name, score] of b.teams) {
          const row = el('div', 'glance-score__team', e);
          el('span', 'glance-score__name', row, name);
          el('span', 'glance-score__value', row, score);
        }
        const status = el('p', 'glance-score__status', e);
        el('span', b.live ? 'glance-badge glance-badge--live' : 'glance-badge', status, b.status ?? '');
        if (b.clock) el('span', 'glance-score__clock', status, b.clock);
      }
    } else if (b.kind === 'title' || b.kind === 'summary') {
      // One element per computed line, so the browser breaks exactly where the layout did;
      // the card's aria-label carries the whole headline.
      e = el(b.kind === 'title' ? 'h2' : 'p', `glance-${b.kind}`, body);
      for (const line of b.lines ?? []) el('span', 'glance-line', e, line);
    } else if (b.kind === 'cta') {
      e = el('button', 'glance-cta', body, b.label ?? '');
      e.setAttribute('type', 'button');
      e.dataset.action = 'open';
      if (b.url) e.dataset.url = b.url;
      if (b.unlock) {
        e.title = b.unlock;
        e.dataset.unlock = '';
      }
    } else if (b.kind === 'actions') {
      e = el('div', 'glance-actions', body);
      for (const action of /** @type {const} */ (['like', 'share'])) {
        const button = el('button', 'glance-action', e);
        button.setAttribute('type', 'button');
        button.dataset.action = action;
        button.setAttribute('aria-label', b[action] ?? action);
        if (action === 'like') button.setAttribute('aria-pressed', `${!!b.liked}`);
        // The renderer's drawing of the icon, carried by the face; hidden from assistive
        // technology (the button carries the label).
        const ns = 'http://www.w3.org/2000/svg';
        const svg = button.appendChild(doc.createElementNS(ns, 'svg'));
        svg.setAttribute('viewBox', '0 0 24 24');
        svg.setAttribute('aria-hidden', 'true');
        svg.appendChild(doc.createElementNS(ns, 'path')).setAttribute('d', b[`${action}Icon`] ?? '');
      }
    } else {
      continue;
    }
    e.classList.add('glance-block');
    e.dataset.block = b.kind;
    const [x, y, w, h] = b.rect ?? [];
    if (!flow && b.rect) {
      Object.assign(e.style, { left: px(x), top: px(y), width: px(w), height: px(h), fontSize: px(b.fontSize), lineHeight: px(b.lineHeight) });
    }
  }
  return root;
}

/**
 * The renderer's card: built from its face's JSON (`Face::write_json`) in one call, with the
 * elements it keeps: `[card, media box, scrim, text layer, picture or null]`.
 * @param {Document} doc
 * @param {string} json
 * @param {boolean} high
 * @param {HTMLVideoElement | undefined} video
 * @param {boolean} loop
 * @param {string} preload
 */
export function live_card(doc, json, high, video, loop, preload) {
  const root = card(doc, JSON.parse(json), false, high, video ? { video, loop, preload } : undefined);
  const [media, scrim, body] = root.children;
  return [root, media, scrim, body, media.querySelector('img')];
}
