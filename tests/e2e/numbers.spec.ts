import { test, expect, openApp, screenshots } from './fixtures';
import type { Page } from '@playwright/test';

// Issue 13: numbers a clinician can trust. The two journeys of the issue — a conference with a
// few hours on geriatrics, and an opioid course ticked with the obvious topic — give the right
// figure and say why; the topic picker lists the user's required topics first.

/** California (MD) from the catalog, for a physician with many patients over 65. */
async function addCalifornia(page: Page) {
  await openApp(page, '#/credentials/catalog');
  await page.getByLabel('Search by state, profession or body').fill('california medical board');
  await page.getByRole('button', { name: /Choose California – Medical Board of California/ }).click();
  await page.getByLabel('Expiry date (end of the current cycle)').fill('2027-06-30');
  await page.getByLabel(/65 or older/).check();
  await page.getByRole('button', { name: 'Add this credential' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Requirements' })).toBeVisible();
  await expect(page).toHaveURL(/#\/credentials\/[0-9a-f-]{36}$/);
  return page.url().split('#')[1];
}

async function startActivity(page: Page, title: string, hours: string) {
  await page.goto('./#/activities/new');
  await page.getByLabel('Title').fill(title);
  await page.getByLabel('Date (start)').fill('2026-03-02');
  await page.getByLabel('Amount').first().fill(hours);
}

test('a 21-hour conference with 6 hours on geriatrics counts 6 toward geriatrics', async ({ page }) => {
  const credential = await addCalifornia(page);
  await startActivity(page, 'Annual geriatrics & internal medicine conference', '21');
  // The picker lists the topics the user's requirements ask for first, with what each serves.
  const first = page.locator('.topic-list label').first();
  await expect(first).toContainText('Required: California');
  await page.getByLabel('Search topics').fill('older patients');
  await page.getByRole('checkbox', { name: /Geriatric medicine/ }).check();
  // More hours on the topic than the activity has: refused next to the field.
  await page.getByLabel('Geriatric medicine', { exact: true }).fill('22');
  await page.getByRole('button', { name: 'Save activity' }).click();
  await expect(page.locator('#act-topic-hours-0-error')).toHaveText("More than the activity's 21 h; enter at most 21.");
  await page.getByLabel('Geriatric medicine', { exact: true }).fill('6');
  await screenshots(page, 'activity-form-topic-hours');
  await page.getByRole('button', { name: 'Save activity' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /geriatrics & internal medicine/ })).toBeVisible();
  const geri = page.getByRole('row', { name: /Geriatric medicine/ });
  await expect(geri).toContainText('✓ 6 h');
  await expect(geri).toContainText('Only its 6 hours on the topic count.');
  await expect(page.getByRole('row', { name: /^Total/ })).toContainText('✓ 21 cr');

  await page.goto(`./#${credential}`);
  const card = page.locator('.rule-card', { has: page.getByRole('heading', { name: 'Geriatric medicine' }) });
  await expect(card.locator('.progress-row__text')).toHaveText('6 of 10 hours');
  await expect(card).toContainText('4 hours of geriatric medicine still needed');
  // Stored with the hours on the topic (hundredths), and still there after a reload.
  await page.reload();
  await expect(card.locator('.progress-row__text')).toHaveText('6 of 10 hours');
  const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('cme-tracker:activities') || '[]'));
  expect(stored[0].h).toEqual({ geriatrics: 600 });
});

test('an opioid course ticked with the obvious topic is warned about and explained', async ({ page }) => {
  const credential = await addCalifornia(page);
  await startActivity(page, 'Safer Opioid Prescribing and Care of the Terminally Ill', '12');
  await page.getByLabel('Search topics').fill('opioid');
  await page.getByRole('checkbox', { name: /Pain management & opioid prescribing/ }).check();
  // Before saving, the form says the ticked topic does not count toward California's rule.
  const warning = page.locator('#act-topic-near-miss');
  await expect(warning).toContainText('“Pain management & opioid prescribing” does not count toward California');
  await expect(warning).toContainText('it needs “Pain management & care of the terminally ill”');
  await page.getByRole('button', { name: 'Save activity' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Safer Opioid Prescribing/ })).toBeVisible();
  await expect(page.getByRole('row', { name: /Pain management & care of the terminally ill/ })).toContainText(
    'Needs pain management & care of the terminally ill; this activity is on pain management & opioid prescribing.',
  );

  // Ticking the required topic too: the 12 hours count, and the warning is gone.
  await page.getByRole('link', { name: 'Edit' }).click();
  await page.getByLabel('Search topics').fill('terminally');
  await page.getByRole('checkbox', { name: /Pain management & care of the terminally ill/ }).check();
  await expect(warning).toHaveCount(0);
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('row', { name: /Pain management & care of the terminally ill/ })).toContainText('✓ 12 cr');
  await page.goto(`./#${credential}`);
  const card = page.locator('.rule-card', { has: page.getByRole('heading', { name: /terminally ill/ }) });
  await expect(card.locator('.progress-row__text')).toHaveText('12 of 12 credits');
});

test('the dashboard never adds points to hours and marks what-if figures as projected', async ({ page }) => {
  await addCalifornia(page);
  // A credential with no requirements is counted apart, never "met".
  await page.goto('./#/credentials/new');
  await page.getByLabel('Name').fill('Hospital privileges');
  await page.getByLabel('Cycle start').fill('2025-01-01');
  await page.getByLabel('Cycle end (expiry)').fill('2027-12-31');
  await page.getByRole('button', { name: 'Save credential' }).click();
  await expect(page.getByText('– No requirements entered')).toBeVisible();
  await startActivity(page, 'Board review course', '10');
  await page.getByLabel('Date (start)').fill('2027-02-01');
  await page.getByLabel('Planned').check();
  await page.getByRole('button', { name: 'Save activity' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Board review course' })).toBeVisible();

  await page.goto('./#/');
  const summary = page.getByTestId('summary');
  await expect(summary).toContainText('0 of 1 credential on track');
  await expect(summary).toContainText('1 credential has no requirements entered yet.');
  // What is left once the planned course is done, in hours of learning: the geriatrics hours
  // count as hours, the rest as credits (issue 33: the plan never asks again for what is planned).
  await expect(summary).toContainText('40 hours still to earn');
  await page.getByRole('switch').check();
  await expect(page.getByTestId('what-if-on')).toContainText('What-if view is on');
  await expect(summary).toContainText('projected');
  await expect(page.locator('.badge', { hasText: 'Projected:' }).first()).toBeVisible();
  await screenshots(page, 'dashboard-units');
  // Leaving the dashboard turns the what-if view off (the next page shown, as a person would).
  await page.goto('./#/activities');
  await expect(page.getByRole('heading', { level: 1, name: 'Activities' })).toBeVisible();
  await page.goto('./#/');
  await expect(page.getByRole('switch')).not.toBeChecked();
});
