import { test, expect, openApp, addCredential, screenshots } from './fixtures';
import type { Page } from '@playwright/test';

// Issue 12: the credential page's flows go through domain operations (rules by id, exemptions,
// the next cycle, preset setup); each is checked end to end, with its messages next to its field.

async function stored(page: Page) {
  return page.evaluate(() => JSON.parse(localStorage.getItem('cme-tracker:credentials') || '[]'));
}

/** The stored credential once `check` holds for it (saves run just after the next paint). */
async function storedWhen(page: Page, check: (c: any) => boolean) {
  await expect.poll(async () => check((await stored(page))[0] ?? {})).toBe(true);
  return (await stored(page))[0];
}

const ids = (list: { id?: string; rule_id?: string }[] = []) => list.map((x) => x.id ?? x.rule_id);

async function addRule(page: Page, name: string, hours: string) {
  await page.getByRole('button', { name: 'Add a requirement' }).click();
  await page.getByLabel('Kind of rule').selectOption({ label: 'Total hours' });
  await page.getByLabel('Name', { exact: true }).fill(name);
  await page.getByLabel(/At least \(hours\)/).fill(hours);
  await page.getByRole('button', { name: 'Save rule' }).click();
  await expect(page.getByRole('heading', { level: 3, name })).toBeVisible();
}

test('rules are added, edited and deleted by id; an exemption follows its rule', async ({ page }) => {
  await openApp(page);
  await addCredential(page, 'Texas medical license');
  await addRule(page, 'Total CME', '48');
  await addRule(page, 'Ethics', '2');
  let c = await storedWhen(page, (c) => c.rules?.length === 2);
  expect(ids(c.rules)).toEqual(['rule1', 'rule2']);

  // Record an exemption for Ethics: the reason is required, next to its field.
  await page.getByLabel('Requirement', { exact: true }).selectOption({ label: 'Ethics' });
  await page.getByRole('button', { name: 'Record exemption' }).click();
  await expect(page.locator('#ex-reason-error')).toHaveText('Write the reason the board gave (it is what an auditor will ask for).');
  await expect(page.getByLabel('Reason')).toHaveAttribute('aria-invalid', 'true');
  await page.getByLabel('Reason').fill('Residency training');
  await page.getByLabel('Decision').selectOption('deemed_met');
  await page.getByRole('button', { name: 'Record exemption' }).click();
  await expect(page.getByText(/Ethics: deemed met — Residency training/)).toBeVisible();
  c = await storedWhen(page, (c) => c.cycle?.exemptions?.length === 1);
  expect(c.cycle.exemptions).toEqual([expect.objectContaining({ rule_id: 'rule2', kind: 'deemed_met', reason: 'Residency training' })]);
  await screenshots(page, 'credential-exemption');

  // Deleting the first rule keeps the other's id (and its exemption); a new rule gets a fresh id.
  await page.getByRole('button', { name: 'Delete requirement Total CME' }).click();
  await expect(page.getByRole('heading', { level: 3, name: 'Total CME' })).toHaveCount(0);
  await addRule(page, 'Category 1', '24');
  c = await storedWhen(page, (c) => ids(c.rules).join() === 'rule2,rule3');
  expect(ids(c.cycle.exemptions)).toEqual(['rule2']);

  // Editing a rule keeps its id and its exemption.
  await page.getByRole('button', { name: 'Edit requirement Ethics' }).click();
  await page.getByLabel(/At least \(hours\)/).fill('3');
  await page.getByRole('button', { name: 'Save rule' }).click();
  c = await storedWhen(page, (c) => c.rules[0].kind.min === 300);
  expect(c.rules[0].id).toBe('rule2');
  expect(c.cycle.exemptions).toHaveLength(1);

  await page.getByRole('button', { name: 'Remove the exemption for Ethics' }).click();
  await expect(page.getByText(/Ethics: deemed met/)).toHaveCount(0);
  await storedWhen(page, (c) => (c.cycle?.exemptions ?? []).length === 0);
});

test('starting the next cycle checks its dates next to each field, then keeps the old cycle', async ({ page }) => {
  await openApp(page);
  await addCredential(page, 'Texas medical license', '2025-02-01', '2027-01-31');
  const form = page.getByRole('form', { name: 'Start the next cycle' });
  await form.getByRole('button', { name: 'Start the next cycle' }).click();
  await expect(page.locator('#next-end-error')).toHaveText('Enter the new expiry date.');
  await page.getByLabel('New expiry date').fill('2026-12-31');
  await form.getByRole('button', { name: 'Start the next cycle' }).click();
  await expect(page.locator('#next-end-error')).toContainText('must end after it starts');
  await page.getByLabel('New expiry date').fill('2029-01-31');
  await page.getByLabel('CE deadline (if different)').last().fill('2026-01-01');
  await form.getByRole('button', { name: 'Start the next cycle' }).click();
  await expect(page.locator('#next-deadline-error')).toContainText('CE deadline');
  await page.getByLabel('CE deadline (if different)').last().fill('');
  await form.getByRole('button', { name: 'Start the next cycle' }).click();
  await expect(page.getByText(/Current cycle: .*2027.*2029/)).toBeVisible();
  const c = await storedWhen(page, (c) => c.cycle?.start === '2027-02-01');
  expect(c.past_cycles[0]).toEqual(expect.objectContaining({ start: '2025-02-01', end: '2027-01-31' }));
});

test('adding from the catalog says what is wrong with the dates and never drops a deadline', async ({ page }) => {
  await openApp(page, '#/credentials/catalog');
  await page.getByLabel('Search by state, profession or body').fill('texas medical');
  await page.getByRole('button', { name: /Choose Texas – Texas Medical Board/ }).click();
  await page.getByRole('button', { name: 'Add this credential' }).click();
  await expect(page.locator('#preset-end-error')).toContainText('Enter the date your license');
  await expect(page.getByLabel('Expiry date (end of the current cycle)')).toBeFocused();
  await page.getByLabel('Expiry date (end of the current cycle)').fill('2027-01-31');
  await expect(page.getByText(/The cycle then starts/)).toBeVisible();
  await page.getByLabel('CE deadline (if different)').fill('2024-12-31');
  await page.getByRole('button', { name: 'Add this credential' }).click();
  await expect(page.locator('#preset-deadline-error')).toHaveText('The CE deadline cannot be before the cycle starts.');
  await page.getByLabel('CE deadline (if different)').fill('2027-03-02');
  await page.getByRole('button', { name: 'Add this credential' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Requirements' })).toBeVisible();
  const c = await storedWhen(page, (c) => !!c.cycle);
  expect(c.cycle).toEqual(expect.objectContaining({ start: '2025-02-01', end: '2027-01-31', ce_deadline: '2027-03-02' }));
  expect(c.preset.id).toBe('us-tx-md-do');
});
