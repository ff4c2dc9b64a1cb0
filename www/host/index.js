// Entry point of the host shim: picks the transport for the page it runs in and connects the
// renderer to it: the Android web-message port when the native side injected one, else the
// Android JS interface, else the browser preview.

import { createPreviewHost } from './preview.js';
import { createJsInterfaceHost, hasJsInterface } from './android-js.js';
import { createMessageHost, hasMessagePort } from './android-messages.js';

export { createPreviewHost } from './preview.js';
export { createJsInterfaceHost } from './android-js.js';
export { createMessageHost } from './android-messages.js';
export { connect } from './connect.js';
export { supervise, moduleLoader, isTrap } from './supervise.js';

/**
 * The host for this page.
 * @param {import('./host').PreviewEnv & import('./host').NativeEnv} [env]
 * @param {{ allowedOrigins?: string[] }} [options]  origins the web-message port may serve
 * @returns {import('./host').Host}
 */
export function createHost(env = /** @type {any} */ (globalThis), options = {}) {
  if (hasMessagePort(env)) return createMessageHost(env, options);
  if (hasJsInterface(env)) return createJsInterfaceHost(env);
  return createPreviewHost(env);
}
