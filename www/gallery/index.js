// The gallery: the feed in the editor on every built-in skin at once, with the device,
// settings and language chosen in the bar, the problems of the text, the layout warnings per
// card and skin, and a performance meter. Its state is in the query string (shareable) and the
// text in localStorage (kept across reloads).

import init, { validateFeed } from '../pkg/glance_renderer.js';
import { createEditor } from './editor.js';
import { createPhones, sizePhones, showCard, showPerf, chip } from './phones.js';
import { LastGood } from './last-good.js';

const $ = (/** @type {string} */ id) => /** @type {HTMLElement} */ (document.getElementById(id));
const select = (/** @type {string} */ id) => /** @type {HTMLSelectElement} */ ($(id));

const params = new URLSearchParams(location.search);
const [skins, presets] = await Promise.all([
  fetch('skins.json').then((r) => r.json()),
  fetch('devices.json').then((r) => r.json()),
]);

// ---- Settings (in the query string) ----------------------------------------------------------
const savers = (params.get('saver') ?? '').split(',');
const settings = {
  device: presets.some((/** @type {any} */ p) => p.name === params.get('device')) ? String(params.get('device')) : '20:9',
  scale: Number(params.get('scale')) > 0 ? Number(params.get('scale')) : 1,
  lang: params.get('lang') ?? '',
  zoom: params.get('zoom') ?? 'fit',
  dark: params.get('scheme') === 'dark',
  motion: params.get('motion') === 'reduce',
  data: savers.includes('data'),
  battery: savers.includes('battery'),
  sync: params.get('sync') === '1',
  perf: params.get('perf') === '1',
};

/** The settings as a query: the page's own, and each frame's at start. */
function query() {
  const q = new URLSearchParams();
  q.set('device', settings.device);
  if (settings.scale !== 1) q.set('scale', String(settings.scale));
  if (settings.lang) q.set('lang', settings.lang);
  if (settings.zoom !== 'fit') q.set('zoom', settings.zoom);
  q.set('scheme', settings.dark ? 'dark' : 'light');
  if (settings.motion) q.set('motion', 'reduce');
  const on = [settings.data && 'data', settings.battery && 'battery'].filter(Boolean);
  if (on.length) q.set('saver', on.join(','));
  if (settings.sync) q.set('sync', '1');
  if (settings.perf) q.set('perf', '1');
  return q;
}
const remember = () => history.replaceState(null, '', `?${query()}`);

// ---- The phones ------------------------------------------------------------------------------
const container = $('phones');
/** @type {(value?: unknown) => void} */
let validated = () => {};
const firstValidation = new Promise((resolve) => { validated = resolve; });

/** @type {import('./phones.js').Phone[]} */
let phones = [];
const bySkin = (/** @type {string} */ skin) => phones.find((p) => p.skin === skin);
/** The phone the user touched last: the one the others follow when synced. */
let leader = /** @type {import('./phones.js').Phone | undefined} */ (undefined);

Object.assign(window, {
  glanceGallery: {
    async feedFor(/** @type {string} */ skin) {
      await firstValidation;
      const phone = bySkin(skin);
      if (!phone?.text) throw new Error('no feed for this phone yet');
      phone.pushed = phone.text;
      return phone.text;
    },
    options: () => ({ autoAdvance: !settings.sync }),
    frameEvent,
  },
});

/** @param {string} skin @param {import('./frame.js').FrameEvent} event */
function frameEvent(skin, event) {
  const phone = bySkin(skin);
  if (!phone) return;
  if (event.type === 'ready') {
    phone.api = event.api;
    push(phone);
    refreshLayouts();
  } else if (event.type === 'card') {
    Object.assign(phone, { id: event.id, index: event.index, count: event.count });
    showCard(phone);
    // The phone the user works leads the others.
    if (settings.sync && phone === leader) follow(phone);
    refreshLayouts();
  } else if (event.type === 'input') {
    leader = phone;
  } else if (event.type === 'feed') {
    refreshLayouts();
  } else if (event.type === 'perf') {
    showPerf(phone, event.reading);
  }
}

/** Every other phone shows the leader's card (if it shows that card at all). */
function follow(/** @type {import('./phones.js').Phone} */ from) {
  if (!from.id) return;
  for (const phone of phones) if (phone !== from) phone.api?.goToId(from.id);
}

