// Keeps the lock screen up when the Wasm module fails or is not there yet. At start, the card
// the renderer last had at rest is painted from its stored description (www/host/still.js)
// until a renderer has its feed; a module that does not load, or a WebView below the floor,
// keeps that card, or else the host's feed's live cards in a simple template. A trap leaves a
// frozen copy of the card that was in view, in the same task (so before the next frame), and
// the module is started again from the compiled code, on the same card. A module that does not
// load is tried again.

import { missingFeatures } from './floor.js';
import { FEED_KEY, OUTBOX_KEY } from './connect.js';
import { STILL_KEY, feedStill, paintStill, queueEvents, readStill } from './still.js';

/** Restart delays in ms, one per consecutive failure; the last one repeats. */
export const RETRY_DELAYS_MS = [0, 1000, 5000, 30_000, 120_000];
/** A renderer that ran this long without failing resets the delays. */
export const HEALTHY_AFTER_MS = 60_000;

/**
 * @typedef {{ alive: boolean, free(): void }} Supervised
 * @typedef {{ kind: 'floor' | 'load' | 'start' | 'trap', error: unknown, retryInMs: number | null }} Fault
 * @typedef {{
 *   addEventListener(type: string, listener: (event: any) => void): void,
 *   removeEventListener(type: string, listener: (event: any) => void): void,
 *   setTimeout(f: () => void, ms: number): any,
 *   clearTimeout(handle: any): void,
 *   getComputedStyle?(element: Element): { transform: string },
 * }} SuperviseEnv
 */

/** A `WebAssembly.RuntimeError`: what a trap (a Rust panic included) throws into JS. */
export function isTrap(/** @type {unknown} */ error) {
  return typeof WebAssembly !== 'undefined' && error instanceof WebAssembly.RuntimeError;
}

/**
 * Loads the module: compiles the `.wasm` once and, for each start after the first, imports a
 * fresh copy of the JS glue (the glue keeps one instance per import), instantiated from the
 * compiled code. A failed fetch or compile is tried again on the next call.
 *
 * @param {string | URL} glueUrl the wasm-bindgen JS glue (`…/glance_renderer.js`)
 * @param {string | URL} wasmUrl its `.wasm`
 * @returns {() => Promise<any>} resolves to the glue's exports, initialised
 */
export function moduleLoader(glueUrl, wasmUrl) {
  /** @type {WebAssembly.Module | null} */
  let compiled = null;
  let started = 0;
  return async function load() {
    compiled ??= await compile(String(wasmUrl));
    const url = new URL(String(glueUrl));
    if (started > 0) url.searchParams.set('instance', String(started));
    const glue = await import(url.href);
    await glue.default({ module_or_path: compiled });
    started += 1;
    return glue;
  };
}

/** @param {string} url */
async function compile(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  if (response.headers.get('content-type')?.startsWith('application/wasm')) {
    return WebAssembly.compileStreaming(response);
  }
  return WebAssembly.compile(await response.arrayBuffer());
}

/**
 * Starts a renderer and watches it. `create` builds a renderer from the loaded module, opening
 * on card `resumeAt` when given, with `notice` as its notice callback; the link gets it
 * attached (feed and settings) and detached when it fails.
 *
 * @template {Supervised} R
 * @param {{
 *   screen: Element,
 *   load: () => Promise<any>,
 *   create: (module: any, start: { resumeAt?: string, notice: (n: import('./connect.js').Notice) => void, device?: import('./host').DeviceInfo }) => R,
 *   link: { notice(n: import('./connect.js').Notice): void, attach(r: R, device?: import('./host').DeviceInfo): Promise<void>, detach(): void },
 *   device?: import('./host').DeviceInfo | Promise<import('./host').DeviceInfo>,
 *   host?: Pick<import('./host').Host, 'onScreen'> & Partial<Pick<import('./host').Host, 'storageGet' | 'storageSet' | 'feed'>>,
 *   onFault?: (fault: Fault) => void,
 *   env?: SuperviseEnv,
 *   now?: () => number,
 *   floor?: () => string[],
 * }} options  `device` (or a promise of it) is what the page read of the device: the first
 *   renderer gets it in `start.device`. `floor` says what the WebView lacks of the WebAssembly the module needs
 *   (www/host/floor.js): below it the module is not fetched, and the fault is `floor`.
 */
