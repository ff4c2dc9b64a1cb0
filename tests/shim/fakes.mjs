// Doubles shared by the shim tests: a host with controllable pushes and a renderer that
// accepts feeds that parse.
import { listenerSet } from '../../www/host/listeners.js';

export function fakeHost({ unlock = true, feed = '{"version":1}', device = {} } = {}) {
  let asked = 0;
  const feeds = listenerSet();
  const screen = listenerSet();
  const devices = listenerSet();
  const calls = [];
  return {
    calls,
    deviceInfo: async () => {
      asked++;
      return device;
    },
    asked: () => asked,
    onDeviceInfo: (l) => devices.add(l),
    pushDevice: (info) => devices.emit(info),
    push: (json) => feeds.emit(json),
    screen: (on) => screen.emit(on),
    onScreen: (l) => screen.add(l),
    transport: 'browser-preview',
    feed: async () => {
      calls.push('feed');
      return feed;
    },
    onFeed: (l) => feeds.add(l),
    requestUnlock: async () => {
      calls.push('unlock');
      return unlock;
    },
    openUrl: async (url) => calls.push(`open ${url}`),
    like: async (id) => calls.push(`like ${id}`),
    stored: new Map(),
    async storageGet(key) {
      return this.stored.get(key) ?? null;
    },
    async storageSet(key, value) {
      this.stored.set(key, value);
    },
    tracked: [],
    /** Acknowledges every event, or throws when `failTrack` is set. */
    async track(events) {
      if (this.failTrack) throw new Error('the host is busy');
      this.tracked.push(...events);
      return { acked: events.map((e) => e.seq) };
    },
    failTrack: false,
    share: async (id) => calls.push(`share ${id}`),
  };
}

/** A renderer double: accepts feeds that parse, throws like the real one otherwise. */
export function fakeRenderer() {
  const seen = [];
  return {
    seen,
    setFeed(json) {
      seen.push(json);
      const parsed = JSON.parse(json);
      if (parsed.version !== 1) throw new Error(`the feed's "version" is ${parsed.version}; this renderer reads version 1`);
      // Like the real one: a feed whose cards are all refused is not applied.
      const applied = parsed.cards === undefined || parsed.cards.length > 0;
      return { applied, shown: applied ? 1 : 0, outOfWindow: 0, rejections: [] };
    },
  };
}

/**
 * Runs `f` with `console.warn` captured (a test that provokes a warning checks it, and the
 * run's output stays free of warnings nobody has to wonder about); returns the warnings'
 * first arguments.
 * @param {() => unknown} f
 */
export async function capturingWarnings(f) {
  const warnings = [];
  const warn = console.warn;
  console.warn = (...args) => warnings.push(String(args[0]));
  try {
    await f();
  } finally {
    console.warn = warn;
  }
  return warnings;
}
