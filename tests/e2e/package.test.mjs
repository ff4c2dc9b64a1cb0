// The lock-screen bundle of `npm run package`, as an integrator would take it: built into a
// folder of its own, served alone (no other file of the repository can be reached), opened in
// headless Chromium inside a fake WebView, and packed with `npm pack` for a web integrator.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { startBrowser, touchDrag, waitInView } from './support.mjs';

const repo = new URL('../../', import.meta.url).pathname;
const work = mkdtempSync(join(tmpdir(), 'glance-package-'));
const bundle = join(work, 'bundle');
const env = /** @type {{ server?: any, browser?: any, base?: string }} */ ({});

before(async () => {
  execFileSync(process.execPath, [join(repo, 'scripts/package.mjs'), '--out', bundle], { stdio: 'pipe' });
  Object.assign(env, await startBrowser({ root: bundle }));
});
after(async () => {
  await env.browser?.close();
  env.server?.close();
  rmSync(work, { recursive: true, force: true });
});

/** Every file below `dir`, relative, with `/`. */
function filesBelow(dir) {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split('\\').join('/'))
    .sort();
}

// Three cards without media (the bundle has no sample pictures): the first has a call to
// action behind the unlock.
const feed = JSON.stringify({
  version: 1,
  cards: [
    { id: 'first', kind: 'news', lang: 'en', title: 'Harbour bridge opens to cyclists at dawn', source: { name: 'City Desk' }, cta: { label: 'Read', url: 'https://example.com/bridge' } },
    { id: 'second', kind: 'news', lang: 'hi', title: 'पहाड़ों में पहली बर्फ़, सैलानी खुश', source: { name: 'समाचार' } },
    { id: 'third', kind: 'sports', lang: 'en', title: 'Late goal settles the derby', score: { home: { name: 'Reds', score: '2' }, away: { name: 'Blues', score: '1' }, status: 'final' } },
  ],
});

test('the bundle has the page, module, glue, shim, styles, skins, policy and types, and its manifest lists each file with its size and SHA-256', () => {
  const manifest = JSON.parse(readFileSync(join(bundle, 'manifest.json'), 'utf8'));
  const version = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')).version;
  assert.equal(manifest.version, version);
  const files = filesBelow(bundle);
  assert.deepEqual(manifest.files.map((f) => f.path), files.filter((f) => f !== 'manifest.json'));
  for (const entry of manifest.files) {
    const body = readFileSync(join(bundle, entry.path));
    assert.equal(entry.bytes, body.length, entry.path);
    assert.equal(entry.sha256, createHash('sha256').update(body).digest('hex'), entry.path);
  }
  for (const needed of ['index.html', 'lock.js', 'glance.css', 'pkg/glance_renderer_bg.wasm', 'pkg/glance_renderer.js', 'pkg/glance_host.js',
    'skins/generic.json', 'skins/samsung-oneui.json', 'content-security-policy.txt', 'types/index.d.ts', 'types/host.d.ts', 'README.md']) {
    assert.ok(files.includes(needed), `${needed} is in the bundle`);
  }
  // The header file carries the page's own policy, word for word.
  const page = readFileSync(join(bundle, 'index.html'), 'utf8');
  const policy = readFileSync(join(bundle, 'content-security-policy.txt'), 'utf8').trim().replace(/^Content-Security-Policy: /, '');
  assert.ok(page.includes(`content="${policy}"`));
  assert.match(policy, /script-src 'self' 'wasm-unsafe-eval'/);
  // The production page has no preview panel, keyguard stand-in or preview script.
  assert.doesNotMatch(page, /<aside|<nav|app\.js"|phone\.js|preview\.css|lock-chrome\.css/);
});

test('served alone inside a fake WebView: a card, a finger swipe, and a call to action that unlocks before it opens', async () => {
  const context = await env.browser.newContext({ viewport: { width: 412, height: 915 }, hasTouch: true });
  await context.addInitScript(({ feed }) => {
    const calls = [];
    window.__native = calls;
    window.GlanceAndroid = {
      deviceInfo: () => JSON.stringify({ locale: 'en-IN', reducedMotion: false }),
      feed: () => { calls.push('feed'); return feed; },
      openUrl: (url) => { calls.push(`openUrl ${url}`); },
      track: (json) => JSON.stringify({ acked: JSON.parse(json).map((e) => e.seq) }),
      requestUnlock: (id) => {
        calls.push('requestUnlock');
        setTimeout(() => window.glanceHostReceive(JSON.stringify({ type: 'reply', id: Number(id), result: 'true' })), 50);
      },
    };
    document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective}`));
  }, { feed });
  const page = await context.newPage();
  const problems = [];
  const missing = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()} (${m.location()?.url})`));
  page.on('response', (r) => r.status() >= 400 && missing.push(`${r.status()} ${r.url()}`));
  await page.goto(`${env.base}index.html?skin=samsung-oneui`);

  await waitInView(page, 'first', 10000);
  // The headline is set one element per line.
  assert.equal((await page.locator('[data-card-id="first"] .glance-title').innerText()).replace(/\s+/g, ' '), 'Harbour bridge opens to cyclists at dawn');
  const box = await page.locator('#lock-screen').boundingBox();
  assert.deepEqual([box.width, box.height], [412, 915], 'the lock screen fills the WebView');

  await touchDrag(page, { x: 330, y: 450 }, { x: 60, y: 450 });
  await waitInView(page, 'second');
  await touchDrag(page, { x: 60, y: 450 }, { x: 330, y: 450 });
  await waitInView(page, 'first');

  await page.click('[data-card-id="first"] .glance-cta');
  await page.waitForFunction(() => window.__native.some((c) => c.startsWith('openUrl')));
  assert.deepEqual(await page.evaluate(() => window.__native), ['feed', 'requestUnlock', 'openUrl https://example.com/bridge']);
  assert.deepEqual(missing, [], 'every file the page asks for is in the bundle');
  assert.deepEqual(problems, []);
  await context.close();
});

