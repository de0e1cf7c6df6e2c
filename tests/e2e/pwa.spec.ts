import { test, expect, openApp, screenshots, addActivity, waitForServiceWorker } from './fixtures';
import * as fs from 'node:fs';
import * as path from 'node:path';

const dist = path.resolve(process.env.E2E_DIST || 'dist');

for (const base of ['./', './cme/'] as const) {
  test(`works offline after one visit (served at ${base === './' ? '/' : '/cme/'})`, async ({ page, context }) => {
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
    await addActivity(page, 'Logged offline', { base });
    // The preset catalog is a file of its own, fetched on demand: it must come from the cache.
    await page.goto(`${base}#/credentials/catalog`);
    await page.getByLabel('Search by state, profession or body').fill('Texas');
    await expect(page.getByRole('button', { name: /^Choose Texas/ }).first()).toBeVisible();

    await context.setOffline(false);
    await page.reload();
    await page.goto(`${base}#/activities`);
    await expect(page.locator('tbody tr')).toHaveCount(2);
  });
}

test('the pages load before any is opened, from the service worker: on a first visit once it has them', async ({ page }) => {
  // Where a module came from: a fetch the service worker answered has a worker start time.
  const pagesLoaded = () =>
    page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .filter((e) => e.name.endsWith('.split_pages.wasm') || e.name.endsWith('.split_records.wasm'))
        .map((e) => ((e as PerformanceResourceTiming).workerStart > 0 ? 'service worker' : 'network')),
    );
  await openApp(page);
  // A first visit: the welcome has the network to itself; the modules wait for the service
  // worker, which takes the page over once it has cached every file.
  await waitForServiceWorker(page);
  await expect.poll(pagesLoaded, { timeout: 10_000 }).toEqual(['service worker', 'service worker']);
  await expect(page.getByRole('heading', { name: 'Welcome to CME Tracker' })).toBeVisible();
  // Opening a page then fetches nothing more.
  const wasm: string[] = [];
  page.on('request', (r) => {
    if (r.url().endsWith('.wasm')) wasm.push(r.url());
  });
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Activities' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Activities' })).toBeVisible();
  expect(wasm).toEqual([]);

  // A visit the service worker serves: the same, a moment after start-up.
  await page.goto('./#/');
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  await expect.poll(pagesLoaded, { timeout: 10_000 }).toEqual(['service worker', 'service worker']);
  // Nothing on screen changed: still the dashboard.
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
});

test('the manifest installs from any sub-path and its icons load', async ({ page, request }) => {
  await openApp(page);
  const href = await page.locator('link[rel="manifest"]').getAttribute('href');
  expect(href).toBe('manifest.webmanifest');
  const manifest = await (await request.get('./manifest.webmanifest')).json();
  expect(manifest.start_url).toBe('./');
  expect(manifest.scope).toBe('./');
  expect(manifest.icons.map((i: { sizes: string }) => i.sizes)).toEqual(expect.arrayContaining(['192x192', '512x512']));
  expect(manifest.icons.some((i: { purpose?: string }) => i.purpose === 'maskable')).toBe(true);
  for (const icon of manifest.icons) {
    const r = await request.get(`./${icon.src}`);
    expect(r.ok(), icon.src).toBe(true);
  }
});

test('the content security policy allows only this origin', async ({ page, guard }) => {
  // This test injects an inline script on purpose: its violation is expected here only.
  guard.allowConsole(/Content Security Policy|CSP violation|script-src/);
  await openApp(page);
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(csp).toContain("default-src 'self'");
  expect(csp).toContain("connect-src 'self'");
  expect(csp).toContain("object-src 'none'");
  expect(csp).not.toContain('__INLINE_SCRIPT_HASHES__');
  expect(csp).not.toContain('unsafe-inline');
  // An injected inline script is refused (the guard then sees the violation: allow it here).
  const ran = await page.evaluate(() => {
    (window as unknown as { __injected?: boolean }).__injected = false;
    const s = document.createElement('script');
    s.textContent = 'window.__injected = true';
    document.body.appendChild(s);
    return (window as unknown as { __injected?: boolean }).__injected;
  }).catch(() => false);
  expect(ran).toBe(false);
});

