// Editor hints from the feed's JSON Schema (www/feed.schema.json): what the field under the
// caret is for, its allowed values, and which fields the object around it takes.

/**
 * @typedef {{ $ref?: string, description?: string, type?: string | string[], enum?: unknown[],
 *   const?: unknown, properties?: Record<string, Schema>, required?: string[], items?: Schema,
 *   minimum?: number, maximum?: number, maxLength?: number, format?: string, title?: string,
 *   oneOf?: Schema[], anyOf?: Schema[] }} Schema
 */

/** Follows local `$ref`s. @param {Schema} root @param {Schema | undefined} schema */
function resolve(root, schema) {
  for (let hops = 0; schema?.$ref && hops < 8; hops++) {
    const parts = schema.$ref.replace(/^#\//, '').split('/');
    /** @type {any} */
    let at = root;
    for (const part of parts) at = at?.[part];
    // A $ref beside other keywords: those keywords describe this use of it.
    const { $ref: _, ...here } = schema;
    schema = { ...at, ...here };
  }
  return schema;
}

/** The schema of the value at `path`. @param {Schema} root @param {(string | number)[]} path */
export function schemaAt(root, path) {
  /** @type {Schema | undefined} */
  let schema = resolve(root, root);
  for (const key of path) {
    if (!schema) return undefined;
    schema = resolve(root, typeof key === 'number' ? schema.items : schema.properties?.[key]);
  }
  return schema;
}

/** One line about a schema: type, allowed values, limits. @param {Schema} s */
function rule(s) {
  const parts = [];
  if (s.const !== undefined) parts.push(`must be ${JSON.stringify(s.const)}`);
  else if (s.enum) parts.push(`one of ${s.enum.map((v) => JSON.stringify(v)).join(', ')}`);
  else if (s.type) parts.push([s.type].flat().join(' or '));
  if (s.format) parts.push(s.format);
  if (s.minimum !== undefined && s.maximum !== undefined) parts.push(`${s.minimum} to ${s.maximum}`);
  if (s.maxLength !== undefined) parts.push(`at most ${s.maxLength} characters`);
  return parts.join(', ');
}

/**
 * The hint for the caret at `path` (the path of the value or key it is in).
 * @param {Schema} root @param {(string | number)[]} path
 * @returns {{ field: string, about: string, fields: string } | null}
 */
export function hintAt(root, path) {
  const here = schemaAt(root, path);
  if (!here) {
    const parent = schemaAt(root, path.slice(0, -1));
    const key = path[path.length - 1];
    if (parent?.properties && typeof key === 'string') {
      return { field: dotted(path), about: 'Not a field of Feed v1: ignored (kept for later versions).', fields: fieldsOf(parent) };
    }
    return null;
  }
  const about = [here.description, rule(here)].filter(Boolean).join(' — ');
  const object = here.properties ? here : schemaAt(root, path.slice(0, -1));
  return { field: dotted(path) || 'feed', about, fields: object?.properties ? fieldsOf(object) : '' };
}

/** @param {Schema} s */
function fieldsOf(s) {
  const required = new Set(s.required ?? []);
  return Object.keys(s.properties ?? {}).map((k) => (required.has(k) ? `${k}*` : k)).join(' · ');
}

/** `cards[3].media.src` @param {(string | number)[]} path */
export function dotted(path) {
  return path.map((k, i) => (typeof k === 'number' ? `[${k}]` : i ? `.${k}` : k)).join('');
}
