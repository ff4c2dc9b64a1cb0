// Embla Carousel, core only.
import EmblaCarousel from 'embla-carousel';
import { buildCard } from './cards.js';
import { benchFeed, cardCount, wakeFeed, markFirstCard, nextFrame } from './feed.js';

const feed = await benchFeed(cardCount());
const slides = (f) =>
  f.cards.map((card, i) => {
    const slide = document.createElement('div');
    slide.className = 'embla__slide';
    slide.append(buildCard(card, i, f.cards.length));
    return slide;
  });
const container = document.querySelector('.embla__container');
container.append(...slides(feed));
const embla = EmblaCarousel(document.getElementById('screen'));
let settles = 0;
embla.on('settle', () => {
  performance.mark('settled');
  settles++;
});
markFirstCard();

window.bench = {
  index: () => embla.selectedScrollSnap(),
  settles: () => settles,
  async wake() {
    const json = JSON.stringify(wakeFeed(feed));
    const t0 = performance.now();
    const next = JSON.parse(json);
    container.replaceChildren(...slides(next));
    embla.reInit();
    await nextFrame();
    return performance.now() - t0;
  },
  wasmBytes: () => null,
};
