// The lock screen without the module: the card at rest as the renderer last described it (its
// face, `store`d under `card`), or else the host's feed's first live cards in a simple template,
// painted with textContent and the CSSOM only. Tap and swipe move to the next card at once (no
// spring); the call to action, like and share go the renderer's way (`onNotice`), so the
// unlock still comes before an open; and what the viewer did is queued in the stored outbox
// for the next renderer to send.

import { card, safe } from './card.js';

/** Where the renderer's description of the card at rest is kept. */
export const STILL_KEY = 'card';

/**
 * @typedef {import('./card.js').Face} Face
 * @typedef {import('./card.js').FaceBlock} StillBlock
 * @typedef {{ still: 1, width?: number, height?: number, vertical?: boolean, rtl?: boolean,
 *   vars?: Record<string, string>, cards: Face[], flow?: boolean }} Still
 * @typedef {{ type: 'open', cardId: string, url: string, unlock: boolean }
 *   | { type: 'like' | 'share', cardId: string }} StillNotice
 */

/** The text of a `card` store, read back; null for anything else. */
export function readStill(/** @type {string | null} */ text) {
  try {
    const s = JSON.parse(/** @type {string} */ (text));
    if (Object(s).still === 1 && Array.isArray(s.cards) && s.cards.length > 0
      && s.cards.every((/** @type {any} */ c) => typeof Object(c).id === 'string' && Array.isArray(c.blocks))) {
      return /** @type {Still} */ (s);
    }
  } catch {
    // Not a still: there is none.
  }
  return null;
}

/**
 * The host's feed's cards that are live at `now`, as faces in the simple template: no layout,
 * the browser's own text layout places them. At most `max`. Null for anything but a feed's
 * text (`null` and `undefined` included).
 */
export function feedStill(/** @type {string | null | undefined} */ text, now = Date.now(), max = 10) {
  /** @type {any} */
  let feed;
  try {
    feed = JSON.parse(/** @type {string} */ (text));
  } catch {
    return null;
  }
  if (Object(feed).version !== 1 || !Array.isArray(feed.cards)) return null;
  /** @type {Face[]} */
  const cards = [];
  const seen = new Set();
  const time = (/** @type {unknown} */ t) => (typeof t === 'string' ? Date.parse(t) : NaN);
  // `Object(v)` reads a property of anything, null included, as a plain access does not.
  for (const raw of feed.cards) {
    if (cards.length >= max) break;
    const c = Object(raw);
    if (typeof c.id !== 'string' || typeof c.title !== 'string' || c.title === '' || seen.has(c.id)) continue;
    if (time(c.starts_at) > now || time(c.expires_at) <= now) continue;
    seen.add(c.id);
    const str = (/** @type {unknown} */ v) => (typeof v === 'string' && v !== '' ? v : undefined);
    /** @type {StillBlock[]} */
    const blocks = [];
    const source = str(Object(c.source).name);
    if (c.kind === 'sponsored') blocks.push({ kind: 'disclosure', badge: 'Sponsored', name: source });
    else if (source) blocks.push({ kind: 'source', name: source });
    const s = c.score;
    if (c.kind === 'sports' && s) {
      blocks.push({
        kind: 'score',
        teams: [s.home, s.away].map((t) => [`${Object(t).name ?? ''}`, `${Object(t).score ?? ''}`]),
        status: s.status === 'live' ? 'Live' : s.status === 'final' ? 'Final' : 'Upcoming',
        live: s.status === 'live',
        clock: str(s.clock),
      });
    }
    blocks.push({ kind: 'title', lines: [c.title] });
    if (str(c.summary)) blocks.push({ kind: 'summary', lines: [c.summary] });
    const cta = Object(c.cta);
    const url = safe(cta.url, true);
    if (url && str(cta.label)) blocks.push({ kind: 'cta', label: cta.label, url, unlock: cta.unlock === false ? undefined : 'Unlock to continue' });
    const m = Object(c.media);
    const src = safe(m.type === 'video' ? m.poster : m.src);
    cards.push({
      id: c.id,
      // A class name: only a kind's own letters.
      kind: /^[a-z]{1,16}$/.test(c.kind) ? c.kind : 'news',
      lang: str(c.lang) ?? 'und',
      dir: 'auto',
      label: c.title,
      media: src || /^#[0-9a-f]{3}([0-9a-f]{3})?$/i.test(m.color) ? { src: src ?? '', color: m.color } : undefined,
      blocks,
    });
  }
  return cards.length ? /** @type {Still} */ ({ still: 1, cards, flow: true }) : null;
}

