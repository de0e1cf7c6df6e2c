import { test, expect, openApp, screenshots } from './fixtures';

const routes = [
  { hash: '#/', heading: 'Dashboard' },
  { hash: '#/activities', heading: 'Activities' },
  { hash: '#/credentials', heading: 'Credentials' },
  { hash: '#/backup', heading: 'Backup' },
  { hash: '#/privacy', heading: 'About & privacy' },
];

test('the shell loads and every route renders its screen', async ({ page }) => {
  await openApp(page);
  await expect(page).toHaveTitle('CME Tracker');
  await expect(page.locator('#boot-loading')).toHaveCount(0);
  for (const { hash, heading } of routes) {
    await page.goto(`./${hash}`);
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Main' }).locator('a[aria-current="page"]')).toHaveCount(1);
    await screenshots(page, `shell-${heading.split(' ')[0].toLowerCase()}`);
  }
});

test('navigation works with the keyboard alone', async ({ page }) => {
  await openApp(page);
  const nav = page.getByRole('navigation', { name: 'Main' });
  await nav.getByRole('link', { name: 'Activities' }).focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#\/activities$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Activities' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Activities' })).toHaveAttribute('aria-current', 'page');
});

test('an unknown address shows a way back instead of a blank page', async ({ page }) => {
  await openApp(page, '#/no-such-page');
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  await page.getByRole('link', { name: 'Go to the dashboard' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
});
