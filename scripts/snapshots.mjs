// npm run snapshots -- [path/to/feed.json] [--out DIR] [--strict] [--skins a,b] [--presets "20:9,foldable"]
//
// Renders a feed (the sample by default) on every built-in skin and device preset in headless
// Chromium, one screenshot per card, and writes per skin a PNG contact sheet (<out>/<skin>.png,
// a section per preset) and one JSON report (<out>/report.json) of the feed's rejections and
// every card's layout warnings per skin and preset. Exit status: 1 when the feed has errors (it
// is refused whole, or cards are rejected) or the page failed; with --strict, also when a
// layout has warnings; else 0. Progress goes to stderr. The contact sheets are composed by the
// same browser, so nothing else needs installing.

import { chromium } from 'playwright-core';
import { mkdirSync, readFileSync, writeFileSync, copyFileSync, rmSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { serve } from './serve.mjs';

const argv = process.argv.slice(2);
const flags = {};
const positional = [];
for (let i = 0; i < argv.length; i++) {
  if (argv[i] === '--strict') flags.strict = true;
  else if (argv[i].startsWith('--')) flags[argv[i].slice(2)] = argv[++i];
  else positional.push(argv[i]);
}
const root = resolve(new URL('..', import.meta.url).pathname);
const feedPath = resolve(positional[0] ?? flags.feed ?? join(root, 'www/feeds/sample.json'));
const out = resolve(flags.out ?? join(root, 'target/snapshots'));
// The built-in skins (www/skins.json, checked equal to the renderer's list by tests).
const ALL_SKINS = JSON.parse(readFileSync(join(root, 'www/skins.json'), 'utf8')).map((s) => s.name);
// The device presets (the layout engine's, checked equal by tests/layout_golden.rs), in CSS px.
const ALL_PRESETS = JSON.parse(readFileSync(join(root, 'www/devices.json'), 'utf8')).map((d) => [d.name, d.width, d.height]);
const pick = (all, list, name) => {
  if (!list) return all;
  const wanted = list.split(',').map((s) => s.trim());
  const unknown = wanted.filter((w) => !all.some((a) => (Array.isArray(a) ? a[0] : a) === w));
  if (unknown.length) {
    console.error(`unknown ${name}: ${unknown.join(', ')}`);
    process.exit(2);
  }
  return all.filter((a) => wanted.includes(Array.isArray(a) ? a[0] : a));
};
const SKINS = pick(ALL_SKINS, flags.skins, 'skin');
const PRESETS = pick(ALL_PRESETS, flags.presets, 'preset');
const progress = (text) => process.stderr.write(`\r${text}\x1b[K`);

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

const report = { feed: feedPath, refused: null, rejections: [], warnings: 0, pageErrors: [], skins: {} };
try {
  for (const skin of SKINS) {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1400 } });
    page.on('pageerror', (e) => report.pageErrors.push(`${skin}: ${e.message}`));
    await page.goto(`${base}?feed=${encodeURIComponent(servedFeed)}&skin=${skin}&motion=reduce`);
    await page.waitForFunction(() => window.glance?.renderer && document.querySelector('#report-summary').dataset.state !== 'loading');
    const state = await page.evaluate(() => ({
      count: window.glance.renderer.count,
      summary: document.querySelector('#report-summary').textContent,
      failed: document.querySelector('#report-summary').dataset.state === 'error',
      rejections: [...document.querySelectorAll('#report-table tbody tr')].map((tr) => {
        const [index, id, field, reason] = [...tr.cells].map((c) => c.textContent);
        return { index: Number(index), id: id === '—' ? null : id, field, reason };
      }),
    }));
    report.rejections = state.rejections;
    if (state.failed || state.count === 0) {
      report.refused = state.summary;
      await page.close();
      break;
    }
    const sections = [];
    report.skins[skin] = { summary: state.summary, presets: {} };
    for (const [preset, width, height] of PRESETS) {
      // The phone's screen at the preset's size; the renderer lays out again on the resize.
      await page.evaluate(([w, h]) => {
        const screen = document.getElementById('lock-screen');
        screen.style.width = `${w}px`;
        screen.style.height = `${h}px`;
        screen.style.maxHeight = 'none';
      }, [width, height]);
      const shots = [];
      const cards = [];
      for (let i = 0; i < state.count; i++) {
        progress(`${skin} · ${preset}: card ${i + 1} of ${state.count}`);
        await page.evaluate((index) => window.glance.renderer.goTo(index), i);
        // The card in view, its pictures decoded (and their contrast sampled), laid out for
        // this size.
        await page.waitForFunction(async ([index, w]) => {
          const id = window.glance.renderer.currentId;
          const card = document.querySelector(`[data-card-id="${CSS.escape(id)}"]`);
          if (!card || card.inert || Math.abs(card.getBoundingClientRect().width - w) > 1) return false;
          await Promise.all([...card.querySelectorAll('img')].map((img) => img.decode().catch(() => {})));
          return window.glance.renderer.index === index;
        }, [i, width]);
        // Reduced motion: the cards cross-fade (200 ms) and nothing else moves; the shot waits
        // for the fade to end, or two cards would show at once.
        await page.waitForFunction(() => document.getAnimations().every((an) => an.playState !== 'running'));
        shots.push((await page.locator('#lock-screen').screenshot()).toString('base64'));
        const layout = await page.evaluate((index) => {
          const l = window.glance.renderer.layoutOf(index);
          return { id: l.cardId, warnings: l.warnings, scrim: l.scrim };
        }, i);
        report.warnings += layout.warnings.length;
        cards.push(layout);
      }
      report.skins[skin].presets[preset] = { width, height, cards };
      sections.push({ preset, width, height, shots, cards });
    }
    await page.close();
    // The contact sheet: a section per preset, every screenshot labelled, composed on a blank
    // page (the preview's Content-Security-Policy would refuse its inline styles). Built with
    // the DOM, not an HTML string: card ids come from the feed and are only text.
    const sheet = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    await sheet.evaluate(({ skin, sections }) => {
      document.body.style.cssText = 'margin:0;background:#202124;font:14px system-ui;color:#eee';
      const parts = [];
      for (const section of sections) {
        const title = document.createElement('h1');
        title.style.cssText = 'margin:16px;font-size:20px';
        title.textContent = `${skin} · ${section.preset} (${section.width} × ${section.height}) · ${section.cards.length} cards`;
        const grid = document.createElement('div');
        const landscape = section.width > section.height;
        grid.style.cssText = `display:grid;grid-template-columns:repeat(${landscape ? 4 : 7}, ${landscape ? 360 : 206}px);gap:12px;padding:0 16px 16px`;
        section.shots.forEach((shot, i) => {
          const figure = document.createElement('figure');
          figure.style.margin = '0';
          const img = document.createElement('img');
          img.src = `data:image/png;base64,${shot}`;
          img.style.cssText = 'width:100%;border-radius:8px;display:block';
          const caption = document.createElement('figcaption');
          caption.style.cssText = 'margin-top:4px;font-size:11px;word-break:break-all';
          const card = section.cards[i];
          const warnings = card.warnings.map((w) => w.code).join(', ');
          caption.textContent = `${i + 1}. ${card.id}${warnings ? ` ⚠ ${warnings}` : ''}`;
          figure.append(img, caption);
          grid.append(figure);
        });
        parts.push(title, grid);
      }
      document.body.replaceChildren(...parts);
    }, { skin, sections });
    await sheet.evaluate(() => Promise.all([...document.images].map((img) => img.decode())));
    await sheet.screenshot({ path: join(out, `${skin}.png`), fullPage: true });
    await sheet.close();
    progress(`${skin}: ${PRESETS.length} presets → ${join(out, `${skin}.png`)}\n`);
  }
} finally {
  await browser.close();
  server.close();
  rmSync(join(root, 'www', servedFeed), { force: true });
}
writeFileSync(join(out, 'report.json'), JSON.stringify(report, null, 2));

const problems = [];
if (report.refused) problems.push(`the feed is refused: ${report.refused}`);
if (report.rejections.length) problems.push(`${report.rejections.length} rejection(s)`);
if (report.pageErrors.length) problems.push(`${report.pageErrors.length} page error(s)`);
const warned = report.warnings ? `${report.warnings} layout warning(s)` : 'no layout warnings';
console.log(`report: ${join(out, 'report.json')} (${problems.length ? problems.join(', ') : 'no errors'}; ${warned})`);
if (problems.length || (flags.strict && report.warnings > 0)) process.exit(1);
