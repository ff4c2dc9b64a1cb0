// A wake of the renderer's page with the card at rest stored by an earlier run, as the lock
// screen has it: the shim's painter (www/host/still.js, part of the small shim) paints it at
// once, and the renderer's page with its module comes after, as the glue does on the lock
// screen (fetched by the supervisor's loader, not before the first frame).
import { paintStill, readStill } from '../../www/host/still.js';
import { markFirstCard } from './feed.js';

const still = readStill(localStorage.getItem('glance:card'));
if (still) {
  paintStill(/** @type {HTMLElement} */ (document.getElementById('screen')), still);
  markFirstCard();
}
// Not bundled into this one: the page as the other entry builds it.
import(new URL('renderer-page.js', import.meta.url).href);
