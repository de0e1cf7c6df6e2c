// A tiny static file server: serves dist/ on 127.0.0.1 as a user would host it (scripts/serve.sh)
// and for the end-to-end tests, both at "/" and
// under the sub-path "/cme/" (to prove the app works from any sub-path). No dependencies.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const args = process.argv.slice(2);
const port = Number(args[args.indexOf('--port') + 1] || 4173);
const root = resolve(process.env.E2E_DIST || 'dist');
const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
};

createServer(async (req, res) => {
  try {
    let path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (path.startsWith('/cme/')) path = path.slice(4);
    else if (path === '/cme') {
      res.writeHead(301, { Location: '/cme/' });
      return res.end();
    }
    if (path.endsWith('/')) path += 'index.html';
    const file = normalize(join(root, path));
    if (!file.startsWith(root)) {
      res.writeHead(403);
      return res.end();
    }
    const info = await stat(file);
    if (!info.isFile()) throw new Error('not a file');
    const body = await readFile(file);
    // Compressed when the browser accepts it, as static hosts do.
    const gzip = /\bgzip\b/.test(req.headers['accept-encoding'] || '') && !file.endsWith('.png');
    res.writeHead(200, {
      'Content-Type': types[extname(file)] || 'application/octet-stream',
      // Always revalidate, as a static host serving a fresh deploy would.
      'Cache-Control': 'no-cache',
      ...(gzip ? { 'Content-Encoding': 'gzip', Vary: 'Accept-Encoding' } : {}),
    });
    res.end(gzip ? gzipSync(body) : body);
  } catch {
    res.writeHead(404, { 'Content-Type': 'text/plain' });
    res.end('not found');
  }
}).listen(port, '127.0.0.1', () => {
  console.log(`serving ${root} on http://127.0.0.1:${port}/ and /cme/`);
});
