// End to end: the gallery (gallery.html) as content and QA people use it: the feed on every
// skin at once, edited as text, with the bar's device, settings and language applied to every
// phone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { useBrowser, openPage, touchDrag, waitInView, axeCheck } from './support.mjs';

const SKINS = JSON.parse(readFileSync(new URL('../../www/skins.json', import.meta.url), 'utf8'));
const SAMPLE = readFileSync(new URL('../../www/feeds/sample.json', import.meta.url), 'utf8');
const BROKEN = readFileSync(new URL('../../www/feeds/broken.json', import.meta.url), 'utf8');
const FIRST = 'ipl-2026-final-live';
const FIRST_TITLE = JSON.parse(SAMPLE).cards[0].title;

const env = useBrowser();

/** The gallery, wide enough for the phones side by side, once every phone shows its first card. */
async function openGallery(query = '') {
  const opened = await openPage(env.browser, `${env.base}gallery.html${query}`, { viewport: { width: 1600, height: 1000 } });
  const phones = await framesOf(opened.page);
  for (const frame of Object.values(phones)) await waitInView(frame, FIRST, 15000);
  return { ...opened, phones };
}

/** Each skin's phone frame, by skin name. */
async function framesOf(page) {
  await page.waitForFunction((n) => document.querySelectorAll('.phone iframe').length === n, SKINS.length);
  const phones = {};
  for (const { name } of SKINS) {
    phones[name] = await (await page.$(`.phone[data-skin="${name}"] iframe`)).contentFrame();
  }
  return phones;
}

/** Evaluates `fn(arg)` in every phone; resolves with the results by skin. */
async function inEvery(phones, fn, arg) {
  const out = {};
  for (const [skin, frame] of Object.entries(phones)) out[skin] = await frame.evaluate(fn, arg);
  return out;
}

/** Waits until `fn(arg)` is true in every phone. */
async function untilEvery(phones, fn, arg, timeout = 8000) {
  for (const frame of Object.values(phones)) await frame.waitForFunction(fn, arg, { timeout });
}

const same = (value) => Object.fromEntries(SKINS.map(({ name }) => [name, value]));

test('the gallery shows the feed on every built-in skin, each phone on its own', async () => {
  const { page, context, problems, phones } = await openGallery();
  assert.deepEqual(await page.$$eval('.phone__name', (n) => n.map((e) => e.textContent)), SKINS.map((s) => s.label));
  assert.equal(await page.textContent('#status'), '15 cards · 1 outside their start/expiry window · no problems');
  // Each phone wears its skin: the call to action in the skin's accent colour.
  const accents = await inEvery(phones, () => getComputedStyle(document.querySelector('.glance-cta')).backgroundColor);
  for (const { name } of SKINS) {
    const hex = JSON.parse(readFileSync(new URL(`../../www/skins/${name}.json`, import.meta.url), 'utf8')).accent;
    const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
    assert.equal(accents[name], `rgb(${r}, ${g}, ${b})`, `${name}'s accent`);
  }
  // A finger swipe on one phone moves that phone only.
  const box = await page.locator('.phone[data-skin="samsung-oneui"] iframe').boundingBox();
  const y = box.y + box.height * 0.5;
  await touchDrag(page, { x: box.x + box.width * 0.85, y }, { x: box.x + box.width * 0.2, y });
  await waitInView(phones['samsung-oneui'], 'monsoon-mumbai-en');
  assert.equal(await page.textContent('.phone[data-skin="samsung-oneui"] .phone__position'), '2 / 14');
  assert.equal(await page.textContent('.phone[data-skin="generic"] .phone__position'), '1 / 14');
  // The warnings table: a row per card, a column per skin; the ended card is not live anywhere.
  await page.waitForFunction(() => document.querySelectorAll('#matrix tbody tr').length === 15);
  assert.equal(await page.$$eval('#matrix thead th', (t) => t.length), 1 + SKINS.length);
  const ended = await page.$$eval('#matrix tbody tr:last-child td', (t) => t.map((c) => c.textContent));
  assert.deepEqual(ended, SKINS.map(() => 'not live now'));
  // Under each phone, the warnings of its card in view: the table's for that card and skin.
  for (const [skin, row] of [['vivo-originos', 1], ['samsung-oneui', 2]]) {
    const column = 2 + SKINS.findIndex((s) => s.name === skin);
    const chips = await page.$$eval(`.phone[data-skin="${skin}"] .phone__warnings li`, (l) => l.map((e) => e.dataset.code ?? 'fits'));
    const cell = await page.$$eval(`#matrix tbody tr:nth-child(${row}) td:nth-child(${column}) li`, (l) => l.map((e) => e.dataset.code));
    assert.ok(chips.length > 0, `${skin} lists something for its card`);
    assert.deepEqual(chips, cell.length ? cell : ['fits'], `${skin}: card ${row}`);
  }
  assert.deepEqual(problems, []);
  await context.close();
});

