// End to end: the preview page served as `npm start` serves it, in Debian's headless Chromium,
// driven like a person would: look at the first card, swipe with a finger and a mouse, read the
// report of a broken feed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, openPage, touchDrag, waitInView, axeCheck } from './support.mjs';

const env = useBrowser();

/** The preview page at `path` (see openPage). */
async function open(path = '', options = {}) {
  return openPage(env.browser, env.base + path, options);
}

/** The preview's log of host actions, oldest first, without the time of day. */
async function hostLog(page) {
  const newestFirst = await page.$$eval('#log li', (items) => items.map((i) => i.textContent.replace(/^\S+\s(?:[AP]M\s)?/, '')));
  return newestFirst.reverse();
}

async function inViewIds(page) {
  return page.$$eval('[data-card-id]', (cards) => cards.filter((c) => !c.inert).map((c) => c.dataset.cardId));
}

test('the first sample card is on screen with its title, and a finger swipe brings the next', async () => {
  const { page, context, problems } = await open();
  await waitInView(page, 'ipl-2026-final-live');
  const title = page.locator('[data-card-id="ipl-2026-final-live"] .glance-title');
  await assert.doesNotReject(title.waitFor({ state: 'visible' }));
  assert.equal(await title.textContent(), 'फाइनल: मुंबई को जीत के लिए 12 गेंदों में 18 रन चाहिए');
  assert.equal(await page.textContent('#report-summary'), '14 cards shown · 1 outside their start/expiry window');

  const box = await page.locator('#lock-screen').boundingBox();
  const y = box.y + box.height * 0.5;
  await touchDrag(page, { x: box.x + box.width * 0.85, y }, { x: box.x + box.width * 0.25, y });
  await waitInView(page, 'monsoon-mumbai-en');
  assert.deepEqual(await inViewIds(page), ['monsoon-mumbai-en']);
  assert.equal(await page.textContent('#position'), '2 / 14');

  // A mouse drag to the right goes back.
  await page.mouse.move(box.x + box.width * 0.2, y);
  await page.mouse.down();
  for (let i = 1; i <= 10; i++) await page.mouse.move(box.x + box.width * (0.2 + 0.06 * i), y + i);
  await page.mouse.up();
  await waitInView(page, 'ipl-2026-final-live');

  // The keyguard's swipe-up is not navigation.
  await touchDrag(page, { x: box.x + box.width * 0.5, y: box.y + box.height * 0.8 }, { x: box.x + box.width * 0.55, y: box.y + box.height * 0.3 });
  await page.waitForTimeout(400);
  assert.deepEqual(await inViewIds(page), ['ipl-2026-final-live']);

  // Arrow keys and the page's buttons.
  await page.keyboard.press('ArrowRight');
  await waitInView(page, 'monsoon-mumbai-en');
  await page.click('#next');
  await waitInView(page, 'trailer-ta-video');

  const cardsInDom = await page.$$eval('[data-card-id]', (c) => c.length);
  assert.ok(cardsInDom <= 3, `only a small window is in the DOM (${cardsInDom})`);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a call to action unlocks, then opens its URL through the host', async () => {
  const { page, context, problems } = await open();
  await waitInView(page, 'ipl-2026-final-live');
  await page.click('[data-card-id="ipl-2026-final-live"] .glance-cta');
  await page.waitForFunction(() => document.querySelectorAll('#log li').length >= 2);
  assert.deepEqual(await hostLog(page), ['unlock: the preview has no keyguard: treated as unlocked', 'open: https://example.com/score']);
  assert.deepEqual(await inViewIds(page), ['ipl-2026-final-live'], 'pressing the button is not a tap-to-navigate');
  assert.deepEqual(problems, []);
  await context.close();
});

