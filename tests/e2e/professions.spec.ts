import { test, expect, openApp, screenshots, pdfOfCells } from './fixtures';
import type { Page, TestInfo } from '@playwright/test';
import * as fs from 'node:fs';

// Issue 36: clinicians other than physicians and nurses. The profession chooser orders the
// catalog and the activity form's credit types; a physician assistant (NCCPA, two states and the
// DEA) and a pharmacist (two states, a CPE Monitor transcript imported) reach a correct dashboard.

const STAMP = '2026-01-01T00:00:00Z';

async function addPreset(page: Page, search: string, name: RegExp, expiry: string, renewal?: string) {
  await page.goto('./#/credentials/catalog');
  await page.getByLabel('Search by state, profession or body').fill(search);
  await page.getByRole('button', { name }).click();
  await page.getByLabel('Expiry date (end of the current cycle)').fill(expiry);
  if (renewal) await page.getByLabel('Which renewal does this cycle lead to?').selectOption({ label: renewal });
  await page.getByRole('button', { name: 'Add this credential' }).click();
  await expect(page).toHaveURL(/#\/credentials\/[0-9a-f-]{36}$/);
  return page.url().split('#')[1];
}

test('the profession chooser puts her presets and credit types first, hiding none', async ({ page }) => {
  await openApp(page, '#/credentials/catalog');
  await expect(page.getByTestId('presets-all').getByRole('listitem')).toHaveCount(183);
  await page.getByLabel('Physician assistant (PA)').check();
  await expect(page.getByRole('status').filter({ hasText: 'come first' })).toContainText(
    'Presets, credit types and topics for physician assistants come first.',
  );
  const mine = page.getByTestId('presets-mine');
  await expect(page.getByRole('heading', { name: 'For physician assistants' })).toBeVisible();
  await expect(mine.getByRole('heading', { level: 3 })).toHaveText([
    /^DEA registration/,
    'NCCPA PA-C certification maintenance',
    'Florida – Board of Medicine (physician assistant)',
    'Texas – Physician Assistant Board',
    'California – Physician Assistant Board (physician assistant)',
    'North Carolina – Medical Board (physician assistant)',
    'Illinois – Department of Financial and Professional Regulation (physician assistant)',
    'Ohio – State Medical Board (physician assistant)',
    'Washington – Medical Commission (physician assistant)',
    'New York – State Education Department (physician assistant)',
  ]);
  // Nothing hidden: every other preset under "Other professions".
  await expect(page.getByTestId('presets-others').getByRole('listitem')).toHaveCount(173);
  // A search narrows both lists.
  await page.getByLabel('Search by state, profession or body').fill('texas');
  await expect(mine.getByRole('heading', { level: 3 })).toHaveText(['Texas – Physician Assistant Board']);
  await screenshots(page, 'catalog-profession-pa');

  // The activity form offers her types first, in a group of their own.
  await page.goto('./#/activities/new');
  const type = page.getByLabel('Credit type 1');
  await expect(type.locator('optgroup').first()).toHaveAttribute('label', 'For physician assistants');
  await expect(type.locator('optgroup').first().locator('option').first()).toHaveText('AAPA Category 1 CME');
  await expect(type.locator('optgroup').nth(1).locator('option', { hasText: 'AMA PRA Category 2 Credit™' })).toHaveCount(1);
  // A second profession, in Settings: both groups' types first.
  await page.goto('./#/settings');
  await page.getByLabel('Pharmacist').check();
  await expect(page.getByRole('status').filter({ hasText: 'come first' })).toContainText('physician assistants and pharmacists');
  await screenshots(page, 'settings-professions');
  await page.goto('./#/activities/new');
  await expect(page.getByLabel('Credit type 1').locator('optgroup').first()).toHaveAttribute('label', 'For physician assistants and pharmacists');
  await expect(page.getByLabel('Credit type 1').locator('optgroup').first().locator('option', { hasText: 'ACPE' })).toHaveCount(1);
  // None chosen: the usual order, no groups.
  await page.goto('./#/settings');
  await page.getByLabel('Physician assistant (PA)').uncheck();
  await page.getByLabel('Pharmacist').uncheck();
  await page.goto('./#/activities/new');
  await expect(page.getByLabel('Credit type 1').locator('optgroup')).toHaveCount(0);
  await expect(page.getByLabel('Credit type 1').locator('option').nth(1)).toHaveText('AMA PRA Category 1 Credit™');
});

/** Her activities, merged from a backup file written as the app's own format. */
async function merge(page: Page, info: TestInfo, activities: object[]) {
  const file = info.outputPath('activities.json');
  fs.writeFileSync(file, JSON.stringify({
    format: 'cme-tracker-backup', schema_version: 1, app_version: '0.1.0', exported_at: STAMP,
    counts: { activities: activities.length, credentials: 0, goals: 0 }, activities, credentials: [],
  }));
  await page.goto('./#/backup');
  await page.getByLabel(/Choose a backup file/).setInputFiles(file);
  await page.getByRole('button', { name: 'Merge' }).click();
  await expect(page.getByRole('status')).toContainText(`${activities.length} added`);
}

test('a physician assistant with NCCPA, Florida, Texas and the DEA sees each figure as her boards count it', async ({ page }, info) => {
  test.setTimeout(120_000);
  await openApp(page, '#/settings');
  await page.getByLabel('Physician assistant (PA)').check();
  const nccpa = await addPreset(page, 'nccpa', /Choose NCCPA PA-C/, '2026-12-31');
  await addPreset(page, 'florida physician assistant', /Choose Florida – Board of Medicine \(physician assistant\)/, '2028-01-31', 'The second renewal');
  await addPreset(page, 'texas physician assistant', /Choose Texas – Physician Assistant Board/, '2027-08-31');
  await addPreset(page, 'dea', /Choose DEA registration/, '2027-06-30');
  let n = 0;
  const a = (title: string, end: string, credits: [string, number][], topics: string[] = [], accreditor = 'other') => ({
    id: `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`,
    title, provider: 'State PA Academy', accreditor, start: end, end, format: 'live_in_person',
    credits: credits.map(([credit_type, amount]) => ({ credit_type, amount })),
    topics, status: 'completed', created_at: STAMP, updated_at: STAMP,
  });
  await merge(page, info, [
    a('AAPA Annual Conference', '2026-05-20', [['AAPA_CAT1', 4000]]),
    // 10 credits of self-assessment: NCCPA counts 15; Florida counts 10.
    a('Board review self-assessment', '2026-06-15', [['AAPA_CAT1_SA', 1000]]),
    a('Prevention of medical errors', '2026-03-10', [['AAPA_CAT1', 200]], ['medical_errors_patient_safety']),
    a('Safe opioid prescribing', '2026-04-10', [['AAPA_CAT1', 300]], ['pain_management_opioids', 'controlled_substance_prescribing']),
    a('Domestic violence update', '2026-07-01', [['AAPA_CAT1', 200]], ['domestic_violence']),
    a('Human trafficking: recognize and respond', '2026-08-01', [['AAPA_CAT1', 100]], ['human_trafficking']),
    a('Journal club', '2026-09-01', [['NCCPA_CAT2', 2000]]),
    a('Treating opioid use disorder (MATE Act)', '2026-02-15', [['AMA_PRA_CAT1', 800]], ['substance_use_disorder'], 'accme'),
  ]);

  await page.goto('./#/');
  // NCCPA: Category 1 is 40 + 15 + 2 + 3 + 2 + 1 + 8 = 71, with 20 Category 2: 9 short of 100.
  const nccpaCard = page.getByRole('region', { name: /^NCCPA PA-C/ });
  await expect(nccpaCard).toContainText('9 hours still needed');
  // Florida weights nothing: 66 + 20 = 86, 14 short of its 100 (or NCCPA certification).
  const florida = page.getByRole('region', { name: /^Florida – Board of Medicine \(physician assistant\)/ });
  await expect(florida).toContainText('14 hours still needed');
  // Texas and the DEA are met.
  await expect(page.getByTestId('summary')).toContainText('2 of 4 credentials on track');
  await screenshots(page, 'pa-dashboard');

  // NCCPA's log, ready to copy: each activity as NCCPA's form asks for it.
  await page.goto(`./#${nccpa}/report`);
  const log = page.getByTestId('nccpa-log');
  await expect(log.locator('tbody tr')).toHaveCount(8);
  await expect(log.locator('tbody tr', { hasText: 'Board review self-assessment' })).toContainText('Category 1 – Self-Assessment CME');
  await expect(log.locator('tbody tr', { hasText: 'Board review self-assessment' }).locator('td[data-label="Credits"]')).toHaveText('10');
  await expect(log.locator('tbody tr', { hasText: 'MATE Act' }).locator('td[data-label="Sponsor"]')).toHaveText('ACCME');
  await expect(log.locator('tbody tr', { hasText: 'Journal club' })).toContainText('Category 2');
  await expect(page.getByRole('button', { name: 'Copy all 8 activities as a table' })).toBeVisible();
  await screenshots(page, 'pa-nccpa-log');
});

test('a pharmacist licensed in Florida and Texas imports her CPE Monitor transcript and sees what is left', async ({ page }) => {
  test.setTimeout(120_000);
  await openApp(page, '#/credentials/catalog');
  await page.getByLabel('Pharmacist', { exact: true }).check();
  await expect(page.getByRole('heading', { name: 'For pharmacists' })).toBeVisible();
  await addPreset(page, 'florida pharmacy', /Choose Florida – Board of Pharmacy/, '2027-09-30', 'The second renewal');
  await addPreset(page, 'texas pharmacy', /Choose Texas – State Board of Pharmacy/, '2027-06-30');

  await page.goto('./#/activities/import');
  const xs = [40, 100, 200, 240, 290, 440, 560, 680, 730];
  const cells: [number, number, string][] = [
    [40, 580, 'CPE Monitor Activity Transcript'],
    [40, 566, 'Participant Name: Sam Rivera'],
    [40, 554, 'NABP e-Profile ID: 654321'],
    ...(['Activity Date', 'Activity # (UAN)', 'Credit Type', 'Source', 'Title', 'Topic', 'Provider', 'Live Hours', 'Home Hours']
      .map((h, i) => [xs[i], 510, h] as [number, number, string])),
  ];
  const rows = [
    ['10/15/2025', '0204-0000-25-101-L01-P', 'ACPE', 'Provider', 'Diabetes Pharmacotherapy Update', 'Disease State Management/Drug Therapy', 'ASHP', '10.00', '0.00'],
    ['11/20/2025', '0204-0000-25-140-H05-P', 'ACPE', 'Provider', 'Preventing Medication Errors', 'Patient Safety', 'ASHP', '0.00', '2.00'],
    ['01/12/2026', '0798-9999-26-012-H03-P', 'ACPE', 'Provider', 'Texas Pharmacy Law Update', 'Law Related to Pharmacy Practice', 'Texas Pharmacy Association', '0.00', '2.00'],
    ['02/03/2026', '0798-0000-26-020-H04-P', 'ACPE', 'Provider', 'Validating Controlled Substance Prescriptions', 'General Pharmacy', 'Florida Pharmacy Association', '0.00', '2.00'],
    ['04/22/2026', '0204-0000-26-060-H01-P', 'ACPE', 'Provider', 'Anticoagulation Home Study', 'Disease State Management/Drug Therapy', 'ASHP', '0.00', '20.00'],
  ];
  rows.forEach((row, r) => row.forEach((c, i) => cells.push([xs[i], 490 - r * 30, c])));
  cells.push([40, 30, 'Report Generated @ 11/30/2026 09:00 AM Page 1 Of 1']);
  await page.getByLabel(/Choose a file/).setInputFiles({ name: 'CPE Monitor transcript.pdf', mimeType: 'application/pdf', buffer: pdfOfCells(cells) });
  await expect(page.getByTestId('import-source')).toHaveText('Read as a CPE Monitor activity transcript: the records of Sam Rivera.');
  await page.getByRole('button', { name: 'Import 5 activities' }).click();
  await expect(page.locator('tbody tr')).toHaveCount(5);

  // 10 live + 26 home study: Florida counts at most 20 home-study hours (10 of its 30 live), so
  // 30; Texas counts all 36. What is left are the topics the transcript could not name.
  await page.goto('./#/');
  const florida = page.getByRole('region', { name: /^Florida – Board of Pharmacy/ });
  await expect(florida).toContainText('Validation of controlled-substance prescriptions');
  await expect(florida).toContainText('2 hours of controlled substance prescribing still needed');
  const texas = page.getByRole('region', { name: /^Texas – State Board of Pharmacy/ });
  await expect(texas).toContainText('2 hours of controlled substance prescribing still needed');
  await expect(page.getByTestId('summary')).toContainText('0 of 2 credentials on track');

  // The general-pharmacy course was on validating controlled-substance prescriptions: she says so.
  await page.goto('./#/activities');
  await page.getByRole('link', { name: 'Validating Controlled Substance Prescriptions' }).click();
  await page.getByRole('link', { name: 'Edit' }).click();
  await page.getByLabel('Search topics').fill('controlled substance');
  await page.getByRole('group', { name: 'Topics' }).getByLabel(/^Controlled substance prescribing/).check();
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page).toHaveURL(/#\/activities\/[0-9a-f-]{36}$/);

  await page.goto('./#/');
  await expect(florida).not.toContainText('still needed');
  // Texas still asks for its human-trafficking course, and nothing else.
  await expect(texas).toContainText('Human trafficking course');
  await expect(texas).not.toContainText('controlled substance prescribing still needed');
  await expect(page.getByTestId('summary')).toContainText('1 of 2 credentials on track');
  await screenshots(page, 'pharmacist-dashboard');
});
