// Connects a renderer to a host: feeds in, notices out. It translates; it decides nothing.

import { isTrap } from './supervise.js';

/**
 * @typedef {import('./host').FeedReport} FeedReport
 * @typedef {({ ok: true, report: FeedReport } | { ok: false, error: string }) & { stored?: true }} FeedOutcome
 *   `stored`: the feed is the copy kept from an earlier one (no fresh feed yet, or none came).
 * @typedef {import('./host').Notice} Notice
 * @typedef {{
 *   setFeed(json: string): FeedReport,
 *   tracked?(batch: number, acked: number[]): void,
 *   trackFailed?(batch: number): void,
 *   restoreOutbox?(text: string): { kept: number, dropped: number, renumbered: number, cut: boolean } | void,
 *   setScreenOn?(on: boolean): void,
 *   reducedMotion?: boolean,
 *   dataSaver?: boolean,
 *   batterySaver?: boolean,
 *   safeArea?: import('./host').SafeArea | null,
 *   viewport?: { width: number, height: number } | null,
 *   locale?: string,
 *   fontScale?: number,
 *   colorScheme?: string,
 * }} FeedSink
 */

/** Where the last feed that showed cards is kept. */
export const FEED_KEY = 'feed';

/** Where the renderer's `store` notices keep the analytics outbox. */
export const OUTBOX_KEY = 'outbox';

/** Fires the page's `error` event with `error`, as an uncaught one would. */
function report(/** @type {unknown} */ error) {
  if (typeof reportError === 'function') reportError(error);
  else setTimeout(() => { throw error; });
}

/**
 * Hands the host's feed, and every later one, to the renderer, and carries out the renderer's
 * notices through the host. Returns `{ notice, disconnect }`: pass `notice` to the renderer as
 * its notice callback.
 *
 * @param {{
 *   host: import('./host').Host,
 *   onFeed?: (outcome: FeedOutcome) => void,
 *   onNotice?: (notice: Notice) => void,
 * }} options
 */