test('like and share reach the host once per press, show they are pressed, and a like stays', async () => {
  const { page, context, problems } = await open();
  await waitInView(page, 'ipl-2026-final-live');
  const like = '[data-card-id="ipl-2026-final-live"] [data-action="like"]';
  const share = '[data-card-id="ipl-2026-final-live"] [data-action="share"]';
  assert.equal(await page.getAttribute(like, 'aria-label'), 'पसंद करें', "labelled in the card's language");
  assert.equal(await page.getAttribute(like, 'aria-pressed'), 'false');

  // Held down, the button shows it is pressed; let go, it goes to the host.
  const box = await page.locator(share).boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  const rest = await page.$eval(share, (b) => getComputedStyle(b).transform);
  await page.mouse.down();
  await page.waitForTimeout(200);
  const held = await page.$eval(share, (b) => getComputedStyle(b).transform);
  await page.mouse.up();
  assert.equal(rest, 'none');
  assert.match(held, /^matrix\(0\.8/, 'shrunk while pressed');
  // A double tap right after is one impatient finger, not two more share sheets.
  await page.dblclick(share);
  await page.waitForTimeout(1100);
  await page.click(share);
  // Like: once, and it stays pressed.
  await page.click(like);
  await page.click(like);
  await page.waitForTimeout(100);
  assert.deepEqual(await hostLog(page), ['share: ipl-2026-final-live', 'share: ipl-2026-final-live', 'like: ipl-2026-final-live']);
  assert.equal(await page.getAttribute(like, 'aria-pressed'), 'true');
  assert.deepEqual(await inViewIds(page), ['ipl-2026-final-live'], 'pressing a button is not a tap-to-navigate');
  // Built again after it left the DOM, the card still shows the like.
  await page.evaluate(() => window.glance.renderer.goTo(5));
  await page.waitForFunction(() => !document.querySelector('[data-card-id="ipl-2026-final-live"]'));
  await page.evaluate(() => window.glance.renderer.goTo(0));
  await waitInView(page, 'ipl-2026-final-live');
  assert.equal(await page.getAttribute(like, 'aria-pressed'), 'true');
  assert.deepEqual(problems, []);
  await context.close();
});

test('a feed with broken cards shows the good ones and lists each bad one', async () => {
  const { page, context, problems } = await open('?feed=feeds/broken.json');
  await waitInView(page, 'good-news');
  await page.waitForSelector('#report-table:not([hidden])');
  const rows = await page.$$eval('#report-table tbody tr', (trs) => trs.map((tr) => [...tr.cells].map((c) => c.textContent)));
  assert.deepEqual(rows, [
    ['1', 'phishing-link', 'cta.url', 'uses the scheme "javascript:"; allowed: "https:" or a deep-link scheme of the skin'],
    ['2', 'podcast-1', 'kind', 'must be one of image, video, news, sports, sponsored; found "podcast"'],
    ['4', '—', 'id', 'is missing'],
    ['5', 'insecure-media', 'media.src', 'uses the scheme "http:"; allowed: "https:" or a relative path'],
    ['6', 'good-news', 'id', 'duplicates the id of card 0'],
  ]);
  assert.equal(await page.textContent('#report-summary'), '3 cards shown · 5 rejected');

  // HTML in a title is text: no element was created from it.
  await page.keyboard.press('ArrowRight');
  await waitInView(page, 'html-title');
  const card = page.locator('[data-card-id="html-title"]');
  assert.equal(await card.locator('.glance-title').textContent(), '<b>HTML in a title</b> is shown as text <img src=x onerror=alert(1)>');
  assert.equal(await card.locator('.glance-title b, .glance-title img').count(), 0);

  // A picture that fails keeps the card's colour and text, and is reported once.
  await page.keyboard.press('ArrowRight');
  await waitInView(page, 'missing-image');
  await page.waitForSelector('[data-card-id="missing-image"] .glance-media--failed');
  await page.waitForFunction(() => [...document.querySelectorAll('#log li')].some((li) => li.textContent.includes('media error')));
  assert.deepEqual(problems, []);
  await context.close();
});

test('switching skin re-lays out live, keeping the card in view', async () => {
  const { page, context, problems } = await open();
  await waitInView(page, 'ipl-2026-final-live');
  await page.keyboard.press('ArrowRight');
  await waitInView(page, 'monsoon-mumbai-en');
  const layout = () =>
    page.evaluate(() => {
      const screen = document.getElementById('lock-screen').getBoundingClientRect();
      const card = document.querySelector('[data-card-id="monsoon-mumbai-en"]');
      const blocks = [...card.querySelectorAll('.glance-block')].map((b) => b.getBoundingClientRect());
      const body = { top: Math.min(...blocks.map((b) => b.top)), bottom: Math.max(...blocks.map((b) => b.bottom)) };
      const clock = document.querySelector('.lock-chrome__clock').getBoundingClientRect();
      return {
        bodyTop: body.top - screen.top,
        bodyBottom: screen.bottom - body.bottom,
        clockBottom: clock.bottom - screen.top,
        accent: getComputedStyle(document.getElementById('lock-screen')).getPropertyValue('--glance-accent').trim(),
      };
    });
  const generic = await layout();
  assert.equal(generic.accent, '#4f8cff');
  for (const [skin, accent, bottom] of [['xiaomi-hyperos', '#ff6900', 96], ['vivo-originos', '#415fff', 112], ['oppo-coloros', '#00a870', 128]]) {
    await page.selectOption('#skin-select', skin);
    await waitInView(page, 'monsoon-mumbai-en');
    const now = await layout();
    assert.equal(now.accent, accent, skin);
    assert.ok(now.bodyBottom >= bottom, `${skin}: text stays above the bottom area (${now.bodyBottom} px)`);
    assert.ok(now.bodyTop >= now.clockBottom, `${skin}: text stays below the clock (${now.bodyTop} < ${now.clockBottom})`);
  }
  assert.match(page.url(), /skin=oppo-coloros/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('?motion=reduce: cards cross-fade into place instead of sliding', async () => {
  const { page, context, problems } = await open('?motion=reduce');
  await waitInView(page, 'ipl-2026-final-live');
  assert.equal(await page.isVisible('#motion-note'), true);
  // What runs is read in the first frame after the key, in the page: the test's own round
  // trips may take longer than the 200 ms fade on a loaded machine.
  await page.evaluate(() => {
    addEventListener('keydown', () => requestAnimationFrame(() => {
      window.__fade = document.getAnimations().map((a) => ({
        card: a.effect.target.dataset.cardId,
        properties: a.effect.getKeyframes().flatMap((k) => Object.keys(k))
          .filter((p) => !['offset', 'easing', 'composite', 'computedOffset'].includes(p)).sort(),
        duration: a.effect.getTiming().duration,
      }));
    }), { once: true });
  });
  await page.keyboard.press('ArrowRight');
  // In place within the same task: no frame of motion is drawn.
  const left = await page.evaluate(() => {
    const card = document.querySelector('[data-card-id="monsoon-mumbai-en"]');
    return card.getBoundingClientRect().left - document.getElementById('lock-screen').getBoundingClientRect().left;
  });
  assert.equal(left, 0);
  assert.deepEqual(await inViewIds(page), ['monsoon-mumbai-en']);
  // The only motion is a short cross-fade of the two cards: opacity in, position held.
  await page.waitForFunction(() => window.__fade !== undefined, null, { polling: 50 });
  const running = await page.evaluate(() => window.__fade);
  assert.deepEqual(running, [
    { card: 'ipl-2026-final-live', properties: ['transform', 'transform'], duration: 200 },
    { card: 'monsoon-mumbai-en', properties: ['opacity', 'opacity', 'zIndex', 'zIndex'], duration: 200 },
  ]);
  await page.waitForTimeout(300);
  assert.equal(await page.evaluate(() => document.getAnimations().length), 0, 'nothing moves after the fade');
  assert.deepEqual(problems, []);
  await context.close();
});

test('a feed that cannot be used keeps the page alive and says why', async () => {
  const { page, context, problems } = await open('?feed=feeds/no-such-feed.json');
  await page.waitForSelector('#report-summary[data-state="error"]');
  assert.match(await page.textContent('#report-summary'), /feeds\/no-such-feed\.json: HTTP 404/);
  assert.deepEqual(problems.filter((p) => !p.includes('404')), []);
  await context.close();
});

test('Ken Burns runs on the compositor while a picture card is in view, and a hold pauses it', async () => {
  const { page, context, problems } = await open();
  await waitInView(page, 'ipl-2026-final-live');
  const kenBurns = () => page.evaluate(() => {
    const img = document.querySelector('[data-card-id="ipl-2026-final-live"] img.glance-media__item');
    return img.getAnimations().map((a) => ({ state: a.playState, properties: Object.keys(a.effect.getKeyframes()[0]).filter((k) => !['offset', 'easing', 'composite', 'computedOffset'].includes(k)) }));
  });
  await page.waitForFunction(() => document.querySelector('[data-card-id="ipl-2026-final-live"] img.glance-media__item').getAnimations().length === 1);
  assert.deepEqual(await kenBurns(), [{ state: 'running', properties: ['transform'] }]);
  // A finger held on the card for more than 500 ms pauses it; lifting resumes, on the same card.
  const box = await page.locator('#lock-screen').boundingBox();
  const cdp = await context.newCDPSession(page);
  const at = [{ x: box.x + box.width / 2, y: box.y + box.height / 2, id: 1 }];
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: at });
  await page.waitForTimeout(700);
  assert.deepEqual(await kenBurns(), [{ state: 'paused', properties: ['transform'] }]);
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await page.waitForTimeout(100);
  assert.deepEqual(await kenBurns(), [{ state: 'running', properties: ['transform'] }]);
  assert.deepEqual(await inViewIds(page), ['ipl-2026-final-live'], 'a hold is not a tap');
  // Another card in view: the move stops on the card that left.
  // A new layout (here the font scale) builds the card again: its move starts again.
  await page.evaluate(() => { window.glance.renderer.fontScale = 1.3; });
  await page.waitForFunction(() => document.querySelector('[data-card-id="ipl-2026-final-live"] img.glance-media__item').getAnimations().length === 1);
  assert.deepEqual(await kenBurns(), [{ state: 'running', properties: ['transform'] }]);
  await page.keyboard.press('ArrowRight');
  await waitInView(page, 'monsoon-mumbai-en');
  assert.deepEqual(await kenBurns(), []);
  assert.deepEqual(problems, []);
  await context.close();
});

test("the phone's savers: data saver keeps a clip to its poster, battery saver stills the picture, both live", async () => {
  const { page, context, problems } = await open('?saver=data,battery');
  await waitInView(page, 'ipl-2026-final-live');
  const drifting = () => page.$eval('[data-card-id="ipl-2026-final-live"] img.glance-media__item', (img) => img.getAnimations().length);
  await page.waitForTimeout(500);
  assert.equal(await drifting(), 0, 'no Ken Burns under the battery saver');
  await page.evaluate(() => window.glance.renderer.goTo(2));
  await waitInView(page, 'trailer-ta-video');
  await page.waitForTimeout(700);
  const clip = () => page.$eval('[data-card-id="trailer-ta-video"] video', (v) => ({
    preload: v.getAttribute('preload'),
    paused: v.paused,
    poster: v.getAttribute('poster'),
    fetched: performance.getEntriesByType('resource').some((e) => e.name.includes('clip.webm')),
  }));
  assert.deepEqual(await clip(), { preload: 'none', paused: true, poster: 'media/clip-poster.jpg', fetched: false });
  // The host turns the data saver off: the clip is fetched ahead again but still does not
  // play while the battery saver is on; with both off it plays.
  await page.evaluate(() => { window.glance.renderer.dataSaver = false; });
  assert.equal((await clip()).preload, 'metadata');
  await page.waitForTimeout(300);
  assert.equal((await clip()).paused, true);
  await page.evaluate(() => { window.glance.renderer.batterySaver = false; });
  await page.waitForFunction(() => !document.querySelector('[data-card-id="trailer-ta-video"] video').paused);
  await page.evaluate(() => window.glance.renderer.goTo(0));
  await waitInView(page, 'ipl-2026-final-live');
  await page.waitForFunction(() => document.querySelector('[data-card-id="ipl-2026-final-live"] img.glance-media__item').getAnimations().length === 1);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a clip that ends moves the deck on (the skin auto-advances)', async () => {
  const { page, context, problems } = await open();
  await waitInView(page, 'ipl-2026-final-live');
  await page.focus('.glance-viewport');
  await page.keyboard.press('ArrowRight');
  await waitInView(page, 'monsoon-mumbai-en');
  await page.keyboard.press('ArrowRight');
  await waitInView(page, 'trailer-ta-video');
  const clip = await page.evaluate(() => {
    const v = document.querySelector('[data-card-id="trailer-ta-video"] video');
    return { loop: v.loop, muted: v.muted };
  });
  assert.deepEqual(clip, { loop: false, muted: true }, 'the end of the clip is the end of the card');
  // The 4 s clip plays to its end, then the next card comes.
  await page.waitForFunction(() => !document.querySelector('[data-card-id="trailer-ta-video"] video').paused, null, { timeout: 3000 });
  const next = await page.evaluate(() => {
    const cards = [...document.querySelectorAll('[data-card-id]')].map((c) => c.dataset.cardId);
    return cards[cards.indexOf('trailer-ta-video') + 1];
  });
  await waitInView(page, next, 8000);
  assert.deepEqual(problems, []);
  await context.close();
});

/**
 * The page as a phone's WebView loads it: a fake `addJavascriptInterface` object named
 * GlanceAndroid is injected before any script runs. It answers with strings, like Android's,
 * and grants or refuses the unlock a moment later through the page's `glanceHostReceive`.
 */
async function openWithNative(grant, setUp = async (/** @type {any} */ _context) => {}) {
  const { readFile } = await import('node:fs/promises');
  const sample = await readFile(new URL('../../www/feeds/sample.json', import.meta.url), 'utf8');
  const context = await env.browser.newContext({ viewport: { width: 1100, height: 1000 }, hasTouch: true });
  await setUp(context);
  await context.addInitScript(({ feed, grant }) => {
    const calls = [];
    window.__native = calls;
    window.GlanceAndroid = {
      deviceInfo: () => JSON.stringify({ locale: 'hi-IN', reducedMotion: false }),
      // No feed at all when the test says the phone is offline.
      feed: () => { calls.push('feed'); return localStorage.getItem('test:offline') === 'yes' ? '' : feed; },
      openUrl: (url) => { calls.push(`openUrl ${url}`); },
      like: (id) => { calls.push(`like ${id}`); },
      // Stores the events it is given; acknowledges them unless the test says not to.
      track: (json) => {
        const events = JSON.parse(json);
        window.__tracked = [...(window.__tracked ?? []), ...events];
        // A test that wants the renderer to trap on the reply: its memory is overwritten now.
        if (window.__trapOnTrack) new Uint8Array(window.__trapOnTrack.buffer).fill(0xff);
        const ack = localStorage.getItem('test:ack') !== 'no';
        return JSON.stringify({ acked: ack ? events.map((e) => e.seq) : [] });
      },
      share: (id) => { calls.push(`share ${id}`); },
      requestUnlock: (id) => {
        calls.push('requestUnlock');
        setTimeout(() => window.glanceHostReceive(JSON.stringify({ type: 'reply', id: Number(id), result: String(grant) })), 50);
      },
    };
  }, { feed: sample, grant });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  await page.goto(env.base);
  return { page, context, problems };
}

test('inside a WebView with a JS interface: the native feed shows, an unlock gates the URL, like and share arrive', async () => {
  for (const grant of [true, false]) {
    const { page, context, problems } = await openWithNative(grant);
    await waitInView(page, 'ipl-2026-final-live');
    await page.click('[data-card-id="ipl-2026-final-live"] .glance-cta');
    await page.waitForFunction(() => window.__native.includes('requestUnlock'));
    await page.waitForTimeout(200);
    await page.click('[data-card-id="ipl-2026-final-live"] [data-action="like"]');
    await page.click('[data-card-id="ipl-2026-final-live"] [data-action="share"]');
    await page.waitForTimeout(100);
    const calls = await page.evaluate(() => window.__native);
    const buttons = ['like ipl-2026-final-live', 'share ipl-2026-final-live'];
    assert.deepEqual(calls, grant ? ['feed', 'requestUnlock', 'openUrl https://example.com/score', ...buttons] : ['feed', 'requestUnlock', ...buttons],
      grant ? 'opened after the unlock' : 'a refused unlock opens nothing');
    assert.deepEqual(problems, []);
    await context.close();
  }
});

test('inside a WebView, a score the host pushes changes the card in place', async () => {
  const { page, context, problems } = await openWithNative(true);
  await waitInView(page, 'ipl-2026-final-live');
  await page.evaluate(() => { window.__card = document.querySelector('[data-card-id="ipl-2026-final-live"]'); });
  const box = await page.locator('#lock-screen').boundingBox();
  await page.evaluate(async () => {
    const feed = JSON.parse(window.GlanceAndroid.feed());
    feed.cards[0].score.home.score = '178/6';
    window.glanceHostReceive(JSON.stringify({ type: 'feed', feed: JSON.stringify(feed) }));
  });
  const after = await page.evaluate(() => {
    const card = document.querySelector('[data-card-id="ipl-2026-final-live"]');
    return {
      same: card === window.__card,
      score: card.querySelector('.glance-score__value').textContent,
      left: card.getBoundingClientRect().left,
    };
  });
  assert.deepEqual(after, { same: true, score: '178/6', left: box.x });
  assert.deepEqual(problems, []);
  await context.close();
});

test('a trap of the Wasm module leaves the card on screen at once, and a new module comes back on it', async () => {
  const { page, context, problems } = await open();
  const wasmFetches = [];
  page.on('request', (r) => r.url().endsWith('.wasm') && wasmFetches.push(r.url()));
  await waitInView(page, 'ipl-2026-final-live');
  await page.click('#next');
  await waitInView(page, 'monsoon-mumbai-en');
  // The forced trap: the module's memory overwritten, as a wild write would leave it; the next
  // call into it (the renderer's touch listener, or a pending frame) traps. The test's own
  // error listener runs after the shim's, in the same task: what it sees is what the next
  // frame shows.
  const atNextFrame = await page.evaluate(async () => {
    const wasm = await (await import('/pkg/glance_renderer.js')).default();
    const screen = document.getElementById('lock-screen');
    const viewport = screen.querySelector('.glance-viewport');
    const seen = new Promise((resolve) => {
      addEventListener('error', function inspect(event) {
        if (!(event.error instanceof WebAssembly.RuntimeError)) return;
        removeEventListener('error', inspect);
        const fallback = screen.querySelector('[data-glance-fallback]');
        const card = fallback?.querySelector('[data-card-id]');
        const a = card?.getBoundingClientRect();
        const b = screen.getBoundingClientRect();
        const picture = card?.querySelector('img.glance-media__item');
        resolve({
          ids: [...(fallback?.querySelectorAll('[data-card-id]') ?? [])].map((c) => c.dataset.cardId),
          alignedWithScreen: !!a && Math.abs(a.left - b.left) < 1 && Math.abs(a.top - b.top) < 1 && Math.abs(a.width - b.width) < 1,
          title: card?.querySelector('.glance-title')?.textContent,
          pictureReady: !!picture && picture.complete && picture.naturalWidth > 0,
          viewports: screen.querySelectorAll('.glance-viewport').length,
          renderer: window.glance.renderer,
        });
      });
    });
    new Uint8Array(wasm.memory.buffer).fill(0xff);
    setTimeout(() => {
      viewport.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, pointerId: 1, isPrimary: true, clientX: 300, clientY: 400 }));
    });
    return seen;
  });
  assert.deepEqual(atNextFrame.ids, ['monsoon-mumbai-en'], 'the card in view, alone, frozen in place');
  assert.ok(atNextFrame.alignedWithScreen, 'at rest on the screen');
  assert.ok(atNextFrame.title, 'with its text');
  assert.ok(atNextFrame.pictureReady, 'and its picture');
  assert.equal(atNextFrame.viewports, 1, "the dead renderer's elements are gone");
  assert.equal(atNextFrame.renderer, null);

  // A new module, on the same card, without the copy, and it works.
  await page.waitForFunction(() => window.glance.renderer && !document.querySelector('[data-glance-fallback]'));
  await waitInView(page, 'monsoon-mumbai-en');
  assert.equal(await page.evaluate(() => window.glance.renderer.currentId), 'monsoon-mumbai-en');
  assert.match(await page.textContent('#log'), /renderer crashed: .*out of bounds.*trying again in 0 s/);
  await page.click('#next');
  await waitInView(page, 'trailer-ta-video');
  assert.equal(wasmFetches.length, 0, 'instantiated again from the compiled module, not fetched');
  // The trap itself; with its whole memory overwritten, each callback the dead module still
  // had pending (a frame, an observer, an idle tidy-up or look-ahead slice, a store) may trap
  // once more, and re-arms nothing. It has no effect on the new one, and it stops.
  await page.waitForTimeout(1000);
  const settled = problems.length;
  await page.waitForTimeout(1000);
  assert.equal(problems.length, settled, 'no more traps once the pending callbacks have run');
  assert.ok(problems.length >= 1 && problems.length <= 5, problems.join('\n'));
  for (const problem of problems) assert.match(problem, /pageerror: .*out of bounds/);
  await context.close();
});

