import { test, expect, openApp, screenshots, addActivity, seedTexasWithActivity } from './fixtures';

const routes = [
  { hash: '#/', heading: 'Dashboard' },
  { hash: '#/activities', heading: 'Activities' },
  { hash: '#/credentials', heading: 'Credentials' },
  { hash: '#/backup', heading: 'Backup' },
  { hash: '#/settings', heading: 'Settings' },
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
  // Focus moved into the new page, so the next Tab reaches its content, not the rest of the menu.
  await expect(page.locator('main')).toBeFocused();
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.querySelector('main')!.contains(document.activeElement))).toBe(true);
});

test('a new page opens at its top, not where the last one was scrolled', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 700 });
  await openApp(page, '#/activities/new');
  await page.getByLabel('Title').fill('Scrolled far down');
  await page.getByLabel('Date (start)').fill('2025-03-10');
  await page.getByLabel('Amount').first().fill('1');
  const save = page.getByRole('button', { name: 'Save activity' });
  await save.scrollIntoViewIfNeeded();
  expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(500);
  await save.click();
  await expect(page.getByRole('heading', { level: 1, name: 'Scrolled far down' })).toBeVisible();
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
});

test('a save leads to the new page at a new address, and Back and Forward move between the two', async ({ page }) => {
  await openApp(page);
  const route = await addActivity(page, 'Back and forth', { date: '2025-03-10', amount: '1' });
  // The page's lower parts follow its first frame (src/ui/frame.rs).
  await expect(page.getByRole('heading', { level: 2, name: 'Where it counts' })).toBeVisible();
  await page.goBack();
  await expect(page).toHaveURL(/#\/activities\/new$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Add activity' })).toBeVisible();
  await page.goForward();
  await expect(page).toHaveURL(new RegExp(`#${route}$`));
  await expect(page.getByRole('heading', { level: 1, name: 'Back and forth' })).toBeVisible();
  // Deleting leads to the list the same way; Back then finds the activity gone.
  await page.getByRole('button', { name: 'Delete' }).click();
  await expect(page).toHaveURL(/#\/activities$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Activities' })).toBeVisible();
  await page.goBack();
  await expect(page.getByRole('heading', { name: 'Activity not found' })).toBeVisible();
});

test('an unknown address shows a way back instead of a blank page', async ({ page }) => {
  await openApp(page, '#/no-such-page');
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  await page.getByRole('link', { name: 'Go to the dashboard' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
});

test('going from page to page does not evaluate again, and a new activity counts at once', async ({ page }) => {
  const { credential } = await seedTexasWithActivity(page, 'Sepsis update');
  const evaluations = () => page.evaluate(() => performance.getEntriesByName('cme:evaluate').length);
  await page.goto('./#/');
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  const before = await evaluations();
  // Every page that shows requirements, one after the other, on the same records.
  for (const hash of ['#/activities', `#${credential}`, '#/credentials', '#/']) {
    await page.goto(`./${hash}`);
    await expect(page.locator('main h1')).toBeVisible();
    if (hash === `#${credential}`) await expect(page.getByText(/^2 of 48 /).first()).toBeVisible();
  }
  expect(await evaluations()).toBe(before);
  // A change is evaluated once, and the credential's page shows it.
  await addActivity(page, 'Ethics in practice', { date: '2025-07-01', amount: '3' });
  await page.goto(`./#${credential}`);
  await expect(page.getByText(/^5 of 48 /).first()).toBeVisible();
  expect(await evaluations()).toBe(before + 1);
});
