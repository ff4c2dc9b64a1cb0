// connect(): feeds reach the renderer, refusals are reported, and a call to action unlocks
// before it opens.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { connect } from '../../www/host/connect.js';
import { capturingWarnings, fakeHost, fakeRenderer } from './fakes.mjs';

const tick = () => new Promise((r) => setTimeout(r, 0));

test('the host feed, then every pushed feed, goes to the renderer; refusals are reported', async () => {
  const host = fakeHost();
  const outcomes = [];
  const link = connect({ host, onFeed: (o) => outcomes.push(o) });
  const renderer = fakeRenderer();
  await link.attach(renderer);
  host.push('{"version":2}');
  host.push('{"version":1,"n":2}');
  assert.deepEqual(renderer.seen, ['{"version":1}', '{"version":2}', '{"version":1,"n":2}']);
  assert.equal(outcomes[0].ok, true);
  assert.deepEqual(outcomes[1], { ok: false, error: 'the feed\'s "version" is 2; this renderer reads version 1' });
  assert.equal(outcomes[2].ok, true);
});

test('a feed pushed before the renderer is ready is applied instead of fetching one', async () => {
  const host = fakeHost();
  const link = connect({ host });
  host.push('{"version":1,"early":true}');
  const renderer = fakeRenderer();
  await link.attach(renderer);
  assert.deepEqual(renderer.seen, ['{"version":1,"early":true}']);
  assert.deepEqual(host.calls, []);
});

test('a host that cannot give a feed is reported, not thrown', async () => {
  const host = fakeHost();
  host.feed = async () => {
    throw new Error('bridge gone');
  };
  const outcomes = [];
  await connect({ host, onFeed: (o) => outcomes.push(o) }).attach(fakeRenderer());
  assert.deepEqual(outcomes, [{ ok: false, error: 'bridge gone' }]);
});

test('open asks for the unlock first and opens only when it succeeded', async () => {
  const host = fakeHost();
  const link = connect({ host });
  link.notice({ type: 'open', cardId: 'a', url: 'https://example.com/a', unlock: true });
  await tick();
  assert.deepEqual(host.calls, ['unlock', 'open https://example.com/a']);

  const refused = fakeHost({ unlock: false });
  connect({ host: refused }).notice({ type: 'open', cardId: 'a', url: 'https://example.com/a', unlock: true });
  await tick();
  assert.deepEqual(refused.calls, ['unlock'], 'no URL opens on a locked phone');

  const direct = fakeHost();
  connect({ host: direct }).notice({ type: 'open', cardId: 'b', url: 'glance://b', unlock: false });
  await tick();
  assert.deepEqual(direct.calls, ['open glance://b']);
});

test('like and share go to the host', async () => {
  const host = fakeHost();
  const link = connect({ host });
  link.notice({ type: 'like', cardId: 'a' });
  link.notice({ type: 'share', cardId: 'b' });
  await tick();
  assert.deepEqual(host.calls, ['like a', 'share b']);
});

test("analytics: batches reach the host's track() and its acknowledgement comes back; the outbox is stored and restored", async () => {
  const host = fakeHost();
  const link = connect({ host });
  const renderer = fakeRenderer();
  const calls = [];
  Object.assign(renderer, {
    tracked: (batch, acked) => calls.push(['tracked', batch, acked]),
    trackFailed: (batch) => calls.push(['failed', batch]),
    restoreOutbox: (text) => calls.push(['restore', text]),
  });
  host.stored.set('outbox', '{"next":7,"events":[]}');
  await link.attach(renderer);
  assert.deepEqual(calls, [['restore', '{"next":7,"events":[]}']], 'restored at attach');
  assert.equal(renderer.seen.length, 1);

  const events = [{ seq: 7, type: 'like', card_id: 'a', at: 1 }, { seq: 8, type: 'impression', card_id: 'a', at: 2 }];
  link.notice({ type: 'track', batch: 3, events: JSON.stringify(events) });
  await tick();
  assert.deepEqual(host.tracked, events);
  assert.deepEqual(calls.at(-1), ['tracked', 3, [7, 8]]);
  host.failTrack = true;
  const warned = await capturingWarnings(async () => {
    link.notice({ type: 'track', batch: 4, events: JSON.stringify(events) });
    await tick();
  });
  assert.deepEqual(calls.at(-1), ['failed', 4]);
  assert.deepEqual(warned, ['glance: host action failed'], 'the failure is said once');

  link.notice({ type: 'store', key: 'outbox', value: '{"next":9,"events":[]}' });
  await tick();
  assert.equal(host.stored.get('outbox'), '{"next":9,"events":[]}');
});

