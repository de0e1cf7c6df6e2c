import { test, expect, addActivity, waitForServiceWorker } from '../e2e/fixtures';
import type { APIResponse } from '@playwright/test';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as path from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';

// Issue 37: the release served by deploy/nginx-site.conf and deploy/Caddyfile (one project each,
// playwright.hosting.config.ts) — headers by name and value, framing refused, offline after the
// first visit, an update offered after a rebuild, and the same under the sub-path /cme/.

const served = () => path.resolve(test.info().project.metadata.served as string);

/** The bytes as the server sent them (no decoding), with the headers. */
function rawGet(url: string, headers: Record<string, string>): Promise<{ body: Buffer; headers: http.IncomingHttpHeaders }> {
  return new Promise((ok, fail) => {
    http.get(url, { headers }, (res) => {
      const parts: Buffer[] = [];
      res.on('data', (c) => parts.push(c));
      res.on('end', () => ok({ body: Buffer.concat(parts), headers: res.headers }));
    }).on('error', fail);
  });
}

/** Writes a file of the served release as a new release would: with its .gz and .br copies. */
function publish(file: string, text: string) {
  fs.writeFileSync(file, text);
  if (fs.existsSync(`${file}.gz`)) fs.writeFileSync(`${file}.gz`, gzipSync(text, { level: 9 }));
  if (fs.existsSync(`${file}.br`)) fs.writeFileSync(`${file}.br`, brotliCompressSync(text));
}
const HASHED = /-[0-9a-f]{16}[._][^/]*$/;

/** The headers every response must carry, whatever the file. */
function expectSecurityHeaders(r: APIResponse, what: string) {
  const h = r.headers();
  expect(h['content-security-policy'], what).toBe("frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'");
  expect(h['x-frame-options'], what).toBe('DENY');
  expect(h['x-content-type-options'], what).toBe('nosniff');
  expect(h['referrer-policy'], what).toBe('no-referrer');
  expect(h['permissions-policy'], what).toBe('camera=(self), microphone=(), geolocation=(), payment=(), usb=()');
  expect(h['cross-origin-opener-policy'], what).toBe('same-origin');
}

for (const base of ['', 'cme/'] as const) {
  test(`every file is served with its type, its caching and the security headers (at /${base})`, async ({ request }) => {
    const files = fs.readdirSync(served()).filter((f) => fs.statSync(path.join(served(), f)).isFile() && !/\.(gz|br)$/.test(f));
    const page = await request.get(`./${base}`);
    expect(page.status()).toBe(200);
    expect(page.headers()['content-type']).toMatch(/^text\/html; charset=utf-8$/i);
    expect(page.headers()['cache-control']).toBe('no-cache');
    expectSecurityHeaders(page, 'index');
    for (const f of files) {
      const r = await request.get(`./${base}${f}`, { headers: { 'Accept-Encoding': 'identity' } });
      expect(r.status(), f).toBe(200);
      expectSecurityHeaders(r, f);
      // Hashed files never change: kept a year. The rest is asked again on every visit.
      expect(r.headers()['cache-control'], f).toBe(HASHED.test(f) ? 'public, max-age=31536000, immutable' : 'no-cache');
      const type = r.headers()['content-type'];
      if (f.endsWith('.wasm')) expect(type, f).toBe('application/wasm');
      if (f.endsWith('.js')) expect(type, f).toMatch(/^(application|text)\/javascript/);
      if (f.endsWith('.css')) expect(type, f).toMatch(/^text\/css/);
      if (f.endsWith('.webmanifest')) expect(type, f).toMatch(/^application\/manifest\+json/);
      if (f.endsWith('.json')) expect(type, f).toMatch(/^application\/json/);
    }
    // A missing file is a 404 with the same headers, never the app.
    const missing = await request.get(`./${base}no-such-file.js`);
    expect(missing.status()).toBe(404);
    expectSecurityHeaders(missing, '404');
  });
}

