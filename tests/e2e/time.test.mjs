// End to end: time windows while a feed is on screen, with Playwright's controlled clock
// (`Date`, timers, `performance` and frames all run on it): cards leave at their `expires_at`
// and come at their `starts_at` without a new feed, a feed of tomorrow does not blank today,
// and the kept offline copy is only ever a feed that had live cards.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, openPage, waitInView } from './support.mjs';

const env = useBrowser();

/** 2026-12-01T09:00:00Z: the controlled clock starts here. */
const T0 = Date.UTC(2026, 11, 1, 9, 0, 0);
const iso = (ms) => new Date(ms).toISOString();

function card(id, kind, window = {}) {
  return {
    id,
    kind,
    lang: 'en',
    title: `Card ${id}`,
    source: { name: 'Desk' },
    ...(kind === 'sponsored' ? { cta: { label: 'Shop', url: 'https://example.com/shop' } } : {}),
    ...(window.starts ? { starts_at: iso(window.starts) } : {}),
    ...(window.expires ? { expires_at: iso(window.expires) } : {}),
  };
}

/** The preview on `feed` (served at /test-feed.json) with the clock installed at T0. */
async function openAt(feed) {
  return openPage(env.browser, `${env.base}?feed=test-feed.json`, {
    setUp: async (context) => {
      await context.clock.install({ time: T0 });
      await context.route('**/test-feed.json', (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify(feed) }));
    },
  });
}

const shown = (page) => page.$$eval('[data-card-id]', (cards) => cards.map((c) => c.dataset.cardId));

/** Auto-advance off, so the deck moves only when the test says (or time does). */
const holdStill = (page) => page.evaluate(() => { window.glance.renderer.autoAdvance = false; });

test('a sponsored card in view leaves at its expires_at, within a second, and the deck lands on the next live card', async () => {
  const expires = T0 + 90_000;
  const { page, context, problems } = await openAt({
    version: 1,
    cards: [card('flight', 'sponsored', { expires }), card('news-1', 'news'), card('news-2', 'news')],
  });
  await waitInView(page, 'flight');
  await holdStill(page);
  // Just before its end it is still in view; the clock is paused so nothing else moves.
  await page.clock.pauseAt(expires - 1_000);
  await page.clock.runFor(900);
  assert.equal(await page.evaluate(() => window.glance.renderer.currentId), 'flight');
  await page.clock.runFor(1_000);
  assert.equal(await page.evaluate(() => window.glance.renderer.indexOf('flight')), -1, 'gone within a second of its expires_at');
  assert.deepEqual(await shown(page), ['news-1', 'news-2']);
  assert.equal(await page.evaluate(() => window.glance.renderer.currentId), 'news-1');
  assert.deepEqual(problems, []);
  await context.close();
});

test('a card that expires under a finger held on it stays until the finger lifts, then leaves at once', async () => {
  const expires = T0 + 60_000;
  const { page, context, problems } = await openAt({
    version: 1,
    cards: [card('flight', 'sponsored', { expires }), card('news-1', 'news')],
  });
  await waitInView(page, 'flight');
  await holdStill(page);
  const box = await page.locator('.glance-viewport').boundingBox();
  await page.clock.pauseAt(expires - 2_000);
  // A press in the middle of the card, held across its end: nothing moves under it.
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.clock.runFor(4_000);
  assert.equal(await page.evaluate(() => window.glance.renderer.currentId), 'flight', 'never under a finger');
  // It lifts where it pressed: a hold, no swipe, so no settle follows.
  await page.mouse.up();
  await page.clock.runFor(500);
  assert.equal(await page.evaluate(() => window.glance.renderer.indexOf('flight')), -1, 'gone once the finger lifted');
  assert.equal(await page.evaluate(() => window.glance.renderer.currentId), 'news-1');
  assert.deepEqual(problems, []);
  await context.close();
});