/** Overwrites the module's memory, as a wild write would: the next call into it traps. */
async function breakTheModule(page) {
  await page.evaluate(async () => {
    const wasm = await (await import('/pkg/glance_renderer.js')).default();
    window.__before = window.glance.renderer;
    new Uint8Array(wasm.memory.buffer).fill(0xff);
  });
}

/**
 * A new renderer, not the one before the trap, showing card `id`; replaced within a second,
 * before any of the dead renderer's own timers (auto-advance, the outbox's batch) could have
 * trapped and given the supervisor the news instead.
 */
async function replacedOn(page, id) {
  await page.waitForFunction(() => window.glance.renderer && window.glance.renderer !== window.__before && !document.querySelector('[data-glance-fallback]'), null, { timeout: 1000 });
  await waitInView(page, id);
  assert.equal(await page.evaluate(() => window.glance.renderer.currentId), id);
}

test("a trap in a setting's setter is not taken for a refusal: the renderer is replaced on the same card", async () => {
  const { page, context, problems } = await open();
  await waitInView(page, 'ipl-2026-final-live');
  await page.click('#next');
  await waitInView(page, 'monsoon-mumbai-en');
  await breakTheModule(page);
  // The phone's settings change: the shim hands them to the renderer, whose setter traps.
  await page.evaluate(() => window.glance.host.updateDevice({ reducedMotion: true }));
  await replacedOn(page, 'monsoon-mumbai-en');
  assert.match(await page.textContent('#log'), /renderer crashed: /);
  for (const problem of problems) assert.match(problem, /pageerror: .*(out of bounds|unreachable)/);
  await context.close();
});

