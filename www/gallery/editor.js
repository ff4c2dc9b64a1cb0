// The gallery's feed editor: a plain text area that keeps what is typed (across reloads), opens,
// saves and takes dropped files, lists the problems of the text by card and field, selects the field
// a problem names, and says what the field under the caret is for (from the JSON Schema).

import { mapJson, nodeAt, pathAt, lineColumn, offsetOf } from './json-map.js';
import { hintAt, dotted } from './schema-hints.js';

const SAVED = 'glance-gallery:feed';

/**
 * A problem of the text: the whole feed refused (`line`, `column` when it is not JSON), or one
 * card's field, on the skins listed (all of them when `skins` is null).
 * @typedef {{ refusal: string, line?: number, column?: number }
 *   | { index: number, id?: string, field: string, reason: string, skins: string[] | null,
 *       lastGood: boolean }} Problem
 */

/**
 * @param {{
 *   text: HTMLTextAreaElement, status: HTMLElement, hint: HTMLElement, list: HTMLOListElement,
 *   listTitle: HTMLElement, open: HTMLButtonElement, file: HTMLInputElement, save: HTMLButtonElement,
 *   example: HTMLSelectElement, schema: Promise<import('./schema-hints.js').Schema | null>,
 *   onChange: (text: string) => void, onReplace: () => void,
 *   onJump: (cardId: string | undefined) => void, storage?: Storage | null,
 * }} parts  `onReplace` is told when a file or an example replaces the whole text
 */
