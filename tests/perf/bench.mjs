// The benchmark harness (npm run bench): the renderer, Swiper and Embla on the same cards, in the
// same headless Chromium, in one run, on an emulated phone with a throttled CPU.
//
//   node tests/perf/bench.mjs [--runs 10] [--profiles 4,6] [--memory-swipes 1000] [--pages renderer,swiper,embla] [--out DIR]
//
// Prints medians with the interquartile range and the ratios renderer/Swiper and renderer/Embla,
// and writes every raw figure to DIR/latest.json (default bench-results/).

import { chromium } from 'playwright-core';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { serve } from '../../scripts/serve.mjs';

const args = Object.fromEntries(
  process.argv.slice(2).reduce((pairs, a, i, all) => (a.startsWith('--') ? [...pairs, [a.slice(2), all[i + 1]]] : pairs), []),
);
const RUNS = Math.max(1, Number(args.runs ?? 10));
const PROFILES = String(args.profiles ?? '4,6').split(',').map(Number);
const MEMORY_SWIPES = Number(args['memory-swipes'] ?? 1000);
const OUT = args.out ?? 'bench-results';
const PHONE = { width: 412, height: 915, dpr: 2.625 };
const ALL_PAGES = [
  { name: 'renderer', path: '/tests/perf/renderer.html' },
  { name: 'swiper', path: '/tests/perf/swiper.html' },
  { name: 'embla', path: '/tests/perf/embla.html' },
];
// --pages renderer,swiper narrows a run while working on one page; the ratios need all three.
const PAGES = args.pages ? ALL_PAGES.filter((p) => args.pages.split(',').includes(p.name)) : ALL_PAGES;
const TRACE_CATEGORIES = [
  'toplevel',
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'disabled-by-default-devtools.timeline.frame',
  'blink.user_timing',
  'benchmark',
  'v8.execute',
];
const SCRIPT_EVENTS = new Set([
  'FunctionCall', 'EvaluateScript', 'TimerFire', 'FireAnimationFrame', 'FireIdleCallback',
  'v8.compile', 'v8.compileModule', 'v8.evaluateModule', 'v8.callFunction', 'RunMicrotasks',
]);

// Counts frame and timer callbacks requested and run, installed before the page's own scripts.
const COUNTERS = `(() => {
  const zero = () => ({ rafRequested: 0, rafRun: 0, timerRequested: 0, timerRun: 0 });
  let c = zero();
  const wrap = (name, requested, run) => {
    const original = window[name].bind(window);
    window[name] = (fn, ...rest) => {
      c[requested]++;
      return original(typeof fn === 'function' ? (...a) => { c[run]++; return fn(...a); } : fn, ...rest);
    };
  };
  wrap('requestAnimationFrame', 'rafRequested', 'rafRun');
  wrap('setTimeout', 'timerRequested', 'timerRun');
  wrap('setInterval', 'timerRequested', 'timerRun');
  window.__counters = { read: () => ({ ...c }), reset: () => { c = zero(); } };

  // Which inline styles, attributes and nodes the page writes while recording: the observer
  // only keeps the records, and they are compared once at the end.
  let observer = null;
  let kept = [];
  const styles = (text) => {
    const probe = document.createElement('div');
    probe.setAttribute('style', text ?? '');
    const out = new Map();
    for (let i = 0; i < probe.style.length; i++) out.set(probe.style[i], probe.style.getPropertyValue(probe.style[i]));
    return out;
  };
  window.__writes = {
    start() {
      kept = [];
      observer = new MutationObserver((records) => { kept.push(...records); });
      observer.observe(document.body, { subtree: true, childList: true, attributes: true, attributeOldValue: true });
    },
    stop() {
      const records = [...kept, ...observer.takeRecords()];
      observer.disconnect();
      const styleProps = {}, attributes = {};
      let nodes = 0;
      for (const r of records) {
        if (r.type === 'childList') { nodes += r.addedNodes.length + r.removedNodes.length; continue; }
        if (r.attributeName !== 'style') { attributes[r.attributeName] = (attributes[r.attributeName] ?? 0) + 1; continue; }
        const [before, after] = [styles(r.oldValue), styles(r.target.getAttribute('style'))];
        for (const name of new Set([...before.keys(), ...after.keys()])) {
          if (before.get(name) !== after.get(name)) styleProps[name] = (styleProps[name] ?? 0) + 1;
        }
      }
      return { styleProps, attributes, nodes };
    },
  };
})();`;

