// What the two Android transports share: the `Host` built over a native side that answers in
// JSON text. A transport supplies one primitive, `send(method, args, id)`, which returns the
// answer when the native side answers at once, or undefined when the answer will come later
// through `receive()` as `{ "type": "reply", "id": …, "result": "…" }` (or `"error": "…"`),
// where `result` is the string the same method of the JS interface would have returned.
// This file matches replies to requests (in any order), checks every answer, falls back when
// the native side is missing, throws, answers garbage or never answers, and reports each
// failing method once. It decides nothing about cards.

import { listenerSet, reportOnce } from './listeners.js';

/** @typedef {import('./host').Host} Host */
/** @typedef {import('./host').DeviceInfo} DeviceInfo */
/** @typedef {import('./host').HostProblem} HostProblem */
/** @typedef {import('./host').NativeEnv} NativeEnv */
/** @typedef {import('./host').Transport} Transport */

/** How long an answer may take before the fallback applies, in ms. */
export const TIMEOUT_MS = { default: 5_000, requestUnlock: 60_000 };
const STORAGE_PREFIX = 'glance:';

/**
 * @typedef {{
 *   transport: Transport,
 *   send(method: string, args: string[], id: number | null): unknown,
 * }} NativeLink
 */

/**
 * The `Host` over a native link.
 * @param {NativeEnv} env  usually `window`
 * @param {NativeLink} link
 * @returns {Host & { receive(text: string): void }}
 */
