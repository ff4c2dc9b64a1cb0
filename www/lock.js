// The lock screen as it ships: the host for this WebView, the renderer started (and started
// again after a fault) by the supervisor, nothing else. Query: `?skin=<built-in name>`, or
// `?profile=<a skin profile's URL on this origin>` for a skin of the integrator's own.

import { createHost, connect, supervise, moduleLoader } from './pkg/glance_host.js';

const params = new URLSearchParams(location.search);
const screen = /** @type {HTMLElement} */ (document.getElementById('lock-screen'));
const host = createHost();
host.onProblem((p) => console.warn(`glance host: ${p.method}: ${p.message}`));
const link = connect({ host });

const loader = moduleLoader(new URL('pkg/glance_renderer.js', import.meta.url), new URL('pkg/glance_renderer_bg.wasm', import.meta.url));

/** The custom profile's text, when the page was given one and it could be read. */
async function customProfile() {
  const url = params.get('profile');
  if (!url) return undefined;
  try {
    const response = await fetch(new URL(url, location.href));
    if (response.ok) return await response.text();
    console.warn(`glance: skin profile ${url} answered ${response.status}; the built-in skin is used`);
  } catch (error) {
    console.warn(`glance: skin profile ${url} could not be read (${error}); the built-in skin is used`);
  }
  return undefined;
}
/** The custom profile, once read (before the first renderer starts: `device` waits for it). */
/** @type {string | undefined} */
let skinProfile;
const profile = customProfile().then((text) => { skinProfile = text; });
/** @type {boolean | undefined} */
let reducedMotion;

// Supervised at once: the card kept from the last time at rest is painted in the first frame,
// before the module is fetched; the device info and the profile reach the first renderer.
supervise({
  screen,
  link,
  host,
  device: Promise.all([host.deviceInfo(), profile]).then(([info]) => info),
  load: loader,
  create: ({ Renderer }, { resumeAt, notice, device }) => {
    reducedMotion = device?.reducedMotion ?? reducedMotion;
    return new Renderer(screen, { skin: params.get('skin') ?? 'generic', skinProfile, reducedMotion, resumeAt }, notice);
  },
  onFault: (fault) => console.warn(`glance: ${fault.kind}: ${fault.error}`),
});
