// A wake of the renderer's page with the card at rest stored by an earlier run, as the lock
// screen has it: the shim's painter (www/host/still.js, part of the small shim) paints it at
// once, and the renderer's page with its module comes after, as the glue does on the lock
// screen.
import { paintStill, readStill } from '../../www/host/still.js';
import { markFirstCard } from './feed.js';

const still = readStill(localStorage.getItem('glance:card'));
if (still) {
  paintStill(/** @type {HTMLElement} */ (document.getElementById('screen')), still);
  markFirstCard();
}
// Not bundled into this one: the page as the other entry builds it. On the lock screen the
// supervisor's loader fetches and compiles the `.wasm` before it imports the glue, so the
// module's work on the main thread begins after the frame that shows the painted card
// (tests/e2e/still.test.mjs checks that order); this page starts the renderer's after that
// frame too.
requestAnimationFrame(() => setTimeout(() => import(new URL('renderer-page.js', import.meta.url).href)));