export function supervise({ screen, load, create, link, device, host, onFault, env = window, now = Date.now, floor = missingFeatures }) {
  /** @type {R | null} */
  let renderer = null;
  /** Id of the card last shown at rest. */
  /** @type {string | undefined} */
  let cardId;
  /** What the renderer added to the screen, and the frozen copy standing in for it. */
  /** @type {Element[]} */
  let added = [];
  /** @type {Element | null} */
  let fallback = null;
  let failures = 0;
  /** When the renderer running (or last run) was started. */
  /** @type {number | null} */
  let startedAt = null;
  /** @type {any} */
  let retry = null;
  let stopped = false;
  /** @type {(value: R) => void} */
  let ready = () => {};
  /** @type {Promise<R>} */
  const first = new Promise((resolve) => { ready = resolve; });

  /** @param {import('./connect.js').Notice} n */
  function notice(n) {
    if (n.type === 'cardChange') cardId = n.cardId;
    link.notice(n);
  }

  /** A stored text, or null (also where the host keeps nothing). */
  const get = async (/** @type {string} */ key) => (await host?.storageGet?.(key)) ?? null;
  /** Writes to the stored outbox go one after another. */
  let outboxWrite = Promise.resolve();
  /** What the viewer did on a painted card, for the next renderer to send. */
  function record(/** @type {{ type: string, card_id: string, [k: string]: unknown }} */ event) {
    const at = now();
    outboxWrite = outboxWrite
      .then(async () => host?.storageSet?.(OUTBOX_KEY, queueEvents(await get(OUTBOX_KEY), [{ ...event, at }])))
      .catch(() => {});
  }

  /** Paints `still` while no renderer shows a card; the renderer opens on the card in view. */
  function paint(/** @type {import('./still.js').Still | null} */ still) {
    if (!still || renderer || fallback || stopped) return;
    cardId ??= still.cards[0].id;
    fallback = paintStill(/** @type {HTMLElement} */ (screen), still, {
      onNotice(n) {
        link.notice(n);
        record({ type: n.type, card_id: n.cardId });
      },
      onMove(from, to, forward) {
        cardId = to;
        record({ type: 'swipe', card_id: from, to, direction: forward ? 'next' : 'previous' });
      },
    });
  }

  /** Without a stored card: the host's feed (or the kept one), laid out by the browser. */
  async function paintFeed() {
    await painted;
    if (fallback || renderer) return;
    let text = null;
    try {
      text = await host?.feed?.();
    } catch {
      text = null;
    }
    paint(feedStill(text, now()) ?? feedStill(await get(FEED_KEY), now()));
  }

  function run() {
    // Below the floor no load can succeed: nothing is fetched, nothing retried.
    const missing = floor();
    if (missing.length > 0) {
      const lacks = missing.includes('WebAssembly') ? 'it has no WebAssembly' : `it lacks WebAssembly ${missing.join(', ')}`;
      const error = new Error(`this WebView cannot run the module: ${lacks} (the floor is Chrome 96)`);
      onFault?.({ kind: 'floor', error, retryInMs: null });
      paintFeed().catch(() => {});
      return;
    }
    start().catch((error) => onFault?.({ kind: 'start', error, retryInMs: null }));
  }

  async function start() {
    retry = null;
    let module;
    try {
      module = await load();
    } catch (error) {
      return failed('load', error);
    }
    // The settings the page read serve the first renderer; a later one asks the host again,
    // as they may have changed since.
    const known = await device;
    device = undefined;
    if (stopped) return;
    const before = new Set(screen.children);
    /** @type {R} */
    let next;
    try {
      next = create(module, { resumeAt: cardId, notice, device: known });
    } catch (error) {
      for (const child of [...screen.children]) if (!before.has(child)) child.remove();
      return failed(isTrap(error) ? 'trap' : 'start', error);
    }
    renderer = next;
    added = [...screen.children].filter((child) => !before.has(child));
    startedAt = now();
    try {
      await link.attach(next, known);
    } catch (error) {
      if (!isTrap(error)) throw error;
      onError(error);
    }
    if (renderer !== next) return; // it trapped while taking the feed
    fallback?.remove();
    fallback = null;
    ready(next);
  }

  /**
   * @param {Fault['kind']} kind
   * @param {unknown} error
   */
  function failed(kind, error) {
    if (stopped) return;
    // A constructor that refuses its options will refuse them again: no retry then.
    const retryInMs = kind === 'start' ? null : delay();
    onFault?.({ kind, error, retryInMs });
    if (kind === 'load') paintFeed().catch(() => {});
    if (retryInMs !== null) retry = env.setTimeout(run, retryInMs);
  }

  function delay() {
    if (startedAt !== null && now() - startedAt >= HEALTHY_AFTER_MS) failures = 0;
    const ms = RETRY_DELAYS_MS[Math.min(failures, RETRY_DELAYS_MS.length - 1)];
    failures += 1;
    return ms;
  }

  /** The renderer trapped: freeze what it showed, let it go, and start another. */
  function crashed(/** @type {unknown} */ error) {
    const dead = renderer;
    if (!dead) return;
    renderer = null;
    link.detach();
    const frozen = freeze();
    // In the renderer's place, so it stacks with the host's chrome as the renderer did.
    if (frozen) {
      fallback?.remove();
      fallback = frozen.copy;
      frozen.live.replaceWith(frozen.copy);
    }
    try {
      dead.free(); // unregisters its listeners and removes its elements, if it still can
    } catch {
      // Its state is beyond use; the elements are removed below.
    }
    for (const node of added) node.remove();
    added = [];
    failed('trap', error);
  }

  /**
   * A static copy of the renderer's element that holds the card last at rest, with only that
   * card, at rest: no listeners, no animations, no playing clip. Returns it with the element
   * it stands in for, or null when there is no such card.
   */
  function freeze() {
    const live = added.find((node) => cardId !== undefined && findCard(node, cardId));
    if (!live || cardId === undefined) return null;
    const copy = /** @type {Element} */ (live.cloneNode(true));
    copy.setAttribute('data-glance-fallback', '');
    for (const card of copy.querySelectorAll('[data-card-id]')) {
      if (card.getAttribute('data-card-id') !== cardId) card.remove();
    }
    const card = findCard(copy, cardId);
    const liveCard = findCard(live, cardId);
    if (!card || !liveCard) return { copy, live };
    card.removeAttribute('inert');
    card.removeAttribute('aria-hidden');
    for (const el of [card, ...card.querySelectorAll('*')]) {
      const style = /** @type {HTMLElement} */ (el).style;
      if (!style) continue;
      style.removeProperty('transform');
      style.removeProperty('opacity');
    }
    // A drifting picture stays where the drift had taken it.
    const livePicture = liveCard.querySelector('img.glance-media__item');
    const picture = /** @type {HTMLElement | null} */ (card.querySelector('img.glance-media__item'));
    if (livePicture && picture && env.getComputedStyle) {
      picture.style.transform = env.getComputedStyle(livePicture).transform;
    }
    for (const video of copy.querySelectorAll('video')) {
      video.removeAttribute('autoplay');
      video.pause();
    }
    return { copy, live };
  }

  /**
   * A trap anywhere in the page: if it was this renderer's, the renderer says so (its state
   * is left in use) or cannot answer at all.
   * @param {unknown} error
   */
  function onError(error) {
    if (!renderer || !isTrap(error)) return;
    let alive = false;
    try {
      alive = renderer.alive === true;
    } catch {
      alive = false;
    }
    if (!alive) crashed(error);
  }

  /** @param {ErrorEvent} event */
  const onErrorEvent = (event) => onError(event.error);
  /** @param {PromiseRejectionEvent} event */
  const onRejection = (event) => onError(event.reason);
  env.addEventListener('error', onErrorEvent);
  env.addEventListener('unhandledrejection', onRejection);
  // A phone that wakes while the module is down tries again at once.
  const offScreen = host?.onScreen((on) => {
    if (on && retry !== null) {
      env.clearTimeout(retry);
      run();
    }
  });

  // The card last at rest, in the first frame, before the module is even fetched; only on a
  // screen of the size it was laid out for (not after a rotation or on a folded phone).
  const painted = get(STILL_KEY)
    .then((text) => {
      const still = readStill(text);
      const box = screen.getBoundingClientRect?.();
      const fits = !!still && !!box && Math.abs(box.width - (still.width ?? 0)) <= 1 && Math.abs(box.height - (still.height ?? 0)) <= 1;
      paint(fits ? still : null);
    })
    .catch(() => {});
  run();

  return {
    /** The renderer running now, or null while it is being started again. */
    get renderer() {
      return renderer;
    },
    /** Resolves with the first renderer that has its feed. */
    ready: first,
    /** Stops watching, cancels a pending start and frees the renderer. */
    stop() {
      stopped = true;
      env.removeEventListener('error', onErrorEvent);
      env.removeEventListener('unhandledrejection', onRejection);
      offScreen?.();
      if (retry !== null) env.clearTimeout(retry);
      link.detach();
      renderer?.free();
      renderer = null;
      fallback?.remove();
    },
  };
}

/** @param {Element} root @param {string} id */
function findCard(root, id) {
  for (const card of root.querySelectorAll('[data-card-id]')) {
    if (card.getAttribute('data-card-id') === id) return card;
  }
  return null;
}