/** Gives a phone its feed, if it changed since it last got one. */
function push(/** @type {import('./phones.js').Phone} */ phone) {
  if (!phone.api || phone.text === null || phone.text === phone.pushed) return;
  phone.pushed = phone.text;
  phone.api.host.pushFeed(phone.text);
}

/** @param {Partial<import('../host/host').DeviceInfo>} change */
function updateDevices(change) {
  for (const phone of phones) phone.api?.host.updateDevice(change);
  remember();
}

// ---- Layout warnings ------------------------------------------------------------------------
/** Rows of the warnings table at most (and layouts read per phone): a feed may have 10,000. */
const MATRIX_ROWS = 300;

/** @type {number | undefined} */
let layoutTimer;
/** Reads every phone's layouts a moment after things settle (a picture's scrim comes late). */
function refreshLayouts() {
  clearTimeout(layoutTimer);
  layoutTimer = window.setTimeout(() => {
    for (const phone of phones) {
      if (!phone.api) continue;
      phone.layouts = new Map(phone.api.layouts(MATRIX_ROWS).map((/** @type {any} */ l) => [l.cardId, l.warnings]));
      showCard(phone);
    }
    showMatrix();
  }, 300);
}

/** @type {{ id: string, title: string, lang: string }[]} */
let cardsInOrder = [];
function showMatrix() {
  const table = $('matrix');
  const head = document.createElement('tr');
  const corner = document.createElement('th');
  corner.textContent = 'Card';
  corner.scope = 'col';
  head.append(corner);
  for (const phone of phones) {
    const th = document.createElement('th');
    th.scope = 'col';
    th.textContent = phone.label;
    head.append(th);
  }
  const rows = cardsInOrder.slice(0, MATRIX_ROWS).map((card, i) => {
    const row = document.createElement('tr');
    const th = document.createElement('th');
    th.scope = 'row';
    const go = document.createElement('button');
    go.type = 'button';
    go.className = 'matrix__card';
    go.title = 'Show this card on every phone';
    const id = document.createElement('code');
    id.textContent = `${i + 1}. ${card.id}`;
    const title = document.createElement('span');
    title.textContent = card.title;
    title.lang = card.lang;
    go.append(id, title);
    go.addEventListener('click', () => showEverywhere(card.id));
    th.append(go);
    row.append(th);
    for (const phone of phones) {
      const cell = document.createElement('td');
      const warnings = phone.layouts.get(card.id);
      if (!warnings) {
        // Refused on this skin (with no good version to show), or valid but not live now.
        const refused = phone.refused.has(card.id);
        cell.className = refused ? 'matrix__refused' : 'matrix__none';
        cell.textContent = !phone.api ? '…' : refused ? 'refused' : 'not live now';
      } else if (!warnings.length) {
        cell.className = 'matrix__ok';
        cell.textContent = 'fits';
      } else {
        const list = document.createElement('ul');
        list.className = 'chips';
        list.append(...warnings.map(chip));
        cell.append(list);
      }
      row.append(cell);
    }
    return row;
  });
  const thead = document.createElement('thead');
  thead.append(head);
  const tbody = document.createElement('tbody');
  tbody.append(...rows);
  if (cardsInOrder.length > MATRIX_ROWS) {
    const more = document.createElement('tr');
    const cell = document.createElement('td');
    cell.colSpan = phones.length + 1;
    cell.className = 'matrix__none';
    cell.textContent = `and ${cardsInOrder.length - MATRIX_ROWS} more cards (npm run snapshots reports them all)`;
    more.append(cell);
    tbody.append(more);
  }
  table.replaceChildren(thead, tbody);
}

function showEverywhere(/** @type {string} */ id) {
  for (const phone of phones) phone.api?.goToId(id);
}

// ---- The feed: validation per skin, last good cards, language filter -----------------------
/** Per skin, the last version of each card that this skin accepted. */
const good = new Map(skins.map((/** @type {any} */ s) => [s.name, new LastGood()]));

const primary = (/** @type {unknown} */ tag) => (typeof tag === 'string' ? tag.split(/[-_]/)[0].toLowerCase() : '');

