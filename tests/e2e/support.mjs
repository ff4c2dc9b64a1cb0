// What the end-to-end tests share: the page served as `npm start` serves it, Debian's headless
// Chromium, and pages that fail the test on any script error, console error or CSP violation.
import { before, after } from 'node:test';
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { serve } from '../../scripts/serve.mjs';

const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

/**
 * The server on a free port and the browser. `serving` goes to the server: by default the page
 * as `npm start` serves it; a test may serve another `root` with only the `allow`ed prefixes.
 */
export async function startBrowser(serving = {}) {
  const server = await serve({ port: 0, quiet: true, ...serving });
  const base = `http://127.0.0.1:${server.address().port}/`;
  // Playwright gives every launch a fresh, temporary profile.
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync',
    ],
  });
  return { server, browser, base };
}

/**
 * Starts the server and the browser before the file's tests and stops them after: the object
 * returned has `browser` and `base` (the page's address, ending in /) once they run.
 */
export function useBrowser() {
  const env = /** @type {{ server?: any, browser?: any, base?: string }} */ ({});
  before(async () => {
    Object.assign(env, await startBrowser());
  });
  after(async () => {
    await env.browser?.close();
    env.server?.close();
  });
  return env;
}

/**
 * A page at `url` in a new context that collects script errors and console errors (in every
 * frame), but those whose text or source matches `allow`. `setUp` runs on the context before
 * the page loads.
 */
export async function openPage(browser, url, { allow = /does-not-exist/, setUp = async (_context) => {}, viewport = { width: 1100, height: 1000 } } = {}) {
  const context = await browser.newContext({ viewport, hasTouch: true });
  await setUp(context);
  // Any Content-Security-Policy violation is a problem too.
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`);
    });
  });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    const expected = allow.test(m.location()?.url ?? '') || allow.test(m.text());
    if (m.type() === 'error' && !expected) problems.push(`console: ${m.text()} (${m.location()?.url})`);
  });
  await page.goto(url);
  return { page, context, problems };
}

/** A real touch drag through the DevTools protocol, as a finger would do it. */
export async function touchDrag(page, from, to, steps = 12) {
  const cdp = await page.context().newCDPSession(page);
  const point = (t) => [{ x: from.x + (to.x - from.x) * t, y: from.y + (to.y - from.y) * t, id: 1 }];
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: point(0) });
  for (let i = 1; i <= steps; i++) {
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: point(i / steps) });
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await cdp.detach();
}

/**
 * Waits until the card is the one in view: not inert, not hidden, lined up with the screen.
 * `page` may be a frame (the gallery's phones).
 */
export async function waitInView(page, id, timeout = 5000) {
  await page.waitForFunction((cardId) => {
    const card = document.querySelector(`[data-card-id="${cardId}"]`);
    const screen = document.getElementById('lock-screen');
    if (!card || !screen || card.inert || card.getAttribute('aria-hidden')) return false;
    const a = card.getBoundingClientRect();
    const b = screen.getBoundingClientRect();
    return Math.abs(a.left - b.left) < 1 && Math.abs(a.top - b.top) < 1;
  }, id, { timeout });
}

/**
 * Runs axe-core in the page (on `context`, an axe context object, else the whole document);
 * returns how many rules applied and the serious and critical violations, one line each. It
 * goes in through DevTools, so the page's CSP (no eval) does not apply to the checker itself.
 */
export async function axeCheck(page, context = null) {
  if (!(await page.evaluate(() => 'axe' in window))) {
    await page.evaluate(readFileSync(new URL('../../node_modules/axe-core/axe.min.js', import.meta.url), 'utf8'));
  }
  return page.evaluate(async (where) => {
    const result = await window.axe.run(where ?? document, { resultTypes: ['violations'] });
    return {
      rules: result.passes.length + result.violations.length,
      violations: result.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`),
    };
  }, context);
}
