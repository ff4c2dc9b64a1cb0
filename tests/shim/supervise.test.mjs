// supervise(): a module that fails to load is tried again on a growing schedule; a renderer
// that traps is replaced by a new one on the same card, with the host's latest feed. (The
// frozen copy shown in between is a DOM matter: tests/e2e covers it in Chromium.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { connect } from '../../www/host/connect.js';
import { supervise, RETRY_DELAYS_MS, HEALTHY_AFTER_MS } from '../../www/host/supervise.js';
import { fakeHost, fakeRenderer } from './fakes.mjs';

/** Page events and timers under the test's control. */
function fakeEnv() {
  const listeners = new Map();
  const timers = [];
  return {
    timers,
    addEventListener: (type, l) => listeners.set(type, [...(listeners.get(type) ?? []), l]),
    removeEventListener: (type, l) => listeners.set(type, (listeners.get(type) ?? []).filter((x) => x !== l)),
    dispatch: (type, event) => (listeners.get(type) ?? []).forEach((l) => l(event)),
    setTimeout: (f, ms) => {
      const timer = { f, ms, done: false };
      timers.push(timer);
      return timer;
    },
    clearTimeout: (timer) => {
      timer.done = true;
    },
    /** Runs the pending timers (as if their time had come). */
    async fire() {
      for (const timer of timers.splice(0)) {
        if (!timer.done) timer.f();
      }
      await settle();
    },
    listening: (type) => (listeners.get(type) ?? []).length,
  };
}

const settle = async () => {
  for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 0));
};

const trap = () => new WebAssembly.RuntimeError('unreachable');

/** A renderer double that the test can kill, and that reports the card it opened on. */
function renderer(resumeAt) {
  const r = fakeRenderer();
  return Object.assign(r, { resumeAt, alive: true, freed: false, free() { this.freed = true; } });
}

function setUp({ loads = [], feed = '{"version":1,"cards":[1]}', floor = () => [] } = {}) {
  const env = fakeEnv();
  const host = fakeHost({ feed });
  const link = connect({ host });
  const made = [];
  const faults = [];
  let loadCalls = 0;
  const supervisor = supervise({
    screen: { children: [] },
    link,
    host,
    env,
    device: /** @type {any} */ ({}),
    now: () => env.now ?? 0,
    load: async () => {
      const outcome = loads[loadCalls++] ?? 'ok';
      if (outcome !== 'ok') throw new Error(outcome);
      return { Renderer: renderer };
    },
    create: (module, { resumeAt, notice }) => {
      const r = module.Renderer(resumeAt);
      r.notice = notice;
      made.push(r);
      return r;
    },
    onFault: (f) => faults.push(f),
    floor,
  });
  return { env, host, supervisor, made, faults, loads: () => loadCalls };
}

test('a module that does not load is tried again after 0, 1 and 5 s, and at once on a wake', async () => {
  const { env, host, supervisor, made, faults } = setUp({ loads: ['offline', 'offline', 'offline', 'offline'] });
  await settle();
  assert.deepEqual(faults.map((f) => [f.kind, f.retryInMs]), [['load', 0]]);
  await env.fire();
  await env.fire();
  assert.deepEqual(faults.map((f) => f.retryInMs), RETRY_DELAYS_MS.slice(0, 3));
  assert.equal(env.timers.at(-1).ms, 5000);
  // The phone wakes while the module is down: no waiting for the 5 s.
  host.screen(true);
  await settle();
  assert.equal(faults.length, 4, 'a fourth failed load');
  assert.equal(env.timers.filter((t) => !t.done).length, 1, 'one retry pending, not two');
  await env.fire();
  assert.equal(made.length, 1);
  assert.equal(await supervisor.ready, made[0]);
  assert.equal(supervisor.renderer, made[0]);
  assert.deepEqual(made[0].seen, ['{"version":1,"cards":[1]}'], 'the host feed reached it');
});

