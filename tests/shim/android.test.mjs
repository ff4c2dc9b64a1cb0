// The Android transports against fake natives that behave like Android's: the JS interface
// takes and returns strings synchronously; the web-message port carries JSON text both ways,
// with replies in any order. Methods go missing, throw, answer garbage or never answer.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHost } from '../../www/host/index.js';
import { TIMEOUT_MS } from '../../www/host/native.js';

const DEVICE = {
  viewport: { width: 393, height: 873 }, density: 2.75, safeArea: { top: 24, right: 0, bottom: 16, left: 0 },
  locale: 'ta-IN', reducedMotion: true, dataSaver: false, batterySaver: true,
};

/** A window with no browser guesses worth keeping, plus what the native side injects. */
function env(extra = {}) {
  return {
    location: { href: 'https://appassets.androidplatform.net/lock/index.html' },
    innerWidth: 360, innerHeight: 800, devicePixelRatio: 2, navigator: { language: 'en-IN' },
    console: { info() {}, warn() {} },
    ...extra,
  };
}

/** A JS-interface object as Android injects it: every method takes and returns strings. */
function jsInterface(overrides = {}) {
  const calls = [];
  const store = new Map();
  const native = {
    calls,
    deviceInfo: () => JSON.stringify(DEVICE),
    feed: () => '{"version":1,"cards":[]}',
    openUrl: (url) => { calls.push(['openUrl', url]); },
    like: (id) => { calls.push(['like', id]); },
    share: (id) => { calls.push(['share', id]); },
    storageGet: (k) => (store.has(k) ? store.get(k) : null),
    storageSet: (k, v) => { store.set(k, v); },
    track: (json) => JSON.stringify({ acked: JSON.parse(json).map((e) => e.seq) }),
    requestUnlock: (id) => { calls.push(['requestUnlock', id]); },
    ...overrides,
  };
  return native;
}

async function problemsOf(host, run) {
  const seen = [];
  host.onProblem((p) => seen.push(p));
  await run();
  return seen;
}

test('the JS interface: device info, feed, storage, actions and acknowledgements', async () => {
  const native = jsInterface();
  const page = env({ GlanceAndroid: native });
  const host = createHost(page);
  assert.equal(host.transport, 'android-js-interface');
  assert.deepEqual(await host.deviceInfo(), DEVICE, "the host's settings win over the browser's");
  assert.equal(await host.feed(), '{"version":1,"cards":[]}');
  await host.storageSet('seq', '41');
  assert.equal(await host.storageGet('seq'), '41');
  assert.equal(await host.storageGet('other'), null);
  await host.like('c1');
  await host.share('c2');
  await host.openUrl('https://example.com/');
  assert.deepEqual(native.calls, [['like', 'c1'], ['share', 'c2'], ['openUrl', 'https://example.com/']]);
  assert.deepEqual(await host.track([{ seq: 7, type: 'open', card_id: 'c1', at: 1 }]), { acked: [7] });
});

test('the JS interface answers an unlock later, through the page global, by id', async () => {
  const native = jsInterface();
  const page = env({ GlanceAndroid: native });
  const host = createHost(page);
  const granted = host.requestUnlock();
  const refused = host.requestUnlock();
  const [[, first], [, second]] = native.calls;
  // The user refuses the second prompt first: replies come back out of order.
  page.glanceHostReceive(JSON.stringify({ type: 'reply', id: Number(second), result: 'false' }));
  page.glanceHostReceive(JSON.stringify({ type: 'reply', id: Number(first), result: 'true' }));
  assert.equal(await granted, true);
  assert.equal(await refused, false);
});

test('pushed feeds and screen changes arrive through the page global', async () => {
  const page = env({ GlanceAndroid: jsInterface() });
  const host = createHost(page);
  const feeds = [];
  const screens = [];
  host.onFeed((f) => feeds.push(f));
  host.onScreen((on) => screens.push(on));
  const devices = [];
  host.onDeviceInfo((d) => devices.push(d));
  page.glanceHostReceive(JSON.stringify({ type: 'feed', feed: '{"version":1,"cards":[1]}' }));
  page.glanceHostReceive(JSON.stringify({ type: 'screen', on: false }));
  page.glanceHostReceive(JSON.stringify({ type: 'device', info: DEVICE }));
  page.glanceHostReceive('not json');
  assert.deepEqual(feeds, ['{"version":1,"cards":[1]}']);
  assert.deepEqual(screens, [false]);
  assert.deepEqual(devices, [DEVICE], 'settings pushed live');
});

