// The Android web-message transport: the native side registers
// `WebViewCompat.addWebMessageListener(webView, "glanceNative", allowedOrigins, listener)`,
// which injects `glanceNative` into pages of those origins only. The shim posts
// `{ "id", "method", "args" }` as JSON text (no id when no answer is needed); the native side
// replies through the reply proxy with `{ "type": "reply", "id", "result" }` or
// `{ "type": "reply", "id", "error" }`, in any order, and pushes
// `{ "type": "feed", "feed" }` and `{ "type": "screen", "on" }` the same way.

import { nativeHost } from './native.js';

/** @typedef {import('./host').NativeEnv} NativeEnv */

/** The global the native side injects. */
export const MESSAGE_PORT = 'glanceNative';
/** Origins a lock-screen page is served from (WebViewAssetLoader's), as the guide sets up. */
export const DEFAULT_ORIGINS = ['https://appassets.androidplatform.net'];

/** @param {NativeEnv} env */
export function hasMessagePort(env) {
  const port = /** @type {{ postMessage?: unknown } | undefined} */ (env[MESSAGE_PORT]);
  return typeof port?.postMessage === 'function';
}

/**
 * @param {NativeEnv} env  usually `window`
 * @param {{ allowedOrigins?: string[] }} [options]
 * @returns {import('./host').Host}
 */
export function createMessageHost(env, { allowedOrigins = DEFAULT_ORIGINS } = {}) {
  const port = /** @type {{ postMessage(text: string): void, onmessage: ((event: { data: unknown }) => void) | null }} */ (
    env[MESSAGE_PORT]
  );
  // The native side injects the port only into allowed origins; the page checks again before
  // it sends anything, so a page that moved elsewhere talks to nobody.
  const origin = new URL(env.location.href).origin;
  const allowed = allowedOrigins.includes(origin);
  const host = nativeHost(env, {
    transport: 'android-web-messages',
    send(method, args, id) {
      if (!allowed) throw new Error(`the page's origin ${origin} is not on the allow-list`);
      port.postMessage(JSON.stringify(id === null ? { method, args } : { id, method, args }));
      return undefined;
    },
  });
  port.onmessage = (event) => {
    if (allowed && typeof event.data === 'string') host.receive(event.data);
  };
  return host;
}