const server = await serve({ port: 0, quiet: true, root: new URL('../..', import.meta.url).pathname.replace(/\/$/, ''), allow: ['/www/', '/tests/perf/'] });
const base = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function phone(throttle) {
  const context = await browser.newContext({
    viewport: { width: PHONE.width, height: PHONE.height },
    deviceScaleFactor: PHONE.dpr,
    isMobile: true,
    hasTouch: true,
  });
  await context.addInitScript(COUNTERS);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
  return { context, page, cdp, errors };
}

async function load(p, path, query = '') {
  const bytes = [];
  p.page.on('response', async (response) => {
    const url = new URL(response.url());
    if (!/\.(js|mjs|css|wasm)$/.test(url.pathname)) return;
    try {
      bytes.push({ url: url.pathname, body: await response.body() });
    } catch {
      // the response went away with the page
    }
  });
  await p.page.goto(`${base}${path}${query}`);
  await p.page.waitForFunction(() => window.bench && performance.getEntriesByName('first-card-frame').length > 0, null, { timeout: 60_000 });
  const ttfc = await p.page.evaluate(() => performance.getEntriesByName('first-card-frame')[0].startTime);
  return { ttfc, bytes };
}

/** A finger drag from `fromX` to `toX` (fractions of the width) at mid-height. */
async function drag(cdp, fromX, toX, { steps = 10, stepMs = 16 } = {}) {
  const y = PHONE.height * 0.5;
  const at = (t) => [{ x: PHONE.width * (fromX + (toX - fromX) * t), y, id: 1 }];
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: at(0) });
  for (let i = 1; i <= steps; i++) {
    if (stepMs) await sleep(stepMs);
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: at(i / steps) });
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
}

async function traced(p, action) {
  await browser.startTracing(p.page, { categories: TRACE_CATEGORIES });
  await action();
  return JSON.parse((await browser.stopTracing()).toString()).traceEvents;
}

/** Microseconds covered by the events' [ts, ts + dur] intervals, overlaps counted once. */
function union(/** @type {{ ts: number, dur: number }[]} */ events) {
  let covered = 0;
  let end = -Infinity;
  for (const e of [...events].sort((a, b) => a.ts - b.ts)) {
    const stop = e.ts + e.dur;
    if (stop <= end) continue;
    covered += stop - Math.max(e.ts, end);
    end = stop;
  }
  return covered;
}

/**
 * Main-thread figures of the page's renderer process from a trace, counting only events that
 * start within [from, to] (trace clock, µs) when a window is given.
 */
/** The page's frame, its renderer process and the events of that process's main thread. */
function mainThread(events, pagePath) {
  const started = events.find((e) => e.name === 'TracingStartedInBrowser');
  const frames = started?.args?.data?.frames ?? [];
  const frame = frames.find((f) => (f.url ?? '').includes(pagePath)) ?? frames[0];
  const pid = frame?.processId;
  const main = events.find((e) => e.ph === 'M' && e.name === 'thread_name' && e.pid === pid && e.args?.name === 'CrRendererMain');
  return { frame, pid, onMain: events.filter((e) => e.pid === pid && e.tid === main?.tid) };
}

