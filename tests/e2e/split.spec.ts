import { test, expect, openApp, screenshots, addActivity, addCredential, seedTexasWithActivity } from './fixtures';

// The page's wasm is split (src/ui/lazy.rs, scripts/split.mjs): a first visit's welcome comes
// with the first download; the records (their reader and writer, the engine, the dashboard that
// shows them) from a module fetched before the app is drawn when records are stored, and every
// other page from one fetched the first time one opens.
// Without the service worker, so that every fetch is the page's own and can be seen and refused.
test.use({ serviceWorkers: 'block' });

const pagesModule = /\.split_pages\.wasm$/;
const recordsModule = /\.split_records\.wasm$/;

test('a first visit needs only the first download; the other pages load when first opened', async ({ page }) => {
  const wasm: string[] = [];
  page.on('request', (r) => {
    if (r.url().endsWith('.wasm')) wasm.push(new URL(r.url()).pathname.split('/').pop()!);
  });
  await openApp(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  // One module: the pages and the worker's messages are not fetched to show the dashboard.
  expect(wasm).toHaveLength(1);
  expect(wasm[0]).toMatch(/^cme-tracker-[0-9a-f]+_bg\.wasm$/);

  await expect(page.getByRole('heading', { name: 'Welcome to CME Tracker' })).toBeVisible();

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Activities' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Activities' })).toBeVisible();
  expect(wasm.filter((f) => pagesModule.test(f))).toHaveLength(1);
  expect(wasm.filter((f) => recordsModule.test(f))).toHaveLength(1);
  // Focus lands in the new page, as on any page change (the frame with the records replaced
  // the welcome's).
  await expect(page.locator('main')).toBeFocused();
  const afterFirstPage = wasm.length;

  // Loaded once: later pages, and the way back to the dashboard, fetch nothing more.
  for (const name of ['Credentials', 'Goals', 'Settings', 'Dashboard']) {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name }).click();
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  }
  expect(wasm).toHaveLength(afterFirstPage);
});

test('the worker is reached through a module of its own, fetched on the first request', async ({ page }) => {
  const wasm: string[] = [];
  page.on('request', (r) => {
    if (r.url().endsWith('.wasm')) wasm.push(new URL(r.url()).pathname.split('/').pop()!);
  });
  await openApp(page, '#/backup');
  await expect(page.getByRole('heading', { level: 1, name: 'Backup' })).toBeVisible();
  expect(wasm.filter((f) => /\.split_worker\.wasm$|^cme-worker/.test(f))).toEqual([]);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download backup' }).click();
  expect((await download).suggestedFilename()).toMatch(/^cme-tracker-backup-\d{4}-\d{2}-\d{2}\.json$/);
  expect(wasm.filter((f) => /\.split_worker\.wasm$/.test(f))).toHaveLength(1);
  // The worker's files carry the hash of their content.
  expect(wasm.filter((f) => /^cme-worker-[0-9a-f]{16}_bg\.wasm$/.test(f))).toHaveLength(1);
});

test('a page whose module cannot be fetched says so, keeps the records, and loads on Try again', async ({ page, guard }) => {
  // The split loader logs the refused fetch; that one error is expected here.
  guard.allowConsole(/Failed to fetch|net::ERR_FAILED|TypeError/);
  await openApp(page);
  await page.route(pagesModule, (route) => route.abort());
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Activities' }).click();

  const alert = page.getByRole('alert').filter({ hasText: 'This page could not be loaded' });
  await expect(alert).toBeVisible();
  await expect(alert).toContainText('Your records are safe on this device');
  // The frame stays usable: the dashboard is still there, from the first download.
  await screenshots(page, 'split-page-not-loaded');

  await page.unroute(pagesModule);
  await alert.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Activities' })).toBeVisible();
  await expect(alert).toHaveCount(0);
});

test('with records stored, the dashboard comes with the records\' module, without the pages\'', async ({ page }) => {
  await openApp(page);
  await addCredential(page, 'Ohio medical license');
  const wasm: string[] = [];
  page.on('request', (r) => {
    if (r.url().endsWith('.wasm')) wasm.push(new URL(r.url()).pathname.split('/').pop()!);
  });
  await page.goto('./#/');
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  await expect(page.getByTestId('summary').filter({ hasText: '1 credential has no requirements entered yet.' })).toBeVisible();
  // The records, not the welcome.
  await expect(page.getByRole('heading', { name: 'Welcome to CME Tracker' })).toHaveCount(0);
  expect(wasm.filter((f) => recordsModule.test(f))).toHaveLength(1);
  expect(wasm.filter((f) => pagesModule.test(f))).toEqual([]);
});

test('when the records\' module cannot be fetched, the app says so, changes nothing, and shows them on Try again', async ({ page, guard }) => {
  guard.allowConsole(/Failed to fetch|net::ERR_FAILED|TypeError/);
  await openApp(page);
  await addCredential(page, 'Ohio medical license');
  // The save runs after the next frame, and the dashboard keeps itself after its own: the
  // snapshot is taken once both have landed.
  await page.goto('./#/');
  await expect.poll(() => page.evaluate(() => localStorage.getItem('cme-tracker:dashboard'))).not.toBeNull();
  const stored = await page.evaluate(() => JSON.stringify(Object.entries(localStorage).sort()));
  await page.route(recordsModule, (route) => route.abort());
  await page.reload();
  const alert = page.getByRole('alert').filter({ hasText: 'This page could not be loaded' });
  await expect(alert).toBeVisible();
  await expect(alert).toContainText('Your records are safe on this device');
  // Not the welcome: records are stored, and an empty dashboard would say otherwise. Under the
  // message, the dashboard kept with them, inert.
  await expect(page.getByRole('heading', { name: 'Welcome to CME Tracker' })).toHaveCount(0);
  await expect(page.getByTestId('kept-dashboard')).toContainText('1 credential has no requirements entered yet.');
  await screenshots(page, 'split-records-not-loaded');
  expect(await page.evaluate(() => JSON.stringify(Object.entries(localStorage).sort()))).toBe(stored);

  await page.unroute(recordsModule);
  await alert.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByTestId('summary').filter({ hasText: '1 credential has no requirements entered yet.' })).toBeVisible();
  await expect(alert).toHaveCount(0);
});