test('a skin profile of the integrator\'s own, from the bundle, is the one the renderer draws with', async () => {
  const context = await env.browser.newContext({ viewport: { width: 412, height: 915 } });
  await context.addInitScript(({ feed }) => {
    window.GlanceAndroid = { feed: () => feed, deviceInfo: () => '{}' };
  }, { feed });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto(`${env.base}index.html?profile=skins/vivo-originos.json`);
  await waitInView(page, 'first', 10000);
  const font = await page.evaluate(() => document.getElementById('lock-screen').style.getPropertyValue('--glance-font'));
  assert.match(font, /vivo Sans/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('npm pack of the bundle gives a package whose exports and types a TypeScript integrator can use', () => {
  const packed = join(work, 'packed');
  mkdirSync(packed);
  const [info] = JSON.parse(execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', packed], { cwd: bundle, encoding: 'utf8' }));
  const inTarball = info.files.map((f) => f.path);
  const pkg = JSON.parse(readFileSync(join(bundle, 'package.json'), 'utf8'));
  // Every target of the exports map is in the tarball.
  const targets = Object.values(pkg.exports).flatMap((t) => (typeof t === 'string' ? [t] : Object.values(t)));
  for (const target of targets.filter((t) => !t.includes('*'))) {
    assert.ok(inTarball.includes(target.replace(/^\.\//, '')), `${target} is packed`);
  }
  assert.ok(inTarball.includes('skins/xiaomi-hyperos.json'));

  // Installed as a web integrator's project would have it, the imports type-check.
  const project = join(work, 'project');
  const installed = join(project, 'node_modules', 'glance-renderer');
  mkdirSync(installed, { recursive: true });
  execFileSync('tar', ['-xzf', join(packed, info.filename), '-C', installed, '--strip-components=1']);
  writeFileSync(join(project, 'main.ts'), [
    "import { createHost, connect, supervise, moduleLoader, type Notice, type FeedReport } from 'glance-renderer';",
    "import init, { Renderer, validateFeed } from 'glance-renderer/renderer';",
    'const host = createHost();',
    'const link = connect({ host, onNotice: (n: Notice) => { if (n.type === "cardChange") console.log(n.cardId); } });',
    'const report = validateFeed("{}", "generic") as FeedReport;',
    'export { host, link, report, init, Renderer, supervise, moduleLoader };',
    '',
  ].join('\n'));
  writeFileSync(join(project, 'tsconfig.json'), JSON.stringify({
    compilerOptions: { strict: true, noEmit: true, target: 'es2022', module: 'es2022', moduleResolution: 'bundler', lib: ['es2022', 'esnext.disposable', 'dom', 'dom.iterable'], types: [] },
    files: ['main.ts'],
  }));
  try {
    execFileSync(join(repo, 'node_modules/.bin/tsc'), ['-p', project], { encoding: 'utf8' });
  } catch (error) {
    assert.fail(`the integrator's code does not type-check against the package:\n${error.stdout}`);
  }
});
