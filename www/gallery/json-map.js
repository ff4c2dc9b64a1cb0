// Where things are in a JSON text being typed: a tolerant scan that maps each value to its
// character range, so the editor can select the field an error names and say which field the
// caret is in. It never throws; past the first syntax error it keeps what it read.

/**
 * @typedef {{
 *   kind: 'object' | 'array' | 'value',
 *   start: number,
 *   end: number,
 *   key?: string | number,
 *   keyStart?: number,
 *   children: JsonNode[],
 * }} JsonNode
 */

const SPACE = ' \t\n\r';
const STOP = ',:}] \t\n\r';

/** @param {string} text @returns {JsonNode} */
export function mapJson(text) {
  let i = 0;
  const skip = () => {
    while (i < text.length && SPACE.includes(text[i])) i++;
  };
  const string = () => {
    const from = i++;
    while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    i = Math.min(i + 1, text.length);
    try {
      return String(JSON.parse(text.slice(from, i)));
    } catch {
      return text.slice(from + 1, i - 1);
    }
  };
  /** @param {string | number | undefined} key @param {number | undefined} keyStart */
  const value = (key, keyStart) => {
    skip();
    /** @type {JsonNode} */
    const node = { kind: 'value', start: i, end: i, key, keyStart, children: [] };
    if (text[i] === '{') {
      node.kind = 'object';
      i++;
      for (;;) {
        skip();
        if (text[i] === '}') { i++; break; }
        if (text[i] !== '"') break;
        const at = i;
        const name = string();
        skip();
        if (text[i] !== ':') break;
        i++;
        node.children.push(value(name, at));
        skip();
        if (text[i] === ',') { i++; continue; }
        if (text[i] === '}') i++;
        break;
      }
    } else if (text[i] === '[') {
      node.kind = 'array';
      i++;
      for (let n = 0; ; n++) {
        skip();
        if (text[i] === ']') { i++; break; }
        if (i >= text.length) break;
        const before = i;
        node.children.push(value(n, undefined));
        if (i === before) break;
        skip();
        if (text[i] === ',') { i++; continue; }
        if (text[i] === ']') i++;
        break;
      }
    } else if (text[i] === '"') {
      string();
    } else {
      while (i < text.length && !STOP.includes(text[i])) i++;
    }
    node.end = i;
    return node;
  };
  return value(undefined, undefined);
}

/**
 * The deepest node on `path` (keys and array indices), and how much of the path it matched.
 * @param {JsonNode} root @param {(string | number)[]} path
 */
export function nodeAt(root, path) {
  let node = root;
  let depth = 0;
  for (const key of path) {
    const child = node.children.find((c) => c.key === key);
    if (!child) break;
    node = child;
    depth++;
  }
  return { node, depth };
}

/**
 * The path to the value (or key) under `offset`.
 * @param {JsonNode} root @param {number} offset @returns {(string | number)[]}
 */
export function pathAt(root, offset) {
  /** @type {(string | number)[]} */
  const path = [];
  let node = root;
  for (;;) {
    const child = node.children.find((c) => (c.keyStart ?? c.start) <= offset && offset <= c.end);
    if (!child || child.key === undefined) return path;
    path.push(child.key);
    node = child;
  }
}

/** 1-based line and column of `offset`. @param {string} text @param {number} offset */
export function lineColumn(text, offset) {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

/** The offset of a 1-based line and column. @param {string} text @param {number} line @param {number} column */
export function offsetOf(text, line, column) {
  let offset = 0;
  for (let l = 1; l < line; l++) {
    const next = text.indexOf('\n', offset);
    if (next < 0) return text.length;
    offset = next + 1;
  }
  return Math.min(text.length, offset + column - 1);
}
