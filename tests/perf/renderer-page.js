// The renderer as a lock screen ships it: the Wasm module, its glue and the host shim.
import init, { Renderer } from '../../www/pkg/glance_renderer.js';
import { createHost, connect } from '../../www/host/index.js';
import { benchFeed, cardCount, markFirstCard, timeWake } from './feed.js';

// Opened from renderer-still.html, the card at rest was painted already (still-page.js).
const still = document.querySelector('[data-glance-still]');

let settles = 0;
const [wasm, feed] = await Promise.all([init({ module_or_path: '/www/pkg/glance_renderer_bg.wasm' }), benchFeed(cardCount())]);
const host = createHost();
const link = connect({
  host,
  onNotice: (n) => {
    if (n.type === 'cardChange') {
      performance.mark('settled');
      settles++;
    }
  },
});
const renderer = new Renderer(document.getElementById('screen'), { skin: 'generic' }, link.notice);
host.pushFeed(JSON.stringify(feed));
await link.attach(renderer);
still?.remove();
if (!still) markFirstCard();

/**
 * Lays out each card of `json` twice with a renderer of its own (off screen): the first time
 * in a fresh renderer, the second once its measures are cached. Per card, ms per layout (the
 * layout read through `layoutOf`, so its conversion to JS is included).
 */
function layoutTimes(json) {
  const root = document.createElement('div');
  root.style.cssText = 'position:absolute;left:-10000px;top:0;width:412px;height:915px';
  document.body.append(root);
  const r = new Renderer(root, { skin: 'generic', autoAdvance: false, reducedMotion: true }, null);
  r.viewport = { width: 412, height: 915 };
  r.setFeed(json);
  const time = () => Array.from({ length: r.count }, (_, i) => {
    const start = performance.now();
    r.layoutOf(i);
    return performance.now() - start;
  });
  const first = time();
  const cached = time();
  r.free();
  root.remove();
  return { first, cached };
}

window.bench = {
  layoutTimes,
  index: () => renderer.index,
  settles: () => settles,
  wake: () => timeWake(feed, (json) => host.pushFeed(json)),
  wasmBytes: () => wasm.memory.buffer.byteLength,
  /** The card at rest as the renderer stored it (after a settle and an idle moment). */
  storedCard: () => localStorage.getItem('glance:card'),
};
