// npm run snapshots as a content pipeline runs it: the files it writes and its exit status
// for a good feed, a feed with rejected cards, a feed refused whole, and --strict.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const script = new URL('../../scripts/snapshots.mjs', import.meta.url).pathname;
const feeds = new URL('../../www/feeds/', import.meta.url).pathname;

/** Runs the script on `feed` for one skin and two presets; returns its status and report. */
function snapshots(feed, ...extra) {
  const out = mkdtempSync(join(tmpdir(), 'glance-snapshots-'));
  const run = spawnSync(process.execPath, [script, feed, '--out', out, '--skins', 'vivo-originos', '--presets', '16:9 budget,landscape', ...extra], { encoding: 'utf8' });
  const reportPath = join(out, 'report.json');
  return { status: run.status, stdout: run.stdout, stderr: run.stderr, out, report: existsSync(reportPath) ? JSON.parse(readFileSync(reportPath, 'utf8')) : null };
}

test('the sample feed: a contact sheet and a report per preset, exit 0; --strict fails on its warnings', () => {
  const good = snapshots(join(feeds, 'sample.json'));
  assert.equal(good.status, 0, good.stderr);
  const png = readFileSync(join(good.out, 'vivo-originos.png'));
  assert.equal(png.subarray(1, 4).toString(), 'PNG');
  assert.ok(png.length > 100_000, `${png.length} bytes of contact sheet`);
  const presets = good.report.skins['vivo-originos'].presets;
  assert.deepEqual(Object.keys(presets), ['16:9 budget', 'landscape']);
  assert.equal(presets.landscape.cards.length, 14);
  assert.deepEqual(good.report.rejections, []);
  assert.equal(good.report.refused, null);
  assert.ok(presets.landscape.cards.some((c) => c.warnings.some((w) => w.code === 'summaryDropped')), 'landscape squeezes the summaries');
  assert.match(good.stdout, /no errors; \d+ layout warning\(s\)/);
  assert.match(good.stderr, /vivo-originos · landscape: card 14 of 14/, 'progress is shown');

  const strict = snapshots(join(feeds, 'sample.json'), '--strict');
  assert.equal(strict.status, 1, 'warnings fail the run with --strict');
});

test('a feed with rejected cards, or refused whole, fails the run and says why', () => {
  const broken = snapshots(join(feeds, 'broken.json'));
  assert.equal(broken.status, 1);
  assert.equal(broken.report.rejections.length, 5);
  assert.deepEqual(broken.report.rejections[0], {
    index: 1,
    id: 'phishing-link',
    field: 'cta.url',
    reason: 'uses the scheme "javascript:"; allowed: "https:" or a deep-link scheme of the skin',
  });
  assert.match(broken.stdout, /5 rejection\(s\)/);

  const dir = mkdtempSync(join(tmpdir(), 'glance-feed-'));
  const notJson = join(dir, 'not-json.json');
  writeFileSync(notJson, '{"version": 1, "cards": [');
  const refused = snapshots(notJson);
  assert.equal(refused.status, 1);
  assert.match(refused.report.refused, /Feed refused/);
  assert.deepEqual(refused.report.skins, {});
  assert.match(refused.stdout, /the feed is refused/);
});