test('a trap on the host\'s reply to a batch (tracked) reaches the supervisor: the renderer is replaced on the same card', async () => {
  const { page, context } = await openWithNative(true);
  await waitInView(page, 'ipl-2026-final-live');
  await page.click('#next');
  await waitInView(page, 'monsoon-mumbai-en');
  await page.evaluate(async () => {
    const wasm = await (await import('/pkg/glance_renderer.js')).default();
    window.__before = window.glance.renderer;
    window.__trapOnTrack = wasm.memory;
  });
  // Screen off: the batch goes, the host stores it and replies, and the reply traps.
  await page.evaluate(() => window.glanceHostReceive(JSON.stringify({ type: 'screen', on: false })));
  await page.waitForFunction(() => (window.__tracked ?? []).length > 0);
  await page.evaluate(() => { window.__trapOnTrack = null; });
  // Nothing else calls into the module while the screen is off: only the reply can tell.
  await replacedOn(page, 'monsoon-mumbai-en');
  await context.close();
});

test('a WebView without WebAssembly is below the floor: the module is not fetched, and the page says why', async () => {
  const { page, context, problems } = await open('', {
    setUp: async (ctx) => ctx.addInitScript(() => { delete globalThis.WebAssembly; }),
  });
  const fetched = [];
  page.on('request', (r) => /\.wasm$/.test(r.url()) && fetched.push(r.url()));
  await page.waitForFunction(() => /below the WebAssembly floor/.test(document.getElementById('log').textContent));
  assert.match(await page.textContent('#report-summary'), /has no WebAssembly \(the floor is Chrome 96\)/);
  assert.deepEqual(fetched, [], 'nothing fetched that cannot run');
  assert.deepEqual(problems, []);
  await context.close();
});

