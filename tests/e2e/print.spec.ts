import { test, expect, screenshots, seedTexasWithActivity } from './fixtures';

// Issue 16 (start): printing prints the record, not the screen; dates are said as people say them.

test('printed pages carry no navigation, buttons or forms, and deadlines read "in N months"', async ({ page }) => {
  const { credential } = await seedTexasWithActivity(page, 'Sepsis update');
  await page.goto(`./#${credential}`);
  await expect(page.getByText(/CE due in \d+ (months|weeks|days) \(/).first()).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('header.app-header')).toBeHidden();
  await expect(page.locator('form').first()).toBeHidden();
  const visibleButtons = await page.locator('button').evaluateAll((bs) => bs.filter((b) => (b as HTMLElement).offsetParent !== null).length);
  expect(visibleButtons).toBe(0);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await screenshots(page, 'credential-print');
  await page.goto('./#/');
  await expect(page.locator('header.app-header')).toBeHidden();
  await expect(page.getByTestId('summary')).toBeVisible();
});
