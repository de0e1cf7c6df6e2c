import AxeBuilder from '@axe-core/playwright';
import { test, expect, openApp } from './fixtures';
import type { Page } from '@playwright/test';

// An automated WCAG 2.1 AA check (axe-core) of every screen, with records on file, at desktop and
// phone width, in light and dark. It catches what hand-written checks miss: contrast, ARIA misuse,
// duplicate ids, landmarks.
async function violations(page: Page) {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
}

async function seed(page: Page) {
  await openApp(page, '#/credentials/catalog');
  await page.getByLabel('Search by state, profession or body').fill('texas medical');
  await page.getByRole('button', { name: /Choose Texas – Texas Medical Board/ }).click();
  await page.getByLabel('Expiry date (end of the current cycle)').fill('2027-01-31');
  await page.getByLabel(/direct patient care/i).check();
  await page.getByRole('button', { name: 'Add this credential' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Requirements' })).toBeVisible();
  const credential = page.url().split('#')[1];
  await page.goto('./#/activities/new');
  await page.getByLabel('Title').fill('Ethics grand rounds');
  await page.getByLabel('Date (start)').fill('2025-03-10');
  await page.getByLabel('Amount').first().fill('2');
  await page.getByRole('button', { name: 'Save activity' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Ethics grand rounds' })).toBeVisible();
  const activity = page.url().split('#')[1];
  return { credential, activity };
}

for (const scheme of ['light', 'dark'] as const) {
  test(`every screen passes axe WCAG 2.1 AA checks (${scheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    const { credential, activity } = await seed(page);
    const found: string[] = [];
    for (const hash of ['/', '/activities', '/activities/new', activity, '/credentials', '/credentials/new',
      '/credentials/catalog', credential, '/backup', '/privacy']) {
      for (const width of [1280, 360]) {
        await page.setViewportSize({ width, height: 900 });
        await page.goto(`./#${hash}`);
        await expect(page.locator('main h1')).toBeVisible();
        for (const v of await violations(page)) found.push(`${hash} @${width}: ${v}`);
      }
    }
    // The form with every error showing: messages must be readable too.
    await page.goto('./#/activities/new');
    await page.getByRole('button', { name: 'Save activity' }).click();
    await expect(page.locator('#act-title-error')).toBeVisible();
    for (const v of await violations(page)) found.push(`errors: ${v}`);
    expect([...new Set(found)]).toEqual([]);
  });
}
