// The browser-preview transport, with a fake window.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createPreviewHost, SAMPLE_FEED } from '../../www/host/preview.js';
import { createHost } from '../../www/host/index.js';

/** A fake window; `overrides` replace parts of it. */
function fakeEnv(href = 'http://127.0.0.1:8080/', overrides = {}) {
  const store = new Map();
  const fetched = [];
  const listeners = new Map();
  const env = {
    location: { href },
    fetched,
    store,
    async fetch(url) {
      fetched.push(String(url));
      if (String(url).endsWith('missing.json')) return { ok: false, status: 404, text: async () => '' };
      return { ok: true, status: 200, text: async () => `{"from":"${url}"}` };
    },
    localStorage: {
      getItem: (k) => (store.has(k) ? store.get(k) : null),
      setItem: (k, v) => store.set(k, String(v)),
    },
    matchMedia: (q) => ({ matches: q === '(prefers-reduced-motion: reduce)' && overrides.reduced === true }),
    navigator: { language: 'hi-IN', connection: { saveData: true } },
    innerWidth: 412,
    innerHeight: 915,
    devicePixelRatio: 2.625,
    document: {
      visibilityState: 'visible',
      addEventListener: (type, fn) => listeners.set(type, fn),
      removeEventListener: (type) => listeners.delete(type),
    },
    listeners,
    console: { info() {}, warn() {} },
    ...overrides,
  };
  return env;
}

test('serves the built-in sample feed, or the one named by ?feed=', async () => {
  const env = fakeEnv();
  assert.equal(await createPreviewHost(env).feed(), `{"from":"http://127.0.0.1:8080/${SAMPLE_FEED}"}`);
  const other = fakeEnv('http://127.0.0.1:8080/index.html?feed=feeds/other.json&skin=generic');
  assert.equal(await createPreviewHost(other).feed(), '{"from":"http://127.0.0.1:8080/feeds/other.json"}');
});

test('a feed that cannot be loaded is an error naming the URL and status', async () => {
  const env = fakeEnv('http://127.0.0.1:8080/?feed=missing.json');
  await assert.rejects(createPreviewHost(env).feed(), /missing\.json: HTTP 404/);
});

test('device info comes from the window; ?motion=reduce and ?saver= force those settings', async () => {
  const info = await createPreviewHost(fakeEnv()).deviceInfo();
  assert.deepEqual(info, {
    viewport: { width: 412, height: 915 },
    density: 2.625,
    safeArea: null,
    locale: 'hi-IN',
    reducedMotion: false,
    dataSaver: true,
    batterySaver: false,
    fontScale: 1,
    colorScheme: null,
  });
  const reduced = await createPreviewHost(fakeEnv('http://x/?motion=reduce')).deviceInfo();
  assert.equal(reduced.reducedMotion, true);
  const system = await createPreviewHost(fakeEnv('http://x/', { reduced: true })).deviceInfo();
  assert.equal(system.reducedMotion, true);
  const battery = await createPreviewHost(fakeEnv('http://x/?saver=battery')).deviceInfo();
  assert.equal(battery.batterySaver, true);
  const both = await createPreviewHost(fakeEnv('http://x/?saver=data,battery')).deviceInfo();
  assert.deepEqual([both.dataSaver, both.batterySaver], [true, true]);
});

test('?scale= and ?scheme= set the font scale and theme; updateDevice changes settings live', async () => {
  const host = createPreviewHost(fakeEnv('http://x/?scale=1.3&scheme=dark'));
  const info = await host.deviceInfo();
  assert.deepEqual([info.fontScale, info.colorScheme], [1.3, 'dark']);
  const odd = await createPreviewHost(fakeEnv('http://x/?scale=-2&scheme=blue')).deviceInfo();
  assert.deepEqual([odd.fontScale, odd.colorScheme], [1, null], 'nonsense falls back to the defaults');

  const heard = [];
  const off = host.onDeviceInfo((i) => heard.push(i));
  host.updateDevice({ batterySaver: true, colorScheme: 'light' });
  assert.equal(heard.length, 1);
  assert.deepEqual([heard[0].batterySaver, heard[0].colorScheme, heard[0].fontScale], [true, 'light', 1.3]);
  assert.equal((await host.deviceInfo()).batterySaver, true, 'later reads see the change');
  off();
  host.updateDevice({ dataSaver: false });
  assert.equal(heard.length, 1, 'an unsubscribed listener hears nothing');
});

