import { test, expect, openApp, screenshots, installTypingProbe, readTypingProbe, typeUntil, pdfOfCells } from './fixtures';
import type { Page } from '@playwright/test';
import * as fs from 'node:fs';
import * as path from 'node:path';

// Issue 17: activities from a spreadsheet or a transcript — mapping, date order, row problems,
// unknown credit types, duplicates, nothing stored before the confirmation — and the CSV export.

const stored = (page: Page) => page.evaluate(() => localStorage.getItem('cme-tracker:activities'));

/** Bytes of `text` in Windows-1252 (the characters used here are Latin-1 or in the map). */
function cp1252(text: string): Buffer {
  const map: Record<string, number> = { '“': 0x93, '”': 0x94, '€': 0x80, '™': 0x99 };
  return Buffer.from(Array.from(text).map((c) => map[c] ?? c.charCodeAt(0)));
}

test('a spreadsheet from another tracker is mapped, checked row by row and imported only when confirmed', async ({ page }, info) => {
  await openApp(page, '#/activities/import');
  // Semicolons and decimal commas (a European Excel), Windows-1252, dates that read both ways,
  // a quoted cell with a line break, a column the guess leaves out, and three bad rows.
  const csv = [
    'Course;Date Completed;Credit Hours;CE Type;Info',
    'Sepsis update;03/04/2025;1,5;AMA PRA Category 1 Credit™;ward',
    '"Ethics; a “case” review\nsecond line";05/04/2025;2;State nursing CE;',
    ';06/04/2025;1;;',
    'Grand rounds;31/31/2025;1;;',
    'Journal club;07/04/2025;lots;;',
  ].join('\r\n');
  const file = info.outputPath('tracker-export.csv');
  fs.writeFileSync(file, cp1252(csv));
  await page.getByLabel(/Choose a file/).setInputFiles(file);
  await expect(page.getByRole('heading', { name: /tracker-export\.csv: 5 rows \(Windows-1252\)/ })).toBeVisible();
  // Columns guessed from their headers; the unknown one left out.
  await expect(page.getByLabel('Course')).toHaveValue('title');
  await expect(page.getByLabel('Date Completed')).toHaveValue('end');
  await expect(page.getByLabel('Credit Hours')).toHaveValue('amount');
  await expect(page.getByLabel('CE Type')).toHaveValue('credit_type');
  await expect(page.getByLabel('Info', { exact: true })).toHaveValue('ignore');
  await page.getByLabel('Info', { exact: true }).selectOption('notes');
  // Every date reads both ways: the page asks.
  await expect(page.getByText('Every date in this file reads both ways')).toBeVisible();
  await page.getByLabel('The file writes dates as').selectOption('day_first');
  await screenshots(page, 'import-mapping');
  await page.getByRole('button', { name: 'Check the rows' }).click();

  await expect(page.getByRole('heading', { name: /2 activities ready to import/ })).toBeVisible();
  const problems = page.getByTestId('import-problems');
  await expect(problems).toContainText('3 problems — these rows will not be imported');
  // The quoted cell spans lines 3 and 4: the rows after it are named by their real lines.
  await expect(problems).toContainText('Line 5: Enter a title');
  await expect(problems).toContainText('Line 6: “31/31/2025” is not a date.');
  await expect(problems).toContainText('Line 7: “lots” is not an amount of credit.');
  // The unknown credit type is offered for mapping.
  const unknown = page.getByTestId('unknown-credit-types');
  await expect(unknown).toContainText('“State nursing CE” (1 row)');
  await page.getByLabel('“State nursing CE” (1 row)').selectOption('ANCC_CONTACT_HOUR');
  await expect(page.getByRole('heading', { name: /2 activities ready to import/ })).toBeVisible();
  await expect(page.locator('.preview-table')).toContainText('ANCC contact hours');
  // Read day first: 03/04/2025 is 3 April.
  await expect(page.locator('.preview-table')).toContainText('Apr 3, 2025');
  await screenshots(page, 'import-preview');
  // Nothing is stored before the confirmation.
  expect(await stored(page)).toBeNull();
  await page.getByRole('button', { name: 'Import 2 activities' }).click();
  await expect(page.getByRole('status')).toContainText('Imported 2 activities. 3 rows with problems were not imported.');
  await expect(page).toHaveURL(/#\/activities$/);
  await expect(page.locator('tbody tr')).toHaveCount(2);
  await expect(page.locator('tbody')).toContainText('Ethics; a “case” review');
  await expect.poll(() => stored(page)).not.toBeNull();

  // The same file again: the mapping chosen last time (Info → notes, day first) is back, and the
  // two imported rows are offered as skipped duplicates.
  await page.goto('./#/activities/import');
  await page.getByLabel(/Choose a file/).setInputFiles(file);
  await expect(page.getByLabel('Info', { exact: true })).toHaveValue('notes');
  await expect(page.getByLabel('The file writes dates as')).toHaveValue('day_first');
  await page.getByRole('button', { name: 'Check the rows' }).click();
  await expect(page.getByLabel(/Skip the 2 activities already recorded/)).toBeChecked();
  await expect(page.getByRole('button', { name: 'Import 0 activities' })).toBeDisabled();
});

test('another tracker\'s spreadsheet keeps its topics, accreditor and format; a topic the app does not know is asked about', async ({ page }, info) => {
  await openApp(page, '#/activities/import');
  const csv = [
    'Activity Name,Completion Date,Credits,Credit Type,Topics,Accredited By,Format',
    'Opioid safety update,2025-03-04,2,AMA PRA Category 1,Pain Management; Ethics,ACCME,Live',
    'Bedside teaching rounds,2025-04-05,1.5,AMA PRA Category 1,Bedside manner,Jointly Accredited,Webinar',
  ].join('\r\n');
  const file = info.outputPath('other-tracker.csv');
  fs.writeFileSync(file, csv);
  await page.getByLabel(/Choose a file/).setInputFiles(file);
  await expect(page.getByLabel('Topics', { exact: true })).toHaveValue('topics');
  await expect(page.getByLabel('Accredited By')).toHaveValue('accreditor');
  await expect(page.getByLabel('Format', { exact: true })).toHaveValue('format');
  await page.getByRole('button', { name: 'Check the rows' }).click();
  await expect(page.getByRole('heading', { name: /2 activities ready to import/ })).toBeVisible();
  // "AMA PRA Category 1" without "Credit™" is the AMA credit, not a type of her own.
  await expect(page.getByTestId('unknown-credit-types')).toHaveCount(0);
  const unknown = page.getByTestId('unknown-topics');
  await expect(unknown).toContainText('“Bedside manner” (1 row)');
  await page.getByLabel('“Bedside manner” (1 row)').selectOption({ label: 'Ethics & professional responsibility' });
  await expect(page.getByRole('heading', { name: /2 activities ready to import/ })).toBeVisible();
  await page.getByRole('button', { name: 'Import 2 activities' }).click();
  await expect(page).toHaveURL(/#\/activities$/);
  await page.getByRole('link', { name: 'Bedside teaching rounds' }).click();
  await expect(page.locator('main')).toContainText('Ethics & professional responsibility');
  await expect(page.locator('main')).toContainText('AMA PRA Category 1 Credit™');
  await page.goto('./#/activities');
  await page.getByRole('link', { name: 'Opioid safety update' }).click();
  await expect(page.locator('main')).toContainText('Pain management & opioid prescribing');
  await expect(page.locator('main')).toContainText('ACCME');
  await expect(page.locator('main')).toContainText('Live, in person');
});

test('a mapping without a title, date or credit column is refused next to the form', async ({ page }, info) => {
  await openApp(page, '#/activities/import');
  const file = info.outputPath('odd.csv');
  fs.writeFileSync(file, 'Alpha,Beta\nx,y\n');
  await page.getByLabel(/Choose a file/).setInputFiles(file);
  await page.getByRole('button', { name: 'Check the rows' }).click();
  const missing = page.locator('#map-missing');
  await expect(missing).toContainText("Choose the column that holds each activity's title.");
  await expect(missing).toContainText('Choose the column that holds the date each activity was completed.');
  await expect(page.getByRole('heading', { name: /odd\.csv: 1 rows/ })).toBeVisible();
  // A file that is no spreadsheet at all: a message by the file, nothing stored.
  await page.getByRole('button', { name: 'Choose another file' }).click();
  const png = info.outputPath('photo.csv');
  fs.writeFileSync(png, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]));
  await page.getByLabel(/Choose a file/).setInputFiles(png);
  await expect(page.getByRole('alert')).toContainText('not a spreadsheet saved as CSV');
  expect(await stored(page)).toBeNull();
});

