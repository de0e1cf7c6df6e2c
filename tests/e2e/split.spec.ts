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
  expect(wasm.filter((f) => pagesModule.test(f))).toEqual([]);
  expect(wasm).toHaveLength(1);

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Activities' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Activities' })).toBeVisible();
  expect(wasm.filter((f) => pagesModule.test(f))).toHaveLength(1);

  // Loaded once: later pages, and the way back to the dashboard, fetch nothing more.
  for (const name of ['Credentials', 'Goals', 'Backup', 'Dashboard']) {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name }).click();
    await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
  }
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  expect(wasm).toHaveLength(2);
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
