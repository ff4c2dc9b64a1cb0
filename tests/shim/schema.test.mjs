// The JSON Schema that ships with the package: the sample feed validates, and it refuses what
// the renderer refuses.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

const read = (p) => JSON.parse(readFileSync(new URL(`../../www/${p}`, import.meta.url), 'utf8'));
const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats(ajv);
const validate = ajv.compile(read('feed.schema.json'));

test('the sample feed validates against the schema', () => {
  const ok = validate(read('feeds/sample.json'));
  assert.equal(ok, true, JSON.stringify(validate.errors, null, 2));
});

const good = { id: 'a', kind: 'news', lang: 'en', title: 'T', source: { name: 'Desk' } };
const cases = [
  ['wrong version', { version: 2, cards: [good] }],
  ['no cards', { version: 1, cards: [] }],
  ['unknown kind', { version: 1, cards: [{ ...good, kind: 'podcast' }] }],
  ['javascript: link', { version: 1, cards: [{ ...good, cta: { label: 'Go', url: 'javascript:alert(1)' } }] }],
  ['http: link', { version: 1, cards: [{ ...good, cta: { label: 'Go', url: 'http://example.com' } }] }],
  ['http: media', { version: 1, cards: [{ ...good, media: { type: 'image', src: 'http://x.example/a.jpg' } }] }],
  ['data: media', { version: 1, cards: [{ ...good, media: { type: 'image', src: 'data:image/png;base64,AA' } }] }],
  ['protocol-relative media', { version: 1, cards: [{ ...good, media: { type: 'image', src: '//x.example/a.jpg' } }] }],
  ['bad lang', { version: 1, cards: [{ ...good, lang: 'hi_IN' }] }],
  ['sports without score', { version: 1, cards: [{ ...good, kind: 'sports' }] }],
  ['image without media', { version: 1, cards: [{ ...good, kind: 'image' }] }],
  ['title too long', { version: 1, cards: [{ ...good, title: 'x'.repeat(301) }] }],
  ['bad date', { version: 1, cards: [{ ...good, starts_at: 'tomorrow' }] }],
];
for (const [name, feed] of cases) {
  test(`the schema refuses: ${name}`, () => {
    assert.equal(validate(feed), false);
  });
}

test('unknown fields are allowed (forward compatible)', () => {
  assert.equal(validate({ version: 1, future: 1, cards: [{ ...good, reactions: { likes: 1 } }] }), true);
});
