// Entry point of the host shim: picks the transport for the page it runs in and connects the
// renderer to it. The Android transports (addJavascriptInterface, addWebMessageListener) plug in
// here; until they exist every page gets the browser-preview transport.

import { createPreviewHost } from './preview.js';

export { createPreviewHost } from './preview.js';
export { connect } from './connect.js';

/**
 * The host for this page.
 * @param {import('./host').PreviewEnv} [env]
 * @returns {import('./host').PreviewHost}
 */
export function createHost(env = /** @type {any} */ (globalThis)) {
  return createPreviewHost(env);
}
