// npm run snapshots [-- --feed www/feeds/sample.json] [--out target/snapshots]
//
// Renders a feed on every built-in skin in headless Chromium, one screenshot per card at
// 412 × 915 CSS px, and writes per skin a PNG contact sheet (<out>/<skin>.png) plus one JSON
// report of the feed's rejections and every card's layout warnings (<out>/report.json).
// The contact sheet is composed by the same browser, so nothing else needs installing.

import { chromium } from 'playwright-core';
import { mkdirSync, readFileSync, writeFileSync, copyFileSync, rmSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { serve } from './serve.mjs';

const args = Object.fromEntries(
  process.argv.slice(2).reduce((pairs, a, i, all) => (a.startsWith('--') ? [...pairs, [a.slice(2), all[i + 1]]] : pairs), []),
);
const root = resolve(new URL('..', import.meta.url).pathname);
const feedPath = resolve(args.feed ?? join(root, 'www/feeds/sample.json'));
const out = resolve(args.out ?? join(root, 'target/snapshots'));
const SKINS = ['generic', 'samsung-oneui', 'xiaomi-hyperos', 'vivo-originos', 'oppo-coloros'];

mkdirSync(out, { recursive: true });
// The page loads the feed by URL: copy it next to the page's own feeds, under a private name.
const servedFeed = `feeds/.snapshot-${process.pid}-${basename(feedPath)}`;
copyFileSync(feedPath, join(root, 'www', servedFeed));
const server = await serve({ port: 0, quiet: true });
const base = `http://127.0.0.1:${server.address().port}/`;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

const report = { feed: feedPath, skins: {} };
try {
  for (const skin of SKINS) {
    const page = await browser.newPage({ viewport: { width: 1100, height: 1000 } });
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${base}?feed=${encodeURIComponent(servedFeed)}&skin=${skin}&motion=reduce`);
    await page.waitForFunction(() => window.glance?.renderer && document.querySelector('#report-summary').dataset.state !== 'loading');
    const count = await page.evaluate(() => window.glance.renderer.count);
    const shots = [];
    const cards = [];
    for (let i = 0; i < count; i++) {
      process.stdout.write(`\r${skin}: card ${i + 1} of ${count}   `);
      await page.evaluate((index) => window.glance.renderer.goTo(index), i);
      // Wait for the card's pictures (and their contrast sample) before the screenshot.
      await page.waitForFunction(async (index) => {
        const id = window.glance.renderer.currentId;
        const card = document.querySelector(`[data-card-id="${CSS.escape(id)}"]`);
        if (!card || card.inert) return false;
        await Promise.all([...card.querySelectorAll('img')].map((img) => img.decode().catch(() => {})));
        return window.glance.renderer.index === index;
      }, i);
      await page.waitForTimeout(50);
      shots.push((await page.locator('#lock-screen').screenshot()).toString('base64'));
      cards.push(await page.evaluate((index) => {
        const l = window.glance.renderer.layoutOf(index);
        return { id: l.cardId, warnings: l.warnings, scrim: l.scrim };
      }, i));
    }
    const summary = await page.textContent('#report-summary');
    const rejections = await page.$$eval('#report-table tbody tr', (trs) => trs.map((tr) => [...tr.cells].map((c) => c.textContent)));
    report.skins[skin] = { summary, rejections, cards, errors };
    // The contact sheet: every screenshot in a grid, labelled, composed in the same browser.
    await page.setContent(`<!doctype html><body style="margin:0;background:#202124;font:14px system-ui;color:#eee">
      <h1 style="margin:16px;font-size:20px">${skin} · ${count} cards</h1>
      <div style="display:grid;grid-template-columns:repeat(7, 206px);gap:12px;padding:0 16px 16px">
      ${shots.map((s, i) => `<figure style="margin:0"><img src="data:image/png;base64,${s}" style="width:206px;border-radius:8px;display:block">
        <figcaption style="margin-top:4px;font-size:11px;word-break:break-all">${i + 1}. ${cards[i].id}${cards[i].warnings.length ? ' ⚠ ' + cards[i].warnings.map((w) => w.code).join(', ') : ''}</figcaption></figure>`).join('')}
      </div></body>`);
    await page.evaluate(() => Promise.all([...document.images].map((img) => img.decode())));
    await page.screenshot({ path: join(out, `${skin}.png`), fullPage: true });
    await page.close();
    process.stdout.write(`\r${skin}: ${count} cards → ${join(out, `${skin}.png`)}\n`);
  }
} finally {
  await browser.close();
  server.close();
  rmSync(join(root, 'www', servedFeed), { force: true });
}
writeFileSync(join(out, 'report.json'), JSON.stringify(report, null, 2));
const warned = Object.values(report.skins).flatMap((s) => s.cards).filter((c) => c.warnings.length).length;
console.log(`report: ${join(out, 'report.json')} (${warned} card layouts with warnings)`);
if (Object.values(report.skins).some((s) => s.errors.length)) {
  console.error('script errors on the page: see report.json');
  process.exit(1);
}
