// Never blank: the card at rest painted by the shim without the module (www/host/still.js), at
// wake before the module has loaded, when the module fails to load, and in a WebView without
// WebAssembly; and the renderer's card at rest against the painted one, box by box.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { openPage, touchDrag, useBrowser, waitInView } from './support.mjs';

const env = useBrowser();
const SKINS = ['generic', 'samsung-oneui', 'xiaomi-hyperos', 'vivo-originos', 'oppo-coloros'];

/** Every block of the card `id` in the element matching `within`: its kind and box. */
async function boxes(page, within, id) {
  return page.evaluate(({ within, id }) => {
    const card = document.querySelector(`${within} [data-card-id="${id}"]`);
    if (!card) return null;
    const box = (e) => { const r = e.getBoundingClientRect(); return [r.x, r.y, r.width, r.height]; };
    return {
      card: box(card),
      scrim: box(card.querySelector('.glance-scrim')),
      blocks: [...card.querySelectorAll('.glance-block')].map((b) => [b.dataset.block, ...box(b)]),
      lines: [...card.querySelectorAll('.glance-line')].map((l) => l.textContent),
      // The like and share icons: the same drawing, in the same place.
      icons: [...card.querySelectorAll('.glance-action')].map((b) => [b.dataset.action, b.querySelector('svg path')?.getAttribute('d') ?? null, ...box(b.querySelector('svg') ?? b)]),
    };
  }, { within, id });
}

/**
 * Opens the preview at `url` and waits until the renderer has stored card `id` at rest: the
 * first card, or with `next` the one after it (one press of the preview's Next).
 */
async function openWithStored(url, { next = false } = {}) {
  const opened = await openPage(env.browser, url);
  const id = next ? 'monsoon-mumbai-en' : 'ipl-2026-final-live';
  await waitInView(opened.page, 'ipl-2026-final-live');
  if (next) {
    await opened.page.click('#next');
    await waitInView(opened.page, id);
  }
  await opened.page.waitForFunction((id) => JSON.parse(localStorage.getItem('glance:card') ?? 'null')?.cards?.[0]?.id === id, id);
  return opened;
}

/** Holds every `.wasm` request until `release()` is called. */
async function holdModule(context) {
  let release = () => {};
  const held = new Promise((resolve) => { release = resolve; });
  await context.route('**/*.wasm', async (route) => {
    await held;
    await route.continue().catch(() => {});
  });
  return () => release();
}

/** What the first animation frame after the navigation shows, recorded by the page itself. */
async function recordFirstFrame(context) {
  await context.addInitScript(() => {
    requestAnimationFrame(() => {
      const still = document.querySelector('[data-glance-still]');
      const card = still?.querySelector('[data-card-id]:not([hidden])');
      const title = card?.querySelector('.glance-title');
      const r = title?.getBoundingClientRect();
      window.__firstFrame = {
        id: card?.getAttribute('data-card-id') ?? null,
        title: title?.textContent ?? null,
        titleShows: !!r && r.width > 0 && r.height > 0 && getComputedStyle(title).visibility === 'visible',
        moduleLoaded: performance.getEntriesByType('resource').some((e) => e.name.endsWith('.wasm') && e.responseEnd > 0),
      };
    });
  });
}

test('with a stored card, the first frame shows it before the module has loaded, and the renderer takes over on it without a jump', async () => {
  const { page, context, problems } = await openWithStored(env.base, { next: true });
  const renderer = await boxes(page, '.glance-viewport:not([data-glance-still])', 'monsoon-mumbai-en');

  const release = await holdModule(context);
  await recordFirstFrame(context);
  await page.reload();
  await page.waitForFunction(() => window.__firstFrame);
  const first = await page.evaluate(() => window.__firstFrame);
  assert.deepEqual(first, {
    id: 'monsoon-mumbai-en',
    title: 'Monsoon returns to Mumbai with a week of heavy showers forecast',
    titleShows: true,
    moduleLoaded: false,
  });
  assert.deepEqual(await boxes(page, '[data-glance-still]', 'monsoon-mumbai-en'), renderer, 'painted where the renderer put it');

  // The module comes: the renderer opens on the same card, in the same place, and the painted
  // card goes.
  release();
  await page.waitForFunction(() => !document.querySelector('[data-glance-still]'));
  await waitInView(page, 'monsoon-mumbai-en');
  assert.deepEqual(await boxes(page, '.glance-viewport', 'monsoon-mumbai-en'), renderer);
  assert.deepEqual(problems, []);
  await context.close();
});

