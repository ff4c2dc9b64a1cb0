// Line breaking with Chromium as the oracle. Headlines written for this project, 40 or more
// in each of 15 languages (tests/text/headlines/), are laid out by the renderer on two skins,
// at font scales 1.0, 1.3 and 2.0, on 360 and 412 px phones; each headline's lines (and each
// summary's, on every other card) are compared with the lines Chromium itself makes of the
// same text in an element of the same width, font, language and direction (normal wrapping,
// overflow-wrap: break-word). The test prints the break-exact rate per language and fails
// below 99.5 % overall or 97.5 % in any language, or when any rendered line is wider than its
// box. It also checks the decisions the lines drive: the headline's size (or its ellipsis)
// and how many summary lines are kept must be what Chromium's lines give by the same rule.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { startBrowser } from './support.mjs';

const root = new URL('../..', import.meta.url).pathname.replace(/\/$/, '');
const dir = new URL('../text/headlines/', import.meta.url).pathname;
const corpus = readdirSync(dir)
  .filter((f) => f.endsWith('.txt'))
  .flatMap((f) => {
    const lang = f.replace(/\.txt$/, '');
    const lines = readFileSync(dir + f, 'utf8').split('\n').filter((l) => l.trim());
    // Every headline is a card's title; every other card has the next headline as its
    // summary (set in the summary's smaller regular type, in what the headline leaves).
    return lines.map((title, i) => ({
      id: `${lang}-${i + 1}`, kind: 'news', lang, title, source: { name: 'Desk' },
      ...(i % 2 ? { summary: lines[(i + 1) % lines.length] } : {}),
    }));
  });

const SKINS = ['generic', 'samsung-oneui'];
const ALL_SKINS = ['generic', 'samsung-oneui', 'xiaomi-hyperos', 'vivo-originos', 'oppo-coloros'];

/**
 * The oracle page (tests/text/oracle.html) in a fresh browser, its script errors collected;
 * `withoutLineBreaker` takes `Intl.v8BreakIterator` away before the page loads, as in a
 * browser that is not Chromium.
 */
