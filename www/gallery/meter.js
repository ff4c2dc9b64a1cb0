// The gallery's performance meter for one phone frame: frames per second and script time per
// frame while the cards move. It times every animation-frame callback and every input, timer
// and media listener the page registers, and adds them up per frame, so it must be installed
// before the renderer is loaded. It runs nothing of its own: it counts only the frames the
// renderer asks for, and reports once more a moment after the last one.

const INPUT_EVENTS = new Set([
  'pointerdown', 'pointermove', 'pointerup', 'pointercancel', 'touchstart', 'touchmove', 'touchend',
  'touchcancel', 'mousedown', 'mousemove', 'mouseup', 'click', 'wheel', 'keydown', 'keyup',
]);
/** Frames kept for the percentile: the last few seconds of motion. */
const KEEP = 240;
/** A gap longer than this ends a burst of motion. */
const BURST_GAP_MS = 250;

/**
 * @typedef {{ fps: number, p95: number, frames: number, active: boolean }} Reading
 * @param {Window & typeof globalThis} win
 * @param {(reading: Reading) => void} report  called at most every 250 ms while frames run, and
 *   once when they stop
 */
export function installMeter(win, report) {
  const now = () => win.performance.now();
  /** Script time of the frames of the current burst, in ms. */
  let times = /** @type {number[]} */ ([]);
  /** Start times of those frames. */
  let starts = /** @type {number[]} */ ([]);
  let pending = 0;
  let frameAt = -1;
  let lastReport = 0;
  /** @type {number | undefined} */
  let quiet;

  const reading = (/** @type {boolean} */ active) => {
    const n = starts.length;
    const span = n > 1 ? starts[n - 1] - starts[0] : 0;
    const sorted = [...times].sort((a, b) => a - b);
    const p95 = sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)] : 0;
    return { fps: span > 0 ? ((n - 1) * 1000) / span : 0, p95, frames: n, active };
  };

  /** Counts `ms` of script to the frame being built; a frame callback at `stamp` opens one. */
  const charge = (/** @type {number} */ ms, /** @type {number | null} */ stamp) => {
    if (stamp !== null && stamp !== frameAt) {
      if (frameAt >= 0 && stamp - frameAt > BURST_GAP_MS) {
        times = [];
        starts = [];
      }
      frameAt = stamp;
      times.push(pending);
      starts.push(stamp);
      pending = 0;
      if (times.length > KEEP) {
        times.shift();
        starts.shift();
      }
    }
    if (stamp === null) pending += ms;
    else times[times.length - 1] += ms;
    if (stamp !== null) {
      if (stamp - lastReport >= 250) {
        lastReport = stamp;
        report(reading(true));
      }
      win.clearTimeout(quiet);
      quiet = win.setTimeout(() => report(reading(false)), BURST_GAP_MS);
    }
  };

  const raf = win.requestAnimationFrame.bind(win);
  win.requestAnimationFrame = (callback) =>
    raf((stamp) => {
      const start = now();
      try {
        callback(stamp);
      } finally {
        charge(now() - start, stamp);
      }
    });

  /** @type {WeakMap<object, Map<string, EventListener>>} */
  const wrapped = new WeakMap();
  const proto = win.EventTarget.prototype;
  const add = proto.addEventListener;
  const remove = proto.removeEventListener;
  const key = (/** @type {string} */ type, /** @type {any} */ options) =>
    `${type}/${typeof options === 'boolean' ? options : Boolean(options?.capture)}`;
  proto.addEventListener = function (type, listener, options) {
    if (!INPUT_EVENTS.has(type) || typeof listener !== 'function') {
      return add.call(this, type, listener, options);
    }
    let byType = wrapped.get(listener);
    if (!byType) wrapped.set(listener, (byType = new Map()));
    let timed = byType.get(key(type, options));
    if (!timed) {
      const inner = listener;
      timed = function (/** @type {Event} */ event) {
        const start = now();
        try {
          return inner.call(this, event);
        } finally {
          charge(now() - start, null);
        }
      };
      byType.set(key(type, options), timed);
    }
    return add.call(this, type, timed, options);
  };
  proto.removeEventListener = function (type, listener, options) {
    const timed = listener && wrapped.get(listener)?.get(key(type, options));
    return remove.call(this, type, timed ?? listener, options);
  };
}