test('a card comes at its starts_at into its place in the feed, and the card in view stays', async () => {
  const starts = T0 + 120_000;
  const { page, context, problems } = await openAt({
    version: 1,
    cards: [card('a', 'news'), card('breaking', 'news', { starts }), card('b', 'news')],
  });
  await waitInView(page, 'a');
  await holdStill(page);
  await page.click('#next');
  await waitInView(page, 'b');
  assert.equal(await page.evaluate(() => window.glance.renderer.count), 2);
  await page.clock.pauseAt(starts - 500);
  assert.equal(await page.evaluate(() => window.glance.renderer.indexOf('breaking')), -1);
  await page.clock.runFor(1_000);
  const after = await page.evaluate(() => ({
    count: window.glance.renderer.count,
    at: window.glance.renderer.indexOf('breaking'),
    current: window.glance.renderer.currentId,
  }));
  assert.deepEqual(after, { count: 3, at: 1, current: 'b' });
  await waitInView(page, 'b');
  assert.deepEqual(problems, []);
  await context.close();
});

test('when every card has expired the page hears it', async () => {
  const { page, context, problems } = await openAt({
    version: 1,
    cards: [card('x', 'news', { expires: T0 + 30_000 })],
  });
  await waitInView(page, 'x');
  await page.clock.pauseAt(T0 + 31_000);
  await page.clock.runFor(100);
  assert.deepEqual(await shown(page), []);
  await page.waitForFunction(() => [...document.querySelectorAll('#log li')].some((li) => li.textContent.includes('no card left')));
  assert.deepEqual(problems, []);
  await context.close();
});

test("a feed of tomorrow's cards keeps today's on screen, waits, takes over at its start, and is not kept as the offline copy", async () => {
  const { readFile } = await import('node:fs/promises');
  const sample = await readFile(new URL('../../www/feeds/sample.json', import.meta.url), 'utf8');
  const context = await env.browser.newContext({ viewport: { width: 1100, height: 1000 }, hasTouch: true });
  const sampleTime = Date.parse('2026-11-25T15:00:00Z'); // inside every sample card's window but the expired one
  await context.clock.install({ time: sampleTime });
  await context.addInitScript(({ feed }) => {
    window.GlanceAndroid = {
      deviceInfo: () => JSON.stringify({ locale: 'en-IN', reducedMotion: false }),
      feed: () => (localStorage.getItem('test:offline') === 'yes' ? '' : feed),
      track: (json) => JSON.stringify({ acked: JSON.parse(json).map((e) => e.seq) }),
    };
  }, { feed: sample });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  await page.goto(env.base);
  await waitInView(page, 'ipl-2026-final-live');
  await holdStill(page);
  const kept = await page.evaluate(() => localStorage.getItem('glance:feed'));
  assert.ok(kept?.includes('ipl-2026-final-live'), 'the sample is the kept copy');

  const tomorrow = sampleTime + 24 * 3_600_000;
  const future = { version: 1, cards: [card('t1', 'news', { starts: tomorrow }), card('t2', 'news', { starts: tomorrow + 60_000 })] };
  await page.evaluate((json) => window.glanceHostReceive(JSON.stringify({ type: 'feed', feed: json })), JSON.stringify(future));
  await page.waitForFunction(() => /no card is live yet/.test(document.getElementById('report-summary').textContent));
  assert.match(await page.textContent('#report-summary'), /^14 cards shown .*2 waiting/);
  assert.equal(await page.evaluate(() => window.glance.renderer.count), 14, "today's cards stay");
  assert.equal(await page.evaluate(() => localStorage.getItem('glance:feed')), kept, 'the waiting feed is not kept as the offline copy');

  // Tomorrow comes: the waiting feed takes over at its first start.
  await page.clock.pauseAt(tomorrow + 500);
  await page.clock.runFor(1_000);
  assert.deepEqual(await page.evaluate(() => [...document.querySelectorAll('[data-card-id]')].map((c) => c.dataset.cardId)), ['t1']);

  // Offline at the next wake: the kept copy is still today's feed that had live cards.
  await page.evaluate(() => localStorage.setItem('test:offline', 'yes'));
  await page.reload();
  await page.waitForFunction(() => /^Kept feed from the last visit/.test(document.getElementById('report-summary').textContent));
  const stored = await page.evaluate(() => localStorage.getItem('glance:feed'));
  assert.equal(stored, kept);
  assert.deepEqual(problems, []);
  await context.close();
});
