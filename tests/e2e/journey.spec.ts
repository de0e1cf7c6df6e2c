import { test, expect, openApp, screenshots, seedTexasWithActivity } from './fixtures';
import type { Page } from '@playwright/test';

async function addRule(page: Page, r: { name: string; kind: string; hours: string; types?: string[]; topics?: string[] }) {
  await page.getByRole('button', { name: 'Add a requirement' }).click();
  await page.getByLabel('Kind of rule').selectOption({ label: r.kind });
  await page.getByLabel('Name', { exact: true }).fill(r.name);
  await page.getByLabel(/At least \(hours\)/).fill(r.hours);
  for (const t of r.types ?? []) await page.locator(`#rule-ct-${t}`).check();
  for (const t of r.topics ?? []) await page.locator(`#rule-topic-${t}`).check();
  await page.getByRole('button', { name: 'Save rule' }).click();
  await expect(page.getByRole('heading', { level: 3, name: r.name })).toBeVisible();
}

async function logActivity(page: Page, title: string, date: string, amount: string, topic?: string, planned = false) {
  await page.goto('./#/activities/new');
  await page.getByLabel('Title').fill(title);
  await page.getByLabel('Date (start)').fill(date);
  await page.getByLabel('Amount').first().fill(amount);
  if (topic) {
    await page.getByLabel('Search topics').fill(topic);
    await page.getByRole('group', { name: 'Topics' }).getByRole('checkbox').first().check();
  }
  if (planned) await page.getByLabel('Planned', { exact: true }).check();
  await page.getByRole('button', { name: 'Save activity' }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
}

test('a new user adds a Texas license, logs three activities and sees exactly what is left', async ({ page }) => {
  await openApp(page);
  await screenshots(page, 'dashboard-welcome');
  await page.getByRole('link', { name: 'Add your first credential' }).click();
  await page.getByRole('link', { name: 'Add by hand instead' }).click();
  await page.getByLabel('Name').fill('Texas medical license');
  await page.getByLabel('Cycle start').fill('2025-02-01');
  await page.getByLabel('Cycle end (expiry)').fill('2027-01-31');
  await page.getByLabel('Direct patient care').check();
  await page.getByRole('button', { name: 'Save credential' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Texas medical license' })).toBeVisible();

  await addRule(page, { name: 'Total CME', kind: 'Total hours', hours: '48' });
  await addRule(page, { name: 'Formal (Category 1)', kind: 'Minimum of a credit category', hours: '24', types: ['AMA_PRA_CAT1'] });
  await addRule(page, {
    name: 'Ethics', kind: 'Topic hours', hours: '2',
    types: ['AMA_PRA_CAT1'], topics: ['ethics_professional_responsibility'],
  });
  await screenshots(page, 'credential-detail');

  await logActivity(page, 'Ethics grand rounds', '2025-03-10', '2', 'medical ethics');
  await logActivity(page, 'Sepsis update', '2025-06-02', '10');
  await logActivity(page, 'Cardiology review', '2026-01-20', '6.5');

  await page.goto('./#/');
  const card = page.getByRole('region', { name: 'Texas medical license' });
  // 2 + 10 + 6.5 = 18.5 of 48 → 29.5 left; Category 1 18.5 of 24 → 5.5; ethics met.
  await expect(card).toContainText('29.5 hours still needed');
  await expect(card).toContainText('5.5 credits of AMA Cat 1 still needed');
  await expect(card).toContainText('Met: 2 credits counted of 2 credits required');
  await expect(page.getByTestId('summary')).toContainText('0 of 1 credential on track');
  await screenshots(page, 'dashboard');

  // Edit one, delete one, undo, reload: the numbers follow and survive.
  await page.goto('./#/activities');
  await page.getByRole('link', { name: 'Cardiology review' }).click();
  await page.getByRole('link', { name: 'Edit' }).click();
  await page.getByLabel('Amount').first().fill('8');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await page.getByRole('button', { name: 'Delete' }).click();
  await page.getByRole('button', { name: 'Undo' }).click();
  await page.reload();
  await page.goto('./#/');
  await expect(page.getByRole('region', { name: 'Texas medical license' })).toContainText('28 hours still needed');

  // What-if counts a planned activity apart from the actual status.
  await logActivity(page, 'Planned conference', '2026-12-01', '4', undefined, true);
  await page.goto('./#/');
  await expect(page.getByRole('region', { name: 'Texas medical license' })).toContainText('28 hours still needed');
  await page.getByLabel('What if: count planned activities').check();
  await expect(page.getByRole('region', { name: 'Texas medical license' })).toContainText('24 hours still needed');
});

test('a Texas physician adds the Texas Medical Board from the catalog and sees every rule', async ({ page }) => {
  await openApp(page, '#/credentials/catalog');
  await page.getByLabel('Search by state, profession or body').fill('texas medical');
  await screenshots(page, 'catalog');
  await page.getByRole('button', { name: /Choose Texas – Texas Medical Board/ }).click();
  await expect(page.getByText('Verify with your board.')).toBeVisible();
  await expect(page.getByText(/Sources \(\d+\)/)).toBeVisible();
  await page.getByLabel('Expiry date (end of the current cycle)').fill('2027-01-31');
  await expect(page.getByText(/The cycle then starts Feb 1, 2025/)).toBeVisible();
  await page.getByLabel(/direct patient care/i).check();
  await screenshots(page, 'catalog-preset');
  await page.getByRole('button', { name: 'Add this credential' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Texas Medical Board/ })).toBeVisible();

  await logActivity(page, 'Ethics grand rounds', '2025-03-10', '2', 'medical ethics');
  await logActivity(page, 'Sepsis update', '2025-06-02', '10');
  await logActivity(page, 'Hospital M&M conference', '2026-01-20', '6.5');

  await page.goto('./#/');
  const card = page.getByRole('region', { name: /Texas Medical Board/ });
  // 48 h total: 18.5 logged → 29.5 left; 24 formal hours: 18.5 → 5.5; ethics met;
  // opioids 2 h and human trafficking 1 h still needed (direct patient care).
  await expect(card).toContainText('29.5 hours still needed');
  await expect(card).toContainText('5.5 credits of AMA Cat 1, AOA 1-A, AAFP Presc. or TMA still needed');
  await expect(card).toContainText('2 hours of pain management');
  await expect(card).toContainText('1 hour of human trafficking');
  await screenshots(page, 'dashboard-texas');
});

test.describe('without the catalog file', () => {
  // The service worker would answer from its cache; block it so the failed request reaches the page.
  test.use({ serviceWorkers: 'block' });

  test('the catalog page says it could not load and the credential can still be added by hand', async ({ page, guard }) => {
    // The browser logs the refused request itself; that one error is the point of this test.
    guard.allowConsole(/Failed to load resource.*503/);
    await page.route('**/catalog.json', (route) => route.fulfill({ status: 503, body: 'unavailable' }));
    await openApp(page, '#/credentials/catalog');
    await expect(page.getByRole('alert')).toContainText('The preset catalog could not be loaded');
    await expect(page.getByRole('alert')).toContainText('503');
    await page.getByRole('link', { name: 'Add by hand instead' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText(/credential/i);
  });
});

test('a physician at the third renewal or later gets the every-8-years opioid rule, not the early one', async ({ page }) => {
  await openApp(page, '#/credentials/catalog');
  await page.getByLabel('Search by state, profession or body').fill('texas medical');
  await page.getByRole('button', { name: /Choose Texas – Texas Medical Board/ }).click();
  await page.getByLabel('Expiry date (end of the current cycle)').fill('2027-01-31');
  await page.getByLabel(/direct patient care/i).check();
  await page.getByLabel('Which renewal does this cycle lead to?').selectOption({ label: 'The third renewal or later' });
  await page.getByRole('button', { name: 'Add this credential' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Requirements' })).toBeVisible();
  await expect(page.getByText('Required only in the first 2 renewals.')).toBeVisible();
  // The form shows the answer back, and it can be changed there.
  await page.getByRole('link', { name: 'Edit details' }).click();
  await expect(page.getByLabel('Which renewal does this cycle lead to?')).toHaveValue('third_or_later');
});

test('the activity page says, per credential, where it counts and why not elsewhere', async ({ page }) => {
  const { activity } = await seedTexasWithActivity(page, 'Sepsis update');
  for (const width of [1280, 360]) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto(`./#${activity}`);
    const table = page.getByRole('table', { name: 'Texas – Texas Medical Board (MD/DO)' });
    await expect(table).toBeVisible();
    const total = table.getByRole('row', { name: /^Total/ });
    await expect(total).toContainText('✓ 2 h');
    await expect(total).toContainText('Counts in full.');
    await expect(table.getByRole('row', { name: /^Human trafficking/ })).toContainText('Needs human trafficking; this activity has no topic ticked.');
    // On a phone the rows stack: the reason is on screen, not off to the side.
    const why = table.getByRole('row', { name: /^Human trafficking/ }).getByText('Needs human trafficking; this activity has no topic ticked.');
    const box = await why.boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(width);
  }
  await screenshots(page, 'activity-where-it-counts');
});

test('with more than three credentials, each is one line that opens to its table', async ({ page }) => {
  const { activity } = await seedTexasWithActivity(page, 'Sepsis update');
  const fromCatalog = async (search: string, choose: RegExp, expiry: string) => {
    await page.goto('./#/credentials/catalog');
    await page.getByLabel('Search by state, profession or body').fill(search);
    await page.getByRole('button', { name: choose }).click();
    await page.getByLabel('Expiry date (end of the current cycle)').fill(expiry);
    await page.getByRole('button', { name: 'Add this credential' }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'Requirements' })).toBeVisible();
  };
  await fromCatalog('DEA', /Choose DEA/, '2027-09-30');
  await fromCatalog('california medical', /Choose California – Medical Board of California/, '2027-06-30');
  await fromCatalog('new york physicians', /Choose New York – physicians/, '2027-06-30');
  await page.goto(`./#${activity}`);
  const groups = page.locator('details.where-it-counts-group');
  await expect(groups).toHaveCount(4);
  // Closed: a line per credential, no table drawn.
  await expect(page.getByRole('table')).toHaveCount(0);
  const texas = groups.filter({ hasText: 'Texas – Texas Medical Board (MD/DO)' });
  await expect(texas.locator('summary')).toContainText(/Counts toward \d+ of \d+ requirements: .*\(2 (h|cr)\)/);
  const dea = groups.filter({ hasText: /^DEA/ });
  await expect(dea.locator('summary')).toContainText(/Does not count toward/);
  await screenshots(page, 'activity-where-it-counts-many');
  // A click opens one credential's table, with the reasons.
  await texas.locator('summary').click();
  const table = page.getByRole('table', { name: 'Texas – Texas Medical Board (MD/DO)' });
  await expect(table.getByRole('row', { name: /^Total/ })).toContainText('Counts in full.');
  await expect(page.getByRole('table')).toHaveCount(1);
  // And from the keyboard: the line is focusable, Enter opens it.
  await dea.locator('summary').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('table')).toHaveCount(2);
  await expect(dea.getByRole('table')).toContainText(/Why/);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('table')).toHaveCount(1);
});