test('a new build is offered as an update and then runs with a fresh cache', async ({ page }) => {
  const swPath = path.join(dist, 'sw.js');
  const original = fs.readFileSync(swPath, 'utf8');
  const oldName = original.match(/cme-tracker-[0-9a-f]{16}/)![0];
  try {
    await openApp(page);
    await waitForServiceWorker(page);
    await expect.poll(() => page.evaluate(() => caches.keys()).catch(() => [] as string[])).toContain(oldName);

    // "Rebuild": a new cache name, as the post-build hook writes after any change.
    const newName = `${oldName.slice(0, -4)}beef`;
    fs.writeFileSync(swPath, original.replace(oldName, newName));
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.update());
    const banner = page.locator('#update-banner');
    await expect(banner).toContainText(/Version \d+\.\d+\.\d+ is ready: /);
    await screenshots(page, 'update-banner');
    // The click activates the new worker, which reloads the page.
    await Promise.all([
      page.waitForEvent('load'),
      banner.getByRole('button', { name: 'Reload to update' }).click(),
    ]);
    await expect(page.locator('header .brand')).toBeVisible();
    // The new build's cache, and the previous one's kept one generation for a tab still
    // running it (with the record of which is which).
    await expect
      .poll(async () => (await page.evaluate(() => caches.keys()).catch(() => [] as string[])).sort(), { timeout: 15_000 })
      .toEqual([newName, oldName, 'cme-tracker-generations'].sort());
    // This page runs the new build: its index.html names the new build's files.
    expect(await page.evaluate(() => document.querySelector('meta[name="cme-worker-loader"]')?.getAttribute('content'))).toMatch(/^\.\/cme-worker-[0-9a-f]{16}_loader\.js$/);
  } finally {
    fs.writeFileSync(swPath, original);
  }
});

test('a tab still running the previous build after another tab updated still backs up', async ({ page, context }) => {
  const swPath = path.join(dist, 'sw.js');
  const original = fs.readFileSync(swPath, 'utf8');
  const oldName = original.match(/cme-tracker-[0-9a-f]{16}/)![0];
  // What only a first request of the worker fetches: its module, and the worker's own files.
  const onFirstUse = fs.readdirSync(dist).filter((f) => /\.split_worker\.wasm$|^cme-worker-/.test(f));
  expect(onFirstUse.length).toBeGreaterThanOrEqual(4);
  const moved = path.join(dist, '..', 'previous-build');
  fs.mkdirSync(moved, { recursive: true });
  try {
    await openApp(page);
    await waitForServiceWorker(page);
    await expect.poll(() => page.evaluate(() => caches.keys()).catch(() => [] as string[])).toContain(oldName);
    await addActivity(page, 'Kept through the update');
    // The old tab: opened on this build, its worker never used yet.
    const old = await context.newPage();
    await openApp(old);
    // A new build is deployed: the host no longer has this build's worker files (hashed names
    // change with every build), and the new service worker's cache has another name.
    for (const f of onFirstUse) fs.renameSync(path.join(dist, f), path.join(moved, f));
    const precache = JSON.parse(original.match(/const PRECACHE = (\[[^\]]*\]);/)![1]) as string[];
    const newName = `${oldName.slice(0, -4)}beef`;
    fs.writeFileSync(
      swPath,
      original
        .replace(oldName, newName)
        .replace(/const PRECACHE = \[[^\]]*\];/, `const PRECACHE = ${JSON.stringify(precache.filter((p) => !onFirstUse.some((f) => p.endsWith(f))))};`),
    );
    // Another tab takes the update.
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.update());
    const banner = page.locator('#update-banner');
    await expect(banner).toContainText(/Version \d+\.\d+\.\d+ is ready: /);
    await Promise.all([page.waitForEvent('load'), banner.getByRole('button', { name: 'Reload to update' }).click()]);
    await expect.poll(() => page.evaluate(() => caches.keys()).catch(() => [] as string[]), { timeout: 15_000 }).toContain(newName);
    // The old tab, now under the new service worker, backs up with its own build's worker.
    await old.goto('./#/backup');
    const [download] = await Promise.all([
      old.waitForEvent('download'),
      old.getByRole('button', { name: 'Download backup' }).click(),
    ]);
    const file = JSON.parse(fs.readFileSync((await download.path())!, 'utf8'));
    expect(file.activities.map((a: { title: string }) => a.title)).toEqual(['Kept through the update']);
  } finally {
    for (const f of onFirstUse) if (fs.existsSync(path.join(moved, f))) fs.renameSync(path.join(moved, f), path.join(dist, f));
    fs.writeFileSync(swPath, original);
  }
});

test('delete all my data needs the typed confirmation and then leaves nothing', async ({ page }) => {
  await openApp(page);
  await addActivity(page, 'To be deleted');
  await page.goto('./#/privacy');
  await page.getByRole('button', { name: 'Delete all my data' }).click();
  await expect(page.getByText('Type DELETE in capitals to confirm; nothing was deleted.')).toBeVisible();
  await page.getByLabel('Type DELETE to confirm').fill('DELETE');
  await page.getByRole('button', { name: 'Delete all my data' }).click();
  await expect(page.getByText('Deleted. Nothing of yours is left in this browser.')).toBeVisible();
  await screenshots(page, 'privacy');
  await page.reload();
  await page.goto('./#/activities');
  await expect(page.locator('tbody tr')).toHaveCount(0);
});
