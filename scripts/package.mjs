// npm run package: the lock-screen bundle an integrator ships, from the release build in
// www/pkg/ (scripts/build.sh). Writes to target/package/, or to `--out DIR`:
//
//   index.html, lock.js, lock.css   the production page (www/lock.*): no preview panel
//   glance.css                      the renderer's stylesheet
//   pkg/                            the module, its glue and its sampler worker, the host shim, the glue's types
//   types/                          the host shim's types (createHost, connect, supervise, Notice …)
//   skins/, feed.schema.json        the built-in skin profiles and the feed's JSON Schema
//   content-security-policy.txt     the policy the page needs, for the response headers
//   README.md                       the host API (www/host/README.md)
//   package.json                    for `npm pack`: an exports map and the types
//   manifest.json                   every other file with its size and SHA-256
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const repo = resolve(new URL('..', import.meta.url).pathname);
const www = join(repo, 'www');

/** Reads `--out DIR` from the arguments; target/package/ otherwise. */
function outDir(args) {
  const at = args.indexOf('--out');
  if (at === -1) return join(repo, 'target', 'package');
  const dir = args[at + 1];
  if (!dir || dir.startsWith('--')) throw new Error('--out needs a directory');
  return resolve(dir);
}

/**
 * Empties `dir` for the bundle: only when it is missing, empty, or an earlier bundle (it has a
 * manifest of ours), so a mistyped --out never deletes someone's files.
 */
function prepare(dir) {
  if (existsSync(dir) && readdirSync(dir).length > 0) {
    let ours = false;
    try {
      ours = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')).bundle === 'glance-renderer lock screen';
    } catch {
      ours = false;
    }
    if (!ours) throw new Error(`${dir} is not empty and holds no earlier bundle: choose another --out`);
    rmSync(dir, { recursive: true });
  }
  mkdirSync(dir, { recursive: true });
}

/** The Content-Security-Policy of the production page, read from its own <meta>. */
function policyOf(html) {
  const match = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)">/);
  if (!match) throw new Error('www/lock.html has no Content-Security-Policy <meta>');
  return match[1];
}

/** Every file below `dir`, as paths relative to it with `/`, sorted. */
function filesBelow(dir, base = dir) {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => {
      const path = join(dir, entry.name);
      return entry.isDirectory() ? filesBelow(path, base) : [relative(base, path).split('\\').join('/')];
    })
    .sort();
}

function main() {
  const out = outDir(process.argv.slice(2));
  const version = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')).version;
  for (const file of ['glance_renderer.js', 'glance_renderer_bg.wasm', 'glance_host.js', 'glance_sampler.js', 'glance.css']) {
    if (!existsSync(join(www, 'pkg', file))) throw new Error(`www/pkg/${file} is missing: run scripts/build.sh first`);
  }
  prepare(out);

  const copy = (from, to = from) => {
    mkdirSync(dirname(join(out, to)), { recursive: true });
    copyFileSync(join(www, from), join(out, to));
  };
  const page = readFileSync(join(www, 'lock.html'), 'utf8');
  writeFileSync(join(out, 'index.html'), page);
  for (const file of ['lock.js', 'lock.css', 'feed.schema.json']) copy(file);
  copy(join('pkg', 'glance.css'), 'glance.css');
  for (const file of ['glance_renderer.js', 'glance_renderer_bg.wasm', 'glance_host.js', 'glance_sampler.js', 'glance_renderer.d.ts', 'glance_renderer_bg.wasm.d.ts']) {
    copy(join('pkg', file));
  }
  for (const skin of readdirSync(join(www, 'skins')).filter((f) => f.endsWith('.json')).sort()) copy(join('skins', skin));
  copy(join('host', 'README.md'), 'README.md');
  writeFileSync(join(out, 'content-security-policy.txt'), `Content-Security-Policy: ${policyOf(page)}\n`);

  // The shim's declarations, from its JSDoc, beside the interface types they import.
  execFileSync(join(repo, 'node_modules', '.bin', 'tsc'), [
    '-p', join(www, 'host', 'tsconfig.json'),
    '--noEmit', 'false', '--declaration', '--emitDeclarationOnly', '--outDir', join(out, 'types'),
  ], { stdio: 'inherit' });
  copy(join('host', 'host.d.ts'), join('types', 'host.d.ts'));
  // What a TypeScript integrator names (Notice, FeedReport, Host …) comes with the functions.
  writeFileSync(join(out, 'types', 'index.d.ts'), `${readFileSync(join(out, 'types', 'index.d.ts'), 'utf8')}export type * from './host';\n`);

  writeFileSync(join(out, 'package.json'), `${JSON.stringify({
    name: 'glance-renderer',
    version,
    description: 'The glance lock screen: the renderer (WebAssembly), its host shim, styles and skins.',
    license: 'MIT OR Apache-2.0',
    type: 'module',
    types: './types/index.d.ts',
    exports: {
      '.': { types: './types/index.d.ts', default: './pkg/glance_host.js' },
      './renderer': { types: './pkg/glance_renderer.d.ts', default: './pkg/glance_renderer.js' },
      './renderer.wasm': './pkg/glance_renderer_bg.wasm',
      './glance.css': './glance.css',
      './feed.schema.json': './feed.schema.json',
      './skins/*': './skins/*',
      './package.json': './package.json',
    },
    files: ['index.html', 'lock.js', 'lock.css', 'glance.css', 'feed.schema.json', 'content-security-policy.txt', 'manifest.json', 'pkg/', 'skins/', 'types/'],
    sideEffects: ['./lock.js'],
  }, null, 2)}\n`);

  const files = filesBelow(out).map((path) => {
    const body = readFileSync(join(out, path));
    return { path, bytes: body.length, sha256: createHash('sha256').update(body).digest('hex') };
  });
  writeFileSync(join(out, 'manifest.json'), `${JSON.stringify({ bundle: 'glance-renderer lock screen', version, entry: 'index.html', files }, null, 2)}\n`);

  const total = files.reduce((sum, f) => sum + f.bytes, 0);
  console.log(`glance-renderer ${version}: ${files.length + 1} files, ${(total / 1024).toFixed(1)} KiB, in ${out.startsWith(process.cwd() + '/') ? relative(process.cwd(), out) : out}`);
  console.log(`  serve it with the header in content-security-policy.txt; open index.html (?skin=<name> or ?profile=<url>)`);
}

try {
  main();
} catch (error) {
  console.error(`package: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
}