test('a release ships precompressed files and the server sends them', async ({ baseURL }) => {
  const wasm = fs.readdirSync(served()).find((f) => /^cme-tracker-[0-9a-f]{16}_bg\.wasm$/.test(f))!;
  const name = test.info().project.name;
  // nginx's gzip_static sends .gz files; Caddy's precompressed prefers .br, then .gz.
  const encoding = name === 'caddy' ? 'br' : 'gzip';
  const shipped = path.join(served(), `${wasm}.${encoding === 'br' ? 'br' : 'gz'}`);
  test.skip(!fs.existsSync(shipped), 'a development build (trunk build) has no precompressed files: scripts/release.sh makes them');
  const r = await rawGet(`${baseURL}${wasm}`, { 'Accept-Encoding': encoding });
  expect(r.headers['content-encoding']).toBe(encoding);
  expect(r.headers['content-type']).toBe('application/wasm');
  // The very bytes of the shipped file, not a compression made on the fly.
  expect(r.body.equals(fs.readFileSync(shipped))).toBe(true);
});

test('another site cannot show the app in a frame', async ({ page, baseURL, guard }) => {
  // The browser reports the refusal on the console: expected here.
  guard.allowConsole(/frame-ancestors|Refused to (display|frame)/);
  const framed: string[] = [];
  page.on('response', (r) => {
    if (r.url() === baseURL) framed.push(r.headers()['content-security-policy'] ?? '');
  });
  await page.setContent(`<h1>Another site</h1><iframe src="${baseURL}" width="600" height="400"></iframe>`);
  await expect.poll(() => framed.length).toBeGreaterThan(0);
  expect(framed[0]).toContain("frame-ancestors 'none'");
  // The app never runs inside the frame: Chromium puts its error page there instead.
  const inner = page.frames().find((f) => f !== page.mainFrame())!;
  await expect.poll(() => inner.url()).toMatch(/^chrome-error:/);
  expect(await inner.locator('header .brand').count()).toBe(0);
});

for (const base of ['./', './cme/'] as const) {
  test(`works offline after the first visit (at ${base === './' ? '/' : '/cme/'})`, async ({ page, context }) => {
    await page.goto(`${base}#/`);
    await expect(page.locator('header .brand')).toBeVisible();
    await waitForServiceWorker(page);
    const scope = await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.scope);
    expect(scope).toMatch(base === './' ? /:\d+\/$/ : /\/cme\/$/);
    await addActivity(page, 'Logged online', { base });
    await context.setOffline(true);
    await page.reload();
    await expect(page.locator('header .brand')).toBeVisible();
    await page.goto(`${base}#/activities`);
    await expect(page.getByRole('link', { name: 'Logged online' })).toBeVisible();
    // The catalog and the release notes are files of their own, kept for offline use.
    await page.goto(`${base}#/credentials/catalog`);
    await page.getByLabel('Search by state, profession or body').fill('Texas');
    await expect(page.getByRole('button', { name: /^Choose Texas/ }).first()).toBeVisible();
    await page.goto(`${base}#/privacy`);
    await expect(page.getByRole('heading', { name: /^Version \d+\.\d+\.\d+/ }).first()).toBeVisible();
    await context.setOffline(false);
  });
}

test('a rebuild is offered as an update that says what changed, and the new version runs', async ({ page }) => {
  const swPath = path.join(served(), 'sw.js');
  const original = fs.readFileSync(swPath, 'utf8');
  const oldName = original.match(/cme-tracker-[0-9a-f]{16}/)![0];
  try {
    await page.goto('./#/privacy');
    await expect(page.getByTestId('app-version')).toContainText(/You are running version \d+\.\d+\.\d+\./);
    await waitForServiceWorker(page);
    // The release the server now has: a new cache name and its own notes, as the post-build hook
    // writes them (scripts/sw-precache.mjs).
    const next = { version: '9.9.9', changes: ['Faster dashboard.', 'Clearer audit report.'], more: 1 };
    const rebuilt = original
      .replace(oldName, `${oldName.slice(0, -4)}beef`)
      .replace(/const WHATS_NEW = .*;/, `const WHATS_NEW = ${JSON.stringify(next)};`);
    expect(rebuilt).toContain('9.9.9');
    publish(swPath, rebuilt);
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.update());
    const banner = page.locator('#update-banner');
    await expect(banner).toContainText('Version 9.9.9 is ready: Faster dashboard. Clearer audit report. (1 more on the About page.)');
    await Promise.all([page.waitForEvent('load'), banner.getByRole('button', { name: 'Reload to update' }).click()]);
    await expect(page.locator('header .brand')).toBeVisible();
    await expect
      .poll(async () => (await page.evaluate(() => caches.keys())).filter((k) => k.endsWith('beef')).length, { timeout: 15_000 })
      .toBe(1);
  } finally {
    publish(swPath, original);
  }
});