test('missing and throwing methods degrade to their fallbacks and are reported once', async () => {
  const native = jsInterface({
    deviceInfo: undefined,
    storageGet: () => { throw new Error('java.lang.SecurityException'); },
    storageSet: () => { throw new Error('java.lang.SecurityException'); },
    track: undefined,
    openUrl: () => { throw new Error('ActivityNotFoundException'); },
  });
  const host = createHost(env({ GlanceAndroid: native }));
  const problems = await problemsOf(host, async () => {
    const info = await host.deviceInfo();
    assert.deepEqual(info.viewport, { width: 360, height: 800 }, "the browser's guesses");
    assert.equal(info.locale, 'en-IN');
    await host.deviceInfo();
    await host.storageSet('a', '1');
    assert.equal(await host.storageGet('a'), '1', 'kept in memory');
    assert.deepEqual(await host.track([{ seq: 1, type: 'open', card_id: 'x', at: 1 }]), { acked: [] },
      'nothing acknowledged: the events stay in the outbox');
    await host.openUrl('https://example.com/');
    await host.openUrl('https://example.com/');
  });
  assert.deepEqual(problems, [
    { method: 'deviceInfo', message: 'GlanceAndroid.deviceInfo is missing' },
    { method: 'storageSet', message: 'java.lang.SecurityException' },
    { method: 'storageGet', message: 'java.lang.SecurityException' },
    { method: 'track', message: 'GlanceAndroid.track is missing' },
    { method: 'openUrl', message: 'ActivityNotFoundException' },
  ]);
});

