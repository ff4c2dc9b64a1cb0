// A static file server for www/ on loopback, with the right MIME types (application/wasm for
// the module, so that streaming compilation works). PORT overrides 8080.
import { createServer } from 'node:http';
import { createReadStream, statSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';

const www = resolve(new URL('../www/', import.meta.url).pathname);
const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.webm': 'video/webm',
  '.mp4': 'video/mp4',
  '.woff2': 'font/woff2',
  '.ts': 'text/plain; charset=utf-8',
};

/**
 * Starts the server; resolves with it once listening. `root` is the folder served (www/ by
 * default; the benchmark serves the repository so that its pages can reach www/ and tests/perf/),
 * and `allow` the path prefixes that may be read below it.
 */
export function serve({ port = Number(process.env.PORT ?? 8080), host = '127.0.0.1', quiet = false, root = www, allow = ['/'] } = {}) {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    let path = decodeURIComponent(url.pathname);
    if (path.endsWith('/')) path += 'index.html';
    const file = normalize(join(root, path));
    if (!file.startsWith(root + '/') || !allow.some((prefix) => path.startsWith(prefix))) {
      res.writeHead(403).end('forbidden');
      return;
    }
    let size;
    try {
      const stat = statSync(file);
      if (!stat.isFile()) throw new Error('not a file');
      size = stat.size;
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      if (!quiet) console.log(`404 ${path}`);
      return;
    }
    res.writeHead(200, {
      'content-type': types[extname(file)] ?? 'application/octet-stream',
      'content-length': size,
      'cache-control': 'no-cache',
    });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolvePromise(server));
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const server = await serve();
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
  console.log(`glance-renderer preview: http://127.0.0.1:${port}/  (Ctrl+C to stop)`);
  console.log(`  every skin at once, with the feed editor: http://127.0.0.1:${port}/gallery.html`);
}
