import { test, expect, openApp, screenshots } from './fixtures';

// Issue 14: requirements as the boards write them — one-time rules answered at setup, the same
// preset added twice, catalog search by word starts and specialty names.

test('a physician answers "done in 2019" for a one-time rule and sees it met', async ({ page }) => {
  await openApp(page, '#/credentials/catalog');
  await page.getByLabel('Search by state, profession or body').fill('california medical');
  await page.getByRole('button', { name: /Choose California – Medical Board of California/ }).click();
  // Focus moves to the chosen preset.
  await expect(page.getByRole('heading', { level: 1, name: /Medical Board of California/ })).toBeFocused();
  await page.getByLabel('Expiry date (end of the current cycle)').fill('2027-06-30');
  await page.getByLabel('License or certificate number (optional)').fill('A 123456');
  const done = page.getByLabel(/Pain management & care of the terminally ill .* — completed on/);
  await done.fill('2100-01-01');
  await page.getByRole('button', { name: 'Add this credential' }).click();
  await expect(page.locator('#preset-done-0-error')).toContainText('A date in the future is not done yet');
  await done.fill('2019-05-01');
  await screenshots(page, 'catalog-setup-done');
  await page.getByRole('button', { name: 'Add this credential' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Requirements' })).toBeVisible();
  const card = page.locator('.rule-card', { has: page.getByRole('heading', { name: /terminally ill/ }) });
  await expect(card).toContainText('Deemed met');
  await expect(card).toContainText('Completed before tracking');
  const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('cme-tracker:credentials') || '[]'));
  expect(stored[0].number).toBe('A 123456');
});

test('adding the same preset twice asks first', async ({ page }) => {
  const add = async () => {
    await page.goto('./#/credentials/catalog');
    await page.getByLabel('Search by state, profession or body').fill('DEA');
    await page.getByRole('button', { name: /Choose DEA/ }).click();
    await page.getByLabel('Expiry date (end of the current cycle)').fill('2027-09-30');
  };
  await openApp(page);
  await add();
  await page.getByRole('button', { name: 'Add this credential' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Requirements' })).toBeVisible();

  await add();
  await expect(page.locator('#preset-duplicate')).toContainText('You already have this credential');
  await page.getByRole('button', { name: 'Add this credential' }).click();
  // Not added yet: the form asks to confirm.
  await expect(page.getByRole('button', { name: 'Add another' })).toBeVisible();
  let stored = await page.evaluate(() => JSON.parse(localStorage.getItem('cme-tracker:credentials') || '[]'));
  expect(stored).toHaveLength(1);
  await screenshots(page, 'catalog-duplicate');
  await page.getByRole('button', { name: 'Add another' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Requirements' })).toBeVisible();
  await expect.poll(async () => (await page.evaluate(() => JSON.parse(localStorage.getItem('cme-tracker:credentials') || '[]'))).length).toBe(2);
});

test('catalog search matches word starts and specialty names', async ({ page }) => {
  await openApp(page, '#/credentials/catalog');
  const search = page.getByLabel('Search by state, profession or body');
  await search.fill('mate');
  await expect(page.getByRole('button', { name: /^Choose / })).toHaveCount(1);
  await expect(page.getByRole('button', { name: /Choose DEA/ })).toBeVisible();
  await search.fill('internal medicine');
  await expect(page.getByRole('button', { name: /Choose ABIM/ })).toBeVisible();
});

test('earlier cycles are recorded on the credential page, the one before offered first', async ({ page }) => {
  await openApp(page);
  await page.goto('./#/credentials/new');
  await page.getByLabel('Name').fill('Florida medical license');
  await page.getByLabel('Cycle start').fill('2025-02-01');
  await page.getByLabel('Cycle end (expiry)').fill('2027-01-31');
  await page.getByRole('button', { name: 'Save credential' }).click();
  const form = page.getByRole('form', { name: 'Add an earlier cycle' });
  await expect(form.getByLabel('Earlier cycle started')).toHaveValue('2023-02-01');
  await expect(form.getByLabel('and ended')).toHaveValue('2025-01-31');
  await form.getByRole('button', { name: 'Add this earlier cycle' }).click();
  await expect(form.getByLabel('Earlier cycle started')).toHaveValue('2021-02-01');
  // An overlapping cycle is refused next to its field, and nothing is saved.
  await form.getByLabel('Earlier cycle started').fill('2024-01-01');
  await form.getByLabel('and ended').fill('2024-06-30');
  await form.getByRole('button', { name: 'Add this earlier cycle' }).click();
  await expect(page.locator('#past-start-error')).toContainText('It overlaps the cycle already recorded');
  await expect.poll(async () => (await page.evaluate(() => JSON.parse(localStorage.getItem('cme-tracker:credentials') || '[]')))[0].past_cycles)
    .toEqual([{ start: '2023-02-01', end: '2025-01-31' }]);
});
