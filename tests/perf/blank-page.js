// The floor under every first card: a page that loads one tiny script and draws nothing, timed
// to its first frame the same way as the others.
import { markFirstCard } from './feed.js';

markFirstCard();
window.bench = {};
