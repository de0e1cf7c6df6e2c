import { test, expect, openApp, screenshots } from './fixtures';

// The page's wasm is split in two (src/ui/lazy.rs, scripts/split.mjs): the dashboard comes with
// the first download, every other page from a second module fetched the first time one opens.
// Without the service worker, so that every fetch is the page's own and can be seen and refused.
test.use({ serviceWorkers: 'block' });

const pagesModule = /\.split_pages\.wasm$/;

test('the dashboard needs only the first download; the other pages load when first opened', async ({ page }) => {
  const wasm: string[] = [];
  page.on('request', (r) => {
    if (r.url().endsWith('.wasm')) wasm.push(new URL(r.url()).pathname.split('/').pop()!);
  });
  await openApp(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  // One module: the pages and the worker's messages are not fetched to show the dashboard.
  expect(wasm).toHaveLength(1);
  expect(wasm[0]).toMatch(/^cme-tracker-[0-9a-f]+_bg\.wasm$/);

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Activities' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Activities' })).toBeVisible();
  expect(wasm.filter((f) => pagesModule.test(f))).toHaveLength(1);
  const afterFirstPage = wasm.length;

  // Loaded once: later pages, and the way back to the dashboard, fetch nothing more.
  for (const name of ['Credentials', 'Goals', 'About & privacy', 'Dashboard']) {
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
  expect(wasm.filter((f) => /^cme-worker_bg\.wasm$/.test(f))).toHaveLength(1);
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