test('garbage answers are refused field by field, and a feed that is not text is an error', async () => {
  const native = jsInterface({
    deviceInfo: () => JSON.stringify({ viewport: { width: 'wide' }, density: -1, locale: 7, reducedMotion: 'yes', dataSaver: true }),
    feed: () => 42,
    track: () => '{"acked":"all"}',
  });
  const host = createHost(env({ GlanceAndroid: native }));
  const problems = await problemsOf(host, async () => {
    assert.deepEqual(await host.deviceInfo(), {
      viewport: { width: 360, height: 800 }, density: 2, safeArea: null,
      locale: 'en-IN', reducedMotion: false, dataSaver: true, batterySaver: false,
    });
    await assert.rejects(host.feed(), /gave no feed/);
    assert.deepEqual(await host.track([{ seq: 3, type: 'open', card_id: 'x', at: 1 }]), { acked: [] });
  });
  assert.deepEqual(problems.map((p) => p.method), ['deviceInfo', 'feed', 'track']);
  assert.equal(problems[0].message, "refused viewport.width, density, locale, reducedMotion: the browser's guesses are used for them");
  assert.match(problems[2].message, /expected \{ acked/);
});

test('a host may add the font scale and theme; nonsense in them is refused like the rest', async () => {
  const info = (answer) => createHost(env({ GlanceAndroid: jsInterface({ deviceInfo: () => JSON.stringify(answer) }) })).deviceInfo();
  const given = await info({ locale: 'ta-IN', fontScale: 1.3, colorScheme: 'dark' });
  assert.deepEqual([given.fontScale, given.colorScheme], [1.3, 'dark']);
  assert.equal((await info({ colorScheme: null })).colorScheme, null, 'null: the page decides');
  const absent = await info({ locale: 'ta-IN' });
  assert.equal('fontScale' in absent || 'colorScheme' in absent, false, 'not sent: no guess');
  const host = createHost(env({ GlanceAndroid: jsInterface({ deviceInfo: () => JSON.stringify({ fontScale: 0, colorScheme: 'sepia' }) }) }));
  const problems = await problemsOf(host, async () => {
    const bad = await host.deviceInfo();
    assert.equal('fontScale' in bad || 'colorScheme' in bad, false);
  });
  assert.equal(problems[0].message, "refused fontScale, colorScheme: the browser's guesses are used for them");
});

test('an unlock that is never answered times out as refused', async () => {
  const saved = TIMEOUT_MS.requestUnlock;
  TIMEOUT_MS.requestUnlock = 30;
  try {
    const host = createHost(env({ GlanceAndroid: jsInterface() }));
    const problems = await problemsOf(host, async () => {
      assert.equal(await host.requestUnlock(), false);
    });
    assert.deepEqual(problems, [{ method: 'requestUnlock', message: 'no answer within 30 ms' }]);
  } finally {
    TIMEOUT_MS.requestUnlock = saved;
  }
});

/** A web-message port as addWebMessageListener injects it, and a native side behind it. */
function messagePort() {
  const port = {
    posted: [],
    onmessage: null,
    postMessage(text) { this.posted.push(JSON.parse(text)); },
    reply(message) { this.onmessage?.({ data: JSON.stringify({ type: 'reply', ...message }) }); },
    push(message) { this.onmessage?.({ data: JSON.stringify(message) }); },
  };
  return port;
}

test('web messages: requests with ids, replies in any order, late and unknown replies dropped', async () => {
  const port = messagePort();
  const host = createHost(env({ glanceNative: port, GlanceAndroid: jsInterface() }));
  assert.equal(host.transport, 'android-web-messages', 'the port wins when both are there');
  const info = host.deviceInfo();
  const feed = host.feed();
  const unlock = host.requestUnlock();
  await host.like('c9');
  assert.deepEqual(port.posted.map((m) => [m.id, m.method]), [[1, 'deviceInfo'], [2, 'feed'], [3, 'requestUnlock'], [undefined, 'like']]);
  assert.deepEqual(port.posted[3].args, ['c9']);
  port.reply({ id: 3, result: 'true' });
  port.reply({ id: 99, result: 'x' });
  port.reply({ id: 2, result: '{"version":1,"cards":[]}' });
  port.reply({ id: 1, result: JSON.stringify(DEVICE) });
  assert.equal(await unlock, true);
  assert.equal(await feed, '{"version":1,"cards":[]}');
  assert.deepEqual(await info, DEVICE);
  const feeds = [];
  host.onFeed((f) => feeds.push(f));
  port.push({ type: 'feed', feed: '{"version":1}' });
  assert.deepEqual(feeds, ['{"version":1}']);
});

test('web messages: an error reply and a reply that never comes fall back', async () => {
  const saved = TIMEOUT_MS.default;
  TIMEOUT_MS.default = 30;
  try {
    const port = messagePort();
    const host = createHost(env({ glanceNative: port }));
    const problems = await problemsOf(host, async () => {
      const stored = host.storageGet('k');
      port.reply({ id: 1, error: 'no such key store' });
      assert.equal(await stored, null);
      assert.deepEqual(await host.track([{ seq: 5, type: 'open', card_id: 'x', at: 1 }]), { acked: [] });
    });
    assert.deepEqual(problems, [
      { method: 'storageGet', message: 'no such key store' },
      { method: 'track', message: 'no answer within 30 ms' },
    ]);
  } finally {
    TIMEOUT_MS.default = saved;
  }
});

test('web messages from a page outside the allow-list send nothing', async () => {
  const port = messagePort();
  const page = env({ glanceNative: port, location: { href: 'https://elsewhere.example/' } });
  const host = createHost(page);
  const problems = await problemsOf(host, async () => {
    assert.equal(await host.requestUnlock(), false);
  });
  assert.deepEqual(port.posted, []);
  assert.match(problems[0].message, /elsewhere\.example is not on the allow-list/);
  const other = messagePort();
  const allowed = createHost({ ...page, glanceNative: other }, { allowedOrigins: ['https://elsewhere.example'] });
  await allowed.like('c1');
  assert.deepEqual(other.posted, [{ method: 'like', args: ['c1'] }], 'an integrator may allow its own origin');
});

test('without a native side the page gets the browser preview', () => {
  const host = createHost(env({ document: undefined, fetch: async () => ({ ok: true, status: 200, text: async () => '' }) }));
  assert.equal(host.transport, 'browser-preview');
});