/** Replaces the editor's text as typing would (an input event), and waits for the check. */
async function type(page, text) {
  await page.locator('#source').fill(text);
  await page.waitForFunction((t) => document.getElementById('source').value === t, text);
}

test('a title edited in the editor changes on every phone; a bad edit is listed and the phones keep the last good one', async () => {
  const { page, context, problems, phones } = await openGallery();
  const titleIn = (id) => document.querySelector(`[data-card-id="${id}"] .glance-title`)?.textContent;

  const edited = SAMPLE.replace(FIRST_TITLE, 'Final: MI need 18 off 12 balls');
  await type(page, edited);
  await untilEvery(phones, (id) => document.querySelector(`[data-card-id="${id}"] .glance-title`)?.textContent === 'Final: MI need 18 off 12 balls', FIRST);

  // An empty title breaks the card: the problem is listed by card and field, and the phones
  // keep the card as it last was.
  await type(page, SAMPLE.replace(`"title": "${FIRST_TITLE}"`, '"title": ""'));
  await page.waitForSelector('#problems .problem');
  const problem = await page.textContent('#problems .problem');
  assert.match(problem, /^Card 1 · ipl-2026-final-live/);
  assert.match(problem, /title/);
  assert.match(problem, /the phones show its last good version/);
  assert.match(await page.textContent('#status'), /1 problem in 1 card/);
  await page.waitForTimeout(500);
  assert.deepEqual(await inEvery(phones, titleIn, FIRST), same('Final: MI need 18 off 12 balls'));
  // Clicking the problem selects the field in the text.
  await page.click('#problems .problem');
  const selected = await page.$eval('#source', (t) => t.value.slice(t.selectionStart, t.selectionEnd));
  assert.equal(selected, '"title": ""');

  // Text that is not JSON: refused whole with its line, the phones unchanged.
  const broken = edited.replace('"kind": "sports",', '"kind": "sports"');
  await type(page, broken);
  await page.waitForFunction(() => /Feed refused: the feed is not valid JSON \(line \d+, column \d+\)/.test(document.querySelector('#problems .problem')?.textContent ?? ''));
  assert.equal(await page.getAttribute('#status', 'data-state'), 'error');
  await page.waitForTimeout(500);
  assert.deepEqual(await inEvery(phones, titleIn, FIRST), same('Final: MI need 18 off 12 balls'));
  await page.click('#problems .problem');
  const line = Number(/line (\d+)/.exec(await page.textContent('#problems .problem'))[1]);
  const caretLine = await page.$eval('#source', (t) => t.value.slice(0, t.selectionStart).split('\n').length);
  assert.equal(caretLine, line, 'the caret goes to the line the parser named');

  // Nothing typed is lost on reload.
  await page.reload();
  await page.waitForFunction(() => document.getElementById('status').dataset.state === 'error');
  assert.equal(await page.$eval('#source', (t) => t.value), broken);
  const again = await framesOf(page);
  for (const frame of Object.values(again)) await waitInView(frame, FIRST, 15000);
  assert.deepEqual(await inEvery(again, titleIn, FIRST), same('Final: MI need 18 off 12 balls'), 'each phone kept its last feed');
  assert.deepEqual(problems, []);
  await context.close();
});

