// The preview server (`npm start`) answers what a browser or a mistyped address can send, and
// keeps serving: a path that is not a path is a 400, a missing file a 404, a file that cannot
// be read a 500.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, symlinkSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'node:http';
import { serve } from '../../scripts/serve.mjs';

/** GET `path` as sent, without the client normalising it first. */
function get(port, path) {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'GET' }, (res) => {
      let body = '';
      res.on('data', (chunk) => { body += chunk; });
      res.on('end', () => resolve({ status: res.statusCode, type: res.headers['content-type'], body }));
    });
    req.on('error', reject);
    req.end();
  });
}

test('a malformed path is a 400, a missing file a 404, an unreadable file a 500, and the server goes on', async () => {
  const root = mkdtempSync(join(tmpdir(), 'glance-serve-'));
  writeFileSync(join(root, 'index.html'), '<!doctype html><p>hi');
  writeFileSync(join(root, 'a.json'), '{"a":1}');
  // A regular file the kernel refuses to read from the start.
  symlinkSync('/proc/self/mem', join(root, 'unreadable.bin'));
  const server = await serve({ port: 0, quiet: true, root });
  const { port } = server.address();
  try {
    assert.equal((await get(port, '/%')).status, 400);
    assert.equal((await get(port, '/%E0%A4%A')).status, 400);
    assert.equal((await get(port, '/missing.txt')).status, 404);
    assert.equal((await get(port, '/unreadable.bin')).status, 500);
    const page = await get(port, '/');
    assert.deepEqual([page.status, page.type, page.body], [200, 'text/html; charset=utf-8', '<!doctype html><p>hi']);
    const json = await get(port, '/a.json');
    assert.deepEqual([json.status, json.body], [200, '{"a":1}']);
    assert.equal((await get(port, '/../package.json')).status, 404, 'nothing above the root');
  } finally {
    server.close();
    rmSync(root, { recursive: true, force: true });
  }
});
