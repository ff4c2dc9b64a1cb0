// Swiper with the modules a lock screen needs: navigation, pagination, autoplay, keyboard, a11y.
import Swiper from 'swiper';
import { Navigation, Pagination, Autoplay, Keyboard, A11y } from 'swiper/modules';
import 'swiper/css';
import 'swiper/css/navigation';
import 'swiper/css/pagination';
import 'swiper/css/a11y';
import { slidesOf } from './cards.js';
import { benchFeed, cardCount, markFirstCard, timeWake } from './feed.js';

const feed = await benchFeed(cardCount());
const slides = (f) => slidesOf(f, 'swiper-slide');
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
  wake: () =>
    timeWake(feed, (json) => {
      wrapper.replaceChildren(...slides(JSON.parse(json)));
      swiper.update();
    }),
  wasmBytes: () => null,
};
