import { test, expect, openApp, screenshots } from './fixtures';

// Issue 14: a nurse adds a state RN license whose board offers renewal pathways and picks one;
// non-CE evidence (practice hours) is recorded as such, never as credit.

test('a nurse adds a Virginia RN license, picks the practice-hours pathway and records the hours', async ({ page }) => {
  await openApp(page, '#/credentials/catalog');
  await page.getByLabel('Search by state, profession or body').fill('virginia nurse');
  await page.getByRole('button', { name: /Choose Virginia – .*Nursing/ }).click();
  await page.getByLabel('Expiry date (end of the current cycle)').fill('2027-06-30');
  await page.getByRole('button', { name: 'Add this credential' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Ways to renew' })).toBeVisible();
  await expect(page.locator('.pathway')).toHaveCount(9);

  // Option 8: 15 contact hours and 640 practice hours.
  const option8Label = 'Continuing education: 15 contact hours (continued-competency option 8: CE + 640 practice hours)';
  await page.getByLabel('My pathway').selectOption({ label: option8Label });
  const form = page.getByRole('form', { name: 'Record evidence' });
  await form.getByLabel('For', { exact: true }).selectOption({ label: option8Label });
  await form.getByLabel('Date', { exact: true }).fill('2026-05-31');
  await form.getByRole('button', { name: 'Record evidence' }).click();
  await expect(page.locator('#ev-hours-error')).toHaveText('Enter the hours.');
  await form.getByLabel('Hours', { exact: true }).fill('640');
  await form.getByLabel(/Note/).fill('Employer letter');
  await form.getByRole('button', { name: 'Record evidence' }).click();
  const option8 = page.locator('.pathway', { hasText: 'option 8' });
  await expect(option8).toContainText('640 of 640 hours recorded this cycle');
  // The CE part of option 8 is still open: 15 contact hours.
  await expect(option8).toContainText('✗ Not met');
  await screenshots(page, 'credential-pathways');

  // Stored as evidence on the credential, with the choice; no activity was created.
  const stored = await page.evaluate(() => ({
    creds: JSON.parse(localStorage.getItem('cme-tracker:credentials') || '[]'),
    acts: JSON.parse(localStorage.getItem('cme-tracker:activities') || '[]'),
  }));
  expect(stored.creds[0].pathways.chosen).toBe('ce_2');
  expect(stored.creds[0].pathways.evidence).toEqual([
    { pathway: 'ce_2', date: '2026-05-31', hours: 64000, note: 'Employer letter' },
  ]);
  expect(stored.acts).toEqual([]);
  await page.reload();
  await expect(option8).toContainText('640 of 640 hours recorded this cycle');
});