test('offline: the last feed that showed cards is kept, shown first at the next attach, and replaced by the host feed', async () => {
  const good = '{"version":1,"cards":["a"]}';
  const host = fakeHost({ feed: good });
  const outcomes = [];
  const link = connect({ host, onFeed: (o) => outcomes.push(o) });
  const renderer = fakeRenderer();
  await link.attach(renderer);
  assert.equal(host.stored.get('feed'), good, 'kept once applied');
  host.push('{"version":2}');
  host.push('{"version":1,"cards":[]}');
  assert.equal(host.stored.get('feed'), good, 'a refused feed is not kept');

  // The next wake: the kept copy at once, then the host's feed.
  const fresh = '{"version":1,"cards":["a","b"]}';
  const next = fakeHost({ feed: fresh });
  next.stored.set('feed', good);
  const seen = [];
  const second = fakeRenderer();
  await connect({ host: next, onFeed: (o) => seen.push(o) }).attach(second);
  assert.deepEqual(second.seen, [good, fresh]);
  assert.deepEqual(seen.map((o) => o.stored ?? false), [true, false]);
  assert.equal(next.stored.get('feed'), fresh);

  // No feed from the host (offline): the kept copy stays, and the failure says so.
  const offline = fakeHost();
  offline.feed = async () => { throw new Error('no network'); };
  offline.stored.set('feed', good);
  const third = fakeRenderer();
  const said = [];
  await connect({ host: offline, onFeed: (o) => said.push(o) }).attach(third);
  assert.deepEqual(third.seen, [good]);
  assert.deepEqual(said.map((o) => [o.ok, o.stored ?? false]), [[true, true], [false, true]]);
});

test('disconnect stops feeds from reaching the renderer', async () => {
  const host = fakeHost();
  const link = connect({ host });
  const renderer = fakeRenderer();
  await link.attach(renderer);
  link.disconnect();
  host.push('{"version":1,"late":true}');
  assert.deepEqual(renderer.seen, ['{"version":1}']);
});

test('the host turning the screen off and on reaches the renderer', async () => {
  const host = fakeHost();
  const link = connect({ host });
  const states = [];
  const renderer = { ...fakeRenderer(), setScreenOn: (on) => states.push(on) };
  host.screen(false);
  await link.attach(renderer);
  host.screen(false);
  host.screen(true);
  link.disconnect();
  host.screen(false);
  assert.deepEqual(states, [false, true], 'only while attached');
});

test("the host's device settings reach the renderer at attach and whenever they change", async () => {
  const host = fakeHost({ device: { reducedMotion: true, dataSaver: true, batterySaver: false, safeArea: { top: 24, right: 0, bottom: 0, left: 0 }, viewport: { width: 360, height: 800 }, locale: 'ur-PK' } });
  const link = connect({ host });
  const renderer = fakeRenderer();
  const set = [];
  for (const key of ['reducedMotion', 'dataSaver', 'batterySaver', 'safeArea', 'viewport', 'locale']) {
    Object.defineProperty(renderer, key, {
      set(v) {
        if (key === 'locale' && v === 'not a tag') throw new Error('invalid locale');
        set.push([key, v]);
      },
    });
  }
  await link.attach(renderer);
  assert.deepEqual(set, [['reducedMotion', true], ['dataSaver', true], ['batterySaver', false], ['safeArea', { top: 24, right: 0, bottom: 0, left: 0 }], ['viewport', { width: 360, height: 800 }], ['locale', 'ur-PK']]);
  set.length = 0;
  const warned = await capturingWarnings(() => host.pushDevice({ reducedMotion: false, dataSaver: false, batterySaver: true, safeArea: { top: 0, right: 0, bottom: 0, left: 0 }, viewport: { width: 800, height: 360 }, locale: 'not a tag' }));
  assert.deepEqual(warned, ["glance: the renderer refused the host's locale"]);
  assert.deepEqual(set, [['reducedMotion', false], ['dataSaver', false], ['batterySaver', true], ['safeArea', { top: 0, right: 0, bottom: 0, left: 0 }], ['viewport', { width: 800, height: 360 }]],
    'a refused value is skipped, the others apply');
});