export function connect({ host, onFeed, onNotice }) {
  /** @type {FeedSink | null} */
  let renderer = null;
  /** The host's last feed: applied, or waiting for a renderer (a new one after a crash). */
  /** @type {string | null} */
  let latest = null;

  /**
   * @param {string} json
   * @param {{ stored?: boolean }} [from]  the kept copy, not a feed from the host
   */
  function apply(json, { stored = false } = {}) {
    if (!stored) latest = json;
    if (!renderer) return;
    /** @type {FeedOutcome} */
    let outcome;
    try {
      const report = renderer.setFeed(json);
      outcome = stored ? { ok: true, report, stored: true } : { ok: true, report };
      // The last feed that showed cards is kept for a wake without one (offline).
      if (!stored && report.applied) {
        host.storageSet(FEED_KEY, json).catch((error) => console.warn('glance: could not keep the feed', error));
      }
    } catch (error) {
      // A trap is not the feed's fault: it goes to the page's error handlers (the supervisor
      // starts the renderer again, with this feed).
      if (isTrap(error)) {
        report(error);
        return;
      }
      // A feed refused whole: the renderer keeps what it shows.
      outcome = { ok: false, error: error instanceof Error ? error.message : String(error) };
    }
    onFeed?.(outcome);
  }

  /** @param {Notice} notice */
  async function notice(notice) {
    onNotice?.(notice);
    if (notice.type === 'open') {
      const unlocked = notice.unlock ? await host.requestUnlock() : true;
      if (unlocked) await host.openUrl(notice.url);
    } else if (notice.type === 'track') {
      // Events leave the renderer's outbox only with the host's acknowledgement; the reply
      // goes to whichever renderer runs by then (a new one after a crash has the same outbox).
      let ack;
      try {
        ack = await host.track(JSON.parse(notice.events));
      } catch (error) {
        renderer?.trackFailed?.(notice.batch);
        throw error;
      }
      renderer?.tracked?.(notice.batch, Array.isArray(ack?.acked) ? ack.acked : []);
    } else if (notice.type === 'store') {
      await host.storageSet(notice.key, notice.value);
    } else if (notice.type === 'expired') {
      // Every card on screen has expired: the host may have a newer feed by now. The host's
      // page shows its wallpaper meanwhile (it hears the notice through onNotice).
      apply(await host.feed());
    } else if (notice.type === 'like') {
      await host.like(notice.cardId);
    } else if (notice.type === 'share') {
      await host.share(notice.cardId);
    }
  }

  /** The host's settings win over the browser's guesses; a value the renderer refuses is skipped. */
  function settings(/** @type {import('./host').DeviceInfo} */ info) {
    if (!renderer) return;
    const sink = renderer;
    for (const [key, set] of /** @type {[string, () => void][]} */ ([
      ['reducedMotion', () => { sink.reducedMotion = info.reducedMotion; }],
      ['dataSaver', () => { sink.dataSaver = info.dataSaver; }],
      ['batterySaver', () => { sink.batterySaver = info.batterySaver; }],
      ['safeArea', () => { sink.safeArea = info.safeArea; }],
      ['viewport', () => { sink.viewport = info.viewport; }],
      ['locale', () => { sink.locale = info.locale; }],
      // Optional: only hosts that know them send them.
      ['fontScale', () => { if (info.fontScale !== undefined) sink.fontScale = info.fontScale; }],
      ['colorScheme', () => { if (info.colorScheme !== undefined) sink.colorScheme = info.colorScheme ?? ''; }],
    ])) {
      try {
        set();
      } catch (error) {
        // A trap is no refusal: it goes to the page's error handlers (the supervisor starts
        // a new renderer, which gets every setting again).
        if (isTrap(error)) {
          report(error);
          return;
        }
        console.warn(`glance: the renderer refused the host's ${key}`, error);
      }
    }
  }

  const offFeed = host.onFeed(apply);
  const offDevice = host.onDeviceInfo(settings);
  // The host's screen-off (and the page's visibility) stops everything in the renderer.
  const offScreen = host.onScreen((on) => renderer?.setScreenOn?.(on));
  return {
    /** @param {Notice} n */
    notice(n) {
      notice(n).catch((error) => {
        // The renderer trapped on the host's reply (`tracked`, `trackFailed`): the supervisor
        // must hear it, or the lock screen would stay on a frozen renderer.
        if (isTrap(error)) report(error);
        else console.warn('glance: host action failed', error);
      });
    },
    /**
     * The renderer is ready: give it the host's settings and the feed (the host's current
     * one if none came yet). Pass `device` when the page already asked the host for it, so
     * start-up does not cross the bridge twice.
     * @param {FeedSink} sink
     * @param {import('./host').DeviceInfo} [device]
     */
    async attach(sink, device) {
      renderer = sink;
      try {
        settings(device ?? (await host.deviceInfo()));
      } catch (error) {
        console.warn('glance: no device info from the host; the browser guesses stay', error);
      }
      // The kept feed first, so a wake without a network shows cards at once (its expired
      // cards are not shown); the host's feed replaces it, keeping the card in view.
      let kept = false;
      if (latest === null) {
        try {
          const stored = await host.storageGet(FEED_KEY);
          if (stored !== null && latest === null) {
            apply(stored, { stored: true });
            kept = true;
          }
        } catch (error) {
          console.warn('glance: the kept feed could not be read', error);
        }
      }
      // A feed that came already (pushed, or the last one before a crash).
      if (latest !== null) apply(latest);
      // Once cards are on screen: the events an earlier renderer (before a reload or a crash)
      // had not delivered.
      try {
        const stored = await host.storageGet(OUTBOX_KEY);
        const mended = stored === null ? undefined : sink.restoreOutbox?.(stored);
        // Storage cut short by a crash, or events that shared a seq: what was kept goes, what
        // was lost is reported to the host as a `dropped` event. Said here for the integrator.
        if (mended && (mended.dropped || mended.renumbered || mended.cut)) {
          console.warn('glance: the stored analytics outbox was mended', mended);
        }
      } catch (error) {
        if (isTrap(error)) throw error;
        console.warn('glance: the stored analytics outbox could not be read; starting a new one', error);
      }
      if (latest !== null) return;
      try {
        apply(await host.feed());
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        onFeed?.(kept ? { ok: false, error: message, stored: true } : { ok: false, error: message });
      }
    },
    /** The renderer is gone (it crashed): feeds wait for the next one. */
    detach() {
      renderer = null;
    },
    disconnect() {
      offFeed();
      offScreen();
      offDevice();
      renderer = null;
    },
  };
}