test('a module that does not load is tried again, and the lock screen comes up when it does', async () => {
  let blocked = true;
  const { page, context, problems } = await open('', {
    allow: /glance_renderer_bg\.wasm|Failed to load resource/,
    setUp: (c) => c.route('**/glance_renderer_bg.wasm', (route) => (blocked ? route.abort('failed') : route.continue())),
  });
  await page.waitForFunction(() => /could not load .*trying again in [15] s/.test(document.getElementById('report-summary').textContent));
  // Meanwhile the shim paints the feed's cards itself (issue 18: the screen is never blank;
  // this assertion was "no card at all" before).
  await page.waitForSelector('[data-glance-still] [data-card-id="ipl-2026-final-live"] .glance-title');
  blocked = false;
  await page.waitForFunction(() => !document.querySelector('[data-glance-still]'), null, { timeout: 8000 });
  await waitInView(page, 'ipl-2026-final-live', 8000);
  assert.match(await page.textContent('#report-summary'), /14 cards shown/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('inside a WebView, analytics reach the host, and events it did not acknowledge are sent again after a reload', async () => {
  const { page, context, problems } = await openWithNative(true);
  await page.evaluate(() => localStorage.setItem('test:ack', 'no'));
  await waitInView(page, 'ipl-2026-final-live');
  await page.waitForTimeout(1200); // an impression
  await page.click('#next');
  await waitInView(page, 'monsoon-mumbai-en');
  // The screen goes off: the view ends and everything waiting goes at once.
  await page.evaluate(() => window.glanceHostReceive(JSON.stringify({ type: 'screen', on: false })));
  await page.waitForFunction(() => (window.__tracked ?? []).length >= 3);
  const first = await page.evaluate(() => window.__tracked);
  assert.deepEqual(first.map((e) => [e.seq, e.type, e.card_id]), [
    [1, 'impression', 'ipl-2026-final-live'],
    [2, 'dwell', 'ipl-2026-final-live'],
    [3, 'swipe', 'ipl-2026-final-live'],
  ]);
  assert.equal(first[2].to, 'monsoon-mumbai-en');
  assert.ok(first[1].ms >= 1200, `dwell ${first[1].ms} ms`);
  // Not acknowledged: after a reload (the renderer gone), the same events go again, and
  // numbering goes on after them. The page opens on the card last at rest, the one the shim
  // painted from storage before the module came (issue 18).
  await page.evaluate(() => localStorage.setItem('test:ack', 'yes'));
  await page.waitForFunction(() => JSON.parse(localStorage.getItem('glance:card') ?? 'null')?.cards?.[0]?.id === 'monsoon-mumbai-en');
  await page.reload();
  await waitInView(page, 'monsoon-mumbai-en');
  await page.waitForFunction(() => !document.querySelector('[data-glance-still]'));
  await page.click('[data-card-id="monsoon-mumbai-en"] [data-action="like"]');
  await page.evaluate(() => window.glanceHostReceive(JSON.stringify({ type: 'screen', on: false })));
  await page.waitForFunction(() => (window.__tracked ?? []).some((e) => e.type === 'like'));
  const again = await page.evaluate(() => window.__tracked);
  assert.deepEqual(again.slice(0, 3), first, 'the same events, with the same seq');
  assert.deepEqual([again[3].seq, again[3].type], [4, 'like']);
  // Acknowledged now: nothing is kept (stored in the next idle moment).
  await page.waitForFunction(() => localStorage.getItem('glance:outbox').trim().split('\n').length === 1);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a stored outbox cut in half by a crash still delivers the events before the cut, with their seqs', async () => {
  const { page, context, problems } = await openWithNative(true);
  await page.evaluate(() => localStorage.setItem('test:ack', 'no'));
  await waitInView(page, 'ipl-2026-final-live');
  await page.evaluate(() => { window.glance.renderer.autoAdvance = false; });
  for (let i = 1; i <= 6; i++) {
    await page.click('#next');
    await page.waitForFunction((n) => window.glance.renderer.index === n, i);
    await page.waitForTimeout(450); // landed: the swipe is recorded at rest
  }
  // Screen off: everything waiting goes (unacknowledged) and the outbox is stored at once.
  await page.evaluate(() => window.glanceHostReceive(JSON.stringify({ type: 'screen', on: false })));
  await page.waitForFunction(() => (localStorage.getItem('glance:outbox') ?? '').trim().split('\n').length > 6);
  const stored = await page.evaluate(() => localStorage.getItem('glance:outbox'));
  const events = stored.trim().split('\n').slice(1).map((line) => JSON.parse(line));
  assert.ok(events.length >= 4, `${events.length} events stored`);
  // Storage died half way through writing it: in the middle of the event line that spans the
  // text's middle (a cut that happens to fall between two lines would lose nothing).
  const lines = stored.split('\n');
  const whole = Math.floor(events.length / 2); // event lines complete before the cut
  const cut = [...lines.slice(0, 1 + whole), lines[1 + whole].slice(0, Math.floor(lines[1 + whole].length / 2))].join('\n');
  assert.ok(whole >= 2, `${whole} whole events before the cut`);
  await context.close();
  // A phone started again after the crash, with that text in its storage (a new page, so no
  // renderer of the first one can write over it).
  const next = await openWithNative(true, (ctx) => ctx.addInitScript((text) => {
    localStorage.setItem('glance:outbox', text);
    localStorage.setItem('test:ack', 'yes');
  }, cut));
  await waitInView(next.page, 'ipl-2026-final-live');
  await next.page.evaluate(() => window.glanceHostReceive(JSON.stringify({ type: 'screen', on: false })));
  await next.page.waitForFunction(() => (window.__tracked ?? []).some((e) => e.type === 'dropped'));
  const again = await next.page.evaluate(() => window.__tracked);
  assert.deepEqual(again.slice(0, whole), events.slice(0, whole), 'the events before the cut, as they were, with their seqs');
  assert.equal(again.find((e) => e.type === 'dropped').count, 1, 'the event the cut ran through is reported');
  // A batch may go twice (the host's reply raced the screen-off); every copy of a seq is the
  // same event, and no two different events share one.
  const bySeq = new Map();
  for (const e of again) {
    if (bySeq.has(e.seq)) assert.deepEqual(e, bySeq.get(e.seq), `seq ${e.seq} is one event`);
    bySeq.set(e.seq, e);
  }
  const seqs = [...bySeq.keys()];
  assert.ok(Math.min(...seqs.slice(whole)) > Math.max(...events.map((e) => e.seq)), 'numbering goes on after the stored events');
  assert.deepEqual([...problems, ...next.problems], []);
  await next.context.close();
});

test('offline: a wake without a feed shows the kept one, and a feed that comes later replaces it in place', async () => {
  const { page, context, problems } = await openWithNative(true);
  await waitInView(page, 'ipl-2026-final-live');
  await page.click('#next');
  await waitInView(page, 'monsoon-mumbai-en');
  // The card at rest is stored in the idle moment after the settle.
  await page.waitForFunction(() => JSON.parse(localStorage.getItem('glance:card') ?? 'null')?.cards?.[0]?.id === 'monsoon-mumbai-en');
  await page.evaluate(() => localStorage.setItem('test:offline', 'yes'));
  await page.reload();
  // It opens on the card last at rest, the one the shim painted from storage (issue 18; the
  // first card before).
  await waitInView(page, 'monsoon-mumbai-en');
  await page.waitForFunction(() => /^Kept feed from the last visit on screen; no fresh one: the host gave no feed/.test(document.getElementById('report-summary').textContent));
  assert.equal(await page.evaluate(() => window.glance.renderer.count), 14);
  assert.equal(await page.$$eval('[data-card-id="diwali-sale-ended"]', (c) => c.length), 0, 'its expired card is not shown');
  // The network is back: the host pushes a feed with a changed headline; no jump.
  await page.evaluate(() => { window.__card = document.querySelector('[data-card-id="monsoon-mumbai-en"]'); });
  const { readFile } = await import('node:fs/promises');
  const feed = JSON.parse(await readFile(new URL('../../www/feeds/sample.json', import.meta.url), 'utf8'));
  feed.cards.find((c) => c.id === 'monsoon-mumbai-en').title = 'Mumbai: the rain eases by evening';
  await page.evaluate((json) => window.glanceHostReceive(JSON.stringify({ type: 'feed', feed: json })), JSON.stringify(feed));
  await page.waitForFunction(() => document.querySelector('[data-card-id="monsoon-mumbai-en"] .glance-title').textContent.includes('eases'));
  assert.deepEqual(await inViewIds(page), ['monsoon-mumbai-en']);
  assert.ok(await page.evaluate(() => window.__card.isConnected), 'the same card element, updated in place');
  assert.match(await page.textContent('#report-summary'), /^14 cards shown/);
  assert.deepEqual(problems, []);
  await context.close();
});

/** A feed of `n` cards of one kind whose media URLs say which card they belong to. */
function mediaFeed(n, kind) {
  const cards = Array.from({ length: n }, (_, i) => ({
    id: `c${i}`,
    kind,
    lang: 'en',
    title: `Card ${i}`,
    media: kind === 'video'
      ? { type: 'video', src: `media/clip.webm?card=${i}`, poster: `media/clip-poster.jpg?card=${i}`, width: 720, height: 1280 }
      : { type: 'image', src: i === 4 ? `media/does-not-exist.jpg?card=${i}` : `media/monsoon.jpg?card=${i}`, width: 720, height: 1280, color: '#203040' },
  }));
  return JSON.stringify({ version: 1, cards });
}

/** Opens the preview on a feed served at /test-feed.json. */
async function openWithFeed(feed, query = '', options = {}) {
  return open(`?feed=test-feed.json${query}`, {
    ...options,
    setUp: async (context) => {
      await context.route('**/test-feed.json', (route) => route.fulfill({ contentType: 'application/json', body: feed }));
      await options.setUp?.(context);
    },
  });
}

test("media: the next two cards' and the previous card's pictures are fetched, never more; a 404 is reported once", async () => {
  const fetched = new Set();
  const { page, context, problems } = await openWithFeed(mediaFeed(8, 'image'), '', {
    setUp: async (c) => c.on('request', (r) => {
      const card = new URL(r.url()).searchParams.get('card');
      if (card !== null) fetched.add(Number(card));
    }),
  });
  const settle = async (id) => {
    await waitInView(page, id);
    await page.waitForTimeout(700); // the idle tidy-up mounts the new neighbour
  };
  const seen = () => [...fetched].sort((a, b) => a - b);
  // At the wake: the card in view, the next one and the one after. Then each step fetches
  // exactly the card that became two ahead.
  await settle('c0');
  assert.deepEqual(seen(), [0, 1, 2]);
  await page.keyboard.press('ArrowRight');
  await settle('c1');
  assert.deepEqual(seen(), [0, 1, 2, 3]);
  await page.keyboard.press('ArrowRight');
  await settle('c2');
  assert.deepEqual(seen(), [0, 1, 2, 3, 4]);
  await page.keyboard.press('ArrowRight');
  await settle('c3');
  assert.deepEqual(seen(), [0, 1, 2, 3, 4, 5], 'never more than two ahead');
  await page.keyboard.press('ArrowRight');
  await settle('c4');
  // c4's picture does not exist: the card keeps its colour and text, reported once even when
  // it comes back into view.
  await page.waitForSelector('[data-card-id="c4"] .glance-media--failed');
  await page.keyboard.press('ArrowLeft');
  await settle('c3');
  await page.keyboard.press('ArrowRight');
  await settle('c4');
  assert.equal((await hostLog(page)).filter((line) => line.startsWith('media error')).length, 1);
  await page.evaluate(() => window.glance.renderer.setScreenOn(false));
  await page.waitForFunction(() => window.glance.host.tracked.some((e) => e.type === 'media_error'));
  const reported = await page.evaluate(() => window.glance.host.tracked.filter((e) => e.type === 'media_error'));
  assert.deepEqual(reported.map((e) => [e.card_id, e.src]), [['c4', 'media/does-not-exist.jpg?card=4']]);
  assert.deepEqual(problems, []);
  await context.close();
});

test('media: after 100 swipes through clip cards, at most four <video> elements were ever made and one plays', async () => {
  const { page, context, problems } = await openWithFeed(mediaFeed(12, 'video'), '&motion=reduce', {
    setUp: (c) => c.addInitScript(() => {
      const create = Document.prototype.createElement;
      window.__videosMade = 0;
      Document.prototype.createElement = function (name, ...rest) {
        if (String(name).toLowerCase() === 'video') window.__videosMade += 1;
        return create.call(this, name, ...rest);
      };
    }),
  });
  await waitInView(page, 'c0');
  for (let swipe = 0; swipe < 100; swipe++) {
    // Forward through the feed and back again, repeatedly.
    const lap = Math.floor(swipe / 11) % 2 === 0;
    await page.keyboard.press(lap ? 'ArrowRight' : 'ArrowLeft');
    await page.waitForTimeout(swipe % 10 === 9 ? 400 : 120);
  }
  await page.waitForTimeout(800);
  const state = await page.evaluate(() => ({
    made: window.__videosMade,
    inDom: document.querySelectorAll('video').length,
    playing: [...document.querySelectorAll('video')].filter((v) => !v.paused).map((v) => v.closest('[data-card-id]').dataset.cardId),
    current: window.glance.renderer.currentId,
  }));
  assert.ok(state.made <= 4, `${state.made} <video> elements made`);
  assert.ok(state.inDom <= 3, `${state.inDom} in the DOM`);
  assert.deepEqual(state.playing, [state.current], 'only the clip in view plays');
  assert.deepEqual(problems, []);
  await context.close();
});

test('media: a clip that fails keeps its poster with the text, and is reported once', async () => {
  const feed = JSON.parse(mediaFeed(3, 'video'));
  feed.cards[0].media.src = 'media/does-not-exist.webm';
  const { page, context, problems } = await openWithFeed(JSON.stringify(feed));
  await waitInView(page, 'c0');
  await page.waitForFunction(() => [...document.querySelectorAll('#log li')].some((li) => li.textContent.includes('media error')));
  const clip = await page.$eval('[data-card-id="c0"] video', (v) => ({
    visible: getComputedStyle(v).visibility,
    poster: v.getAttribute('poster'),
    failed: v.parentElement.classList.contains('glance-media--failed'),
    title: v.closest('[data-card-id]').querySelector('.glance-title').textContent,
  }));
  assert.deepEqual(clip, { visible: 'visible', poster: 'media/clip-poster.jpg?card=0', failed: false, title: 'Card 0' });
  assert.equal((await hostLog(page)).filter((line) => line.startsWith('media error')).length, 1);
  assert.deepEqual(problems, []);
  await context.close();
});

/** A PNG of `width` × `height` px in one grey `level` (0–255): 8-bit greyscale, unfiltered rows. */
async function greyPng(width, height, level) {
  const { deflateSync, crc32 } = await import('node:zlib');
  const chunk = (type, data) => {
    const head = Buffer.alloc(8);
    head.writeUInt32BE(data.length, 0);
    head.write(type, 4, 'latin1');
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])) >>> 0, 0);
    return Buffer.concat([head, data, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 0; // greyscale
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(width, level)]);
  const pixels = deflateSync(Buffer.concat(Array.from({ length: height }, () => row)));
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', pixels), chunk('IEND', Buffer.alloc(0))]);
}

