// Swiper with the modules a lock screen needs: navigation, pagination, autoplay, keyboard, a11y.
import Swiper from 'swiper';
import { Navigation, Pagination, Autoplay, Keyboard, A11y } from 'swiper/modules';
import 'swiper/css';
import 'swiper/css/navigation';
import 'swiper/css/pagination';
import 'swiper/css/a11y';
import { buildCard } from './cards.js';
import { benchFeed, cardCount, wakeFeed, markFirstCard, nextFrame } from './feed.js';

const feed = await benchFeed(cardCount());
const slides = (f) =>
  f.cards.map((card, i) => {
    const slide = document.createElement('div');
    slide.className = 'swiper-slide';
    slide.append(buildCard(card, i, f.cards.length));
    return slide;
  });
const wrapper = document.querySelector('.swiper-wrapper');
wrapper.append(...slides(feed));
let settles = 0;
const swiper = new Swiper('#screen', {
  modules: [Navigation, Pagination, Autoplay, Keyboard, A11y],
  navigation: { nextEl: '.swiper-button-next', prevEl: '.swiper-button-prev' },
  pagination: { el: '.swiper-pagination', clickable: true },
  autoplay: { delay: 10000, disableOnInteraction: true },
  keyboard: { enabled: true },
  a11y: { enabled: true },
  on: {
    slideChangeTransitionEnd: () => {
      performance.mark('settled');
      settles++;
    },
  },
});
markFirstCard();

window.bench = {
  index: () => swiper.activeIndex,
  settles: () => settles,
  async wake() {
    const json = JSON.stringify(wakeFeed(feed));
    const t0 = performance.now();
    const next = JSON.parse(json);
    wrapper.replaceChildren(...slides(next));
    swiper.update();
    await nextFrame();
    return performance.now() - t0;
  },
  wasmBytes: () => null,
};
