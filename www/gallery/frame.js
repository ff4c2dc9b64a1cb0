// One phone of the gallery: a renderer with the skin of `?skin=`, its own storage, the feed the
// gallery's editor gives it, and settings the gallery changes live. Opened alone (no gallery
// around it) it shows the built-in sample like the preview page.

import { createPreviewHost } from '../pkg/glance_host.js';
import { lockChrome, startPhone } from '../phone.js';
import { installMeter } from './meter.js';

/**
 * What the gallery (the parent page, same origin) offers its frames.
 * @typedef {{
 *   feedFor(skin: string): Promise<string>,
 *   options(): Record<string, unknown>,
 *   frameEvent(skin: string, event: FrameEvent): void,
 * }} Gallery
 * @typedef {{ type: 'ready', api: object }
 *   | { type: 'feed', outcome: import('../host/connect.js').FeedOutcome }
 *   | { type: 'card', index: number, count: number, id: string }
 *   | { type: 'perf', reading: import('./meter.js').Reading }
 *   | { type: 'log', text: string }
 *   | { type: 'input' }} FrameEvent
 */

const params = new URLSearchParams(location.search);
const skin = params.get('skin') ?? 'generic';
/** The gallery around this frame, if any (a page of another origin around it is not one). */
function galleryAround() {
  try {
    return window.parent !== window ? /** @type {Gallery | undefined} */ (/** @type {any} */ (window.parent).glanceGallery) : undefined;
  } catch {
    return undefined;
  }
}
const gallery = galleryAround();
const tell = (/** @type {FrameEvent} */ event) => gallery?.frameEvent(skin, event);

// Before the renderer is loaded, so that its frames and listeners are timed.
installMeter(window, (reading) => tell({ type: 'perf', reading }));
// The user works this phone (a finger, the mouse or a key): the others follow it when synced.
for (const type of ['pointerdown', 'keydown']) {
  addEventListener(type, () => tell({ type: 'input' }), { capture: true, passive: true });
}

const host = createPreviewHost(window, {
  store: `gallery-${skin}`,
  feed: gallery ? () => gallery.feedFor(skin) : undefined,
});
host.onAction((a) => tell({ type: 'log', text: `${a.action}: ${a.detail}` }));
host.onProblem((p) => tell({ type: 'log', text: `problem: ${p.method}: ${p.message}` }));

const screen = /** @type {HTMLElement} */ (document.getElementById('lock-screen'));
lockChrome(screen);
const { supervisor } = await startPhone({
  screen,
  host,
  options: () => ({ skin, ...gallery?.options() }),
  onFeed: (outcome) => tell({ type: 'feed', outcome }),
  onNotice(notice) {
    if (notice.type === 'cardChange') tell({ type: 'card', index: notice.index, count: notice.count, id: notice.cardId });
    else if (notice.type === 'mediaError') tell({ type: 'log', text: `media error: ${notice.cardId}: ${notice.src}` });
  },
  onFault: ({ kind, error }) => tell({ type: 'log', text: `renderer ${kind}: ${error instanceof Error ? error.message : error}` }),
});

/** What the gallery calls. */
const api = {
  host,
  skin,
  get renderer() {
    return supervisor.renderer;
  },
  /** Shows the card with this id, if this phone shows it; false otherwise. */
  goToId(/** @type {string} */ id) {
    const renderer = supervisor.renderer;
    const index = renderer?.indexOf(id) ?? -1;
    if (!renderer || index < 0) return false;
    if (renderer.index !== index) renderer.goTo(index);
    return true;
  },
  /** The layout of the first `limit` cards shown: `{ cardId, warnings }[]`. */
  layouts(/** @type {number} */ limit) {
    const renderer = supervisor.renderer;
    if (!renderer) return [];
    const out = [];
    for (let i = 0; i < Math.min(renderer.count, limit); i++) {
      const layout = renderer.layoutOf(i);
      if (layout) out.push({ cardId: layout.cardId, warnings: layout.warnings });
    }
    return out;
  },
  /** Auto-advance on or off (the gallery turns it off while the phones follow each other). */
  set autoAdvance(/** @type {boolean} */ on) {
    const renderer = supervisor.renderer;
    if (renderer) renderer.autoAdvance = on;
  },
};
Object.assign(window, { glanceFrame: api });
await supervisor.ready;
tell({ type: 'ready', api });