test('media: the scrim behind the text follows the picture it was sampled from, darker for a lighter picture', async () => {
  const pictures = { night: await greyPng(360, 640, 0), fog: await greyPng(360, 640, 128), snow: await greyPng(360, 640, 255) };
  const card = (id) => ({ id, kind: 'image', lang: 'en', title: `Card ${id}`, media: { type: 'image', src: `media/${id}.png`, width: 360, height: 640 } });
  const feed = JSON.stringify({ version: 1, cards: ['night', 'fog', 'snow'].map(card) });
  const { page, context, problems } = await openWithFeed(feed, '', {
    setUp: (c) => c.route('**/media/*.png', (route) => {
      const id = new URL(route.request().url()).pathname.split('/').pop().replace('.png', '');
      return route.fulfill({ contentType: 'image/png', body: pictures[id] });
    }),
  });
  await waitInView(page, 'night');
  const scrimOf = (id) => page.$eval(`[data-card-id="${id}"] .glance-scrim`, (s) => Number(s.style.getPropertyValue('--glance-scrim')));
  await page.waitForFunction(() => {
    const of = (id) => document.querySelector(`[data-card-id="${id}"] .glance-scrim`)?.style.getPropertyValue('--glance-scrim');
    return of('night') === '0.00' && of('fog') !== undefined && Number(of('fog')) > 0;
  });
  const night = await scrimOf('night');
  const fog = await scrimOf('fog');
  // The third card is mounted after a move; its white picture needs the darkest scrim.
  await page.click('#next');
  await waitInView(page, 'fog');
  await page.waitForFunction(() => document.querySelector('[data-card-id="snow"] .glance-scrim') !== null);
  await page.waitForTimeout(500);
  const snow = await scrimOf('snow');
  assert.equal(night, 0, 'white text on black needs no scrim');
  assert.ok(fog > night && fog < snow, `grey ${fog} lies between black ${night} and white ${snow}`);
  assert.deepEqual(problems, []);
  await context.close();
});

