// The pages that run the renderer carry one Content-Security-Policy: the one the production
// page ships (and `npm run package` writes as a header file) is the one the preview and the
// gallery's phones are tested under. The gallery page itself may add only what framing needs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

const policy = (page) => {
  const html = readFileSync(new URL(`../../www/${page}`, import.meta.url), 'utf8');
  const match = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)">/);
  assert.ok(match, `${page} has a policy`);
  return match[1].split(';').map((d) => d.trim()).filter(Boolean);
};

test('the production page, the preview and the gallery phones run under the same policy', () => {
  const shipped = policy('lock.html');
  assert.ok(shipped.includes("default-src 'none'"));
  assert.ok(shipped.includes("script-src 'self' 'wasm-unsafe-eval'"));
  for (const page of ['index.html', 'frame.html']) assert.deepEqual(policy(page), shipped, page);
  const gallery = policy('gallery.html');
  assert.deepEqual(gallery.filter((d) => !d.startsWith('frame-src')), shipped, 'the gallery adds frame-src only');
});