test('with a stored card, the module starts its work on the main thread only after the frame that shows the card', async () => {
  const { page, context, problems } = await openWithStored(env.base);
  // When the module is compiled (streaming or not) against when the first frame ran.
  await context.addInitScript(() => {
    window.__times = {};
    for (const name of ['compileStreaming', 'compile', 'instantiate', 'instantiateStreaming']) {
      const original = WebAssembly[name];
      WebAssembly[name] = function (...args) {
        window.__times.module ??= performance.now();
        return original.apply(this, args);
      };
    }
    requestAnimationFrame(() => {
      window.__times.frame = performance.now();
      window.__times.painted = !!document.querySelector('[data-glance-still] [data-card-id="ipl-2026-final-live"]');
    });
  });
  // On a slow phone, where painting the card takes longest.
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 6 });
  await page.reload();
  await waitInView(page, 'ipl-2026-final-live');
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  const times = await page.evaluate(() => window.__times);
  assert.equal(times.painted, true, 'the stored card is in the first frame');
  assert.ok(times.module > times.frame, `module compiled at ${times.module} ms, first frame at ${times.frame} ms`);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a card stored for another screen size is not painted (a rotation, a folded phone)', async () => {
  const { page, context, problems } = await openWithStored(env.base);
  // As if it had been laid out on a 360 px wide screen.
  await page.evaluate(() => {
    const still = JSON.parse(localStorage.getItem('glance:card'));
    still.width = 360;
    localStorage.setItem('glance:card', JSON.stringify(still));
  });
  const release = await holdModule(context);
  await recordFirstFrame(context);
  await page.reload();
  await page.waitForFunction(() => window.__firstFrame);
  assert.equal((await page.evaluate(() => window.__firstFrame)).id, null, 'nothing painted');
  release();
  await waitInView(page, 'ipl-2026-final-live');
  assert.deepEqual(problems, []);
  await context.close();
});

test('the painted card and the renderer\'s card at rest match within 1 px on every skin', async () => {
  for (const skin of SKINS) {
    const { page, context, problems } = await openWithStored(`${env.base}?skin=${skin}`, { next: true });
    // The renderer's pose settles, the contrast sample is taken: what is stored now is final.
    await page.waitForTimeout(300);
    const renderer = await boxes(page, '.glance-viewport:not([data-glance-still])', 'monsoon-mumbai-en');
    const release = await holdModule(context);
    await page.reload();
    await page.waitForSelector('[data-glance-still] [data-card-id="monsoon-mumbai-en"]');
    const still = await boxes(page, '[data-glance-still]', 'monsoon-mumbai-en');
    assert.deepEqual(still.lines, renderer.lines, `${skin}: the same lines`);
    assert.equal(still.blocks.length, renderer.blocks.length, `${skin}: the same blocks`);
    assert.deepEqual(still.icons.map((i) => i.slice(0, 2)), renderer.icons.map((i) => i.slice(0, 2)), `${skin}: the same icons`);
    assert.deepEqual(renderer.icons.map((i) => i[0]), ['like', 'share'], `${skin}: a like and a share button`);
    assert.ok(renderer.icons.every((i) => i[1]?.startsWith('M')), `${skin}: each drawn`);
    for (const [name, a, b] of [['card', still.card, renderer.card], ['scrim', still.scrim, renderer.scrim],
      ...still.blocks.map((s, i) => [s[0], s.slice(1), renderer.blocks[i].slice(1)]),
      ...still.icons.map((s, i) => [`${s[0]} icon`, s.slice(2), renderer.icons[i].slice(2)])]) {
      for (let k = 0; k < 4; k++) {
        assert.ok(Math.abs(a[k] - b[k]) <= 1, `${skin} ${name}: ${a} against the renderer's ${b}`);
      }
    }
    release();
    assert.deepEqual(problems, []);
    await context.close();
  }
});

/**
 * A fake WebView with a JS interface that supplies the sample feed, grants the unlock and
 * records what it is asked; nothing stored before. `setUp` breaks the module first.
 */
async function openBroken(setUp) {
  const sample = await readFile(new URL('../../www/feeds/sample.json', import.meta.url), 'utf8');
  const context = await env.browser.newContext({ viewport: { width: 1100, height: 1000 }, hasTouch: true });
  await setUp(context);
  await context.addInitScript(({ feed }) => {
    const calls = [];
    window.__native = calls;
    window.GlanceAndroid = {
      deviceInfo: () => JSON.stringify({ locale: 'en-IN', reducedMotion: false }),
      feed: () => feed,
      openUrl: (url) => { calls.push(`openUrl ${url}`); },
      like: (id) => { calls.push(`like ${id}`); },
      share: (id) => { calls.push(`share ${id}`); },
      track: (json) => { window.__tracked = [...(window.__tracked ?? []), ...JSON.parse(json)]; return JSON.stringify({ acked: JSON.parse(json).map((e) => e.seq) }); },
      requestUnlock: (id) => {
        calls.push('requestUnlock');
        setTimeout(() => window.glanceHostReceive(JSON.stringify({ type: 'reply', id: Number(id), result: 'true' })), 50);
      },
    };
  }, { feed: sample });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  await page.goto(env.base);
  return { page, context, problems };
}