test('font scale and colour scheme reach the renderer only from hosts that send them', async () => {
  const host = fakeHost({ device: { reducedMotion: false, safeArea: null, locale: 'en' } });
  const link = connect({ host });
  const renderer = fakeRenderer();
  const set = [];
  for (const key of ['fontScale', 'colorScheme']) {
    Object.defineProperty(renderer, key, { set: (v) => set.push([key, v]) });
  }
  await link.attach(renderer);
  assert.deepEqual(set, [], 'a host without them leaves the renderer\'s own');
  host.pushDevice({ reducedMotion: false, safeArea: null, locale: 'en', fontScale: 1.5, colorScheme: 'dark' });
  host.pushDevice({ reducedMotion: false, safeArea: null, locale: 'en', fontScale: 1.5, colorScheme: null });
  assert.deepEqual(set, [['fontScale', 1.5], ['colorScheme', 'dark'], ['fontScale', 1.5], ['colorScheme', '']],
    'null hands the theme back to the page');
});

test('device info the page already has is not asked for again at attach', async () => {
  const host = fakeHost({ device: { reducedMotion: false, safeArea: null, locale: 'en' } });
  const link = connect({ host });
  const renderer = fakeRenderer();
  const seen = [];
  Object.defineProperty(renderer, 'locale', { set: (v) => seen.push(v) });
  await link.attach(renderer, { reducedMotion: true, safeArea: null, locale: 'ta-IN' });
  assert.equal(host.asked(), 0, 'one bridge call at start-up, not two');
  assert.deepEqual(seen, ['ta-IN']);
});

/** Collects what goes to the page's error handlers (`reportError`) while `f` runs. */
async function reported(f) {
  const seen = [];
  const before = globalThis.reportError;
  globalThis.reportError = (error) => seen.push(error);
  try {
    await f();
    await tick();
  } finally {
    if (before === undefined) delete globalThis.reportError;
    else globalThis.reportError = before;
  }
  return seen;
}

const trap = () => new WebAssembly.RuntimeError('unreachable');

test('a trap in a setting\'s setter goes to the page\'s error handlers, not to a warning; a refusal stays a warning', async () => {
  const host = fakeHost();
  const onTrap = await capturingWarnings(async () => {
    const renderer = fakeRenderer();
    const set = [];
    Object.defineProperty(renderer, 'reducedMotion', { set() { set.push('reducedMotion'); throw trap(); } });
    Object.defineProperty(renderer, 'dataSaver', { set() { set.push('dataSaver'); } });
    const seen = await reported(() => connect({ host }).attach(renderer));
    assert.equal(seen.length, 1);
    assert.ok(seen[0] instanceof WebAssembly.RuntimeError);
    assert.deepEqual(set, ['reducedMotion'], 'no setting is handed to a renderer that trapped');
  });
  assert.ok(!onTrap.some((w) => /refused/.test(w)), onTrap.join('\n'));

  const onRefusal = await capturingWarnings(async () => {
    const refusing = fakeRenderer();
    Object.defineProperty(refusing, 'locale', { set() { throw new Error('invalid locale'); } });
    assert.deepEqual(await reported(() => connect({ host }).attach(refusing)), []);
  });
  assert.ok(onRefusal.some((w) => /refused the host's locale/.test(w)));
});

test("a trap on the host's reply to a batch (tracked, trackFailed) goes to the page's error handlers", async () => {
  const host = fakeHost();
  const link = connect({ host });
  const renderer = fakeRenderer();
  Object.assign(renderer, {
    tracked: () => { throw trap(); },
    trackFailed: () => { throw trap(); },
  });
  await link.attach(renderer);
  const events = JSON.stringify([{ seq: 1, type: 'like', card_id: 'a', at: 1 }]);
  const onReply = await reported(() => link.notice({ type: 'track', batch: 1, events }));
  assert.equal(onReply.length, 1);
  assert.ok(onReply[0] instanceof WebAssembly.RuntimeError);
  host.failTrack = true;
  const onFailure = await reported(() => link.notice({ type: 'track', batch: 2, events }));
  assert.equal(onFailure.length, 1, 'the trap, not the host\'s failure');
  assert.ok(onFailure[0] instanceof WebAssembly.RuntimeError);
});