test('each setting in the bar changes what it says on every phone, and stays in the address', async () => {
  const { page, context, problems, phones } = await openGallery();
  const picture = `[data-card-id="${FIRST}"] img.glance-media__item`;

  // Font scale: the like and share row grows by that much (the headline may step down to fit
  // and the summary or source give way; that row stays on a portrait screen).
  const source = () => parseFloat(getComputedStyle(document.querySelector('[data-card-id="ipl-2026-final-live"] .glance-actions')).fontSize);
  const before = await inEvery(phones, source);
  await page.selectOption('#font-scale', '1.5');
  for (const [skin, frame] of Object.entries(phones)) {
    await frame.waitForFunction((want) => {
      const row = document.querySelector('[data-card-id="ipl-2026-final-live"] .glance-actions');
      return row !== null && parseFloat(getComputedStyle(row).fontSize) === want;
    }, before[skin] * 1.5);
  }

  // Device preset: every phone is that size, and its cards are laid out for it.
  await page.selectOption('#preset', '16:9 budget');
  await untilEvery(phones, () => innerWidth === 360 && innerHeight === 640 && document.querySelector('.glance-card').getBoundingClientRect().width === 360);

  // Dark mode: pictures dimmed; off again: full brightness.
  await page.click('#dark');
  assert.equal(await page.getAttribute('#dark', 'aria-pressed'), 'true');
  await untilEvery(phones, () => getComputedStyle(document.querySelector('.glance-media')).opacity === '0.8');
  await page.click('#dark');
  await untilEvery(phones, () => getComputedStyle(document.querySelector('.glance-media')).opacity === '1');

  // Reduced motion: the Ken Burns drift stops; back on when released.
  await untilEvery(phones, (sel) => document.querySelector(sel).getAnimations().length === 1, picture);
  await page.click('#motion');
  await untilEvery(phones, (sel) => document.querySelector(sel).getAnimations().length === 0, picture);
  await page.click('#motion');
  await untilEvery(phones, (sel) => document.querySelector(sel).getAnimations().length === 1, picture);

  // The clip card on every phone (through the table), then the savers.
  await page.click('#matrix tbody tr:nth-child(3) .matrix__card');
  for (const frame of Object.values(phones)) await waitInView(frame, 'trailer-ta-video');
  const clip = () => {
    const v = document.querySelector('[data-card-id="trailer-ta-video"] video');
    return { preload: v.getAttribute('preload'), paused: v.paused };
  };
  await untilEvery(phones, () => !document.querySelector('[data-card-id="trailer-ta-video"] video').paused);
  await page.click('#data-saver');
  assert.deepEqual(await inEvery(phones, clip), same({ preload: 'none', paused: true }));
  await page.click('#data-saver');
  await page.click('#battery-saver');
  assert.deepEqual(await inEvery(phones, clip), same({ preload: 'metadata', paused: true }), 'fetched ahead, but still');
  await page.click('#battery-saver');
  await untilEvery(phones, () => !document.querySelector('[data-card-id="trailer-ta-video"] video').paused);

  // Language: only the Tamil cards.
  const tamil = JSON.parse(SAMPLE).cards.filter((c) => c.lang.startsWith('ta')).map((c) => c.id);
  await page.selectOption('#lang', 'ta');
  await untilEvery(phones, (n) => window.glanceFrame.renderer.count === n, tamil.length);
  assert.match(await page.textContent('#status'), /the phones show Tamil only$/);
  assert.deepEqual(await page.$$eval('#matrix tbody th code', (c) => c.map((e) => e.textContent.replace(/^\d+\. /, ''))), tamil);

  // The address keeps it all: a reload comes back with the same settings.
  const url = new URL(page.url());
  assert.deepEqual(Object.fromEntries(url.searchParams), { device: '16:9 budget', scale: '1.5', lang: 'ta', scheme: 'light' });
  await page.reload();
  await page.waitForFunction(() => document.querySelectorAll('.phone iframe').length > 0);
  assert.equal(await page.$eval('#preset', (s) => s.value), '16:9 budget');
  assert.equal(await page.$eval('#font-scale', (s) => s.value), '1.5');
  await page.waitForFunction(() => document.getElementById('lang').value === 'ta');
  assert.deepEqual(problems, []);
  await context.close();
});

