// One phone, as the preview page and each frame of the gallery show it: the keyguard's chrome
// over the lock screen, and a renderer supervised (restarted after a crash) and connected to
// the page's host.

import { connect, supervise, moduleLoader } from './pkg/glance_host.js';

/**
 * Draws the keyguard's stand-in over `screen`: status bar, clock and date, unlock hint and
 * shortcuts, placed by the skin's reserved areas (lock-chrome.css), and keeps the clock on
 * the minute.
 */
export function lockChrome(/** @type {HTMLElement} */ screen) {
  const doc = screen.ownerDocument;
  const part = (/** @type {string} */ tag, /** @type {string} */ name, /** @type {(Node | string)[]} */ ...children) => {
    const el = doc.createElement(tag);
    el.className = `lock-chrome${name}`;
    el.append(...children);
    return el;
  };
  const statusTime = part('span', '__status-time', '--:--');
  const time = part('span', '__time', '--:--');
  const date = part('span', '__date');
  const chrome = part('div', '',
    part('div', '__status', statusTime, part('span', '__icons', '▴ ◢ ▮')),
    part('div', '__clock', time, date),
    part('div', '__bottom', part('span', '__shortcut', '☏'), part('span', '__hint', 'Swipe up to unlock'), part('span', '__shortcut', '◉')));
  chrome.setAttribute('aria-hidden', 'true');
  screen.prepend(chrome);
  const tick = () => {
    const now = new Date();
    const hhmm = now.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
    statusTime.textContent = hhmm;
    time.textContent = hhmm;
    date.textContent = now.toLocaleDateString([], { weekday: 'long', day: 'numeric', month: 'long' });
    // Once a minute, on the minute: the page's clock is its only timer.
    setTimeout(tick, 60_000 - (now.getTime() % 60_000));
  };
  tick();
}

/**
 * Connects a host to a renderer in `screen` and keeps one running. The link listens for feeds
 * before the host is asked for its settings, so a feed pushed meanwhile is not missed.
 * @param {{
 *   screen: HTMLElement,
 *   host: import('./host/host').Host,
 *   options: (device: import('./host/host').DeviceInfo) => Record<string, unknown>,
 *   onFeed?: (outcome: import('./host/connect.js').FeedOutcome) => void,
 *   onNotice?: (notice: import('./host/connect.js').Notice) => void,
 *   onFault?: Parameters<typeof supervise>[0]['onFault'],
 * }} phone  `options` gives the renderer's options each time one starts (the first, and after
 *   a crash), so they follow the page's choices
 */
export async function startPhone({ screen, host, options, onFeed, onNotice, onFault }) {
  const link = connect({ host, onFeed, onNotice });
  // Supervised at once, so the card kept from the last time at rest is painted in the first
  // frame; the device info reaches the first renderer when it is read.
  const reading = host.deviceInfo();
  /** @type {import('./host/host').DeviceInfo | undefined} */
  let device;
  const supervisor = supervise({
    screen,
    link,
    host,
    device: reading,
    load: moduleLoader(new URL('pkg/glance_renderer.js', import.meta.url), new URL('pkg/glance_renderer_bg.wasm', import.meta.url)),
    create: ({ Renderer }, { resumeAt, notice, device: read }) => {
      device = read ?? device;
      return new Renderer(screen, { reducedMotion: device?.reducedMotion, ...(device ? options(device) : {}), resumeAt }, notice);
    },
    onFault,
  });
  device = await reading;
  return { supervisor, device };
}
