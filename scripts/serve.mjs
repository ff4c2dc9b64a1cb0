// A static file server for www/ on loopback, with the right MIME types (application/wasm for
// the module, so that streaming compilation works). PORT overrides 8080.
import { createServer } from 'node:http';
import { statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
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
    let path;
    try {
      path = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    } catch {
      // `/%` and the like: not a path at all. The server answers and goes on serving.
      res.writeHead(400, { 'content-type': 'text/plain' }).end('bad request');
      return;
    }
    if (path.endsWith('/')) path += 'index.html';
    const file = normalize(join(root, path));
    if (!file.startsWith(root + '/') || !allow.some((prefix) => path.startsWith(prefix))) {
      res.writeHead(403).end('forbidden');
      return;
    }
    try {
      if (!statSync(file).isFile()) throw new Error('not a file');
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      if (!quiet) console.log(`404 ${path}`);
      return;
    }
    // Read whole before anything is sent (the files are a preview's: pages, pictures, short
    // clips), so a file that cannot be read is a 500, not a cut response.
    readFile(file).then(
      (body) => {
        res.writeHead(200, {
          'content-type': types[extname(file)] ?? 'application/octet-stream',
          'content-length': body.length,
          'cache-control': 'no-cache',
        });
        res.end(body);
      },
      (error) => {
        if (!quiet) console.log(`500 ${path}: ${error.message}`);
        res.writeHead(500, { 'content-type': 'text/plain' }).end('read error');
      },
    );
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