test('a MedBiquitous Activity Report imports with its unknown credit type mapped by the user', async ({ page }) => {
  await openApp(page, '#/activities/import');
  // Written from the published XSD: an activity with two modules, AMA PRA credit and ABIM MOC
  // points on one module, a module with no completion date, a date that does not exist.
  const file = path.join(__dirname, '..', 'fixtures', 'transcripts', 'activity-report-v2.xml');
  await page.getByLabel(/Choose a file/).setInputFiles(file);
  // A transcript's fields are fixed: straight to the preview.
  await expect(page.getByRole('heading', { name: /2 activities ready to import/ })).toBeVisible();
  const problems = page.getByTestId('import-problems');
  await expect(problems).toContainText('Line 4: The report gives no completion date, only its period (2025-01-01 to 2025-12-31): add this activity by hand with the date on its certificate.');
  await expect(problems).toContainText('Line 5: “2025-02-30T12:00:00” is not a date.');
  await page.getByLabel('“Pharmacology hours (APRN) (Contact Hour)” (1 row)').selectOption('ANCC_PHARMACOLOGY');
  await expect(page.locator('.preview-table')).toContainText('ANCC pharmacology');
  await expect(page.getByRole('button', { name: 'Back to the columns' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Import 2 activities' }).click();
  await expect(page.locator('tbody tr')).toHaveCount(2);
  await page.getByRole('link', { name: /Day 2: treatment/ }).first().click();
  await expect(page.locator('main')).toContainText('ANCC pharmacology');
});

test('a report with several learners asks which is hers and imports only hers; a participants report imports nothing', async ({ page }) => {
  await openApp(page, '#/activities/import');
  const dir = path.join(__dirname, '..', 'fixtures', 'transcripts');
  await page.getByLabel(/Choose a file/).setInputFiles(path.join(dir, 'activity-reports-two-learners.xml'));
  const ask = page.getByRole('group', { name: 'Which learner are you?' });
  await expect(ask).toContainText('holds the records of 2 learners');
  await screenshots(page, 'import-which-learner');
  await ask.getByRole('button', { name: 'I am Sam Roe' }).click();
  await expect(page.getByRole('heading', { name: /1 activity ready to import/ })).toBeVisible();
  await expect(page.locator('.preview-table')).toContainText('Suturing workshop');
  await expect(page.locator('.preview-table')).not.toContainText('Ethics in practice');
  await page.getByRole('button', { name: 'Import 1 activity' }).click();
  await expect(page.locator('tbody tr')).toHaveCount(1);
  await page.goto('./#/activities/import');
  await page.getByLabel(/Choose a file/).setInputFiles(path.join(dir, 'activity-report-participants.xml'));
  await expect(page.getByRole('alert')).toContainText('holds none of your own completions');
});

test('activities download as CSV and the template downloads', async ({ page }, info) => {
  await openApp(page, '#/activities/import');
  const file = path.join(__dirname, '..', 'fixtures', 'transcripts', 'accme-learner-transcript.json');
  await page.getByLabel(/Choose a file/).setInputFiles(file);
  await page.getByRole('button', { name: 'Import 2 activities' }).click();
  await expect(page.locator('tbody tr')).toHaveCount(2);
  await page.goto('./#/backup');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download activities as CSV to import again' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^cme-activities-\d{4}-\d{2}-\d{2}\.csv$/);
  const text = fs.readFileSync(await download.path()!, 'utf8');
  expect(text.startsWith('\ufefftitle,provider,accreditor,start,end,format,status,credits,topics,tags,notes,id,learned,will_change,follow_up,changed,what_happened\r\n')).toBe(true);
  expect(text).toContain('Implicit bias in clinical care,Example University CME Office,accme,2025-09-15,2025-09-15');
  expect(text).toContain('AMA_PRA_CAT1=1.5; ABIM_MOC_POINT=1.5');
  // For a spreadsheet: the same activities in words, none of the app's codes.
  const [forPeople] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download activities for a spreadsheet' }).click(),
  ]);
  expect(forPeople.suggestedFilename()).toMatch(/^cme-activities-\d{4}-\d{2}-\d{2}-spreadsheet\.csv$/);
  const words = fs.readFileSync(await forPeople.path()!, 'utf8');
  expect(words.startsWith('\ufeffTitle,Provider,Accredited by,Start,Completed,Format,Status,Credit,Topics,Certificate on file\r\n')).toBe(true);
  expect(words).toContain('1.5 AMA PRA Category 1 Credit™; 1.5 ABIM MOC points');
  expect(words).not.toContain('AMA_PRA_CAT1');
  expect(words).not.toContain(',accme,');
  await page.goto('./#/activities/import');
  const [template] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download the CSV template' }).click(),
  ]);
  expect(template.suggestedFilename()).toBe('cme-activities-template.csv');
  const t = fs.readFileSync(await template.path()!, 'utf8');
  expect(t.split('\r\n')[1]).toContain('example row');
  // The export imports into the same profile as duplicates only.
  const exported = info.outputPath('export.csv');
  fs.writeFileSync(exported, text);
  await page.getByLabel(/Choose a file/).setInputFiles(exported);
  await page.getByRole('button', { name: 'Check the rows' }).click();
  await expect(page.getByLabel(/Skip the 2 activities already recorded/)).toBeChecked();
});

