import { test, expect, openApp, seedTexasWithActivity, everyScreen } from './fixtures';
import type { Page } from '@playwright/test';

/** Every visible form control has a name a screen reader can announce. */
async function unlabelled(page: Page) {
  return page.locator('input:not([type=hidden]), select, textarea').evaluateAll((els) =>
    els
      .filter((el) => (el as HTMLElement).offsetParent !== null)
      .filter((el) => {
        const e = el as HTMLInputElement;
        return !(e.labels && e.labels.length) && !e.getAttribute('aria-label') && !e.getAttribute('aria-labelledby');
      })
      .map((el) => el.outerHTML.slice(0, 120)),
  );
}

test('every form control on every screen has a label, and the main flows work by keyboard', async ({ page }) => {
  await openApp(page, '#/credentials/catalog');
  expect(await unlabelled(page)).toEqual([]);
  // Keyboard only: search the catalog, choose Texas, fill the form, add.
  await page.getByLabel('Search by state, profession or body').focus();
  await page.keyboard.type('texas medical');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: /Texas Medical Board/ })).toBeVisible();
  expect(await unlabelled(page)).toEqual([]);
  await page.getByLabel('Expiry date (end of the current cycle)').fill('2027-01-31');
  await page.getByLabel('Expiry date (end of the current cycle)').press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: 'Requirements' })).toBeVisible();
  expect(await unlabelled(page)).toEqual([]);

  await page.getByRole('button', { name: 'Add a requirement' }).click();
  expect(await unlabelled(page)).toEqual([]);
  await page.getByRole('button', { name: 'Cancel' }).click();

  for (const hash of ['#/activities/new', '#/activities', '#/credentials/new', '#/backup', '#/privacy', '#/']) {
    await page.goto(`./${hash}`);
    await expect(page.locator('main h1')).toBeVisible();
    expect(await unlabelled(page), hash).toEqual([]);
  }
  // The what-if switch toggles with the keyboard.
  await page.getByLabel('What if: count planned activities').focus();
  await page.keyboard.press('Space');
  await expect(page.getByLabel('What if: count planned activities')).toBeChecked();
});

test('no screen scrolls sideways at 360 px, with a credential and an activity on record', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 780 });
  const { credential, activity } = await seedTexasWithActivity(page,
    'Opioid prescribing: safer practice in chronic pain management (ECHO series)');
  // An overdue credential too: its status has the longest label ("Deadline passed — …").
  await page.goto('./#/credentials/catalog');
  await page.getByLabel('Search by state, profession or body').fill('florida board of medicine');
  await page.getByRole('button', { name: /^Choose Florida/ }).first().click();
  await page.getByLabel('Expiry date (end of the current cycle)').fill('2026-01-31');
  await page.getByRole('button', { name: 'Add this credential' }).click();
  await expect(page.getByText(/Deadline passed/).first()).toBeVisible();

  const wide: string[] = [];
  for (const hash of everyScreen(credential, activity)) {
    await page.goto(`./#${hash}`);
    await expect(page.locator('main h1')).toBeVisible();
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    if (width > 360) wide.push(`${hash}: ${width}px`);
  }
  expect(wide).toEqual([]);

  // Check lists (topics, holder conditions) whose labels wrap onto two lines must not overlap.
  // (Their rows once collapsed during full-page screenshots; the CSS now fixes row heights to
  // their content, and this keeps an eye on the ordinary layouts.)
  for (const [hash, list] of [['/activities/new', '.topic-list'], ['/credentials/new', '.check-grid']]) {
    for (const width of [360, 1280]) {
      await page.setViewportSize({ width, height: 780 });
      await page.goto(`./#${hash}`);
      const boxes = await page.locator(`${list} label.check > span`).evaluateAll((els) =>
        els.map((e) => e.getBoundingClientRect()).map((r) => [r.left, r.top, r.right, r.bottom]));
      expect(boxes.length, `${hash} ${list}`).toBeGreaterThan(3);
      const overlaps = boxes.flatMap((a, i) => boxes.slice(i + 1).filter((b) =>
        a[0] < b[2] - 1 && b[0] < a[2] - 1 && a[1] < b[3] - 1 && b[1] < a[3] - 1).map(() => `${hash} ${width}px: label ${i}`));
      expect(overlaps).toEqual([]);
    }
  }
  await page.setViewportSize({ width: 360, height: 780 });

  // On a phone the list's filters fold behind one button, so the first rows are on the first screen.
  await page.goto('./#/activities');
  const toggle = page.getByRole('button', { name: 'Filters' });
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(page.getByLabel('From')).toBeHidden();
  await expect(page.getByRole('link', { name: /Opioid prescribing/ })).toBeInViewport();
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await page.getByLabel('Status').selectOption('planned');
  await expect(page.getByRole('button', { name: 'Filters (1 on)' })).toBeVisible();
  await expect(page.locator('#activity-totals')).toContainText('0 of 1 activities');
});

test('messages never cover the field being typed in on a phone, and do not follow to the next page', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 640 });
  await openApp(page, '#/activities/new');
  await page.getByLabel('Title').fill('Sepsis update');
  await page.getByLabel('Date (start)').fill('2025-03-10');
  await page.getByLabel('Amount').first().fill('1');
  await page.getByRole('button', { name: 'Save and add another' }).click();
  const region = page.locator('.toast-region');
  await expect(region).toContainText('Added “Sepsis update”');
  // The form starts over with the title focused: the message steps aside while typing...
  await page.getByLabel('Title').focus();
  await expect.poll(() => region.evaluate((el) => getComputedStyle(el).opacity)).toBe('0');
  await page.getByLabel('Title').fill('Opioid update');
  await page.getByLabel('Date (start)').fill('2025-03-11');
  const amount = page.getByLabel('Amount').first();
  await amount.fill('1');
  // ...and comes back when no field has focus.
  await amount.blur();
  await expect.poll(() => region.evaluate((el) => getComputedStyle(el).opacity)).toBe('1');
  // A save's message shows on the page the save leads to, and goes when the person moves on.
  await page.getByRole('button', { name: 'Save activity' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Opioid update' })).toBeVisible();
  await expect(region).toContainText('Added “Opioid update”');
  await page.getByRole('link', { name: 'Activities', exact: true }).click();
  await expect(page.locator('main h1')).toHaveText('Activities');
  await expect(region.locator('.toast')).toHaveCount(0);
});