test('a renderer that traps is replaced on the same card, with the latest feed', async () => {
  const { env, host, supervisor, made, faults } = setUp();
  const first = await supervisor.ready;
  first.notice({ type: 'cardChange', index: 2, cardId: 'c2', count: 5 });
  first.alive = false;
  env.dispatch('error', { error: trap() });
  assert.equal(supervisor.renderer, null, 'let go at once');
  assert.ok(first.freed);
  assert.deepEqual(faults.map((f) => [f.kind, f.retryInMs]), [['trap', 0]]);
  // A feed pushed while no renderer runs waits for the next one.
  host.push('{"version":1,"cards":[2]}');
  assert.deepEqual(first.seen, ['{"version":1,"cards":[1]}']);
  await env.fire();
  const second = supervisor.renderer;
  assert.notEqual(second, first);
  assert.equal(second.resumeAt, 'c2');
  assert.deepEqual(second.seen, ['{"version":1,"cards":[2]}']);
  assert.equal(host.calls.filter((c) => c === 'feed').length, 1, 'the host was asked for its feed once');
  // A trap in a promise callback arrives as an unhandled rejection.
  second.alive = false;
  env.dispatch('unhandledrejection', { reason: trap() });
  assert.equal(supervisor.renderer, null);
  assert.equal(faults.at(-1).retryInMs, RETRY_DELAYS_MS[1], 'a second crash in a row waits longer');
});

test('a renderer that ran for a minute restarts at once again', async () => {
  const { env, supervisor, faults } = setUp();
  await supervisor.ready;
  for (let i = 0; i < 3; i++) {
    supervisor.renderer.alive = false;
    env.dispatch('error', { error: trap() });
    await env.fire();
  }
  assert.deepEqual(faults.map((f) => f.retryInMs), RETRY_DELAYS_MS.slice(0, 3));
  env.now = HEALTHY_AFTER_MS + 1;
  supervisor.renderer.alive = false;
  env.dispatch('error', { error: trap() });
  assert.equal(faults.at(-1).retryInMs, 0);
});

test('errors that are not a fatal trap of this renderer change nothing', async () => {
  const { env, supervisor, made, faults } = setUp();
  const r = await supervisor.ready;
  env.dispatch('error', { error: new TypeError('a page script failed') });
  // Another module's trap, or one the renderer came through with its state intact.
  env.dispatch('error', { error: trap() });
  env.dispatch('unhandledrejection', { reason: new Error('fetch failed') });
  assert.equal(supervisor.renderer, r);
  assert.equal(made.length, 1);
  assert.deepEqual(faults, []);
  // A renderer that cannot even answer counts as dead.
  Object.defineProperty(r, 'alive', { get() { throw new Error('recursive use of an object detected'); } });
  env.dispatch('error', { error: trap() });
  assert.equal(supervisor.renderer, null);
});

test('a trap while the renderer takes a feed restarts it; a refused feed does not', async () => {
  const { env, host, supervisor, faults } = setUp();
  const first = await supervisor.ready;
  const original = globalThis.reportError;
  globalThis.reportError = (error) => env.dispatch('error', { error });
  try {
    first.setFeed = () => {
      first.alive = false;
      throw trap();
    };
    host.push('{"version":1,"cards":[3]}');
    assert.equal(supervisor.renderer, null);
    await env.fire();
    assert.deepEqual(supervisor.renderer.seen, ['{"version":1,"cards":[3]}']);
    host.push('{"version":2}');
    assert.equal(faults.length, 1, 'only the trap');
  } finally {
    globalThis.reportError = original;
  }
});

test('options the constructor refuses are reported once, without retries; stop() lets go of everything', async () => {
  const env = fakeEnv();
  const host = fakeHost();
  const faults = [];
  const supervisor = supervise({
    screen: { children: [] },
    link: connect({ host }),
    host,
    env,
    load: async () => ({}),
    create: () => {
      throw new Error('unknown skin "nokia"');
    },
    onFault: (f) => faults.push(f),
  });
  await settle();
  assert.deepEqual(faults.map((f) => [f.kind, f.retryInMs]), [['start', null]]);
  assert.equal(env.timers.length, 0);
  supervisor.stop();
  assert.equal(env.listening('error'), 0);
  assert.equal(env.listening('unhandledrejection'), 0);
});

test('below the WebAssembly floor the module is not fetched, and nothing is retried', async () => {
  const { env, host, made, faults, loads } = setUp({ floor: () => ['reference-types'] });
  await settle();
  assert.equal(loads(), 0, 'not fetched');
  assert.deepEqual(faults.map((f) => [f.kind, f.retryInMs]), [['floor', null]]);
  assert.match(String(faults[0].error), /lacks WebAssembly reference-types \(the floor is Chrome 96\)/);
  host.screen(true);
  await env.fire();
  assert.equal(loads(), 0, 'a wake does not try either');
  assert.equal(made.length, 0);
});
