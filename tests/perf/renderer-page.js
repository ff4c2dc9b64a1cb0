// The renderer as a lock screen ships it: the Wasm module, its glue and the host shim.
import init, { Renderer } from '../../www/pkg/glance_renderer.js';
import { createHost, connect } from '../../www/host/index.js';
import { benchFeed, cardCount, markFirstCard, timeWake } from './feed.js';

let settles = 0;
const [wasm, feed] = await Promise.all([init({ module_or_path: '/www/pkg/glance_renderer_bg.wasm' }), benchFeed(cardCount())]);
const host = createHost();
const link = connect({
  host,
  onNotice: (n) => {
    if (n.type === 'card_change') {
      performance.mark('settled');
      settles++;
    }
  },
});
const renderer = new Renderer(document.getElementById('screen'), { skin: 'generic' }, link.notice);
host.pushFeed(JSON.stringify(feed));
await link.attach(renderer);
markFirstCard();

window.bench = {
  index: () => renderer.index,
  settles: () => settles,
  wake: () => timeWake(feed, (json) => host.pushFeed(json)),
  wasmBytes: () => wasm.memory.buffer.byteLength,
};
