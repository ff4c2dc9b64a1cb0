// The gallery's performance meter, on a fake window: frames and script time as the renderer's
// frame callbacks and input listeners spend them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { installMeter } from '../../www/gallery/meter.js';

/** A window whose clock, frames and timers the test drives. */
function fakeWindow() {
  let now = 0;
  /** @type {((t: number) => void)[]} */
  let frames = [];
  /** @type {Map<number, () => void>} */
  const timers = new Map();
  let nextTimer = 1;
  class EventTarget {
    constructor() {
      /** @type {Map<string, Set<Function>>} */
      this.listeners = new Map();
    }
    addEventListener(type, listener) {
      if (!this.listeners.has(type)) this.listeners.set(type, new Set());
      this.listeners.get(type).add(listener);
    }
    removeEventListener(type, listener) {
      this.listeners.get(type)?.delete(listener);
    }
    dispatch(type, event = {}) {
      for (const l of this.listeners.get(type) ?? []) l.call(this, event);
    }
  }
  const win = {
    EventTarget,
    performance: { now: () => now },
    requestAnimationFrame(cb) {
      frames.push(cb);
      return frames.length;
    },
    setTimeout(cb) {
      timers.set(nextTimer, cb);
      return nextTimer++;
    },
    clearTimeout(id) {
      timers.delete(id);
    },
  };
  return {
    win,
    /** Runs the frame callbacks pending, at time `at`. */
    frame(at) {
      now = at;
      const run = frames;
      frames = [];
      for (const cb of run) cb(at);
    },
    get now() { return now; },
    set now(v) { now = v; },
    pendingTimers: () => timers.size,
    fireTimers() {
      const run = [...timers.values()];
      timers.clear();
      for (const cb of run) cb();
    },
  };
}

test('frames per second and the 95th-percentile script time per frame of a burst', () => {
  const w = fakeWindow();
  const readings = [];
  installMeter(w.win, (r) => readings.push(r));
  const target = new w.win.EventTarget();
  // The renderer's move listener costs 0.5 ms; each frame callback 1 ms, one frame 9 ms.
  target.addEventListener('pointermove', () => { w.now += 0.5; });
  for (let i = 0; i < 60; i++) {
    target.dispatch('pointermove');
    const cost = i === 30 ? 9 : 1;
    w.win.requestAnimationFrame(() => { w.now += cost; });
    w.frame(1000 + i * (1000 / 60));
  }
  const live = readings.filter((r) => r.active);
  assert.ok(live.length >= 3, 'reports while frames run (every 250 ms)');
  assert.equal(w.pendingTimers(), 1, 'one timer waits for the end of the burst');
  w.fireTimers();
  const last = readings.at(-1);
  assert.equal(last.active, false);
  assert.equal(last.frames, 60);
  assert.equal(Math.round(last.fps), 60);
  // 59 frames of 1.5 ms (the first frame's listener came before it opened) and one of 9.5.
  assert.equal(last.p95, 1.5);
  assert.equal(w.pendingTimers(), 0, 'nothing runs once the cards are still');
});

test('a slow frame shows in the p95 when it is more than one in twenty', () => {
  const w = fakeWindow();
  const readings = [];
  installMeter(w.win, (r) => readings.push(r));
  for (let i = 0; i < 40; i++) {
    w.win.requestAnimationFrame(() => { w.now += i % 10 === 0 ? 20 : 2; });
    w.frame(i * 33.4);
  }
  w.fireTimers();
  const last = readings.at(-1);
  assert.equal(last.p95, 20);
  assert.equal(Math.round(last.fps), 30);
});

test('a pause longer than 250 ms starts a new burst; removed listeners are not timed', () => {
  const w = fakeWindow();
  const readings = [];
  installMeter(w.win, (r) => readings.push(r));
  for (let i = 0; i < 5; i++) {
    w.win.requestAnimationFrame(() => { w.now += 4; });
    w.frame(i * 16);
  }
  w.fireTimers();
  assert.equal(readings.at(-1).frames, 5);
  const target = new w.win.EventTarget();
  const listener = () => { w.now += 50; };
  target.addEventListener('pointerdown', listener);
  target.removeEventListener('pointerdown', listener);
  assert.equal(target.listeners.get('pointerdown').size, 0, 'the timed wrapper is the one removed');
  w.win.requestAnimationFrame(() => { w.now += 1; });
  w.frame(5000);
  w.win.requestAnimationFrame(() => { w.now += 1; });
  w.frame(5016);
  w.fireTimers();
  assert.deepEqual([readings.at(-1).frames, readings.at(-1).p95], [2, 1]);
});