export function createEditor({ text, status, hint, list, listTitle, open, file, save, example, schema, onChange, onReplace, onJump, storage = safeStorage() }) {
  /** @type {{ text: string, map: import('./json-map.js').JsonNode } | null} */
  let mapped = null;
  const map = () => {
    if (mapped?.text !== text.value) mapped = { text: text.value, map: mapJson(text.value) };
    return mapped.map;
  };
  /** @type {import('./schema-hints.js').Schema | null} */
  let rules = null;
  schema.then((s) => { rules = s; showHint(); });

  const keep = () => {
    try {
      storage?.setItem(SAVED, text.value);
    } catch {
      setStatus('The browser refused to keep the text: it will be lost on reload', 'error');
    }
  };
  /** @type {number | undefined} */
  let pending;
  const changed = () => {
    clearTimeout(pending);
    // Once typing pauses for a moment: validate and keep the text (and at once when the page
    // goes away, below).
    pending = window.setTimeout(() => {
      pending = undefined;
      keep();
      onChange(text.value);
    }, 150);
  };
  addEventListener('pagehide', () => {
    if (pending !== undefined) keep();
  });

  /** Replaces the text (a file, an example) as one undoable edit. @param {string} value */
  function load(value) {
    onReplace();
    text.focus();
    text.select();
    // execCommand keeps the browser's undo history; assignment is the fallback.
    if (!document.execCommand?.('insertText', false, value) || text.value !== value) text.value = value;
    text.setSelectionRange(0, 0);
    text.scrollTop = 0;
    changed();
  }

  /** The name of the file opened last: what Save suggests. */
  let name = 'feed.json';

  async function readFile(/** @type {File} */ f) {
    try {
      load(await f.text());
      name = f.name;
    } catch (error) {
      setStatus(`Could not read ${f.name}: ${error instanceof Error ? error.message : error}`, 'error');
    }
  }

  /** Downloads the text as a file (the browser asks where, or saves to its downloads). */
  function download() {
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([text.value], { type: 'application/json' }));
    link.download = name;
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
  }

  text.addEventListener('input', changed);
  save.addEventListener('click', download);
  text.addEventListener('keydown', (e) => {
    if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 's') {
      e.preventDefault();
      download();
    }
  });
  open.addEventListener('click', () => file.click());
  file.addEventListener('change', () => {
    const f = file.files?.[0];
    if (f) readFile(f);
    file.value = '';
  });
  example.addEventListener('change', async () => {
    if (!example.value) return;
    const response = await fetch(example.value);
    load(await response.text());
    example.value = '';
  });
  const editor = /** @type {HTMLElement} */ (text.closest('.editor'));
  editor.addEventListener('dragover', (e) => {
    if (!e.dataTransfer?.types.includes('Files')) return;
    e.preventDefault();
    editor.classList.add('editor--drop');
  });
  editor.addEventListener('dragleave', (e) => {
    if (!editor.contains(/** @type {Node | null} */ (e.relatedTarget))) editor.classList.remove('editor--drop');
  });
  editor.addEventListener('drop', (e) => {
    const f = e.dataTransfer?.files[0];
    editor.classList.remove('editor--drop');
    if (!f) return;
    e.preventDefault();
    readFile(f);
  });

  function showHint() {
    if (!rules) return;
    const path = pathAt(map(), text.selectionStart);
    const h = hintAt(rules, path);
    const { line, column } = lineColumn(text.value, text.selectionStart);
    hint.replaceChildren();
    const where = document.createElement('span');
    where.className = 'editor__where';
    where.textContent = `${line}:${column}`;
    hint.append(where);
    if (!h) return;
    const field = document.createElement('code');
    field.textContent = h.field;
    hint.append(field, ` ${h.about}`);
    if (h.fields) {
      const fields = document.createElement('span');
      fields.className = 'editor__fields';
      fields.textContent = `Fields here: ${h.fields} (* required)`;
      hint.append(fields);
    }
  }
  for (const type of ['keyup', 'click', 'focus']) text.addEventListener(type, showHint);

  /** Selects `start`..`end` and scrolls it into the middle of the text area. */
  function select(/** @type {number} */ start, /** @type {number} */ end) {
    text.focus({ preventScroll: true });
    text.setSelectionRange(start, end);
    const { line } = lineColumn(text.value, start);
    const lineHeight = parseFloat(getComputedStyle(text).lineHeight) || 18;
    text.scrollTop = Math.max(0, (line - 1) * lineHeight - text.clientHeight / 2);
    showHint();
  }

  /** Selects what a problem names: the field, else the nearest part of its card that exists. */
  function jump(/** @type {Problem} */ p) {
    if ('refusal' in p) {
      if (p.line !== undefined) {
        const at = offsetOf(text.value, p.line, p.column ?? 1);
        select(at, Math.min(text.value.length, at + 1));
      }
      return;
    }
    const path = ['cards', p.index, ...p.field.split('.').filter(Boolean).map((k) => (/^\d+$/.test(k) ? Number(k) : k))];
    const { node } = nodeAt(map(), path);
    select(node.keyStart ?? node.start, node.end);
    onJump(p.id);
  }

  /** @param {string} message @param {'ok' | 'warn' | 'error' | 'loading'} state */
  function setStatus(message, state) {
    status.textContent = message;
    status.dataset.state = state;
  }

  /** Lists the problems; each is a button that selects its field. @param {Problem[]} problems */
  function showProblems(problems) {
    listTitle.hidden = problems.length === 0;
    list.replaceChildren(...problems.map((p) => {
      const item = document.createElement('li');
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'problem';
      if ('refusal' in p) {
        button.textContent = p.refusal;
      } else {
        const where = document.createElement('span');
        where.className = 'problem__where';
        where.textContent = `Card ${p.index + 1}${p.id ? ` · ${p.id}` : ''}`;
        const field = document.createElement('code');
        field.textContent = p.field || dotted(['cards', p.index]);
        const reason = document.createElement('span');
        reason.className = 'problem__reason';
        reason.textContent = p.reason;
        button.append(where, field, reason);
        const notes = [];
        if (p.skins) notes.push(`only on ${p.skins.join(', ')}`);
        if (p.lastGood) notes.push('the phones show its last good version');
        if (notes.length) {
          const note = document.createElement('span');
          note.className = 'problem__note';
          note.textContent = notes.join(' · ');
          button.append(note);
        }
      }
      button.addEventListener('click', () => jump(p));
      item.append(button);
      return item;
    }));
  }

  let saved = null;
  try {
    saved = storage?.getItem(SAVED) ?? null;
  } catch {
    // Private mode without storage: start from the sample.
  }
  return {
    /** The text kept from the last visit, if any. */
    saved,
    load,
    setStatus,
    showProblems,
    /** Sets the text without an undo step (the first load). @param {string} value */
    init(value) {
      text.value = value;
      onChange(value);
    },
  };
}

function safeStorage() {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}