test('a 50,000-row spreadsheet is checked in the worker with progress while the page stays responsive', async ({ page }, info) => {
  test.setTimeout(240_000);
  await openApp(page, '#/activities/import');
  const rows = ['Course,Date Completed,Credit Hours,CE Type'];
  for (let i = 0; i < 50_000; i++) {
    rows.push(`Imported course ${i},${2000 + (i % 25)}-0${1 + (i % 9)}-1${i % 9},1.25,AMA PRA Category 1 Credit`);
  }
  const file = info.outputPath('big.csv');
  fs.writeFileSync(file, rows.join('\n') + '\n');
  await page.getByLabel(/Choose a file/).setInputFiles(file);
  await expect(page.getByRole('heading', { name: /big\.csv: 50000 rows/ })).toBeVisible({ timeout: 60_000 });
  await installTypingProbe(page, 'activities-status');
  await page.getByRole('button', { name: 'Check the rows' }).click();
  // Type while the rows are checked, until the preview shows.
  await typeUntil(page, () => page.getByRole('heading', { name: /50000 activities ready to import/ }).isVisible());
  const { seen, keysDuring } = await readTypingProbe(page, /Checking big\.csv: \d+ of 50000 rows/);
  expect(seen.filter((t) => /Checking big\.csv: \d+ of 50000 rows/.test(t)).length).toBeGreaterThan(5);
  // The page answered keystrokes while the worker checked the rows.
  expect(keysDuring).toBeGreaterThan(0);
  expect(await stored(page)).toBeNull();
  // 50,000 activities are more than a browser keeps for a page: said before importing...
  await expect(page.getByTestId('import-too-large')).toContainText('more than a browser keeps for one page');
  await screenshots(page, 'import-large-checked');
  await page.getByRole('button', { name: 'Import 50000 activities' }).click();
  await expect(page.getByRole('status')).toContainText('Imported 50000 activities.', { timeout: 120_000 });
  // ...and after it the records stay in the tab with the save path's own alert and a backup to
  // download; what was stored before is untouched.
  await expect(page.getByRole('alert')).toContainText('storage for this page is full', { timeout: 60_000 });
  await expect(page.getByRole('button', { name: 'Download a backup now' })).toBeVisible();
  expect(await stored(page)).toBeNull();
  await page.goto('./#/activities');
  await expect(page.locator('main')).toContainText(/of 50000 activities/);
});

