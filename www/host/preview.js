// The browser-preview transport: the host for a normal browser tab. It keeps state in
// localStorage (falling back to memory), serves the feed from ?feed= or the built-in sample,
// and logs every action instead of unlocking a phone. The gallery's frames give each phone its
// own storage (`store`), their feed from the editor (`feed`) and change its settings live
// (`updateDevice`).

import { listenerSet, reportOnce } from './listeners.js';

/** @typedef {import('./host').PreviewHost} PreviewHost */
/** @typedef {import('./host').PreviewEnv} PreviewEnv */
/** @typedef {import('./host').HostProblem} HostProblem */
/** @typedef {import('./host').HostAction} HostAction */
/** @typedef {import('./host').AnalyticsEvent} AnalyticsEvent */

export const SAMPLE_FEED = 'feeds/sample.json';
const STORAGE_PREFIX = 'glance:';

/**
 * @param {PreviewEnv} env  usually `window`
 * @param {{ store?: string, feed?: () => Promise<string> }} [options]  `store` keeps this
 *   phone's storage apart from others on the page's origin; `feed` replaces ?feed= and the sample
 * @returns {PreviewHost}
 */
export function createPreviewHost(env, options = {}) {
  const page = new URL(env.location.href);
  const prefix = options.store ? `${STORAGE_PREFIX}${options.store}:` : STORAGE_PREFIX;
  const feeds = listenerSet();
  /** @type {ReturnType<typeof listenerSet<import('./host').DeviceInfo>>} */
  const devices = listenerSet();
  /** @type {Partial<import('./host').DeviceInfo>} */
  let changed = {};
  const screen = listenerSet();
  /** @type {ReturnType<typeof listenerSet<HostProblem>>} */
  const problems = listenerSet();
  /** @type {ReturnType<typeof listenerSet<HostAction>>} */
  const actions = listenerSet();
  /** @type {AnalyticsEvent[]} */
  const tracked = [];
  /** @type {Map<string, string>} */
  const memory = new Map();

  const problem = reportOnce(env, problems);

  /** @param {string} action @param {string} detail */
  function log(action, detail) {
    env.console?.info(`glance host: ${action} ${detail}`);
    actions.emit({ action, detail, at: Date.now() });
  }

  /** @param {string} query */
  function media(query) {
    try {
      return Boolean(env.matchMedia?.(query).matches);
    } catch {
      return false;
    }
  }

  // `?saver=data`, `?saver=battery` or `?saver=data,battery`, as the phone's settings would say.
  const savers = (page.searchParams.get('saver') ?? '').split(',');
  // `?scale=1.3` (system font scale) and `?scheme=dark` or `light`.
  const scale = Number(page.searchParams.get('scale') ?? 1);
  const scheme = page.searchParams.get('scheme');

  /** @returns {import('./host').DeviceInfo} */
  function device() {
    return {
      viewport: { width: env.innerWidth ?? 0, height: env.innerHeight ?? 0 },
      density: env.devicePixelRatio ?? 1,
      // The page's own env(safe-area-inset-*) values are the truth in a browser.
      safeArea: null,
      locale: env.navigator?.language ?? 'en',
      reducedMotion: page.searchParams.get('motion') === 'reduce' || media('(prefers-reduced-motion: reduce)'),
      dataSaver: savers.includes('data') || Boolean(env.navigator?.connection?.saveData),
      batterySaver: savers.includes('battery'),
      fontScale: Number.isFinite(scale) && scale > 0 ? scale : 1,
      colorScheme: scheme === 'dark' || scheme === 'light' ? scheme : null,
      ...changed,
    };
  }

  return {
    transport: 'browser-preview',

    async deviceInfo() {
      return device();
    },

    async feed() {
      if (options.feed) return options.feed();
      const url = new URL(page.searchParams.get('feed') ?? SAMPLE_FEED, page);
      const response = await env.fetch(url);
      if (!response.ok) throw new Error(`could not load the feed ${url.href}: HTTP ${response.status}`);
      return response.text();
    },

    onFeed: (listener) => feeds.add(listener),

    // A browser tab's settings come from the query; the gallery changes them live.
    onDeviceInfo: (listener) => devices.add(listener),

    updateDevice(change) {
      changed = { ...changed, ...change };
      devices.emit(device());
    },

    pushFeed(json) {
      feeds.emit(json);
    },

    onScreen(listener) {
      const doc = env.document;
      if (!doc) return () => {};
      const onChange = () => listener(doc.visibilityState === 'visible');
      doc.addEventListener('visibilitychange', onChange);
      const off = screen.add(listener);
      return () => {
        doc.removeEventListener('visibilitychange', onChange);
        off();
      };
    },

    async requestUnlock() {
      log('unlock', 'the preview has no keyguard: treated as unlocked');
      return true;
    },

    async openUrl(url) {
      log('open', url);
    },

    async like(cardId) {
      log('like', cardId);
    },

    async share(cardId) {
      log('share', cardId);
    },

    async storageGet(key) {
      try {
        if (!env.localStorage) throw new Error('localStorage is not available');
        return env.localStorage.getItem(prefix + key);
      } catch (error) {
        problem('storageGet', error);
        return memory.get(key) ?? null;
      }
    },

    async storageSet(key, value) {
      memory.set(key, value);
      try {
        if (!env.localStorage) throw new Error('localStorage is not available');
        env.localStorage.setItem(prefix + key, value);
      } catch (error) {
        problem('storageSet', error);
      }
    },

    async track(events) {
      tracked.push(...events);
      log('track', `${events.length} event(s)`);
      return { acked: events.map((e) => e.seq) };
    },

    get tracked() {
      return tracked;
    },

    onProblem: (listener) => problems.add(listener),
    onAction: (listener) => actions.add(listener),
  };
}