/** @param {string} text */
function validate(text) {
  /** @type {Map<string, any>} */
  const reports = new Map();
  let refusal = null;
  for (const { name } of skins) {
    try {
      reports.set(name, validateFeed(text, name));
    } catch (error) {
      refusal = error instanceof Error ? error.message : String(error);
      break;
    }
  }
  let parsed = null;
  if (!refusal) {
    try {
      parsed = JSON.parse(text);
    } catch (error) {
      refusal = `the feed is not valid JSON: ${error instanceof Error ? error.message : error}`;
    }
  }
  if (!parsed || refusal) {
    const at = /line (\d+), column (\d+)/.exec(refusal ?? '');
    editor.showProblems([{ refusal: `Feed refused: ${refusal}`, line: at ? Number(at[1]) : undefined, column: at ? Number(at[2]) : undefined }]);
    editor.setStatus('The text is not a feed the phones can read: they keep the last good one.', 'error');
    for (const phone of phones) if (phone.text === null) phone.text = text;
    validated();
    return;
  }
  const cards = /** @type {any[]} */ (parsed.cards);

  // One problem per card, field and reason, naming the skins when not all have it.
  /** @type {Map<string, any>} */
  const problems = new Map();
  for (const [skin, report] of reports) {
    for (const r of report.rejections) {
      const key = `${r.index}\u0000${r.field}\u0000${r.reason}`;
      const p = problems.get(key) ?? { ...r, skins: [], lastGood: false };
      p.skins.push(skin);
      problems.set(key, p);
    }
  }

  const language = languages(cards);

  for (const phone of phones) {
    const refused = new Set(reports.get(phone.skin).rejections.map((/** @type {any} */ r) => r.index));
    phone.refused = new Set([...refused].map((i) => cards[i]?.id));
    const { shown, standIns } = /** @type {LastGood} */ (good.get(phone.skin)).apply(cards, refused);
    for (const p of problems.values()) if (standIns.has(p.index) && p.skins.includes(phone.skin)) p.lastGood = true;
    const filtered = settings.lang ? shown.filter((c) => primary(c?.lang) === settings.lang) : shown;
    phone.text = JSON.stringify({ ...parsed, cards: filtered });
    push(phone);
  }

  const list = [...problems.values()].map((p) => ({
    ...p,
    skins: p.skins.length === skins.length ? null : p.skins.map((s) => bySkin(s)?.label ?? s),
  }));
  editor.showProblems(list);
  const broken = new Set(list.map((p) => p.index)).size;
  const first = reports.values().next().value;
  const parts = [`${cards.length} card${cards.length === 1 ? '' : 's'}`];
  if (first.outOfWindow) parts.push(`${first.outOfWindow} outside their start/expiry window`);
  parts.push(broken ? `${list.length} problem${list.length === 1 ? '' : 's'} in ${broken} card${broken === 1 ? '' : 's'}` : 'no problems');
  if (language) parts.push(`the phones show ${language} only`);
  editor.setStatus(parts.join(' · '), broken ? 'warn' : 'ok');

  cardsInOrder = cards
    .filter((c) => typeof c?.id === 'string' && (!settings.lang || primary(c.lang) === settings.lang))
    .map((c) => ({ id: c.id, title: typeof c.title === 'string' ? c.title : '', lang: typeof c.lang === 'string' ? c.lang : '' }));
  showMatrix();
  validated();
}

/**
 * The language filter offers the languages of the feed, by name; returns the one chosen.
 * @param {any[]} cards
 */
function languages(cards) {
  const counts = new Map();
  for (const c of cards) {
    const l = primary(c?.lang);
    if (l) counts.set(l, (counts.get(l) ?? 0) + 1);
  }
  const names = new Intl.DisplayNames(['en'], { type: 'language' });
  const lang = select('lang');
  const nameOf = (/** @type {string} */ code) => {
    try {
      return names.of(code) ?? code;
    } catch {
      return code; // not a language tag Intl knows
    }
  };
  const options = [...counts].sort(([a], [b]) => a.localeCompare(b)).map(([code, n]) => new Option(`${nameOf(code)} (${n})`, code));
  lang.replaceChildren(new Option(`All languages (${cards.length})`, ''), ...options);
  // A filter for a language this feed has no card in would leave the phones empty: all again.
  if (settings.lang && !counts.has(settings.lang)) {
    settings.lang = '';
    remember();
  }
  lang.value = settings.lang;
  return settings.lang ? nameOf(settings.lang) : null;
}

