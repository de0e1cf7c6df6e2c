// Photo benchmark (not a test): the text reader for photographed certificates, as a person meets
// it. Its size (fetched the first time a photo is read, never on the first visit), then the time
// from choosing a phone photo of a certificate to the form filled — the first photo (the reader
// fetched from the host and started) and a later one (the reader loaded) — at this machine's full
// speed and with the CPU slowed 4× (as on a mid-range phone).
// Run by scripts/bench.sh after a release build; numbers go into docs/performance.md.
import { chromium } from '@playwright/test';
import { createServer } from 'node:http';
import { readFile, readdir } from 'node:fs/promises';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { CERTIFICATES, photograph } from '../tests/e2e/certificate-photos.mjs';

const root = resolve(process.env.E2E_DIST || 'dist');
const types = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css',
  '.json': 'application/json', '.webmanifest': 'application/manifest+json', '.svg': 'image/svg+xml' };
// As a static host serves them: compressed when the client asks, but not what is already gzip.
const server = createServer(async (req, res) => {
  let p = new URL(req.url, 'http://x').pathname;
  if (p.endsWith('/')) p += 'index.html';
  try {
    const body = await readFile(join(root, p));
    const gzip = /\bgzip\b/.test(req.headers['accept-encoding'] || '') && !p.endsWith('.gz');
    res.writeHead(200, { 'Content-Type': types[extname(p)] || 'application/octet-stream', ...(gzip ? { 'Content-Encoding': 'gzip' } : {}) });
    res.end(gzip ? gzipSync(body, { level: 9 }) : body);
  } catch { res.writeHead(404); res.end(); }
}).listen(0, '127.0.0.1');
await new Promise((r) => server.once('listening', r));
const base = `http://127.0.0.1:${server.address().port}/`;

// The reader's size: what a browser with SIMD fetches (the glue, the SIMD build, the model).
const files = await readdir(join(root, 'ocr'));
const kb = (n) => `${(n / 1024).toFixed(0)} KB`;
let fetched = 0;
for (const f of files.sort()) {
  const body = await readFile(join(root, 'ocr', f));
  const sent = f.endsWith('.gz') ? body.length : gzipSync(body, { level: 9 }).length;
  const simdOrShared = !f.startsWith('tesseract-core-lstm');
  if (simdOrShared) fetched += sent;
  console.log(`  ocr/${f.padEnd(46)} ${kb(body.length).padStart(8)} on the host, ${kb(sent).padStart(8)} sent${simdOrShared ? '' : ' (browsers without SIMD only)'}`);
}
console.log(`${'text reader fetched on the first photo'.padEnd(52)} ${kb(fetched)} (gzip)`);

// Chromium's CPU throttling (DevTools) slows pages but not workers, where the reader runs; so the
// slowed run is a whole browser held to a quarter of one core by a CPU quota (a Linux cgroup),
// which slows the worker's thread 4× while it is the only one at work, as it is while reading.
const QUOTA = '/sys/fs/cgroup/cpu/cme-bench-photo';
function slowedBrowserPath() {
  try {
    mkdirSync(QUOTA, { recursive: true });
    writeFileSync(join(QUOTA, 'cpu.cfs_period_us'), '100000');
    writeFileSync(join(QUOTA, 'cpu.cfs_quota_us'), '25000');
    const wrapper = join(tmpdir(), 'cme-bench-chromium-quarter-core.sh');
    writeFileSync(wrapper, `#!/bin/sh\necho $$ > ${QUOTA}/cgroup.procs\nexec /usr/bin/chromium "$@"\n`);
    chmodSync(wrapper, 0o755);
    return wrapper;
  } catch (error) {
    console.log(`4× CPU: not measured (a CPU quota needs a writable cgroup cpu controller: ${error.message})`);
    return null;
  }
}

const args = ['--no-sandbox', '--disable-gpu', '--disable-background-networking'];
const helper = await chromium.launch({ executablePath: '/usr/bin/chromium', args });
const photos = await Promise.all(CERTIFICATES.slice(0, 4).map((c) => photograph(helper, c)));
await helper.close();
const median = (xs) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function read(page, i) {
  // Through another page, so that the form starts afresh.
  await page.goto(`${base}#/activities`);
  await page.goto(`${base}#/activities/new`);
  await page.getByText('Start from a certificate or completion e-mail').click();
  const start = Date.now();
  await page.getByLabel(/Or choose the certificate file/).setInputFiles({ name: `photo-${i}.jpg`, mimeType: 'image/jpeg', buffer: photos[i % photos.length] });
  await page.locator('#cert-read-note[aria-busy="false"]').waitFor({ state: 'attached', timeout: 300_000 });
  const ms = Date.now() - start;
  const title = await page.getByLabel('Title').inputValue();
  if (title !== CERTIFICATES[i % photos.length].title) throw new Error(`photo ${i} read as "${title}"`);
  return ms;
}

for (const [label, executablePath] of [['full speed', '/usr/bin/chromium'], ['4× CPU', slowedBrowserPath()]]) {
  if (!executablePath) continue;
  // A fresh profile, no service worker: the first photo fetches the reader from the host.
  const browser = await chromium.launch({ executablePath, args });
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.goto(base);
  const first = await read(page, 0);
  const later = [];
  for (let i = 1; i <= 3; i++) later.push(await read(page, i));
  console.log(`${`${label}: first photo (reader fetched and started)`.padEnd(52)} ${String(first).padStart(7)} ms`);
  console.log(`${`${label}: a later photo (median of ${later.length})`.padEnd(52)} ${String(median(later)).padStart(7)} ms`);
  await browser.close();
}
server.close();