/** Counts the page's own `createImageBitmap` calls and the contrast samples that arrive. */
async function countSamples(context) {
  await context.addInitScript(() => {
    const made = window.createImageBitmap.bind(window);
    Object.assign(window, { bitmapsMade: 0, samplesArrived: 0 });
    window.createImageBitmap = (...args) => {
      window.bitmapsMade += 1;
      return made(...args);
    };
    // `glancesampled` does not bubble: a listener in the capture phase sees every one.
    addEventListener('glancesampled', () => { window.samplesArrived += 1; }, true);
  });
}

test('media: the picture behind the text is sampled in a worker, nothing decoded on the main thread for it, with the result the main thread gets', async () => {
  const scrims = async (withWorker) => {
    const { page, context, problems } = await open('', {
      setUp: async (c) => {
        await countSamples(c);
        if (!withWorker) await c.addInitScript(() => { delete window.Worker; });
      },
    });
    await waitInView(page, 'ipl-2026-final-live');
    await page.waitForFunction(() => window.samplesArrived >= 2);
    await page.waitForTimeout(500);
    const of = await page.$$eval('[data-card-id]', (cards) => Object.fromEntries(
      cards.map((c) => [c.dataset.cardId, Number(c.querySelector('.glance-scrim').style.getPropertyValue('--glance-scrim'))])));
    const counts = await page.evaluate(() => ({ made: window.bitmapsMade, arrived: window.samplesArrived }));
    assert.deepEqual(problems, []);
    await context.close();
    return { of, counts };
  };
  const inWorker = await scrims(true);
  const onMain = await scrims(false);
  assert.equal(inWorker.counts.made, 0, 'no picture is decoded on the main thread for its sample');
  assert.ok(onMain.counts.made >= 2, `without a worker the page samples on its main thread (${onMain.counts.made} bitmaps)`);
  const ids = Object.keys(inWorker.of).filter((id) => id in onMain.of);
  assert.ok(ids.length >= 2, `cards sampled both ways: ${ids}`);
  for (const id of ids) {
    assert.ok(Math.abs(inWorker.of[id] - onMain.of[id]) <= 0.02, `${id}: scrim ${inWorker.of[id]} in the worker, ${onMain.of[id]} on the main thread`);
  }
});

test("media: a picture from another origin is not decoded for a sample it cannot give (its pixels are not the page's to read)", async () => {
  const fog = await greyPng(360, 640, 128);
  const feed = JSON.stringify({ version: 1, cards: [{ id: 'far', kind: 'image', lang: 'en', title: 'A picture from a CDN', media: { type: 'image', src: 'https://pictures.example/fog.png', width: 360, height: 640 } }] });
  const { page, context, problems } = await openWithFeed(feed, '', {
    setUp: async (c) => {
      await countSamples(c);
      await c.route('https://pictures.example/**', (route) => route.fulfill({ contentType: 'image/png', body: fog }));
    },
  });
  await waitInView(page, 'far');
  await page.waitForFunction(() => {
    const img = document.querySelector('[data-card-id="far"] img.glance-media__item');
    return img?.complete && img.naturalWidth > 0;
  });
  await page.waitForTimeout(500);
  assert.deepEqual(await page.evaluate(() => ({ made: window.bitmapsMade, arrived: window.samplesArrived })), { made: 0, arrived: 0 });
  assert.deepEqual(problems, []);
  await context.close();
});

test("media: Chromium's own styles for a clip are set up in idle time after the wake, not in a swipe that mounts the first clip card", async () => {
  const cards = Array.from({ length: 5 }, (_, i) => ({
    id: `c${i}`,
    kind: i === 3 ? 'video' : 'news',
    lang: 'en',
    title: `Card ${i}`,
    source: { name: 'Desk' },
    ...(i === 3 ? { media: { type: 'video', src: 'media/clip.webm', poster: 'media/clip-poster.jpg', width: 360, height: 640 } } : {}),
  }));
  const { page, context, problems } = await openWithFeed(JSON.stringify({ version: 1, cards }));
  await waitInView(page, 'c0');
  await page.evaluate(() => { window.glance.renderer.autoAdvance = false; });
  await page.waitForTimeout(1000); // the wake's idle moments
  // Two steps: the tidy-up after the second mounts the clip card (c3, next to c2).
  await env.browser.startTracing(page, { categories: ['blink', 'devtools.timeline'] });
  for (const id of ['c1', 'c2']) {
    await page.keyboard.press('ArrowRight');
    await waitInView(page, id);
    await page.waitForTimeout(700);
  }
  await page.waitForSelector('[data-card-id="c3"] video', { state: 'attached' });
  const events = JSON.parse((await env.browser.stopTracing()).toString()).traceEvents;
  // The media styles are Chromium's largest sheet: over 100,000 characters.
  const big = events.filter((e) => e.name === 'CSSParserImpl::parseStyleSheet' && (e.args?.length ?? 0) > 100_000);
  assert.deepEqual(big.map((e) => `${e.args.length} chars, ${(e.dur / 1000).toFixed(1)} ms`), []);
  assert.deepEqual(problems, []);
  await context.close();
});

test('hostile feed: 110 XSS and URL-smuggling payloads run nothing, add no element, and every bad card is reported', async () => {
  const { readFile } = await import('node:fs/promises');
  const { text, urls } = JSON.parse(await readFile(new URL('./xss-payloads.json', import.meta.url), 'utf8'));
  const base = (id) => ({ id, kind: 'news', lang: 'en', title: 'Safe title', source: { name: 'Desk' } });
  const cards = [
    ...text.map((p, i) => ({ ...base(`t${i}`), title: p.slice(0, 300), summary: p })),
    ...urls.map((p, i) => ({ ...base(`u${i}`), cta: { label: 'Open', url: p, unlock: false } })),
    ...urls.map((p, i) => ({ ...base(`m${i}`), kind: 'image', media: { type: 'image', src: p, width: 720, height: 1280 } })),
  ];
  const { page, context, problems } = await openWithFeed(JSON.stringify({ version: 1, cards }), '&motion=reduce', {
    setUp: (c) => c.addInitScript(() => {
      window.__ran = [];
      for (const name of ['alert', 'confirm', 'prompt', 'print', 'open']) {
        window[name] = (...args) => { window.__ran.push(`${name}(${args.join(',')})`); };
      }
      // Every element scripts add once the page is parsed, kept for the end.
      window.__added = [];
      document.addEventListener('DOMContentLoaded', () => {
        new MutationObserver((records) => {
          for (const r of records) {
            for (const n of r.addedNodes) {
              if (n.nodeType !== 1) continue;
              // (An SVG element's className is no string: its attribute is.)
              for (const el of [n, ...n.querySelectorAll('*')]) window.__added.push(`${el.tagName}.${el.getAttribute('class') ?? ''}.${el.closest('.glance-action') ? 'icon' : ''}`);
            }
          }
        }).observe(document, { childList: true, subtree: true });
      });
    }),
  });
  await page.waitForFunction(() => window.glance?.renderer?.count > 0 && document.querySelector('#report-summary').dataset.state !== 'loading');
  const rejected = new Set(await page.$$eval('#report-table tbody tr', (rows) => rows.map((r) => r.cells[1].textContent)));
  const count = await page.evaluate(() => window.glance.renderer.count);
  assert.equal(count + rejected.size, cards.length, 'every card is shown or reported');

  // Whatever was accepted resolves, as the browser reads it, to https: or (media only) to
  // the page's own origin: no script URL, no other scheme, no other host over http.
  const resolved = await page.evaluate((list) => list.map((u) => {
    try {
      const url = new URL(u, location.href);
      return { protocol: url.protocol, sameOrigin: url.origin === location.origin, user: url.username };
    } catch {
      return null;
    }
  }), urls);
  urls.forEach((u, i) => {
    const r = resolved[i];
    const https = r?.protocol === 'https:' && r.user === '';
    if (!rejected.has(`u${i}`)) assert.ok(https, `cta.url ${JSON.stringify(u)} was accepted`);
    if (!rejected.has(`m${i}`)) assert.ok(https || r?.sameOrigin, `media.src ${JSON.stringify(u)} was accepted`);
  });
  assert.ok(rejected.size >= 90, `${rejected.size} cards refused`);

  // Show every card that was accepted, and read what it says.
  const labels = {};
  for (let i = 0; i < count; i++) {
    await page.evaluate((n) => window.glance.renderer.goTo(n), i);
    await page.waitForFunction((n) => window.glance.renderer.index === n, i);
    const [id, label] = await page.evaluate(() => {
      const id = window.glance.renderer.currentId;
      return [id, document.querySelector(`[data-card-id="${CSS.escape(id)}"]`)?.getAttribute('aria-label')];
    });
    labels[id] = label;
  }
  await page.waitForTimeout(300);
  const ran = await page.evaluate(() => window.__ran);
  assert.deepEqual(ran, [], 'no script ran');
  const foreign = await page.evaluate(() => window.__added.filter((e) => {
    const [tag, cls, within] = e.split('.');
    // A like or share button's icon: an unclassed <svg> with its <path>, inside the button.
    if (['svg', 'path'].includes(tag)) return cls !== '' || within !== 'icon';
    return !['ARTICLE', 'DIV', 'IMG', 'VIDEO', 'P', 'SPAN', 'H2', 'BUTTON', 'LI', 'TR', 'TD'].includes(tag)
      || (!cls.startsWith('glance-') && !['LI', 'TR', 'TD'].includes(tag));
  }));
  assert.deepEqual(foreign, [], 'no element but the templates');
  // Text payloads that were accepted are shown verbatim (as the card's label says).
  const shownText = Object.keys(labels).filter((id) => id.startsWith('t'));
  assert.ok(shownText.length >= 40, `${shownText.length} text payloads shown`);
  for (const id of shownText) {
    assert.ok(labels[id].endsWith(`: ${text[Number(id.slice(1))].slice(0, 300)}`), `${id}: ${labels[id]}`);
  }
  assert.deepEqual(problems.filter((p) => !/Failed to load resource/.test(p)), []);
  await context.close();
});