async function oraclePage({ withoutLineBreaker = false } = {}) {
  const { server, browser, base } = await startBrowser({ root, allow: ['/www/', '/tests/text/'] });
  const page = await browser.newPage();
  if (withoutLineBreaker) await page.addInitScript(() => { delete Intl.v8BreakIterator; });
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${base}tests/text/oracle.html`);
  await page.waitForFunction(() => typeof window.compare === 'function', null, { polling: 100 });
  await page.evaluate(() => window.oracleReady);
  return { server, browser, errors, page };
}

// The face Chromium draws each language's headline with, as its font back end reports it
// (CSS.getPlatformFontsForNode), with the Debian Noto packages the set-up installs: Naskh for
// Arabic and Persian, Nastaliq for Urdu and Shahmukhi Punjabi, the Japanese, Simplified
// Chinese and Korean cuts of Noto Sans CJK, and the plain (not looped) Thai face.
const FACES = [
  ['hi', 'Noto Sans Devanagari'], ['mr', 'Noto Sans Devanagari'], ['ta', 'Noto Sans Tamil'],
  ['bn', 'Noto Sans Bengali'], ['te', 'Noto Sans Telugu'], ['ur', 'Noto Nastaliq Urdu'],
  ['pnb', 'Noto Nastaliq Urdu'], ['ar', 'Noto Naskh Arabic'], ['fa', 'Noto Naskh Arabic'],
  ['th', 'Noto Sans Thai'], ['km', 'Noto Sans Khmer'], ['my', 'Noto Sans Myanmar'],
  ['ja', 'Noto Sans CJK JP'], ['zh', 'Noto Sans CJK SC'], ['zh-TW', 'Noto Sans CJK TC'],
  ['ko', 'Noto Sans CJK KR'], ['en', 'Noto Sans'], ['vi', 'Noto Sans'],
];
// Headlines in the languages the corpus does not have (written for this test).
const EXTRA = {
  ar: 'الأرصاد تتوقع أمطارا غزيرة على السواحل الشمالية حتى نهاية الأسبوع',
  fa: 'تیم ملی والیبال با پیروزی سه بر یک راهی نیمه‌نهایی شد',
  pnb: 'لاہور وچ اج مینہ پین دا امکان، شہریاں نوں احتیاط دی ہدایت',
  zh: '气象台发布暴雨蓝色预警，明天傍晚前后将有强降雨',
  'zh-TW': '颱風外圍環流影響，北部山區今晚起防豪雨',
  ko: '한국 대표팀, 연장 접전 끝에 결승 진출 확정',
};

test('each script is set in its own face, in the DOM the renderer builds, on every skin', async () => {
  const { server, browser, errors, page } = await oraclePage();
  try {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const wrong = [];
    for (const skin of ALL_SKINS) {
      for (const [lang, face] of FACES) {
        const title = EXTRA[lang] ?? corpus.find((c) => c.lang === lang).title;
        const probe = await page.evaluate((args) => window.probe(args), { skin, card: { id: 'probe', kind: 'news', lang, title, source: { name: 'Desk' } } });
        const { root: doc } = await cdp.send('DOM.getDocument', { depth: -1 });
        const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: doc.nodeId, selector: '[data-probe] .glance-title' });
        assert.ok(nodeId, `${skin} ${lang}: the headline is in the DOM`);
        const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
        const main = [...fonts].sort((a, b) => b.glyphCount - a.glyphCount)[0]?.familyName;
        if (main !== face) wrong.push(`${skin} ${lang}: drawn in ${main} (${fonts.map((f) => `${f.familyName} ×${f.glyphCount}`).join(', ')}), not ${face}; font-family ${probe.fontFamily}`);
        await page.evaluate(() => window.unprobe());
      }
    }
    assert.deepEqual(wrong, []);
    assert.deepEqual(errors, [], 'no script error on the oracle page');
  } finally {
    await browser.close();
    server.close();
  }
});
const PHONES = [{ width: 360, height: 800 }, { width: 412, height: 915 }];
const SCALES = [1.0, 1.3, 2.0];

test('headlines break where Chromium breaks them, in every language, and never overflow', async () => {
  const languages = new Set(corpus.map((c) => c.lang));
  assert.equal(languages.size, 15, 'fifteen languages');
  for (const lang of languages) {
    assert.ok(corpus.filter((c) => c.lang === lang).length >= 40, `at least 40 headlines in ${lang}`);
  }
  const { server, browser, errors, page } = await oraclePage();
  try {
    const stats = new Map();
    const misses = [];
    const overflows = [];
    const decisions = [];
    for (const skin of SKINS) for (const phone of PHONES) for (const fontScale of SCALES) {
      const results = await page.evaluate((args) => window.compare(args), { skin, ...phone, fontScale, cards: corpus });
      for (const r of results) {
        const s = stats.get(r.lang) ?? { cases: 0, exact: 0, sized: 0, summaries: 0, summaryExact: 0, kept: 0 };
        stats.set(r.lang, s);
        s.cases++;
        if (r.missing) {
          misses.push(`${r.id} (${skin}, ${phone.width} px, ×${fontScale}): no headline`);
          continue;
        }
        // An ellipsised headline: the lines before the cut must be Chromium's, and the cut
        // line a start of Chromium's line there.
        const n = r.renderer.length;
        const exact = r.ellipsised
          ? r.renderer.slice(0, n - 1).every((l, i) => l === r.chromium[i]) &&
            (r.chromium[n - 1] ?? '').startsWith(r.renderer[n - 1].replace(/…$/u, '').trimEnd())
          : JSON.stringify(r.renderer) === JSON.stringify(r.chromium);
        if (exact) s.exact++;
        else misses.push(`${r.id} (${skin}, ${phone.width} px, ×${fontScale}, ${r.fontSize} px in ${r.boxWidth} px)\n      renderer ${JSON.stringify(r.renderer)}\n      chromium ${JSON.stringify(r.chromium)}`);
        const where = `${skin}, ${phone.width} px, ×${fontScale}`;
        const overflow = (lines, widths, boxWidth) => widths.forEach((w, i) => {
          // Chromium itself lets a line run over by less than its layout unit (1/64 px).
          if (w > boxWidth + 1 / 64 + 1e-6) overflows.push(`${r.id} (${where}): "${lines[i]}" is ${w.toFixed(2)} px in ${boxWidth} px`);
        });
        overflow(r.renderer, r.widths, r.boxWidth);
        const same = (a, b) => (a === null || b === null ? a === b : Math.abs(a - b) < 1e-3);
        if (same(r.size.renderer, r.size.chromium)) s.sized++;
        else decisions.push(`${r.id} (${where}): headline at ${r.size.renderer ?? 'ellipsis'}, Chromium's lines give ${r.size.chromium ?? 'ellipsis'}`);
        if (r.summary) {
          const m = r.summary;
          s.summaries++;
          const n = m.renderer.length;
          const exact = m.shortened
            ? m.renderer.slice(0, n - 1).every((l, i) => l === m.chromium[i]) &&
              (m.chromium[n - 1] ?? '').startsWith(m.renderer[n - 1].replace(/…$/u, '').trimEnd())
            : JSON.stringify(m.renderer) === JSON.stringify(m.chromium.slice(0, n));
          if (exact) s.summaryExact++;
          else misses.push(`${r.id} summary (${where})\n      renderer ${JSON.stringify(m.renderer)}\n      chromium ${JSON.stringify(m.chromium)}`);
          if (n === m.kept) s.kept++;
          else decisions.push(`${r.id} (${where}): ${n} summary lines kept, Chromium's lines give ${m.kept}`);
          overflow(m.renderer, m.widths, m.boxWidth);
        }
      }
    }
    const total = { cases: 0, exact: 0, sized: 0, summaries: 0, summaryExact: 0, kept: 0 };
    const rows = [];
    const pct = (a, b) => ((100 * a) / b).toFixed(1).padStart(5);
    for (const [lang, s] of [...stats].sort()) {
      for (const k of Object.keys(total)) total[k] += s[k];
      rows.push(`  ${lang.padEnd(4)} ${pct(s.exact, s.cases)} %  (${s.exact} of ${s.cases})   summaries ${pct(s.summaryExact, s.summaries)} %   size ${pct(s.sized, s.cases)} %   kept ${pct(s.kept, s.summaries)} %`);
    }
    const overall = (100 * total.exact) / total.cases;
    const summaries = (100 * total.summaryExact) / total.summaries;
    console.log(`break-exact against Chromium: ${overall.toFixed(2)} % of ${total.cases} headline layouts, ${summaries.toFixed(2)} % of ${total.summaries} summaries\n` +
      `decisions as Chromium's lines make them: headline size ${pct(total.sized, total.cases)} %, summary lines kept ${pct(total.kept, total.summaries)} %\n${rows.join('\n')}`);
    if (misses.length) console.log(`first differences:\n  ${misses.slice(0, 12).join('\n  ')}`);
    if (decisions.length) console.log(`first different decisions:\n  ${decisions.slice(0, 8).join('\n  ')}`);
    assert.deepEqual(errors, [], 'no script error on the oracle page');
    assert.deepEqual(overflows.slice(0, 10), [], `${overflows.length} lines wider than their box`);
    for (const [lang, s] of stats) {
      assert.ok(s.exact / s.cases >= 0.975, `${lang}: ${((100 * s.exact) / s.cases).toFixed(1)} % break-exact, below 97.5 %`);
      assert.ok(s.summaryExact / s.summaries >= 0.975, `${lang}: ${((100 * s.summaryExact) / s.summaries).toFixed(1)} % of summaries break-exact, below 97.5 %`);
    }
    assert.ok(overall >= 99.5, `${overall.toFixed(2)} % break-exact overall, below 99.5 %`);
    assert.ok(summaries >= 99.5, `${summaries.toFixed(2)} % of summaries break-exact, below 99.5 %`);
    assert.ok(total.sized / total.cases >= 0.995, `headline size as Chromium's lines make it in ${pct(total.sized, total.cases)} %, below 99.5 %`);
    assert.ok(total.kept / total.summaries >= 0.995, `summary lines kept as Chromium's lines make them in ${pct(total.kept, total.summaries)} %, below 99.5 %`);
  } finally {
    await browser.close();
    server.close();
  }
});