test("a pharmacist's CPE Monitor transcript (PDF) imports: each UAN gives the format and topic", async ({ page }) => {
  await openApp(page, '#/activities/import');
  // Laid out as the reference notes the transcript (../shared/reference/professions_ce.md §B1).
  const xs = [40, 100, 200, 240, 290, 440, 560, 680, 730];
  const cells: [number, number, string][] = [
    [40, 580, 'CPE Monitor Activity Transcript'],
    [40, 566, 'Participant Name: Jordan Lee'],
    [40, 554, 'NABP e-Profile ID: 123456'],
    ...(['Activity Date', 'Activity # (UAN)', 'Credit Type', 'Source', 'Title', 'Topic', 'Provider', 'Live Hours', 'Home Hours']
      .map((h, i) => [xs[i], 510, h] as [number, number, string])),
  ];
  const rows = [
    ['03/14/2025', '0204-0000-25-031-L06-P', 'ACPE', 'Provider', 'Immunization Update for Pharmacists', 'Immunizations', 'ASHP', '1.50', '0.00'],
    ['06/02/2025', '0798-9999-24-012-H03-P', 'ACPE', 'Provider', 'Pharmacy Law 2025', 'Law Related to Pharmacy Practice', 'State Pharmacy Association', '0.00', '2.00'],
    ['09/10/2025', '0001-0000-25-100-L05-P', 'IPCE', 'Provider', 'Team-based Medication Safety', 'Patient Safety', 'Regional Health System', '1.00', '0.00'],
  ];
  rows.forEach((row, r) => row.forEach((c, i) => cells.push([xs[i], 490 - r * 30, c])));
  cells.push([40, 30, 'Report Generated @ 12/01/2025 10:15 AM Page 1 Of 1']);
  await page.getByLabel(/Choose a file/).setInputFiles({ name: 'CPE Monitor transcript.pdf', mimeType: 'application/pdf', buffer: pdfOfCells(cells) });
  await expect(page.getByRole('heading', { name: /3 activities ready to import/ })).toBeVisible();
  await expect(page.getByTestId('import-source')).toHaveText('Read as a CPE Monitor activity transcript: the records of Jordan Lee.');
  // Interprofessional credit: she says which of her types it is.
  await page.getByLabel('“IPCE” (1 row)').selectOption('ACPE');
  await screenshots(page, 'import-cpe-monitor');
  await page.getByRole('button', { name: 'Import 3 activities' }).click();
  await expect(page.locator('tbody tr')).toHaveCount(3);
  await page.getByRole('link', { name: 'Pharmacy Law 2025' }).click();
  await expect(page.locator('main')).toContainText('On-demand online');
  await expect(page.locator('main')).toContainText('0798-9999-24-012-H03-P');
  await expect(page.locator('main')).toContainText('State laws & board rules');
});
