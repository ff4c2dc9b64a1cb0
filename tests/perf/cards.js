// The peers' card markup: the same elements and classes as the renderer's card templates
// (src/web/card_view.rs), so every page draws the same cards with the same CSS (www/glance.css).

const UI = {
  en: { sponsored: 'Sponsored', live: 'Live', final: 'Final', upcoming: 'Upcoming' },
  hi: { sponsored: 'प्रायोजित', live: 'लाइव', final: 'समाप्त', upcoming: 'आगामी' },
  ta: { sponsored: 'விளம்பரம்', live: 'நேரலை', final: 'முடிவு', upcoming: 'வரவிருக்கிறது' },
  bn: { sponsored: 'স্পনসর করা', live: 'লাইভ', final: 'শেষ', upcoming: 'আসন্ন' },
  id: { sponsored: 'Bersponsor', live: 'Langsung', final: 'Selesai', upcoming: 'Akan datang' },
  ur: { sponsored: 'سپانسر شدہ', live: 'لائیو', final: 'ختم', upcoming: 'آنے والا' },
};
const RTL = new Set(['ur', 'ar', 'fa', 'he']);

/** @param {string} tag @param {string} cls @param {string} [text] */
function el(tag, cls, text) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
}

/** Builds one card's <article>, as the renderer does. */
export function buildCard(card, index, total) {
  const lang = card.lang.split('-')[0].toLowerCase();
  const ui = UI[lang] ?? UI.en;
  const root = el('article', `glance-card glance-card--${card.kind}`);
  root.dataset.cardId = card.id;
  root.lang = card.lang;
  root.dir = RTL.has(lang) ? 'rtl' : 'ltr';
  root.setAttribute('role', 'group');
  root.setAttribute('aria-roledescription', 'card');
  root.setAttribute('aria-label', `${index + 1} of ${total}: ${card.title}`);
  const media = el('div', 'glance-media');
  if (card.media) {
    if (card.media.color) media.style.backgroundColor = card.media.color;
    const focus = card.media.focus ?? { x: 0.5, y: 0.5 };
    const item = el(card.media.type === 'video' ? 'video' : 'img', 'glance-media__item');
    item.style.objectPosition = `${focus.x * 100}% ${focus.y * 100}%`;
    if (card.media.type === 'video') {
      for (const a of ['muted', 'playsinline', 'loop']) item.setAttribute(a, '');
      item.setAttribute('preload', 'metadata');
      if (card.media.poster) item.setAttribute('poster', card.media.poster);
    } else {
      item.setAttribute('alt', '');
      item.setAttribute('decoding', 'async');
    }
    item.setAttribute('src', card.media.src);
    media.append(item);
  }
  root.append(media, el('div', 'glance-scrim'));
  const body = el('div', 'glance-body');
  if (card.kind === 'sponsored') {
    const line = el('p', 'glance-disclosure');
    line.append(el('span', 'glance-badge', ui.sponsored));
    if (card.source) line.append(el('span', 'glance-disclosure__name', card.source.name));
    body.append(line);
  } else if (card.source) {
    const line = el('p', 'glance-source');
    if (card.source.logo) {
      const logo = el('img', 'glance-source__logo');
      logo.alt = '';
      logo.src = card.source.logo;
      line.append(logo);
    }
    line.append(el('span', 'glance-source__name', card.source.name));
    body.append(line);
  }
  if (card.kind === 'sports' && card.score) {
    const block = el('div', 'glance-score');
    for (const team of [card.score.home, card.score.away]) {
      const row = el('div', 'glance-score__team');
      row.append(el('span', 'glance-score__name', team.name), el('span', 'glance-score__value', team.score));
      block.append(row);
    }
    const status = el('p', 'glance-score__status');
    const live = card.score.status === 'live';
    status.append(el('span', live ? 'glance-badge glance-badge--live' : 'glance-badge', ui[card.score.status === 'scheduled' ? 'upcoming' : card.score.status]));
    if (card.score.clock) status.append(el('span', 'glance-score__clock', card.score.clock));
    block.append(status);
    body.append(block);
  }
  body.append(el('h2', 'glance-title', card.title));
  if (card.summary) body.append(el('p', 'glance-summary', card.summary));
  if (card.cta) {
    const b = el('button', 'glance-cta', card.cta.label);
    b.type = 'button';
    body.append(b);
  }
  root.append(body);
  return root;
}

/** Every card of `feed` in its own slide element of class `className` (the peers' markup). */
export function slidesOf(feed, className) {
  return feed.cards.map((card, i) => {
    const slide = document.createElement('div');
    slide.className = className;
    slide.append(buildCard(card, i, feed.cards.length));
    return slide;
  });
}
