// The benchmark's feed: the first N cards of the built-in sample that are live now, repeated
// with fresh ids when N is larger than the sample. Every page gets the same cards.

/** @param {number} n */
export async function benchFeed(n) {
  const sample = await (await fetch('/www/feeds/sample.json')).json();
  const now = Date.now();
  const live = sample.cards.filter(
    (c) => (!c.starts_at || Date.parse(c.starts_at) <= now) && (!c.expires_at || now < Date.parse(c.expires_at)),
  );
  const cards = [];
  for (let i = 0; i < n; i++) {
    const card = structuredClone(live[i % live.length]);
    if (i >= live.length) card.id = `${card.id}-${i}`;
    // Media paths in the sample are relative to www/.
    for (const key of ['src', 'poster']) if (card.media?.[key]) card.media[key] = `/www/${card.media[key]}`;
    if (card.source?.logo) card.source.logo = `/www/${card.source.logo}`;
    cards.push(card);
  }
  return { version: 1, cards };
}

/** Cards requested by the page's query (?cards=N), 12 by default. */
export function cardCount() {
  return Number(new URLSearchParams(location.search).get('cards') ?? 12);
}

/** A new feed for the wake measurement: the same cards with new titles. */
export function wakeFeed(feed) {
  return {
    version: 1,
    cards: feed.cards.map((c, i) => ({ ...c, title: `${c.title} (${i + 1})` })),
  };
}

/** Marks the first frame that shows the first card: the next animation frame, then after paint. */
export function markFirstCard() {
  requestAnimationFrame(() => {
    performance.mark('first-card-frame');
    new MessageChannel().port1.postMessage(null);
  });
}

/** Resolves after the next frame has been produced (rAF, then a task after it). */
export function nextFrame() {
  return new Promise((resolve) => {
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve(undefined);
      channel.port2.postMessage(null);
    });
  });
}

/**
 * The wake measure, the same for every page: a new feed's JSON text handed to `apply` until the
 * next produced frame, in ms.
 */
export async function timeWake(feed, apply) {
  const json = JSON.stringify(wakeFeed(feed));
  const t0 = performance.now();
  apply(json);
  await nextFrame();
  return performance.now() - t0;
}