/** The painted card in view. */
const shown = (page) => page.evaluate(() => document.querySelector('[data-glance-still] [data-card-id]:not([hidden])')?.getAttribute('data-card-id'));

async function navigableAndGated(page) {
  await page.waitForSelector('[data-glance-still] [data-card-id="ipl-2026-final-live"] .glance-title');
  const title = await page.locator('[data-glance-still] [data-card-id="ipl-2026-final-live"] .glance-title').innerText();
  assert.ok(title.length > 10, 'the headline shows');
  const box = await page.locator('#lock-screen').boundingBox();
  // A tap on the right goes forward; a swipe to the left too; a tap on the left goes back.
  await page.touchscreen.tap(box.x + box.width * 0.8, box.y + box.height * 0.4);
  assert.equal(await shown(page), 'monsoon-mumbai-en');
  await touchDrag(page, { x: box.x + box.width * 0.8, y: box.y + 400 }, { x: box.x + box.width * 0.2, y: box.y + 400 });
  assert.equal(await shown(page), 'trailer-ta-video');
  await page.touchscreen.tap(box.x + box.width * 0.1, box.y + box.height * 0.4);
  await page.touchscreen.tap(box.x + box.width * 0.1, box.y + box.height * 0.4);
  assert.equal(await shown(page), 'ipl-2026-final-live');
  // The call to action unlocks before it opens.
  await page.click('[data-glance-still] [data-card-id="ipl-2026-final-live"] .glance-cta');
  await page.waitForFunction(() => window.__native.some((c) => c.startsWith('openUrl')));
  assert.deepEqual(await page.evaluate(() => window.__native), ['requestUnlock', 'openUrl https://example.com/score']);
  // What the viewer did waits in the stored outbox, in the renderer's form.
  const queued = await page.evaluate(() => localStorage.getItem('glance:outbox'));
  const lines = queued.trim().split('\n').map((l) => JSON.parse(l));
  assert.equal(lines[0].outbox, 2);
  assert.deepEqual(lines.slice(1).map((e) => [e.seq, e.type, e.card_id, e.to ?? null]), [
    [1, 'swipe', 'ipl-2026-final-live', 'monsoon-mumbai-en'],
    [2, 'swipe', 'monsoon-mumbai-en', 'trailer-ta-video'],
    [3, 'swipe', 'trailer-ta-video', 'monsoon-mumbai-en'],
    [4, 'swipe', 'monsoon-mumbai-en', 'ipl-2026-final-live'],
    [5, 'open', 'ipl-2026-final-live', null],
  ]);
  return lines.slice(1);
}

test('the module answering 404: the host\'s feed painted with text, navigable, the call to action still behind the unlock, the events kept for the renderer', async () => {
  const { page, context, problems } = await openBroken((c) => c.route('**/*.wasm', (route) => route.fulfill({ status: 404, body: 'gone' })));
  const queued = await navigableAndGated(page);
  // The module comes back: the events queued without it are sent with their seq numbers.
  await context.unroute('**/*.wasm');
  await page.reload();
  await page.waitForFunction(() => !document.querySelector('[data-glance-still]') && document.querySelector('.glance-viewport [data-card-id]'));
  await page.evaluate(() => { document.dispatchEvent(new Event('visibilitychange')); });
  await page.waitForFunction((n) => (window.__tracked ?? []).length >= n, queued.length, { timeout: 10000 });
  const sent = await page.evaluate(() => window.__tracked);
  assert.deepEqual(sent.slice(0, queued.length).map((e) => [e.seq, e.type, e.card_id]), queued.map((e) => [e.seq, e.type, e.card_id]));
  assert.deepEqual(problems.filter((p) => !/404|gone|Failed to load/.test(p)), []);
  await context.close();
});

test('a WebView without WebAssembly: the host\'s feed painted with text, navigable, the call to action still behind the unlock; no .wasm fetched', async () => {
  const fetched = [];
  const { page, context, problems } = await openBroken(async (c) => {
    c.on('request', (r) => r.url().endsWith('.wasm') && fetched.push(r.url()));
    await c.addInitScript(() => { delete globalThis.WebAssembly; });
  });
  await navigableAndGated(page);
  assert.deepEqual(problems, []);
  await context.close();
  // The page's own <link rel=preload> may ask for it; the shim never compiles it.
  assert.ok(fetched.length <= 1);
});
