// Line breaking with Chromium as the oracle. Headlines written for this project, 40 or more
// in each of 15 languages (tests/text/headlines/), are laid out by the renderer on two skins,
// at font scales 1.0, 1.3 and 2.0, on 360 and 412 px phones; each headline's lines are
// compared with the lines Chromium itself makes of the same text in an element of the same
// width, font, language and direction (normal wrapping, overflow-wrap: break-word). The test
// prints the break-exact rate per language and fails below 99.5 % overall or 97.5 % in any
// language, or when any rendered line is wider than its box.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { serve } from '../../scripts/serve.mjs';

const root = new URL('../..', import.meta.url).pathname.replace(/\/$/, '');
const dir = new URL('../text/headlines/', import.meta.url).pathname;
const corpus = readdirSync(dir)
  .filter((f) => f.endsWith('.txt'))
  .flatMap((f) => {
    const lang = f.replace(/\.txt$/, '');
    return readFileSync(dir + f, 'utf8').split('\n').filter((l) => l.trim())
      .map((title, i) => ({ id: `${lang}-${i + 1}`, kind: 'news', lang, title, source: { name: 'Desk' } }));
  });

const SKINS = ['generic', 'samsung-oneui'];
const PHONES = [{ width: 360, height: 800 }, { width: 412, height: 915 }];
const SCALES = [1.0, 1.3, 2.0];

test('headlines break where Chromium breaks them, in every language, and never overflow', async () => {
  const languages = new Set(corpus.map((c) => c.lang));
  assert.equal(languages.size, 15, 'fifteen languages');
  for (const lang of languages) {
    assert.ok(corpus.filter((c) => c.lang === lang).length >= 40, `at least 40 headlines in ${lang}`);
  }
  const server = await serve({ port: 0, quiet: true, root, allow: ['/www/', '/tests/text/'] });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  try {
    const page = await browser.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`http://127.0.0.1:${server.address().port}/tests/text/oracle.html`);
    await page.waitForFunction(() => typeof window.compare === 'function', null, { polling: 100 });
    await page.evaluate(() => window.oracleReady);
    const stats = new Map();
    const misses = [];
    const overflows = [];
    for (const skin of SKINS) for (const phone of PHONES) for (const fontScale of SCALES) {
      const results = await page.evaluate((args) => window.compare(args), { skin, ...phone, fontScale, cards: corpus });
      for (const r of results) {
        const s = stats.get(r.lang) ?? { cases: 0, exact: 0 };
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
        r.widths.forEach((w, i) => {
          // Chromium itself lets a line run over by less than its layout unit (1/64 px).
          if (w > r.boxWidth + 1 / 64 + 1e-6) overflows.push(`${r.id} (${skin}, ${phone.width} px, ×${fontScale}): "${r.renderer[i]}" is ${w.toFixed(2)} px in ${r.boxWidth} px`);
        });
      }
    }
    let cases = 0;
    let exact = 0;
    const rows = [];
    for (const [lang, s] of [...stats].sort()) {
      cases += s.cases;
      exact += s.exact;
      rows.push(`  ${lang.padEnd(4)} ${((100 * s.exact) / s.cases).toFixed(1).padStart(5)} %  (${s.exact} of ${s.cases})`);
    }
    const overall = (100 * exact) / cases;
    console.log(`break-exact against Chromium: ${overall.toFixed(2)} % of ${cases} headline layouts\n${rows.join('\n')}`);
    if (misses.length) console.log(`first differences:\n  ${misses.slice(0, 12).join('\n  ')}`);
    assert.deepEqual(errors, [], 'no script error on the oracle page');
    assert.deepEqual(overflows.slice(0, 10), [], `${overflows.length} lines wider than their box`);
    for (const [lang, s] of stats) {
      assert.ok(s.exact / s.cases >= 0.975, `${lang}: ${((100 * s.exact) / s.cases).toFixed(1)} % break-exact, below 97.5 %`);
    }
    assert.ok(overall >= 99.5, `${overall.toFixed(2)} % break-exact overall, below 99.5 %`);
  } finally {
    await browser.close();
    server.close();
  }
});