test('without Intl.v8BreakIterator, word boundaries and core\'s UAX #14 rules still break where Chromium does', async () => {
  const { server, browser, errors, page } = await oraclePage({ withoutLineBreaker: true });
  try {
    assert.equal(await page.evaluate(() => typeof Intl.v8BreakIterator), 'undefined');
    const results = await page.evaluate((args) => window.compare(args), { skin: 'generic', ...PHONES[0], fontScale: 1.0, cards: corpus });
    const stats = new Map();
    const misses = [];
    for (const r of results) {
      const s = stats.get(r.lang) ?? { cases: 0, exact: 0 };
      stats.set(r.lang, s);
      s.cases++;
      const n = r.renderer?.length ?? 0;
      const exact = !r.missing && (r.ellipsised
        ? r.renderer.slice(0, n - 1).every((l, i) => l === r.chromium[i]) &&
          (r.chromium[n - 1] ?? '').startsWith(r.renderer[n - 1].replace(/…$/u, '').trimEnd())
        : JSON.stringify(r.renderer) === JSON.stringify(r.chromium));
      if (exact) s.exact++;
      else misses.push(`${r.id}\n      renderer ${JSON.stringify(r.renderer)}\n      chromium ${JSON.stringify(r.chromium)}`);
    }
    const total = [...stats.values()].reduce((t, s) => ({ cases: t.cases + s.cases, exact: t.exact + s.exact }), { cases: 0, exact: 0 });
    const rows = [...stats].sort().map(([lang, s]) => `${lang} ${((100 * s.exact) / s.cases).toFixed(1)} %`);
    console.log(`without a line breaker: ${((100 * total.exact) / total.cases).toFixed(2)} % of ${total.cases} headlines break-exact; ${rows.join(', ')}`);
    if (misses.length) console.log(`first differences:\n  ${misses.slice(0, 8).join('\n  ')}`);
    assert.deepEqual(errors, [], 'no script error on the oracle page');
    for (const [lang, s] of stats) assert.ok(s.exact / s.cases >= 0.95, `${lang}: ${((100 * s.exact) / s.cases).toFixed(1)} % break-exact, below 95 %`);
    assert.ok(total.exact / total.cases >= 0.99, `${((100 * total.exact) / total.cases).toFixed(2)} % break-exact overall, below 99 %`);
  } finally {
    await browser.close();
    server.close();
  }
});
