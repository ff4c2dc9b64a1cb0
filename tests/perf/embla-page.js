// Embla Carousel, core only.
import EmblaCarousel from 'embla-carousel';
import { slidesOf } from './cards.js';
import { benchFeed, cardCount, markFirstCard, timeWake } from './feed.js';

const feed = await benchFeed(cardCount());
const slides = (f) => slidesOf(f, 'embla__slide');
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
  wake: () =>
    timeWake(feed, (json) => {
      container.replaceChildren(...slides(JSON.parse(json)));
      embla.reInit();
    }),
  wasmBytes: () => null,
};