test('a gallery frame keeps its storage apart and takes its feed from the page', async () => {
  const env = fakeEnv();
  const frame = createPreviewHost(env, { store: 'frame-oppo', feed: async () => '{"version":1}' });
  await frame.storageSet('outbox', 'x');
  assert.equal(env.store.get('glance:frame-oppo:outbox'), 'x');
  assert.equal(await createPreviewHost(env).storageGet('outbox'), null, 'the page\'s own phone does not see it');
  assert.equal(await frame.feed(), '{"version":1}');
});

test('storage round-trips through localStorage under a prefix', async () => {
  const env = fakeEnv();
  const host = createPreviewHost(env);
  assert.equal(await host.storageGet('seq'), null);
  await host.storageSet('seq', '41');
  assert.equal(env.store.get('glance:seq'), '41');
  assert.equal(await createPreviewHost(env).storageGet('seq'), '41', 'survives a reload');
});

test('a throwing localStorage degrades to memory and is reported once', async () => {
  const env = fakeEnv('http://x/', {
    localStorage: {
      getItem() { throw new Error('SecurityError: storage disabled'); },
      setItem() { throw new Error('QuotaExceededError'); },
    },
  });
  const host = createPreviewHost(env);
  const problems = [];
  host.onProblem((p) => problems.push(p));
  await host.storageSet('a', '1');
  await host.storageSet('b', '2');
  assert.equal(await host.storageGet('a'), '1');
  assert.equal(await host.storageGet('b'), '2');
  assert.deepEqual(problems, [
    { method: 'storageSet', message: 'QuotaExceededError' },
    { method: 'storageGet', message: 'SecurityError: storage disabled' },
  ]);
});

test('track acknowledges every seq it received and keeps them in order', async () => {
  const host = createPreviewHost(fakeEnv());
  const events = [3, 4, 5].map((seq) => ({ seq, type: 'swipe', card_id: 'a', at: 1 }));
  assert.deepEqual(await host.track(events), { acked: [3, 4, 5] });
  assert.deepEqual(host.tracked.map((e) => e.seq), [3, 4, 5]);
});

test('actions are logged for the page: unlock, open, like, share', async () => {
  const host = createPreviewHost(fakeEnv());
  const log = [];
  host.onAction((a) => log.push(`${a.action} ${a.detail}`));
  assert.equal(await host.requestUnlock(), true);
  await host.openUrl('https://example.com/score');
  await host.like('c1');
  await host.share('c2');
  assert.deepEqual(log, [
    'unlock the preview has no keyguard: treated as unlocked',
    'open https://example.com/score',
    'like c1',
    'share c2',
  ]);
});

test('screen on/off follows page visibility; pushed feeds reach listeners until unsubscribed', () => {
  const env = fakeEnv();
  const host = createPreviewHost(env);
  const screen = [];
  const off = host.onScreen((on) => screen.push(on));
  env.document.visibilityState = 'hidden';
  env.listeners.get('visibilitychange')();
  env.document.visibilityState = 'visible';
  env.listeners.get('visibilitychange')();
  off();
  assert.deepEqual(screen, [false, true]);
  assert.equal(env.listeners.has('visibilitychange'), false, 'listener removed');

  const feeds = [];
  const unsubscribe = host.onFeed((json) => feeds.push(json));
  host.pushFeed('{"a":1}');
  unsubscribe();
  host.pushFeed('{"b":2}');
  assert.deepEqual(feeds, ['{"a":1}']);
});

test('createHost uses the preview transport outside a phone', () => {
  assert.equal(createHost(fakeEnv()).transport, 'browser-preview');
});
