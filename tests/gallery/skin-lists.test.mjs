// The preview's skin menu is written into index.html (so it is there before any script runs,
// and a hostile feed's test can tell the page's own elements from injected ones); it must
// offer the built-in skins of www/skins.json, which tests/layout_golden.rs holds equal to the
// renderer's list, under the same labels as the gallery.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

const read = (path) => readFileSync(new URL(`../../www/${path}`, import.meta.url), 'utf8');

test("the preview's skin menu offers exactly the built-in skins, labelled as in the gallery", () => {
  const menu = /<select id="skin-select">([\s\S]*?)<\/select>/.exec(read('index.html'))[1];
  const offered = [...menu.matchAll(/<option value="([^"]+)">([^<]+)<\/option>/g)].map(([, name, label]) => ({ name, label }));
  assert.deepEqual(offered, JSON.parse(read('skins.json')));
});