test('a first visit shows records another tab saves meanwhile', async ({ page, context }) => {
  await openApp(page);
  await expect(page.getByRole('heading', { name: 'Welcome to CME Tracker' })).toBeVisible();
  const other = await context.newPage();
  await openApp(other);
  await addCredential(other, 'Ohio medical license');
  await expect(page.getByTestId('summary').filter({ hasText: '1 credential has no requirements entered yet.' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Welcome to CME Tracker' })).toHaveCount(0);
});

// The dashboard kept with the records (src/storage/kept.rs): a reload draws it at once, without
// its controls, and the dashboard computed from the records replaces it once they are read.
const kept = () => localStorage.getItem('cme-tracker:dashboard');

/** Holds the records' module until the returned function is called. */
async function holdRecords(page: import('@playwright/test').Page) {
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  await page.route(recordsModule, async (route) => {
    await gate;
    await route.continue();
  });
  return release;
}

test('a reload draws the dashboard kept with the records at once, then the same one with its controls', async ({ page }) => {
  const { credential } = await seedTexasWithActivity(page, 'Opioid prescribing update');
  await page.goto('./#/');
  const summary = await page.getByTestId('summary').textContent();
  const cards = await page.locator('main section.card').allTextContents();
  expect(summary).toContain('credential');
  // Kept by the save, with the stamp of the records it saved.
  await expect.poll(() => page.evaluate(kept)).not.toBeNull();
  const meta = await page.evaluate(() => localStorage.getItem('cme-tracker:meta'));
  expect(await page.evaluate(kept)).toContain(`\n${meta}\n`);

  const release = await holdRecords(page);
  await page.reload();
  const early = page.getByTestId('kept-dashboard');
  await expect(early).toBeVisible();
  await expect(early).toHaveAttribute('aria-busy', 'true');
  // Word for word what the records showed; inert (nothing in it can be clicked or focused) until
  // the records are read.
  await expect(page.getByTestId('summary')).toHaveText(summary!);
  expect(await page.locator('main section.card').allTextContents()).toEqual(cards);
  await expect(early).toHaveAttribute('inert');
  await expect(early.getByRole('link', { name: /Texas/ }).first()).toHaveAttribute('href', `#${credential}`);
  await screenshots(page, 'kept-dashboard');

  // Read meanwhile, scrolled down: the same page replacing it is no page change, so neither
  // the scroll nor the focus moves.
  await page.setViewportSize({ width: 1280, height: 500 });
  await page.evaluate(() => window.scrollTo(0, 200));
  release();
  await expect(early).toHaveCount(0);
  expect(await page.evaluate(() => window.scrollY)).toBe(200);
  await expect(page.locator('main')).not.toBeFocused();
  await expect(page.getByRole('switch', { name: 'What if: count planned activities' })).toBeEnabled();
  await expect(page.getByTestId('summary')).toHaveText(summary!);
  expect(await page.locator('main section.card').allTextContents()).toEqual(cards);
});

test('a kept dashboard is never drawn for records changed since, nor on another day', async ({ page }) => {
  await seedTexasWithActivity(page, 'Ethics in practice');
  await page.goto('./#/');
  await expect.poll(() => page.evaluate(kept)).not.toBeNull();
  // A save removes it (it is stale, and must not take space the records need); the dashboard
  // keeps a new one when next drawn.
  await addActivity(page, 'Risk management', { date: '2025-07-01', amount: '1' });
  await expect.poll(() => page.evaluate(kept)).toBeNull();
  await page.goto('./#/');
  await expect.poll(() => page.evaluate(kept)).not.toBeNull();
  const summary = await page.getByTestId('summary').textContent();

  // Another tab's save writes a new stamp (here, by hand, to the same records).
  await page.evaluate(() => {
    const meta = JSON.parse(localStorage.getItem('cme-tracker:meta')!);
    meta.revision += 1;
    meta.writer = 'othertab0001';
    localStorage.setItem('cme-tracker:meta', JSON.stringify(meta));
  });
  let release = await holdRecords(page);
  await page.reload();
  await expect(page.getByText('Loading CME Tracker…')).toBeVisible();
  await expect(page.getByTestId('kept-dashboard')).toHaveCount(0);
  release();
  await expect(page.getByTestId('summary')).toHaveText(summary!);
  // Read from the records, it is kept again under the new stamp.
  await expect.poll(() => page.evaluate(kept)).toContain('othertab0001');
  await page.unroute(recordsModule);

  // Tomorrow, "in 3 months" and statuses may read differently: the records are read first.
  await page.clock.setFixedTime(new Date(Date.now() + 86_400_000));
  release = await holdRecords(page);
  await page.reload();
  await expect(page.getByText('Loading CME Tracker…')).toBeVisible();
  await expect(page.getByTestId('kept-dashboard')).toHaveCount(0);
  release();
  await expect(page.getByTestId('summary')).toBeVisible();
});
