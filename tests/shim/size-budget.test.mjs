// The size report fails the build when the lock screen grows past its budget.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

const script = new URL('../../scripts/size.mjs', import.meta.url).pathname;
const built = existsSync(new URL('../../www/pkg/glance_renderer_bg.wasm', import.meta.url));
const run = (env) => spawnSync(process.execPath, [script], { env: { ...process.env, ...env }, encoding: 'utf8' });

test('the recorded budget is a positive byte count', () => {
  const { gzip_bytes } = JSON.parse(readFileSync(new URL('../../scripts/size-budget.json', import.meta.url), 'utf8'));
  assert.ok(Number.isInteger(gzip_bytes) && gzip_bytes > 0);
});

test('the built lock screen fits its budget', { skip: !built && 'run the build first' }, () => {
  const result = run({});
  assert.equal(result.status, 0, result.stderr);
  assert.match(result.stdout, /size budget: \d+ of \d+ bytes gzip/);
});

test('a lock screen over its budget fails with the figures', { skip: !built && 'run the build first' }, () => {
  const result = run({ GLANCE_SIZE_BUDGET: '1000' });
  assert.equal(result.status, 1);
  assert.match(result.stderr, /size budget exceeded: \d+ bytes gzip > 1000/);
});
