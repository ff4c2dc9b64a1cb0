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
      // Reduced motion: the cards cross-fade (200 ms) and nothing else moves; the shot waits
      // for the fade to end, or two cards would show at once.
      await page.waitForFunction(() => document.getAnimations().every((an) => an.playState !== 'running'));
      shots.push((await page.locator('#lock-screen').screenshot()).toString('base64'));
      cards.push(await page.evaluate((index) => {
        const l = window.glance.renderer.layoutOf(index);
        return { id: l.cardId, warnings: l.warnings, scrim: l.scrim };
      }, i));
    }
    const summary = await page.textContent('#report-summary');
    const rejections = await page.$$eval('#report-table tbody tr', (trs) => trs.map((tr) => [...tr.cells].map((c) => c.textContent)));
    report.skins[skin] = { summary, rejections, cards, errors };
    await page.close();
    // The contact sheet: every screenshot in a grid, labelled, composed in the same browser on
    // a blank page (the preview's Content-Security-Policy would refuse its inline styles).
    // Built with the DOM, not an HTML string: card ids come from the feed and are only text.
    const sheet = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    await sheet.evaluate(({ skin, count, shots, cards }) => {
      document.body.style.cssText = 'margin:0;background:#202124;font:14px system-ui;color:#eee';
      const title = document.createElement('h1');
      title.style.cssText = 'margin:16px;font-size:20px';
      title.textContent = `${skin} · ${count} cards`;
      const grid = document.createElement('div');
      grid.style.cssText = 'display:grid;grid-template-columns:repeat(7, 206px);gap:12px;padding:0 16px 16px';
      shots.forEach((shot, i) => {
        const figure = document.createElement('figure');
        figure.style.margin = '0';
        const img = document.createElement('img');
        img.src = `data:image/png;base64,${shot}`;
        img.style.cssText = 'width:206px;border-radius:8px;display:block';
        const caption = document.createElement('figcaption');
        caption.style.cssText = 'margin-top:4px;font-size:11px;word-break:break-all';
        const warnings = cards[i].warnings.map((w) => w.code).join(', ');
        caption.textContent = `${i + 1}. ${cards[i].id}${warnings ? ` ⚠ ${warnings}` : ''}`;
        figure.append(img, caption);
        grid.append(figure);
      });
      document.body.replaceChildren(title, grid);
    }, { skin, count, shots, cards });
    await sheet.evaluate(() => Promise.all([...document.images].map((img) => img.decode())));
    await sheet.screenshot({ path: join(out, `${skin}.png`), fullPage: true });
    await sheet.close();
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
