// The painter's pure parts (www/host/still.js): the stored card read back, the host's feed
// turned into template cards without the module, and events queued in the stored outbox in the
// renderer's own form (the renderer reads that text back in the browser tests).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { feedStill, queueEvents, readStill } from '../../www/host/still.js';

const NOW = Date.parse('2026-12-01T12:00:00Z');

test('a stored card is read back only when it is one', () => {
  const still = { still: 1, cards: [{ id: 'a', kind: 'news', lang: 'en', dir: 'ltr', blocks: [] }] };
  assert.deepEqual(readStill(JSON.stringify(still)), still);
  for (const text of [null, '', 'not json', '{"still":2,"cards":[{"id":"a","blocks":[]}]}', '{"still":1,"cards":[]}', '{"still":1,"cards":[{"id":3,"blocks":[]}]}', '{"still":1,"cards":[{"id":"a"}]}']) {
    assert.equal(readStill(text), null, String(text));
  }
});

test("the host's feed becomes its live cards, each URL kept only when the feed's rules allow it", () => {
  const feed = {
    version: 1,
    cards: [
      { id: 'live', kind: 'news', lang: 'hi', title: 'समाचार', source: { name: 'Desk' }, media: { type: 'image', src: 'media/a.jpg' }, cta: { label: 'Open', url: 'https://example.com/a' } },
      { id: 'later', kind: 'news', lang: 'en', title: 'Tomorrow', starts_at: '2026-12-02T00:00:00Z' },
      { id: 'gone', kind: 'news', lang: 'en', title: 'Yesterday', expires_at: '2026-12-01T11:59:59Z' },
      { id: 'live', kind: 'news', lang: 'en', title: 'A repeated id' },
      { id: 'hostile', kind: 'news glance-viewport', lang: 'en', title: '<img src=x onerror=alert(1)>', media: { type: 'image', src: 'javascript:alert(1)' }, cta: { label: 'Go', url: 'java\tscript:alert(1)' }, source: { name: 'x', logo: '//evil.example/logo.png' } },
      { id: 'smuggled', kind: 'sponsored', lang: 'en', title: 'Offer', source: { name: 'Shop' }, cta: { label: 'Buy', url: 'https://user@evil.example/' }, media: { type: 'video', src: 'https://cdn.example/v.mp4', poster: 'https://cdn.example/p.jpg' } },
      { id: 'score', kind: 'sports', lang: 'en', title: 'Final over', score: { home: { name: 'A', score: '1' }, away: { name: 'B', score: '2' }, status: 'live', clock: "90'" } },
      { kind: 'news', title: 'No id' },
    ],
  };
  const still = feedStill(JSON.stringify(feed), NOW);
  assert.deepEqual(still.cards.map((c) => c.id), ['live', 'hostile', 'smuggled', 'score']);
  const [live, hostile, smuggled, score] = still.cards;
  assert.deepEqual(live.media, { src: 'media/a.jpg', color: undefined });
  assert.deepEqual(live.blocks.find((b) => b.kind === 'cta'), { kind: 'cta', label: 'Open', url: 'https://example.com/a', unlock: 'Unlock to continue' });
  // Markup stays text, a kind is never a list of classes, and no smuggled URL survives.
  assert.equal(hostile.label, '<img src=x onerror=alert(1)>');
  assert.equal(hostile.kind, 'news');
  assert.equal(hostile.media, undefined);
  assert.equal(hostile.blocks.find((b) => b.kind === 'cta'), undefined);
  assert.equal(smuggled.blocks.find((b) => b.kind === 'cta'), undefined, 'https://user@host is a disguise');
  assert.equal(smuggled.blocks[0].kind, 'disclosure');
  assert.equal(smuggled.media.src, 'https://cdn.example/p.jpg', "a clip shows its poster");
  assert.deepEqual(score.blocks.find((b) => b.kind === 'score'), { kind: 'score', teams: [['A', '1'], ['B', '2']], status: 'Live', live: true, clock: "90'" });
  // At most ten cards; nothing for a feed that is not one.
  const many = { version: 1, cards: Array.from({ length: 30 }, (_, i) => ({ id: `c${i}`, kind: 'news', lang: 'en', title: `Card ${i}` })) };
  assert.equal(feedStill(JSON.stringify(many), NOW).cards.length, 10);
  for (const text of ['', '{"version":2,"cards":[]}', '{"version":1}', JSON.stringify({ version: 1, cards: [feed.cards[1]] })]) {
    assert.equal(feedStill(text, NOW), null, text);
  }
});

test('events are queued in the renderer\'s stored form: numbering goes on, the oldest beyond the cap are counted as dropped', () => {
  const swipe = (i) => ({ type: 'swipe', card_id: `c${i}`, at: i, to: `c${i + 1}`, direction: 'next' });
  const first = queueEvents(null, [swipe(0)]);
  assert.equal(first, '{"outbox":2,"next":2,"dropped":0}\n{"seq":1,"type":"swipe","card_id":"c0","at":0,"to":"c1","direction":"next"}\n');
  // An outbox the renderer stored goes on from its `next`.
  const stored = '{"outbox":2,"next":41,"dropped":3}\n{"seq":40,"type":"like","card_id":"a","at":5}\n';
  const lines = queueEvents(stored, [swipe(1), swipe(2)]).trim().split('\n').map((l) => JSON.parse(l));
  assert.deepEqual(lines[0], { outbox: 2, next: 43, dropped: 3 });
  assert.deepEqual(lines.slice(1).map((e) => e.seq), [40, 41, 42]);
  // Over the cap: the newest kept, the rest counted.
  const full = queueEvents(null, Array.from({ length: 7 }, (_, i) => swipe(i)), 5).trim().split('\n').map((l) => JSON.parse(l));
  assert.deepEqual(full[0], { outbox: 2, next: 8, dropped: 2 });
  assert.deepEqual(full.slice(1).map((e) => e.seq), [3, 4, 5, 6, 7]);
  // Text that is no outbox starts a new one.
  assert.match(queueEvents('garbage', [swipe(0)]), /^\{"outbox":2,"next":2,"dropped":0\}\n\{"seq":1,/);
});