const SKINS = ['generic', 'samsung-oneui', 'xiaomi-hyperos', 'vivo-originos', 'oppo-coloros'];

test('axe-core: no serious or critical violation on any skin, at font scale 1 and 2', async () => {
  const found = [];
  for (const skin of SKINS) {
    const { page, context, problems } = await open(`?skin=${skin}`);
    await waitInView(page, 'ipl-2026-final-live');
    for (const scale of [1, 2]) {
      await page.evaluate((s) => { window.glance.renderer.fontScale = s; }, scale);
      await page.waitForTimeout(150);
      const { violations, rules } = await axeCheck(page);
      assert.ok(rules >= 20, `axe applied ${rules} rules`);
      for (const v of violations) found.push(`${skin} ×${scale}: ${v}`);
    }
    assert.deepEqual(problems, []);
    await context.close();
  }
  assert.deepEqual(found, []);
});

test('the accessibility tree: a labelled carousel region, the card in view as a named group, hidden cards out, the live region after a swipe', async () => {
  const { page, context, problems } = await open();
  await waitInView(page, 'ipl-2026-final-live');
  const cdp = await context.newCDPSession(page);
  await cdp.send('Accessibility.enable');
  const tree = async () => (await cdp.send('Accessibility.getFullAXTree')).nodes.filter((n) => !n.ignored);
  // Chromium 156 sends string properties of the tree (not names) as UTF-8 bytes read as
  // Latin-1; the page's attributes are right (checked), so they are decoded back here.
  const prop = (node, name) => {
    const value = node.properties?.find((p) => p.name === name)?.value?.value;
    return typeof value === 'string' ? Buffer.from(value, 'latin1').toString('utf8') : value;
  };
  let nodes = await tree();
  const region = nodes.find((n) => n.role?.value === 'region' && n.name?.value === 'Lock screen');
  assert.ok(region, 'the lock screen is a labelled region');
  assert.equal(prop(region, 'roledescription'), 'carousel');
  const groups = nodes.filter((n) => n.role?.value === 'group' && prop(n, 'roledescription'));
  assert.deepEqual(groups.map((g) => [g.name?.value, prop(g, 'roledescription')]), [
    ['14 में से 1: फाइनल: मुंबई को जीत के लिए 12 गेंदों में 18 रन चाहिए', 'कार्ड'],
  ], 'only the card in view, named in its own language');
  assert.equal(await page.getAttribute('[data-card-id="ipl-2026-final-live"]', 'aria-roledescription'), 'कार्ड');
  const names = (role) => nodes.filter((n) => n.role?.value === role).map((n) => n.name?.value);
  for (const control of ['Previous card', 'Pause', 'Next card']) assert.ok(names('button').includes(control), control);
  assert.ok(names('button').includes('पसंद करें'), 'the like button, in the card language');

  await page.keyboard.press('ArrowRight');
  await waitInView(page, 'monsoon-mumbai-en');
  nodes = await tree();
  const live = nodes.find((n) => prop(n, 'live') === 'polite');
  assert.ok(live, 'a polite live region');
  const liveText = await page.textContent('.glance-live');
  assert.equal(liveText, '2 of 14: Monsoon returns to Mumbai with a week of heavy showers forecast');
  const visible = nodes.filter((n) => n.role?.value === 'group' && prop(n, 'roledescription')).map((g) => g.name?.value);
  assert.deepEqual(visible, [liveText]);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the keyboard reaches and works every action; forced colours keep text and controls visible', async () => {
  const { page, context, problems } = await open();
  await waitInView(page, 'ipl-2026-final-live');
  await page.focus('#lock-screen .glance-viewport');
  const reached = [];
  for (let i = 0; i < 8; i++) {
    await page.keyboard.press('Tab');
    reached.push(await page.evaluate(() => {
      const el = document.activeElement;
      return el.getAttribute('aria-label') ?? el.textContent.trim();
    }));
  }
  for (const action of ['Previous card', 'Pause', 'Next card', 'पूरा स्कोर देखें', 'पसंद करें', 'शेयर करें']) {
    assert.ok(reached.includes(action), `${action} in ${JSON.stringify(reached)}`);
  }
  // Next, by keyboard, from the controls.
  await page.focus('[data-control="next"]');
  await page.keyboard.press('Enter');
  await waitInView(page, 'monsoon-mumbai-en');
  assert.ok(await page.evaluate(() => getComputedStyle(document.querySelector('.glance-controls')).opacity === '1'), 'the focused controls show');

  await page.emulateMedia({ forcedColors: 'active' });
  const look = await page.evaluate(() => {
    const card = document.querySelector('[data-card-id="monsoon-mumbai-en"]');
    const title = getComputedStyle(card.querySelector('.glance-title'));
    const like = getComputedStyle(card.querySelector('[data-action="like"]'));
    return { title: title.color, titleVisible: title.visibility, like: like.borderTopStyle, scrim: getComputedStyle(card.querySelector('.glance-scrim')).display };
  });
  assert.equal(look.titleVisible, 'visible');
  assert.notEqual(look.title, 'rgba(0, 0, 0, 0)');
  assert.equal(look.like, 'solid', 'the buttons get a system-colour border');
  assert.equal(look.scrim, 'none', 'no scrim over system colours');
  assert.deepEqual(problems, []);
  await context.close();
});