/**
 * Paints `still` into `screen` and lets the viewer move through its cards. Returns the painted
 * element (marked `data-glance-fallback`), or null when there is nothing to paint.
 * @param {HTMLElement} screen
 * @param {Still} still
 * @param {{ onNotice?: (n: StillNotice) => void, onMove?: (from: string, to: string, forward: boolean) => void }} [hooks]
 */
export function paintStill(screen, still, { onNotice = () => {}, onMove = () => {} } = {}) {
  const doc = screen.ownerDocument;
  const viewport = doc.createElement('div');
  viewport.className = still.vertical ? 'glance-viewport glance-viewport--vertical' : 'glance-viewport';
  viewport.dataset.glanceFallback = viewport.dataset.glanceStill = '';
  viewport.setAttribute('role', 'region');
  viewport.setAttribute('aria-roledescription', 'carousel');
  for (const [name, value] of Object.entries(still.vars ?? {})) {
    if (name.startsWith('--glance-')) viewport.style.setProperty(name, value);
  }
  const cards = still.cards.map((f) => card(doc, f, !!still.flow));
  let at = 0;
  const show = (/** @type {number} */ i) => {
    const from = at;
    at = (i + cards.length) % cards.length;
    // Hidden (so out of the accessibility tree too) and inert, but the card in view.
    cards.forEach((c, k) => { c.hidden = c.inert = k !== at; });
    if (from !== at) onMove(still.cards[from].id, still.cards[at].id, i > from);
  };
  viewport.append(...cards);
  show(0);

  // A tap on the start-side quarter goes back, elsewhere forward; a swipe of 40 px along the
  // deck's axis goes its way. Presses on buttons are the buttons'.
  /** @type {{ x: number, y: number } | null} */
  let down = null;
  viewport.addEventListener('pointerdown', (e) => { down = { x: e.clientX, y: e.clientY }; });
  viewport.addEventListener('pointerup', (e) => {
    const start = down;
    down = null;
    // (Every target in the viewport is an element: text nodes get no pointer events.)
    if (!start || /** @type {Element} */ (e.target).closest('button')) return;
    const box = viewport.getBoundingClientRect();
    const along = still.vertical ? e.clientY - start.y : e.clientX - start.x;
    const across = still.vertical ? e.clientX - start.x : e.clientY - start.y;
    // A finger moving towards the start brings the next card (mirrored right to left).
    const forward = still.rtl && !still.vertical ? along > 0 : along < 0;
    if (Math.abs(along) >= 40 && Math.abs(along) > Math.abs(across)) {
      show(forward ? at + 1 : at - 1);
    } else if (Math.abs(along) < 10 && Math.abs(across) < 10) {
      const x = (e.clientX - box.left) / box.width;
      show((still.rtl ? x > 0.75 : x < 0.25) ? at - 1 : at + 1);
    }
  });
  viewport.addEventListener('click', (e) => {
    const button = /** @type {HTMLElement | null} */ (/** @type {Element} */ (e.target).closest('[data-action]'));
    const id = still.cards[at].id;
    if (!button) return;
    const action = button.dataset.action;
    if (action === 'open' && button.dataset.url) {
      onNotice({ type: 'open', cardId: id, url: button.dataset.url, unlock: 'unlock' in button.dataset });
    } else if (action === 'like' || action === 'share') {
      if (action === 'like') button.setAttribute('aria-pressed', 'true');
      onNotice({ type: action, cardId: id });
    }
  });
  screen.append(viewport);
  return viewport;
}

/**
 * Adds events to the stored outbox text (the renderer's form: a header line, then an event per
 * line; at most `cap` kept, the oldest counted as dropped), so the next renderer sends them
 * with their own `seq`. Text that is no outbox starts a new one.
 * @param {string | null} text
 * @param {{ type: string, card_id: string, at: number, [k: string]: unknown }[]} events
 */
export function queueEvents(text, events, cap = 500) {
  const lines = (text ?? '').split('\n').filter((l) => l !== '');
  /** @type {any} */
  let head = null;
  try {
    head = JSON.parse(/** @type {string} */ (lines[0]));
  } catch {
    // No outbox yet, or not one: a new one starts.
  }
  if (Object(head).outbox !== 2 || !Number.isSafeInteger(head.next)) {
    head = { outbox: 2, next: 1, dropped: 0 };
    lines.length = 0;
  } else {
    lines.shift();
  }
  for (const event of events) lines.push(JSON.stringify({ seq: head.next++, ...event }));
  const over = Math.max(0, lines.length - cap);
  lines.splice(0, over);
  head.dropped = (Number.isSafeInteger(head.dropped) ? head.dropped : 0) + over;
  return `${[JSON.stringify(head), ...lines].join('\n')}\n`;
}