test('sync keeps every phone on the card the user moves to; the meter shows fps and p95 script per frame', async () => {
  const { page, context, problems, phones } = await openGallery();
  await page.click('#sync');
  await page.click('#perf');
  assert.equal(await page.isVisible('.phone[data-skin="xiaomi-hyperos"] .phone__perf'), true);
  // The user works one phone by keyboard; the others follow it.
  const xiaomi = phones['xiaomi-hyperos'];
  await xiaomi.focus('.glance-viewport');
  await page.keyboard.press('ArrowRight');
  for (const frame of Object.values(phones)) await waitInView(frame, 'monsoon-mumbai-en');
  // A finger swipe on another phone: everyone follows that one.
  const box = await page.locator('.phone[data-skin="oppo-coloros"] iframe').boundingBox();
  const y = box.y + box.height * 0.5;
  await touchDrag(page, { x: box.x + box.width * 0.85, y }, { x: box.x + box.width * 0.2, y });
  for (const frame of Object.values(phones)) await waitInView(frame, 'trailer-ta-video');
  // The meter counted the frames of that swipe.
  await page.waitForFunction(() => /^\d+ fps · p95 \d+\.\d ms$/.test(document.querySelector('.phone[data-skin="oppo-coloros"] .phone__perf').textContent));
  // While synced no phone moves on its own.
  assert.deepEqual(await inEvery(phones, () => window.glanceFrame.renderer.currentId), same('trailer-ta-video'));
  // Off again: the buttons move every phone a card back.
  await page.click('#sync');
  await page.click('#all-prev');
  for (const frame of Object.values(phones)) await waitInView(frame, 'monsoon-mumbai-en');
  assert.deepEqual(problems, []);
  await context.close();
});

test('a feed file opened or dropped on the editor replaces the text and saves back; the schema says what a field is', async () => {
  const { page, context, problems, phones } = await openGallery();
  await page.setInputFiles('#file', { name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(BROKEN) });
  await page.waitForFunction((t) => document.getElementById('source').value === t, BROKEN);
  await page.waitForFunction(() => /problems? in 5 cards/.test(document.getElementById('status').textContent));
  const listed = await page.$$eval('#problems .problem__where', (w) => w.map((e) => e.textContent));
  assert.ok(listed.length >= 5, `every broken card is listed (${listed.join(', ')})`);
  // Another feed altogether: no card of the sample stands in for a broken one.
  assert.equal(await page.$$eval('.problem__note', (n) => n.filter((e) => e.textContent.includes('last good')).length), 0);
  const valid = JSON.parse(BROKEN).cards.length - 5;
  await untilEvery(phones, (n) => window.glanceFrame.renderer.count === n, valid);

  // Drag and drop a file onto the editor.
  const drop = await page.evaluateHandle((text) => {
    const data = new DataTransfer();
    data.items.add(new File([text], 'sample.json', { type: 'application/json' }));
    return data;
  }, SAMPLE);
  await page.dispatchEvent('.editor', 'dragover', { dataTransfer: drop });
  await page.dispatchEvent('.editor', 'drop', { dataTransfer: drop });
  await page.waitForFunction((t) => document.getElementById('source').value === t, SAMPLE);
  await page.waitForFunction(() => document.getElementById('status').dataset.state === 'ok');

  // Save: the text as a file, under the name of the file opened last.
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#save')]);
  assert.equal(download.suggestedFilename(), 'sample.json');
  const { readFile } = await import('node:fs/promises');
  assert.equal(await readFile(await download.path(), 'utf8'), SAMPLE);

  // The caret in a card's "kind": the hint names the field and its allowed values.
  const at = SAMPLE.indexOf('"sports"') + 2;
  await page.$eval('#source', (t, offset) => { t.focus(); t.setSelectionRange(offset, offset); }, at);
  await page.keyboard.press('ArrowRight');
  const hint = await page.textContent('#hint');
  assert.match(hint, /cards\[0\]\.kind/);
  assert.match(hint, /one of "image", "video", "news", "sports", "sponsored"/);
  assert.match(hint, /Fields here: .*id\*/);
  assert.deepEqual(problems, []);
  await context.close();
});

test("axe-core: the gallery's own controls have no serious or critical violation, light or dark", async () => {
  const found = [];
  for (const colorScheme of ['light', 'dark']) {
    const { page, context, problems } = await openGallery();
    await page.emulateMedia({ colorScheme });
    // Problems listed, so their buttons are checked too.
    await page.locator('#source').fill(BROKEN);
    await page.waitForSelector('#problems .problem');
    await page.waitForFunction(() => document.querySelectorAll('#matrix tbody tr').length > 0);
    // The phones are their own documents (checked on the preview page); this checks the tool.
    const { violations, rules } = await axeCheck(page, { exclude: [['iframe']] });
    assert.ok(rules >= 20, `axe applied ${rules} rules`);
    for (const v of violations) found.push(`${colorScheme}: ${v}`);
    assert.deepEqual(problems, []);
    await context.close();
  }
  assert.deepEqual(found, []);
});
