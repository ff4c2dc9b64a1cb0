// The Android JS-interface transport: the native side injects an object with
// `webView.addJavascriptInterface(bridge, "GlanceAndroid")`. Its methods are synchronous and
// take and return strings (JSON where structured). The one method that waits for the user,
// `requestUnlock(id)`, returns at once and answers later by calling the page's global
// `glanceHostReceive(json)` with `{ "type": "reply", "id": id, "result": "true" }`; the native
// side pushes feeds and the screen state through the same global.

import { nativeHost } from './native.js';

/** @typedef {import('./host').NativeEnv} NativeEnv */

/** The global the native side injects. */
export const JS_INTERFACE = 'GlanceAndroid';
/** The global the native side calls with replies and pushes. */
export const RECEIVE = 'glanceHostReceive';
/** Methods that answer later, by id, instead of returning their answer. */
const ANSWER_LATER = new Set(['requestUnlock']);

/** @param {NativeEnv} env */
export function hasJsInterface(env) {
  const bridge = env[JS_INTERFACE];
  return typeof bridge === 'object' && bridge !== null;
}

/**
 * @param {NativeEnv} env  usually `window`
 * @returns {import('./host').Host}
 */
export function createJsInterfaceHost(env) {
  const bridge = /** @type {Record<string, unknown>} */ (env[JS_INTERFACE]);
  const host = nativeHost(env, {
    transport: 'android-js-interface',
    send(method, args, id) {
      const fn = bridge[method];
      if (typeof fn !== 'function') throw new Error(`${JS_INTERFACE}.${method} is missing`);
      const answer = fn.apply(bridge, ANSWER_LATER.has(method) ? [String(id)] : args);
      return ANSWER_LATER.has(method) ? undefined : answer ?? null;
    },
  });
  env[RECEIVE] = (/** @type {string} */ text) => host.receive(text);
  return host;
}
