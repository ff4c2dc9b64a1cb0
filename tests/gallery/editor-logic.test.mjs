// The gallery editor's pure parts: where things are in a JSON text being typed, the schema's
// hints, and which card versions stand in while an edit is broken.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { mapJson, nodeAt, pathAt, lineColumn, offsetOf } from '../../www/gallery/json-map.js';
import { hintAt, schemaAt, dotted } from '../../www/gallery/schema-hints.js';
import { LastGood } from '../../www/gallery/last-good.js';

const SAMPLE = readFileSync(new URL('../../www/feeds/sample.json', import.meta.url), 'utf8');
const SCHEMA = JSON.parse(readFileSync(new URL('../../www/feed.schema.json', import.meta.url), 'utf8'));

test('a field named by a problem is found in the text, key and value', () => {
  const root = mapJson(SAMPLE);
  const { node, depth } = nodeAt(root, ['cards', 1, 'media', 'focus', 'x']);
  assert.equal(depth, 5);
  assert.equal(SAMPLE.slice(node.keyStart, node.end), '"x": 0.4');
  // A field the card does not have: the deepest part that exists (here the card).
  const missing = nodeAt(root, ['cards', 1, 'cta', 'url']);
  assert.equal(missing.depth, 2);
  assert.ok(SAMPLE.slice(missing.node.start, missing.node.end).startsWith('{\n      "id": "monsoon-mumbai-en"'));
});

test('the caret gives the path of the key or value it is in', () => {
  const text = '{"cards": [{"id": "a", "media": {"src": "x.jpg"}}, {"title": "t"}]}';
  const root = mapJson(text);
  assert.deepEqual(pathAt(root, text.indexOf('x.jpg')), ['cards', 0, 'media', 'src']);
  assert.deepEqual(pathAt(root, text.indexOf('"src"') + 1), ['cards', 0, 'media', 'src'], 'on the key');
  assert.deepEqual(pathAt(root, text.indexOf('"title"') - 1), ['cards', 1]);
  assert.deepEqual(pathAt(root, 0), []);
});

test('broken text is mapped up to where it breaks, never throwing or looping', () => {
  const text = '{"version": 1, "cards": [{"id": "a", "title": "unterminated}, {"id": ';
  const root = mapJson(text);
  assert.equal(nodeAt(root, ['cards', 0, 'id']).depth, 3);
  for (const bad of ['', '{', '[', '{"a"', '{"a":', '[1,,2]', '{"a" 1}', '}}}', ']', '{"a": [}', '"\\', 'nul']) {
    assert.doesNotThrow(() => pathAt(mapJson(bad), bad.length), bad);
  }
  // Escaped quotes do not end a string.
  const escaped = '{"t": "say \\"hi\\"", "u": 1}';
  assert.equal(nodeAt(mapJson(escaped), ['u']).depth, 1);
});

test('lines and columns convert both ways, 1-based', () => {
  const text = 'ab\ncde\n\nf';
  for (const offset of [0, 1, 3, 5, 7, 8, 9]) {
    const { line, column } = lineColumn(text, offset);
    assert.equal(offsetOf(text, line, column), offset);
  }
  assert.deepEqual(lineColumn(text, 4), { line: 2, column: 2 });
  assert.equal(offsetOf(text, 99, 1), text.length, 'past the end: the end');
});

test("the schema's hint: what a field is for, its values, and the fields beside it", () => {
  const kind = hintAt(SCHEMA, ['cards', 0, 'kind']);
  assert.equal(kind.field, 'cards[0].kind');
  assert.match(kind.about, /one of "image", "video", "news", "sports", "sponsored"/);
  assert.match(kind.fields, /^id\* · kind\* · lang\* · title\*/);
  const src = hintAt(SCHEMA, ['cards', 3, 'media', 'src']);
  assert.match(src.about, /relative path .* or an https: URL/, 'through $ref');
  assert.match(src.fields, /type\* · src\*/);
  const unknown = hintAt(SCHEMA, ['cards', 0, 'colour']);
  assert.match(unknown.about, /Not a field of Feed v1: ignored/);
  assert.equal(hintAt(SCHEMA, ['cards', 0, 'media', 'src', 'deeper']), null);
  assert.equal(schemaAt(SCHEMA, ['version']).const, 1);
  assert.equal(dotted(['cards', 2, 'score', 'home']), 'cards[2].score.home');
});

test('a refused card shows its last good version; only by id, unless its id is being edited', () => {
  const good = new LastGood();
  const v1 = [{ id: 'a', title: 'A' }, { id: 'b', title: 'B' }];
  assert.deepEqual(good.apply(v1, new Set()).shown, v1);
  // b's title emptied: b as it was.
  const v2 = [{ id: 'a', title: 'A2' }, { id: 'b', title: '' }];
  const second = good.apply(v2, new Set([1]));
  assert.deepEqual(second.shown, [{ id: 'a', title: 'A2' }, { id: 'b', title: 'B' }]);
  assert.deepEqual([...second.standIns], [1]);
  // Cards reordered, b still broken: found by id, not by place.
  const third = good.apply([{ id: 'b', title: '' }, { id: 'a', title: 'A2' }], new Set([0]));
  assert.deepEqual(third.shown[0], { id: 'b', title: 'B' });
  // A place whose last good card is elsewhere in the text now stands in for nothing.
  const moved = good.apply([{ id: 'a', title: 'A2' }, { title: 'B' }], new Set([1]));
  assert.deepEqual(moved.shown[1], { title: 'B' });
  // A new card never good: shown as it is (the renderer refuses it, as a phone would).
  const fifth = good.apply([{ id: 'c', title: '' }], new Set([0]));
  assert.deepEqual([fifth.shown, [...fifth.standIns]], [[{ id: 'c', title: '' }], []]);
});

test('a card whose id is being retyped keeps its last good version by its place', () => {
  const good = new LastGood();
  good.apply([{ id: 'a', title: 'A' }, { id: 'b', title: 'B' }], new Set());
  const retyped = good.apply([{ id: 'a', title: 'A' }, { id: '', title: 'B' }], new Set([1]));
  assert.deepEqual(retyped.shown[1], { id: 'b', title: 'B' });
  assert.deepEqual([...retyped.standIns], [1]);
  // Then the new id is valid: shown as typed, and remembered under it.
  assert.deepEqual(good.apply([{ id: 'a', title: 'A' }, { id: 'b2', title: 'B' }], new Set()).shown[1], { id: 'b2', title: 'B' });
  assert.deepEqual(good.apply([{ id: 'a', title: 'A' }, { id: 'b2', title: '' }], new Set([1])).shown[1], { id: 'b2', title: 'B' });
});

test('a duplicate id gets no stand-in, and another feed forgets the old one', () => {
  const good = new LastGood();
  good.apply([{ id: 'a', title: 'A' }, { id: 'x', title: 'X' }], new Set());
  const dup = good.apply([{ id: 'a', title: 'A' }, { id: 'a', title: 'copy' }], new Set([1]));
  assert.deepEqual(dup.shown[1], { id: 'a', title: 'copy' });
  assert.equal(dup.standIns.size, 0);
  good.clear();
  const other = good.apply([{ title: 'no id' }, { id: 'x', title: '' }], new Set([0, 1]));
  assert.equal(other.standIns.size, 0, 'nothing of the old feed stands in');
});