function analyse(all, pagePath, from = -Infinity, to = Infinity) {
  const events = all.filter((e) => e.ph === 'M' || e.name === 'TracingStartedInBrowser' || (e.ts >= from && e.ts <= to));
  const { frame, pid, onMain } = mainThread(events, pagePath);
  const complete = onMain.filter((e) => e.ph === 'X' && typeof e.dur === 'number');
  // Chromium nests ThreadControllerImpl::RunTask inside RunTask (and sometimes sends only one
  // of them): the time the main thread was busy is the union of both, not their sum.
  const taskMs = union(complete.filter((e) => e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask')) / 1000;
  const intervals = complete.filter((e) => SCRIPT_EVENTS.has(e.name)).map((e) => [e.ts, e.ts + e.dur]).sort((a, b) => a[0] - b[0]);
  let scriptUs = 0;
  let end = -Infinity;
  let runStart = -Infinity;
  let longestUs = 0;
  for (const [s, e] of intervals) {
    if (e <= end) continue;
    if (s > end) runStart = s;
    scriptUs += e - Math.max(s, end);
    end = e;
    longestUs = Math.max(longestUs, end - runStart);
  }
  // A layout that runs inside script was forced by it (a read after a write).
  const inScript = (t) => intervals.some(([s, e]) => t >= s && t <= e);
  // Only the page's own frame counts (not helper frames the browser creates).
  const ofPage = (e) => !e.args?.beginData?.frame || !frame?.frame || e.args.beginData.frame === frame.frame;
  const count = (...names) => complete.filter((e) => names.includes(e.name) && ofPage(e)).length;
  const states = events
    .filter((e) => e.name === 'PipelineReporter' && e.ph === 'b' && e.pid === pid)
    .map((e) => (e.args?.frame_reporter ?? e.args?.chrome_frame_reporter)?.state ?? '');
  return {
    taskMs,
    scriptMs: scriptUs / 1000,
    styleRecalcs: count('UpdateLayoutTree', 'RecalculateStyles'),
    layouts: count('Layout'),
    forcedLayouts: complete.filter((e) => e.name === 'Layout' && ofPage(e) && inScript(e.ts)).length,
    longestScriptMs: longestUs / 1000,
    framesPresented: states.filter((s) => s.startsWith('STATE_PRESENTED')).length,
    framesDropped: states.filter((s) => s === 'STATE_DROPPED').length,
  };
}

/** Work after the settle that a swipe still caused (DOM upkeep, idle callbacks): 500 ms. */
const AFTER_SETTLE_US = 500_000;

async function swipe(p, pagePath) {
  const before = await p.page.evaluate(() => ({ index: bench.index(), settles: bench.settles() }));
  const events = await traced(p, async () => {
    await drag(p.cdp, 0.85, 0.2);
    await p.page.waitForFunction((s) => bench.settles() > s, before.settles, { polling: 100, timeout: 15_000 });
    await sleep(AFTER_SETTLE_US / 1000 + 100);
  });
  const after = await p.page.evaluate(() => bench.index());
  if (after !== before.index + 1) throw new Error(`${pagePath}: the swipe did not land on the next card (${before.index} → ${after})`);
  // The page marks 'settled' when the card lands; the swipe is everything up to that mark.
  const marks = events.filter((e) => e.name === 'settled' && e.cat?.includes('blink.user_timing'));
  const settle = marks.length ? Math.max(...marks.map((e) => e.ts)) : Infinity;
  const during = analyse(events, pagePath, -Infinity, settle);
  return {
    ...during,
    scriptPerFrameMs: during.scriptMs / Math.max(1, during.framesPresented),
    after: analyse(events, pagePath, settle, settle + AFTER_SETTLE_US),
  };
}

/** Merges overlapping [start, end] intervals (µs) into disjoint ones. */
function merged(/** @type {[number, number][]} */ intervals) {
  const out = [];
  for (const [s, e] of [...intervals].sort((a, b) => a[0] - b[0])) {
    const last = out[out.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else out.push([s, e]);
  }
  return out;
}

/** Flicks in a row, as people skim: how many, and how far apart (ms). */
const FLICKS = 8;
const FLICK_GAP_MS = 250;

/**
 * A series of quick flicks, each meant to land one card further: long tasks (over 50 ms: how
 * many, their total and the longest), frames whose pipeline took over 33 ms, the slowest
 * input-to-next-paint (Event Timing), and how many cards it moved.
 */
async function flicks(p, pagePath) {
  const before = await p.page.evaluate(() => {
    window.__slowestInput = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__slowestInput = Math.max(window.__slowestInput, e.duration);
    }).observe({ type: 'event', durationThreshold: 16 });
    return bench.index();
  });
  const events = await traced(p, async () => {
    for (let i = 0; i < FLICKS; i++) {
      await drag(p.cdp, 0.8, 0.25, { steps: 6, stepMs: 16 });
      await sleep(FLICK_GAP_MS);
    }
    await sleep(AFTER_SETTLE_US / 1000 + 300);
  });
  const { index, slowestInput } = await p.page.evaluate(() => ({ index: bench.index(), slowestInput: window.__slowestInput }));
  const { onMain, pid } = mainThread(events, pagePath);
  const tasks = merged(onMain
    .filter((e) => e.ph === 'X' && (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask'))
    .map((e) => [e.ts, e.ts + e.dur]))
    .map(([s, e]) => (e - s) / 1000)
    .filter((ms) => ms > 50);
  // A frame's pipeline, from its begin to its presentation (or drop): the async pairs of
  // PipelineReporter on the page's process.
  const begins = new Map();
  let slowFrames = 0;
  for (const e of events.filter((x) => x.name === 'PipelineReporter' && x.pid === pid).sort((a, b) => a.ts - b.ts)) {
    if (e.ph === 'b') begins.set(e.id ?? e.id2?.local, e.ts);
    else if (e.ph === 'e' && begins.has(e.id ?? e.id2?.local)) {
      if (e.ts - begins.get(e.id ?? e.id2?.local) > 33_000) slowFrames += 1;
      begins.delete(e.id ?? e.id2?.local);
    }
  }
  return {
    longTasks: tasks.length,
    longTaskMs: tasks.reduce((a, b) => a + b, 0),
    longestTaskMs: Math.max(0, ...tasks),
    slowFrames,
    slowestInputMs: slowestInput,
    landed: index - before,
  };
}

async function idle(p, pagePath) {
  await sleep(300);
  await p.page.evaluate(() => window.__counters.reset());
  const events = await traced(p, () => sleep(3000));
  const counters = await p.page.evaluate(() => window.__counters.read());
  const { taskMs } = analyse(events, pagePath);
  return {
    frameRequests: counters.rafRequested,
    frameCallbacks: counters.rafRun,
    timerRequests: counters.timerRequested,
    timers: counters.timerRun,
    taskMs,
  };
}

/** What one more drag and fling writes to the DOM, up to the settle (not traced). */
async function writes(p) {
  const settles = await p.page.evaluate(() => { window.__writes.start(); return bench.settles(); });
  await drag(p.cdp, 0.85, 0.2);
  await p.page.waitForFunction((s) => bench.settles() > s, settles, { polling: 100, timeout: 15_000 });
  return p.page.evaluate(() => window.__writes.stop());
}

function compressed(bytes) {
  const seen = new Map(bytes.map((b) => [b.url, b.body]));
  const files = [...seen].map(([url, body]) => ({
    url,
    raw: body.length,
    gzip: gzipSync(body, { level: 9 }).length,
    brotli: brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  }));
  const sum = (k) => files.reduce((s, f) => s + f[k], 0);
  return { raw: sum('raw'), gzip: sum('gzip'), brotli: sum('brotli'), files };
}

async function memory(p) {
  await p.cdp.send('HeapProfiler.enable');
  await p.cdp.send('HeapProfiler.collectGarbage');
  await p.cdp.send('HeapProfiler.collectGarbage');
  const heap = await p.cdp.send('Runtime.getHeapUsage');
  const dom = await p.cdp.send('Memory.getDOMCounters');
  const wasm = await p.page.evaluate(() => bench.wasmBytes());
  const nodes = await p.page.evaluate(() => document.getElementsByTagName('*').length);
  return { jsHeap: heap.usedSize, wasm, nodes, listeners: dom.jsEventListeners };
}

const stats = (values) => {
  const v = values.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!v.length) return { median: NaN, q1: NaN, q3: NaN, n: 0 };
  const q = (f) => {
    const i = (v.length - 1) * f;
    const lo = Math.floor(i);
    return v[lo] + (v[Math.min(lo + 1, v.length - 1)] - v[lo]) * (i - lo);
  };
  return { median: q(0.5), q1: q(0.25), q3: q(0.75), n: v.length };
};
const fmt = (x) => (!Number.isFinite(x) ? '–' : Math.abs(x) >= 100 || Number.isInteger(x) ? x.toFixed(0) : x.toFixed(1));
const ratio = (a, b) => (b === 0 ? (a === 0 ? '1.00' : '∞') : Number.isFinite(a / b) ? (a / b).toFixed(2) : '–');

const result = {
  date: new Date().toISOString(),
  chromium: browser.version(),
  cpu: cpus()[0]?.model ?? 'unknown',
  cores: cpus().length,
  phone: PHONE,
  runs: RUNS,
  profiles: PROFILES,
  bytes: {},
  samples: [],
  stills: [],
  blanks: [],
  memory: {},
  layout: {},
  scale: {},
  writes: {},
};
console.log(`glance-renderer bench · Chromium ${result.chromium} · ${result.cpu} × ${result.cores}`);
console.log(`phone ${PHONE.width}×${PHONE.height} CSS px @${PHONE.dpr}, touch · ${RUNS} runs + 1 warm-up per profile, rotated order`);

/** The card at rest the renderer stored in its first run, for the wakes from a stored card. */
let stored = null;
for (const throttle of PROFILES) {
  for (let run = -1; run < RUNS; run++) {
    const order = PAGES.map((_, i) => PAGES[(i + Math.max(run, 0)) % PAGES.length]);
    for (const pg of order) {
      const p = await phone(throttle);
      try {
        const { ttfc, bytes } = await load(p, pg.path);
        if (!result.bytes[pg.name]) result.bytes[pg.name] = compressed(bytes);
        const wake = await p.page.evaluate(() => bench.wake());
        await sleep(200);
        const sw = await swipe(p, pg.path);
        const id = await idle(p, pg.path);
        const fl = await flicks(p, pg.path);
        if (!result.writes[pg.name]) result.writes[pg.name] = await writes(p);
        if (pg.name === 'renderer') stored ??= await p.page.evaluate(() => bench.storedCard());
        if (p.errors.length) throw new Error(`${pg.name}: ${p.errors.join('; ')}`);
        if (run >= 0) result.samples.push({ throttle, run, page: pg.name, ttfc, wake, swipe: sw, idle: id, flicks: fl });
      } finally {
        await p.context.close();
      }
    }
    // A wake of the renderer's page with the card at rest stored by an earlier run.
    if (stored && PAGES.some((pg) => pg.name === 'renderer')) {
      const p = await phone(throttle);
      try {
        await p.context.addInitScript((text) => localStorage.setItem('glance:card', text), stored);
        const { ttfc } = await load(p, '/tests/perf/renderer-still.html');
        const painted = await p.page.evaluate(() => performance.getEntriesByName('first-card-frame').length);
        if (!painted) throw new Error('renderer-still.html: no first card');
        if (run >= 0) result.stills.push({ throttle, run, ttfc });
      } finally {
        await p.context.close();
      }
      // The floor under both: a blank page's first frame.
      const b = await phone(throttle);
      try {
        const { ttfc } = await load(b, '/tests/perf/blank.html');
        if (run >= 0) result.blanks.push({ throttle, run, ttfc });
      } finally {
        await b.context.close();
      }
    }
    process.stdout.write(run < 0 ? `  ${throttle}× CPU: warm-up done` : ` ${run + 1}`);
  }
  process.stdout.write('\n');
}

// Memory: 10 swipes, then many more, on an unthrottled phone (the ratio is what matters).
process.stdout.write(`  memory (${MEMORY_SWIPES} swipes):`);
for (const pg of PAGES) {
  const p = await phone(1);
  try {
    await load(p, pg.path);
    for (let i = 0; i < 10; i++) {
      const s = await p.page.evaluate(() => bench.settles());
      await drag(p.cdp, i % 2 ? 0.2 : 0.85, i % 2 ? 0.85 : 0.2);
      await p.page.waitForFunction((n) => bench.settles() > n, s, { polling: 50, timeout: 15_000 });
    }
    const after10 = await memory(p);
    for (let i = 10; i < MEMORY_SWIPES; i++) {
      await drag(p.cdp, i % 2 ? 0.2 : 0.85, i % 2 ? 0.85 : 0.2, { steps: 6, stepMs: 0 });
    }
    await sleep(1500);
    const afterMany = await memory(p);
    result.memory[pg.name] = { after10, [`after${MEMORY_SWIPES}`]: afterMany };
  } finally {
    await p.context.close();
  }
  process.stdout.write(` ${pg.name}`);
}
process.stdout.write('\n  layout of each sample card:');

// Layout of one card in the browser, measuring included: every card of the sample feed (as the
// page serves it), first in a fresh renderer and again with its measures cached, at each
// throttling. The renderer's own figure: the peers lay nothing out themselves.
for (const throttle of PROFILES) {
  const first = [];
  const cached = [];
  for (let run = 0; run < RUNS; run++) {
    const p = await phone(throttle);
    try {
      await load(p, PAGES[0].path);
      const sample = await p.page.evaluate(async () => JSON.stringify(await (await fetch('/www/feeds/sample.json')).json()));
      const t = await p.page.evaluate((json) => bench.layoutTimes(json), sample);
      first.push(...t.first);
      cached.push(...t.cached);
    } finally {
      await p.context.close();
    }
  }
  result.layout[throttle] = { first, cached };
  process.stdout.write(` ${throttle}×`);
}
process.stdout.write('\n  scale (12 and 10,000 cards):');

// Scale: the renderer with 10,000 cards against 12.
for (const cards of [12, 10000]) {
  const swipes = [];
  let nodes = 0;
  for (let run = 0; run < RUNS; run++) {
    const p = await phone(PROFILES[0]);
    try {
      await load(p, PAGES[0].path, `?cards=${cards}`);
      await sleep(200);
      swipes.push((await swipe(p, PAGES[0].path)).taskMs);
      nodes = await p.page.evaluate(() => document.getElementsByTagName('*').length);
    } finally {
      await p.context.close();
    }
  }
  result.scale[cards] = { swipeTaskMs: swipes, nodes };
  process.stdout.write(` ${cards}`);
}
process.stdout.write('\n');

await browser.close();
server.close();
mkdirSync(OUT, { recursive: true });
writeFileSync(join(OUT, 'latest.json'), JSON.stringify(result, null, 2));

// ---- report --------------------------------------------------------------------------------
const row = (label, values) => console.log(`  ${label.padEnd(34)}${values.map((v) => String(v).padStart(19)).join('')}`);
const pick = (throttle, page, f) => result.samples.filter((s) => s.throttle === throttle && s.page === page).map(f);
const cell = (s) => `${fmt(s.median)} [${fmt(s.q1)}–${fmt(s.q3)}]`;

console.log('\nbytes the lock screen loads (wasm + JS + CSS)');
row('', ['renderer', 'swiper', 'embla', 'r/swiper', 'r/embla']);
for (const k of ['gzip', 'brotli', 'raw']) {
  const [r, s, e] = ALL_PAGES.map((p) => result.bytes[p.name]?.[k] ?? NaN);
  row(`${k} (bytes)`, [r, s, e, ratio(r, s), ratio(r, e)]);
}

const measures = [
  ['time to first card (ms)', (s) => s.ttfc],
  ['wake: new feed → frame (ms)', (s) => s.wake],
  ['swipe: main-thread task (ms)', (s) => s.swipe.taskMs],
  ['swipe: script (ms)', (s) => s.swipe.scriptMs],
  ['swipe: style recalculations', (s) => s.swipe.styleRecalcs],
  ['swipe: layouts', (s) => s.swipe.layouts],
  ['swipe: forced layouts', (s) => s.swipe.forcedLayouts],
  ['swipe: script per frame (ms)', (s) => s.swipe.scriptPerFrameMs],
  ['swipe: longest script run (ms)', (s) => s.swipe.longestScriptMs],
  ['swipe: frames presented', (s) => s.swipe.framesPresented],
  ['swipe: frames dropped', (s) => s.swipe.framesDropped],
  ['after settle 500 ms: task (ms)', (s) => s.swipe.after.taskMs],
  ['after settle 500 ms: layouts', (s) => s.swipe.after.layouts],
  ['idle 3 s: frame callbacks requested', (s) => s.idle.frameRequests],
  ['idle 3 s: frame callbacks run', (s) => s.idle.frameCallbacks],
  ['idle 3 s: timers requested', (s) => s.idle.timerRequests],
  ['idle 3 s: timer callbacks run', (s) => s.idle.timers],
  ['idle 3 s: main-thread task (ms)', (s) => s.idle.taskMs],
  [`${FLICKS} flicks ${FLICK_GAP_MS} ms apart: long tasks`, (s) => s.flicks.longTasks],
  [`${FLICKS} flicks: long tasks, total (ms)`, (s) => s.flicks.longTaskMs],
  [`${FLICKS} flicks: longest task (ms)`, (s) => s.flicks.longestTaskMs],
  [`${FLICKS} flicks: frames over 33 ms`, (s) => s.flicks.slowFrames],
  [`${FLICKS} flicks: slowest input to next paint (ms)`, (s) => s.flicks.slowestInputMs],
  [`${FLICKS} flicks: cards landed`, (s) => s.flicks.landed],
];
for (const throttle of PROFILES) {
  console.log(`\n${throttle}× CPU throttling · median [interquartile range] of ${RUNS} runs`);
  row('', ['renderer', 'swiper', 'embla', 'r/swiper', 'r/embla']);
  for (const [label, f] of measures) {
    const [r, s, e] = ALL_PAGES.map((p) => stats(pick(throttle, p.name, f)));
    row(label, [cell(r), cell(s), cell(e), ratio(r.median, s.median), ratio(r.median, e.median)]);
    if (label.startsWith('time to first card')) {
      // The renderer's wake from a stored card, against the peers' own first card.
      const w = stats(result.stills.filter((x) => x.throttle === throttle).map((x) => x.ttfc));
      row('first card at wake from a stored card (ms)', [cell(w), cell(s), cell(e), ratio(w.median, s.median), ratio(w.median, e.median)]);
      const b = stats(result.blanks.filter((x) => x.throttle === throttle).map((x) => x.ttfc));
      row('first frame of a blank page (ms)', [cell(b), cell(s), cell(e), ratio(b.median, s.median), ratio(b.median, e.median)]);
    }
  }
}

console.log('\nDOM writes during one drag and fling, up to the settle (inline style properties changed)');
for (const p of ALL_PAGES) {
  const w = result.writes[p.name];
  if (!w) continue;
  const list = (o) => Object.entries(o).map(([k, n]) => `${k} ×${n}`).join(', ') || 'none';
  console.log(`  ${p.name.padEnd(10)}styles: ${list(w.styleProps)} · other attributes: ${list(w.attributes)} · nodes added/removed: ${w.nodes}`);
}

console.log(`\nmemory after 10 and after ${MEMORY_SWIPES} swipes (no throttling)`);
row('', ['renderer', 'swiper', 'embla']);
for (const [label, k] of [['JS heap (bytes)', 'jsHeap'], ['Wasm memory (bytes)', 'wasm'], ['DOM elements', 'nodes'], ['JS event listeners', 'listeners']]) {
  row(`${label} after 10`, ALL_PAGES.map((p) => result.memory[p.name]?.after10?.[k] ?? '–'));
  row(`${label} after ${MEMORY_SWIPES}`, ALL_PAGES.map((p) => result.memory[p.name]?.[`after${MEMORY_SWIPES}`]?.[k] ?? '–'));
  row(`  ratio`, ALL_PAGES.map((p) => {
    const m = result.memory[p.name];
    return m && m.after10[k] != null ? ratio(m[`after${MEMORY_SWIPES}`][k], m.after10[k]) : '–';
  }));
}

console.log(`\nlayout of one card of the sample feed in the browser, measuring included (ms per card, median [IQR] over ${RUNS} runs × every card)`);
row('', ['first layout', 'measures cached']);
for (const throttle of PROFILES) {
  const { first, cached } = result.layout[throttle];
  row(`${throttle}× CPU`, [cell(stats(first)), cell(stats(cached))]);
}

const s12 = stats(result.scale[12].swipeTaskMs);
const s10k = stats(result.scale[10000].swipeTaskMs);
console.log(`\nscale: the renderer with 10,000 cards against 12 (${PROFILES[0]}× CPU)`);
row('', ['12 cards', '10,000 cards', 'ratio']);
row('swipe: main-thread task (ms)', [cell(s12), cell(s10k), ratio(s10k.median, s12.median)]);
row('DOM elements', [result.scale[12].nodes, result.scale[10000].nodes, ratio(result.scale[10000].nodes, result.scale[12].nodes)]);
console.log(`\nraw figures: ${join(OUT, 'latest.json')}`);
