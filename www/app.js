// The preview page: the lock screen in a phone frame, with the feed's report beside it.
// Query: ?feed=<url>&skin=<name>&motion=reduce&dir=rtl

import { createHost } from './pkg/glance_host.js';
import { lockChrome, startPhone } from './phone.js';
import { describeWarning } from './warnings.js';

const params = new URLSearchParams(location.search);
let skin = params.get('skin') ?? 'generic';
const $ = (/** @type {string} */ id) => /** @type {HTMLElement} */ (document.getElementById(id));

const screen = $('lock-screen');
const summary = $('report-summary');
const table = /** @type {HTMLTableElement} */ ($('report-table'));
const position = $('position');
const log = $('log');

const skinSelect = /** @type {HTMLSelectElement} */ ($('skin-select'));
skinSelect.value = skin;
$('feed-name').textContent = params.get('feed') ?? 'built-in sample';

/** @param {string} text @param {'ok' | 'warn' | 'error' | 'loading'} state */
function setSummary(text, state) {
  summary.textContent = text;
  summary.dataset.state = state;
}

/** @param {string} action @param {string} detail */
function addLog(action, detail) {
  const item = document.createElement('li');
  const time = new Date().toLocaleTimeString();
  item.textContent = `${time} ${action}: ${detail}`;
  log.prepend(item);
  while (log.children.length > 50) log.lastElementChild?.remove();
}

/** Lists what the layout had to compromise on for the card in view. */
function showLayout(/** @type {any} */ layout) {
  const list = $('layout-warnings');
  const items = (layout?.warnings ?? []).map((/** @type {{code: string, alpha?: number}} */ w) => {
    const item = document.createElement('li');
    item.textContent = describeWarning(w).long;
    return item;
  });
  if (!items.length) {
    const ok = document.createElement('li');
    ok.textContent = 'Fits without compromise';
    items.push(ok);
  }
  list.replaceChildren(...items);
}

/** @param {import('./host/connect.js').FeedOutcome} outcome */
function showReport(outcome) {
  const body = /** @type {HTMLTableSectionElement} */ (table.tBodies[0]);
  if (!outcome.ok && outcome.stored) {
    setSummary(`Kept feed from the last visit on screen; no fresh one: ${outcome.error}`, 'warn');
    return;
  }
  if (!outcome.ok) {
    setSummary(`Feed refused, the screen keeps what it showed: ${outcome.error}`, 'error');
    return;
  }
  const { report } = outcome;
  body.replaceChildren(
    ...report.rejections.map((r) => {
      const row = document.createElement('tr');
      for (const value of [String(r.index), r.id ?? '—', r.field, r.reason]) {
        const cell = document.createElement('td');
        cell.textContent = value;
        row.append(cell);
      }
      return row;
    }),
  );
  table.hidden = report.rejections.length === 0;
  const rejected = new Set(report.rejections.map((r) => r.index)).size;
  const parts = [`${report.shown} card${report.shown === 1 ? '' : 's'} shown`];
  if (outcome.stored) parts.unshift('Kept feed from the last visit (no fresh one yet)');
  if (report.outOfWindow) parts.push(`${report.outOfWindow} outside their start/expiry window`);
  if (rejected) parts.push(`${rejected} rejected`);
  const first = report.firstStartsAt === null ? '' : new Date(report.firstStartsAt).toLocaleString();
  if (report.applied && report.waiting) parts.push(`${report.waiting} waiting to start, the first at ${first}`);
  if (!report.applied) {
    if (report.waiting) {
      parts.push(`no card is live yet, so the screen keeps what it showed: ${report.waiting} waiting, the first starts at ${first}`);
    } else if (report.outOfWindow) {
      parts.push('every valid card has expired, so the screen keeps what it showed');
    } else {
      parts.push('no card was valid, so the screen keeps what it showed');
    }
  }
  setSummary(parts.join(' · '), rejected || !report.applied ? 'warn' : 'ok');
}

async function main() {
  lockChrome(screen);
  const host = createHost();
  // Only the browser-preview transport logs its actions; a native host acts for real.
  host.onAction?.((a) => addLog(a.action, a.detail));
  host.onProblem((p) => addLog('problem', `${p.method}: ${p.message}`));
  const direction = params.get('dir') === 'rtl' ? 'rtl' : 'ltr';
  /** @type {Awaited<ReturnType<typeof startPhone>>['supervisor'] | undefined} */
  let supervisor;
  const started = await startPhone({
    screen,
    host,
    options: () => ({ skin, direction }),
    onFeed: showReport,
    onNotice(notice) {
      if (notice.type === 'cardChange') {
        position.textContent = `${notice.index + 1} / ${notice.count}`;
        // After the frame, so the picture's contrast sample (taken when it loads) can count.
        requestAnimationFrame(() => showLayout(supervisor?.renderer?.layoutOf(notice.index)));
      } else if (notice.type === 'mediaError') {
        addLog('media error', `${notice.cardId}: ${notice.src}`);
      } else if (notice.type === 'expired') {
        position.textContent = '0 / 0';
        const next = notice.nextStartsAt === null ? 'none waits' : `the next starts at ${new Date(notice.nextStartsAt).toLocaleString()}`;
        addLog('no card left', `every card on screen has expired; ${next}`);
      }
    },
    onFault({ kind, error, retryInMs }) {
      const message = error instanceof Error ? error.message : String(error);
      const next = retryInMs === null ? '' : `; trying again in ${retryInMs / 1000} s`;
      if (kind === 'start') setSummary(message, 'error');
      else if (kind === 'load') setSummary(`The renderer could not load (${message})${next}`, 'error');
      else if (kind === 'floor') setSummary(`The renderer was not loaded: ${message}`, 'error');
      const label = { trap: 'renderer crashed', floor: 'below the WebAssembly floor' }[kind] ?? `renderer ${kind} failed`;
      addLog(label, `${message}${next}`);
    },
  });
  supervisor = started.supervisor;
  if (started.device.reducedMotion) $('motion-note').hidden = false;
  // For automation and the console (and the layout panel, from the first card on).
  Object.assign(window, {
    glance: {
      host,
      get renderer() {
        return supervisor?.renderer;
      },
    },
  });
  skinSelect.addEventListener('change', () => {
    const renderer = supervisor?.renderer;
    try {
      const report = renderer?.setSkin(skinSelect.value);
      if (report) showReport({ ok: true, report });
      skin = skinSelect.value;
      const url = new URL(location.href);
      url.searchParams.set('skin', skinSelect.value);
      history.replaceState(null, '', url);
    } catch (error) {
      setSummary(`${error instanceof Error ? error.message : error}`, 'error');
    }
  });
  $('prev').addEventListener('click', () => supervisor?.renderer?.prev());
  $('next').addEventListener('click', () => supervisor?.renderer?.next());
  await supervisor.ready;
  screen.querySelector('.glance-viewport')?.focus({ preventScroll: true });
}

main();