// ---- Start ------------------------------------------------------------------------------------
const editor = createEditor({
  text: /** @type {HTMLTextAreaElement} */ ($('source')),
  status: $('status'),
  hint: $('hint'),
  list: /** @type {HTMLOListElement} */ ($('problems')),
  listTitle: $('problems-title'),
  open: /** @type {HTMLButtonElement} */ ($('open')),
  file: /** @type {HTMLInputElement} */ ($('file')),
  save: /** @type {HTMLButtonElement} */ ($('save')),
  example: select('example'),
  schema: fetch('feed.schema.json').then((r) => r.json()).catch(() => null),
  onChange: validate,
  // Another feed altogether: no card of the old one stands in for a broken card of the new.
  onReplace: () => {
    for (const kept of good.values()) kept.clear();
  },
  onJump: (id) => id && showEverywhere(id),
});

const wasm = init({ module_or_path: new URL('../pkg/glance_renderer_bg.wasm', import.meta.url) });

phones = createPhones(container, skins, query());
const preset = () => presets.find((/** @type {any} */ p) => p.name === settings.device);
const resize = () => sizePhones(phones, preset(), settings.zoom, container);
resize();
new ResizeObserver(() => resize()).observe(container);

// The bar.
const presetSelect = select('preset');
presetSelect.append(...presets.map((/** @type {any} */ p) => {
  const option = document.createElement('option');
  option.value = p.name;
  option.textContent = `${p.name} · ${p.width}×${p.height}`;
  option.title = p.note ?? '';
  return option;
}));
presetSelect.value = settings.device;
presetSelect.addEventListener('change', () => {
  settings.device = presetSelect.value;
  resize();
  remember();
  refreshLayouts();
});
select('font-scale').value = String(settings.scale);
select('font-scale').addEventListener('change', () => {
  settings.scale = Number(select('font-scale').value);
  updateDevices({ fontScale: settings.scale });
  refreshLayouts();
});
select('zoom').value = settings.zoom;
select('zoom').addEventListener('change', () => {
  settings.zoom = select('zoom').value;
  resize();
  remember();
});
select('lang').addEventListener('change', () => {
  settings.lang = select('lang').value;
  remember();
  validate(/** @type {HTMLTextAreaElement} */ ($('source')).value);
});

/** A toggle button for `key`, doing `apply` when pressed or released. */
function toggle(/** @type {string} */ id, /** @type {'dark' | 'motion' | 'data' | 'battery' | 'sync' | 'perf'} */ key, /** @type {() => void} */ apply) {
  const button = $(id);
  button.setAttribute('aria-pressed', String(settings[key]));
  button.addEventListener('click', () => {
    settings[key] = !settings[key];
    button.setAttribute('aria-pressed', String(settings[key]));
    apply();
    remember();
  });
}
toggle('dark', 'dark', () => updateDevices({ colorScheme: settings.dark ? 'dark' : 'light' }));
toggle('motion', 'motion', () => updateDevices({ reducedMotion: settings.motion }));
toggle('data-saver', 'data', () => updateDevices({ dataSaver: settings.data }));
toggle('battery-saver', 'battery', () => updateDevices({ batterySaver: settings.battery }));
toggle('sync', 'sync', () => {
  for (const phone of phones) if (phone.api) phone.api.autoAdvance = !settings.sync;
  if (settings.sync) follow(leader ?? phones[0]);
});
const showMeters = () => {
  for (const phone of phones) phone.perf.hidden = !settings.perf;
};
toggle('perf', 'perf', showMeters);
showMeters();
$('all-prev').addEventListener('click', () => phones.forEach((p) => p.api?.renderer?.prev()));
$('all-next').addEventListener('click', () => phones.forEach((p) => p.api?.renderer?.next()));
document.addEventListener('keydown', (e) => {
  if (!e.altKey || e.ctrlKey || e.metaKey) return;
  const target = { ArrowLeft: 'all-prev', ArrowRight: 'all-next', s: 'sync', p: 'perf', o: 'open' }[e.key.length === 1 ? e.key.toLowerCase() : e.key];
  if (!target) return;
  e.preventDefault();
  $(target).click();
});

// The text: kept from the last visit, else ?feed= or the sample. A ?feed= is read once and
// dropped from the address, so that a reload keeps what was typed since.
const asked = params.get('feed');
let first = asked === null ? editor.saved : null;
if (first === null) {
  const url = new URL(asked ?? 'feeds/sample.json', location.href);
  first = url.origin === location.origin ? await (await fetch(url)).text() : '';
}
remember();
await wasm;
editor.init(first);
