// The gallery's phones: one frame per skin, sized to the device preset and zoomed to fit, with
// a caption (skin, position, performance) and the layout warnings of the card in view.

import { describeWarning } from '../warnings.js';

/**
 * @typedef {{ name: string, width: number, height: number, note?: string }} Preset
 * @typedef {{
 *   skin: string, label: string, figure: HTMLElement, bezel: HTMLElement,
 *   frame: HTMLIFrameElement, position: HTMLOutputElement, perf: HTMLOutputElement,
 *   warnings: HTMLUListElement, api: any, id: string | null, index: number, count: number,
 *   text: string | null, pushed: string | null, layouts: Map<string, { code: string, alpha?: number }[]>,
 *   refused: Set<unknown>,
 * }} Phone
 */

/**
 * @param {HTMLElement} container
 * @param {{ name: string, label: string }[]} skins
 * @param {URLSearchParams} query  the settings each frame starts with
 * @returns {Phone[]}
 */
export function createPhones(container, skins, query) {
  return skins.map(({ name, label }) => {
    const figure = document.createElement('figure');
    figure.className = 'phone';
    figure.dataset.skin = name;
    const caption = document.createElement('figcaption');
    caption.className = 'phone__caption';
    const title = document.createElement('span');
    title.className = 'phone__name';
    title.textContent = label;
    const position = document.createElement('output');
    position.className = 'phone__position';
    position.textContent = '–';
    const perf = document.createElement('output');
    perf.className = 'phone__perf';
    perf.hidden = true;
    caption.append(title, position);
    const bezel = document.createElement('div');
    bezel.className = 'phone__bezel';
    const frame = document.createElement('iframe');
    frame.className = 'phone__frame';
    frame.title = `${label} lock screen`;
    const q = new URLSearchParams(query);
    q.set('skin', name);
    frame.src = `frame.html?${q}`;
    bezel.append(frame, perf);
    const warnings = document.createElement('ul');
    warnings.className = 'phone__warnings';
    warnings.setAttribute('aria-label', `Layout warnings on ${label} for the card in view`);
    figure.append(caption, bezel, warnings);
    container.append(figure);
    return {
      skin: name, label, figure, bezel, frame, position, perf, warnings,
      api: null, id: null, index: -1, count: 0, text: null, pushed: null, layouts: new Map(), refused: new Set(),
    };
  });
}

/**
 * Sizes every frame to the preset and scales it: `zoom` a number, or 'fit' to put the phones
 * side by side in the container's width (and the window's height), no smaller than 30 %.
 * @param {Phone[]} phones @param {Preset} preset @param {string} zoom @param {HTMLElement} container
 */
export function sizePhones(phones, preset, zoom, container) {
  let z = Number(zoom);
  if (!(z > 0)) {
    // All phones in one row (20 px apart, as in gallery.css) and, below the bar, a whole
    // phone with its caption above and a row of warning chips below (about 90 px) in the
    // window's height.
    const gap = 20;
    const captionAndChips = 90;
    const across = (container.clientWidth - gap * (phones.length - 1)) / (phones.length * preset.width);
    const bar = Math.min(container.getBoundingClientRect().top + window.scrollY, 160);
    const down = (window.innerHeight - bar - captionAndChips) / preset.height;
    z = Math.max(0.3, Math.min(1, across, down));
  }
  for (const phone of phones) {
    phone.frame.style.width = `${preset.width}px`;
    phone.frame.style.height = `${preset.height}px`;
    phone.frame.style.transform = `scale(${z})`;
    phone.bezel.style.width = `${preset.width * z}px`;
    phone.bezel.style.height = `${preset.height * z}px`;
    phone.figure.style.width = `${Math.max(preset.width * z, 150)}px`;
  }
  return z;
}

/** The caption's position and the warnings of the card in view. @param {Phone} phone */
export function showCard(phone) {
  phone.position.textContent = phone.count ? `${phone.index + 1} / ${phone.count}` : 'no cards';
  const warnings = (phone.id && phone.layouts.get(phone.id)) || [];
  phone.warnings.replaceChildren(...warnings.map((w) => chip(w)));
  if (!warnings.length && phone.id && phone.layouts.has(phone.id)) {
    const ok = document.createElement('li');
    ok.className = 'chip chip--ok';
    ok.textContent = 'fits';
    phone.warnings.append(ok);
  }
}

/** A warning as a small label with its sentence as tooltip. @param {{ code: string, alpha?: number }} w */
export function chip(w) {
  const { short, long, severe } = describeWarning(w);
  const item = document.createElement('li');
  item.className = severe ? 'chip chip--severe' : 'chip';
  item.dataset.code = w.code;
  item.textContent = short;
  item.title = long;
  return item;
}

/** @param {Phone} phone @param {import('./meter.js').Reading} r */
export function showPerf(phone, r) {
  if (r.frames < 2) return;
  phone.perf.textContent = `${Math.round(r.fps)} fps · p95 ${r.p95.toFixed(1)} ms`;
  phone.perf.dataset.state = r.fps < 50 || r.p95 > 8 ? 'slow' : 'ok';
  phone.perf.dataset.active = String(r.active);
}