export function nativeHost(env, link) {
  const feeds = listenerSet();
  const screen = listenerSet();
  /** @type {ReturnType<typeof listenerSet<DeviceInfo>>} */
  const devices = listenerSet();
  /** @type {ReturnType<typeof listenerSet<HostProblem>>} */
  const problems = listenerSet();
  /** @type {Map<string, string>} */
  const memory = new Map();
  /** @type {Map<number, { resolve(answer: string | null): void, reject(error: Error): void }>} */
  const pending = new Map();
  let nextId = 1;

  const problem = reportOnce(env, problems);

  /**
   * Tells the native side something that needs no answer; the fallback when it fails.
   * @param {string} method @param {string[]} args @param {() => void} [fallback]
   */
  function tell(method, args, fallback) {
    try {
      link.send(method, args, null);
    } catch (error) {
      problem(method, error);
      fallback?.();
    }
  }

  /**
   * Asks the native side; its answer (now, or later by id within the time limit) is checked
   * by `read`, and any failure gives the fallback.
   * @template T
   * @param {string} method @param {string[]} args
   * @param {(answer: unknown) => T} read  throws on garbage
   * @param {() => T} fallback
   * @returns {Promise<T>}
   */
  async function ask(method, args, read, fallback) {
    const id = nextId++;
    const limit = /** @type {Record<string, number>} */ (TIMEOUT_MS)[method] ?? TIMEOUT_MS.default;
    /** @type {ReturnType<typeof setTimeout> | undefined} */
    let timer;
    try {
      /** @type {Promise<string | null>} */
      const reply = new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        timer = setTimeout(() => reject(new Error(`no answer within ${limit} ms`)), limit);
      });
      const now = link.send(method, args, id);
      return read(now === undefined ? await reply : now);
    } catch (error) {
      problem(method, error);
      return fallback();
    } finally {
      clearTimeout(timer);
      pending.delete(id);
    }
  }

  /** The browser's own guesses, when the native side cannot say. */
  function guessedDevice() {
    let reducedMotion = false;
    try {
      reducedMotion = Boolean(env.matchMedia?.('(prefers-reduced-motion: reduce)').matches);
    } catch {
      // no matchMedia: motion stays on
    }
    return {
      viewport: { width: env.innerWidth ?? 0, height: env.innerHeight ?? 0 },
      density: env.devicePixelRatio ?? 1,
      safeArea: null,
      locale: env.navigator?.language ?? 'en',
      reducedMotion,
      dataSaver: Boolean(env.navigator?.connection?.saveData),
      batterySaver: false,
    };
  }

  /** The host's answers win over the browser's guesses, field by field, when well-formed. */
  function readDevice(/** @type {unknown} */ answer) {
    const given = parseObject(answer);
    const guess = guessedDevice();
    /** @type {string[]} */
    const refused = [];
    /** A field as given when well-formed; else the guess, and the field is named. */
    const take = (/** @type {string} */ name, /** @type {unknown} */ v, /** @type {(v: unknown) => boolean} */ ok, /** @type {any} */ d) => {
      if (v === undefined) return d;
      if (ok(v)) return v;
      refused.push(name);
      return d;
    };
    const num = (/** @type {unknown} */ v) => typeof v === 'number' && Number.isFinite(v) && v >= 0;
    const box = /** @type {Record<string, unknown>} */ (given.viewport ?? {});
    const inset = /** @type {Record<string, unknown>} */ (given.safeArea ?? {});
    const info = {
      viewport: { width: take('viewport.width', box.width, num, guess.viewport.width), height: take('viewport.height', box.height, num, guess.viewport.height) },
      density: take('density', given.density, (v) => num(v) && Number(v) > 0, guess.density),
      safeArea: given.safeArea === undefined || given.safeArea === null ? null : {
        top: take('safeArea.top', inset.top, num, 0),
        right: take('safeArea.right', inset.right, num, 0),
        bottom: take('safeArea.bottom', inset.bottom, num, 0),
        left: take('safeArea.left', inset.left, num, 0),
      },
      locale: take('locale', given.locale, (v) => typeof v === 'string' && v !== '', guess.locale),
      reducedMotion: take('reducedMotion', given.reducedMotion, (v) => typeof v === 'boolean', guess.reducedMotion),
      dataSaver: take('dataSaver', given.dataSaver, (v) => typeof v === 'boolean', guess.dataSaver),
      batterySaver: take('batterySaver', given.batterySaver, (v) => typeof v === 'boolean', guess.batterySaver),
    };
    // Optional: a host that knows the system font scale or theme sends them; no guess else.
    const scale = take('fontScale', given.fontScale, (v) => num(v) && Number(v) > 0, undefined);
    const scheme = take('colorScheme', given.colorScheme, (v) => v === 'dark' || v === 'light' || v === null, undefined);
    if (refused.length) problem('deviceInfo', new Error(`refused ${refused.join(', ')}: the browser's guesses are used for them`));
    return {
      ...info,
      ...(scale === undefined ? {} : { fontScale: scale }),
      ...(scheme === undefined ? {} : { colorScheme: scheme }),
    };
  }

  /** A message from the native side: a pushed feed, the screen state, or (for requests) a reply. */
  function receive(/** @type {string} */ text) {
    let message;
    try {
      message = parseObject(text);
    } catch (error) {
      problem('receive', error);
      return;
    }
    if (message.type === 'reply' && typeof message.id === 'number') {
      // A reply after its time limit, or to nothing, is dropped.
      const waiting = pending.get(message.id);
      if (typeof message.error === 'string') waiting?.reject(new Error(message.error));
      else waiting?.resolve(/** @type {string} */ (message.result ?? null));
    } else if (message.type === 'feed' && typeof message.feed === 'string') feeds.emit(message.feed);
    else if (message.type === 'screen' && typeof message.on === 'boolean') screen.emit(message.on);
    else if (message.type === 'device') {
      try {
        devices.emit(readDevice(JSON.stringify(message.info ?? null)));
      } catch (error) {
        problem('device', error);
      }
    }
    else problem('receive', new Error(`unknown message ${describe(text)}`));
  }

  return {
    transport: link.transport,
    receive,

    deviceInfo() {
      return ask('deviceInfo', [], readDevice, guessedDevice);
    },

    async feed() {
      const json = await ask('feed', [], (answer) => {
        if (typeof answer !== 'string' || !answer.trim()) throw new Error(`expected Feed JSON text, got ${describe(answer)}`);
        return answer;
      }, () => null);
      if (json === null) throw new Error('the host gave no feed: the screen keeps what it shows');
      return json;
    },

    onFeed: (listener) => feeds.add(listener),
    onDeviceInfo: (listener) => devices.add(listener),

    onScreen(listener) {
      const doc = env.document;
      const onChange = () => listener(doc?.visibilityState === 'visible');
      doc?.addEventListener('visibilitychange', onChange);
      const off = screen.add(listener);
      return () => {
        doc?.removeEventListener('visibilitychange', onChange);
        off();
      };
    },

    requestUnlock() {
      // Never unlocked by default: a URL opens only after the keyguard said yes.
      return ask('requestUnlock', [], (answer) => parseJson(answer) === true, () => false);
    },

    async openUrl(url) {
      tell('openUrl', [url]);
    },

    async like(cardId) {
      tell('like', [cardId]);
    },

    async share(cardId) {
      tell('share', [cardId]);
    },

    storageGet(key) {
      return ask('storageGet', [key], (answer) => {
        if (answer === null || answer === undefined || typeof answer === 'string') return answer ?? null;
        throw new Error(`expected a string or null, got ${describe(answer)}`);
      }, () => {
        try {
          return env.localStorage?.getItem(STORAGE_PREFIX + key) ?? memory.get(key) ?? null;
        } catch {
          return memory.get(key) ?? null;
        }
      });
    },

    async storageSet(key, value) {
      memory.set(key, value);
      tell('storageSet', [key, value], () => {
        try {
          env.localStorage?.setItem(STORAGE_PREFIX + key, value);
        } catch {
          // memory only
        }
      });
    },

    track(events) {
      // Without an acknowledgement nothing leaves the outbox: the events are sent again later.
      return ask('track', [JSON.stringify(events)], (answer) => {
        const ack = parseObject(answer);
        if (!Array.isArray(ack.acked) || !ack.acked.every((n) => Number.isInteger(n))) {
          throw new Error(`expected { acked: [seq, …] }, got ${describe(answer)}`);
        }
        return { acked: /** @type {number[]} */ (ack.acked) };
      }, () => ({ acked: [] }));
    },

    onProblem: (listener) => problems.add(listener),
  };
}

/** @param {unknown} text */
function parseJson(text) {
  if (typeof text !== 'string') throw new Error(`expected JSON text, got ${describe(text)}`);
  return JSON.parse(text);
}

/** @param {unknown} text @returns {Record<string, unknown>} */
function parseObject(text) {
  const value = parseJson(text);
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new Error(`expected a JSON object, got ${describe(text)}`);
  }
  return value;
}

/** A short, safe description of an unexpected answer. */
export function describe(/** @type {unknown} */ value) {
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  return value === null ? 'null' : typeof value;
}
