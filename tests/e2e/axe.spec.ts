import AxeBuilder from '@axe-core/playwright';
import { test, expect, openApp, seedTexasWithActivity, everyScreen } from './fixtures';
import type { Page } from '@playwright/test';

// An automated WCAG 2.1 AA check (axe-core) of every screen, with records on file, at desktop and
// phone width, in light and dark. It catches what hand-written checks miss: contrast, ARIA misuse,
// duplicate ids, landmarks.
async function violations(page: Page) {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
}

for (const scheme of ['light', 'dark'] as const) {
  test(`every screen passes axe WCAG 2.1 AA checks (${scheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    const found: string[] = [];
    // First visit: the empty states, and a preset's setup form.
    await openApp(page, '#/');
    for (const v of await violations(page)) found.push(`empty dashboard: ${v}`);
    await page.goto('./#/activities');
    await expect(page.locator('main h1')).toBeVisible();
    for (const v of await violations(page)) found.push(`empty activities: ${v}`);
    await page.goto('./#/credentials/catalog');
    await page.getByRole('button', { name: /Choose Texas – Texas Medical Board/ }).click();
    await expect(page.getByText('Verify with your board.')).toBeVisible();
    for (const v of await violations(page)) found.push(`preset setup: ${v}`);
    await page.getByRole('button', { name: 'Back to the catalog' }).click();

    const { credential, activity } = await seedTexasWithActivity(page, 'Ethics grand rounds');
    for (const hash of everyScreen(credential, activity)) {
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
