import { test, expect, openApp, screenshots, pdf } from './fixtures';
import type { Page } from '@playwright/test';
import { createHash } from 'node:crypto';

// Issue 15: certificates kept on the device with the activity, in IndexedDB, never uploaded.

/** A 2×2 PNG. */
const png = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAYAAABytg0kAAAAFklEQVR42mP8z8DwnwEJMDGgAUYGBgBd6AQB1P3kJgAAAABJRU5ErkJggg==',
  'base64',
);

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

async function logActivity(page: Page, title: string) {
  await page.goto('./#/activities/new');
  await page.getByLabel('Title').fill(title);
  await page.getByLabel('Provider').fill('American College of Cardiology');
  await page.getByLabel('Date (start)').fill('2025-03-03');
  await page.getByLabel('Amount').first().fill('6.5');
  await page.getByRole('button', { name: 'Save activity' }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
}

async function storedCertificates(page: Page) {
  return page.evaluate(() => {
    const acts = JSON.parse(localStorage.getItem('cme-tracker:activities') || '[]');
    return acts[0]?.z ?? [];
  });
}

test('a PDF and a photo are kept, survive a reload, open and download byte for byte', async ({ page }) => {
  await openApp(page);
  await logActivity(page, 'Heart failure update');
  const certificate = pdf('Certificate of completion 6.5 AMA PRA Category 1 Credits');
  await page.getByLabel('Attach a certificate').setInputFiles([
    { name: 'certificate.pdf', mimeType: 'application/pdf', buffer: certificate },
    { name: 'badge.png', mimeType: 'image/png', buffer: png },
  ]);
  await expect(page.locator('.cert')).toHaveCount(2);
  await expect.poll(async () => (await storedCertificates(page)).length).toBe(2);
  const stored = await storedCertificates(page);
  expect(stored.map((f: any) => [f.name, f.mime, f.size, f.sha256])).toEqual([
    ['certificate.pdf', 'application/pdf', certificate.length, sha(certificate)],
    ['badge.png', 'image/png', png.length, sha(png)],
  ]);
  await screenshots(page, 'activity-certificates');

  await page.reload();
  await expect(page.locator('.cert')).toHaveCount(2);
  await expect(page.locator('img.cert__thumb')).toHaveCount(1);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download certificate.pdf' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('2025-03-03_American-College-of-Cardiology_Heart-failure-update.pdf');
  const path = await download.path();
  expect(sha(require('node:fs').readFileSync(path))).toBe(sha(certificate));
  const [popup] = await Promise.all([
    page.waitForEvent('popup'),
    page.getByRole('button', { name: 'Open badge.png' }).click(),
  ]);
  expect(popup.url()).toMatch(/^blob:/);

  // Removing asks first, then the record and the bytes go.
  await page.getByRole('button', { name: 'Remove badge.png' }).click();
  await page.getByRole('button', { name: 'Yes, remove badge.png' }).click();
  await expect(page.locator('.cert')).toHaveCount(1);
  await expect.poll(async () => (await storedCertificates(page)).length).toBe(1);
});

test('a file of another type or over 10 MB is refused with a message and nothing is stored', async ({ page }) => {
  await openApp(page);
  await logActivity(page, 'Ethics grand rounds');
  await page.getByLabel('Attach a certificate').setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('hello') });
  await expect(page.locator('#cert-error')).toContainText('“notes.txt” is not a PDF or an image');
  const big = Buffer.alloc(10 * 1024 * 1024 + 1, 1);
  await page.getByLabel('Attach a certificate').setInputFiles({ name: 'scan.pdf', mimeType: 'application/pdf', buffer: big });
  await expect(page.locator('#cert-error')).toContainText('“scan.pdf” is just over 10 MB; certificates can be at most 10 MB');
  await expect(page.locator('.cert')).toHaveCount(0);
  expect(await storedCertificates(page)).toEqual([]);
});

test('when IndexedDB refuses a write, the activity and its earlier files are intact', async ({ page }) => {
  await openApp(page);
  await logActivity(page, 'Sepsis update');
  await page.getByLabel('Attach a certificate').setInputFiles({ name: 'first.pdf', mimeType: 'application/pdf', buffer: pdf('First') });
  await expect(page.locator('.cert')).toHaveCount(1);
  // From now on the browser says the disk is full.
  await page.evaluate(() => {
    IDBObjectStore.prototype.put = function () {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
  await page.getByLabel('Attach a certificate').setInputFiles({ name: 'second.pdf', mimeType: 'application/pdf', buffer: pdf('Second') });
  await expect(page.locator('#cert-error')).toContainText('The browser has no room left for this file. Nothing already kept was lost.');
  await expect(page.locator('.cert')).toHaveCount(1);
  const stored = await storedCertificates(page);
  expect(stored.map((f: any) => f.name)).toEqual(['first.pdf']);
  await page.reload();
  await expect(page.locator('.cert')).toHaveCount(1);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download first.pdf' }).click(),
  ]);
  expect(sha(require('node:fs').readFileSync(await download.path()))).toBe(sha(pdf('First')));
});

test('"no certificate on file" is a filter and a count on the dashboard and the credential', async ({ page }) => {
  const { seedTexasWithActivity } = await import('./fixtures');
  const { credential, activity } = await seedTexasWithActivity(page, 'Sepsis update');
  await page.goto('./#/');
  await expect(page.getByTestId('summary')).toContainText('1 completed activity has no certificate on file.');
  await expect(page.getByTestId('cert-count')).toHaveText('The activity counting here has no certificate on file.');
  await page.goto(`./#${credential}`);
  await expect(page.getByTestId('cert-count')).toHaveText('The activity counting here has no certificate on file.');
  await page.goto('./#/activities');
  await page.getByLabel('No certificate on file').check();
  await expect(page.locator('tbody tr')).toHaveCount(1);
  await screenshots(page, 'activities-no-certificate');

  await page.goto(`./#${activity}`);
  await page.getByLabel('Attach a certificate').setInputFiles({ name: 'sepsis.pdf', mimeType: 'application/pdf', buffer: pdf('Sepsis') });
  await expect(page.locator('.cert')).toHaveCount(1);
  await page.goto(`./#${credential}`);
  await expect(page.getByTestId('cert-count')).toHaveText('Every activity counting here has its certificate on file.');
  await page.goto('./#/activities');
  await page.getByLabel('No certificate on file').check();
  await expect(page.locator('tbody tr')).toHaveCount(0);
});

test('a backup with certificates brings the files back into an empty profile, digests identical', async ({ page, browser }) => {
  await openApp(page);
  await logActivity(page, 'Heart failure update');
  const certificate = pdf('Certificate 6.5 credits');
  await page.getByLabel('Attach a certificate').setInputFiles([
    { name: 'certificate.pdf', mimeType: 'application/pdf', buffer: certificate },
    { name: 'badge.png', mimeType: 'image/png', buffer: png },
  ]);
  await expect(page.locator('.cert')).toHaveCount(2);
  await page.goto('./#/backup');
  // Their total, in bytes as people read a size under 1 KB.
  const total = certificate.length + png.length;
  await expect(page.getByLabel(`Include certificates (2 files, ${total} bytes)`)).toBeChecked();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download backup' }).click(),
  ]);
  const file = await download.path();
  const text = require('node:fs').readFileSync(file, 'utf8');
  const parsed = JSON.parse(text);
  expect(parsed.files.map((f: any) => [f.size, f.sha256])).toEqual([
    [certificate.length, sha(certificate)],
    [png.length, sha(png)],
  ]);

  // A damaged file in the backup is refused, naming it, and nothing changes.
  const damaged = JSON.parse(text);
  damaged.files[0].data = Buffer.from('not the certificate').toString('base64');
  const context = await browser.newContext();
  const fresh = await context.newPage();
  await fresh.goto(page.url().replace(/#.*$/, '#/backup'));
  await fresh.getByLabel(/Choose a backup file/).setInputFiles({ name: 'damaged.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(damaged)) });
  await expect(fresh.getByText(/does not match its certificate's size and SHA-256/)).toBeVisible();

  // The intact backup, into the empty profile: records and files.
  await fresh.getByLabel(/Choose a backup file/).setInputFiles(file);
  await fresh.getByRole('button', { name: 'Merge' }).click();
  await expect(fresh.getByRole('status')).toContainText('2 certificate files restored');
  await fresh.goto(fresh.url().replace(/#.*$/, '#/activities'));
  await fresh.getByRole('link', { name: 'Heart failure update' }).click();
  await expect(fresh.locator('.cert')).toHaveCount(2);
  const [again] = await Promise.all([
    fresh.waitForEvent('download'),
    fresh.getByRole('button', { name: 'Download certificate.pdf' }).click(),
  ]);
  expect(sha(require('node:fs').readFileSync(await again.path()))).toBe(sha(certificate));
  await context.close();
});

test('deleting an activity with certificates asks first, and Undo brings back both', async ({ page }) => {
  await openApp(page);
  await logActivity(page, 'Stroke alert');
  const certificate = pdf('Stroke alert certificate');
  await page.getByLabel('Attach a certificate').setInputFiles({ name: 'stroke.pdf', mimeType: 'application/pdf', buffer: certificate });
  await expect(page.locator('.cert')).toHaveCount(1);
  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  const ask = page.locator('#delete-files');
  await expect(ask).toContainText('“Stroke alert” has 1 certificate file. Deleting the activity deletes it too; Undo brings both back.');
  await expect(ask).toBeFocused();
  await screenshots(page, 'activity-delete-with-files');
  await ask.getByRole('button', { name: 'Delete activity and files' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Activities' })).toBeVisible();
  await page.getByRole('button', { name: 'Undo' }).click();
  await page.getByRole('link', { name: 'Stroke alert' }).click();
  await expect(page.locator('.cert')).toHaveCount(1);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download stroke.pdf' }).click(),
  ]);
  expect(sha(require('node:fs').readFileSync(await download.path()))).toBe(sha(certificate));
});

test('pasting a completion e-mail fills the new activity form, which the user confirms', async ({ page }) => {
  await openApp(page, '#/activities/new');
  await page.getByText('Start from a certificate or completion e-mail').click();
  await page.getByLabel("Paste the certificate's text or the completion e-mail").fill(
    'Thank you for completing "Pediatric Asthma: What\'s New in 2025".\nCredits: 4.0 CEUs\nDate of Completion: August 22, 2025\nProvider: Children\'s Health Learning Network',
  );
  await page.getByRole('button', { name: 'Read the text' }).click();
  await expect(page.locator('#cert-read-note')).toHaveText('Filled in from the text: check every field before saving.');
  await expect(page.getByLabel('Title')).toHaveValue("Pediatric Asthma: What's New in 2025");
  await expect(page.getByLabel('Provider')).toHaveValue("Children's Health Learning Network");
  await expect(page.getByLabel('Date (start)')).toHaveValue('2025-08-22');
  // "4.0 CEUs" without saying whose: she is asked which reading, never given 40 hours unasked.
  const whose = page.getByRole('group', { name: 'Whose CEU?' });
  await expect(whose).toContainText('without saying whose');
  await screenshots(page, 'activity-from-email-ceu');
  await whose.getByRole('button', { name: '40 contact hours (IACET: 1 CEU = 10 hours)' }).click();
  await expect(page.getByLabel('Amount').first()).toHaveValue('4');
  await expect(page.getByLabel('Title')).toHaveValue("Pediatric Asthma: What's New in 2025");
  await screenshots(page, 'activity-from-email');
  // Nothing is saved until the person saves.
  expect(await page.evaluate(() => localStorage.getItem('cme-tracker:activities'))).toBeNull();
  await page.getByRole('button', { name: 'Save activity' }).click();
  await expect(page.getByRole('heading', { level: 1, name: "Pediatric Asthma: What's New in 2025" })).toBeVisible();
  await expect(page.getByText('4 Continuing Education Units')).toBeVisible();
});


test('a pharmacist pastes a statement of credit with a UAN: ACPE hours, live, its topic, the UAN kept', async ({ page }) => {
  await openApp(page, '#/activities/new');
  await page.getByText('Start from a certificate or completion e-mail').click();
  await page.getByLabel("Paste the certificate's text or the completion e-mail").fill(
    'Statement of Continuing Pharmacy Education Credit\nActivity Title: Immunization Update for Pharmacists\nCompletion Date: 03/14/2026\nACPE UAN: 0204-0000-26-031-L06-P\n1.5 contact hours (0.15 CEU)',
  );
  await page.getByRole('button', { name: 'Read the text' }).click();
  await expect(page.getByLabel('Title')).toHaveValue('Immunization Update for Pharmacists');
  await expect(page.getByLabel('Format')).toHaveValue('live_in_person');
  await expect(page.getByLabel('Amount').first()).toHaveValue('1.5');
  await expect(page.getByLabel('Notes')).toHaveValue(/ACPE UAN 0204-0000-26-031-L06-P \(Live · Immunizations · for pharmacists/);
  // The CEUs restate the hours: one credit line, not two.
  await expect(page.getByLabel('Amount')).toHaveCount(1);
  await screenshots(page, 'activity-from-uan');
  await page.getByRole('button', { name: 'Save activity' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Immunization Update for Pharmacists' })).toBeVisible();
  await expect(page.getByText('Immunizations & vaccine administration')).toBeVisible();
});

const CERTIFICATES = [
  {
    file: 'ama.pdf',
    lines: [
      'Certificate of Completion',
      'Course title: Managing Atrial Fibrillation',
      'Provider: Heart Rhythm Education Institute',
      'Date of completion: October 14, 2025',
      'Heart Rhythm Education Institute designates this enduring material for a maximum of 2.25 AMA PRA Category 1 Credits.',
    ],
    title: 'Managing Atrial Fibrillation', provider: 'Heart Rhythm Education Institute', date: '2025-10-14', amount: '2.25',
  },
  {
    file: 'ancc.pdf',
    lines: [
      'Certificate of Successful Completion',
      'Title: Sepsis Recognition in the Emergency Department',
      'Provided by: Lakeside Nursing Education',
      'Completed on: 2025-09-18',
      'Nursing contact hours: 2.5',
    ],
    title: 'Sepsis Recognition in the Emergency Department', provider: 'Lakeside Nursing Education', date: '2025-09-18', amount: '2.5',
  },
  {
    file: 'aoa.pdf',
    lines: [
      'AMERICAN OSTEOPATHIC ASSOCIATION',
      'Activity: Osteopathic Manipulative Treatment Update',
      'Date: June 3, 2025',
      'Provider: Great Lakes Osteopathic Society',
      'This program has been approved for 18.0 AOA Category 1-A credits.',
    ],
    title: 'Osteopathic Manipulative Treatment Update', provider: 'Great Lakes Osteopathic Society', date: '2025-06-03', amount: '18',
  },
];

test('three certificate PDFs are read on the device and fill the form; the file is attached on save', async ({ page }) => {
  await openApp(page);
  for (const c of CERTIFICATES) {
    await page.goto('./#/activities/new');
    await page.getByText('Start from a certificate or completion e-mail').click();
    await page.getByLabel(/Or choose the certificate file/).setInputFiles({ name: c.file, mimeType: 'application/pdf', buffer: pdf(c.lines) });
    await expect(page.locator('#cert-read-note')).toContainText(`Filled in from “${c.file}”`);
    await expect(page.getByLabel('Title')).toHaveValue(c.title);
    await expect(page.getByLabel('Provider')).toHaveValue(c.provider);
    await expect(page.getByLabel('Date (start)')).toHaveValue(c.date);
    await expect(page.getByLabel('Amount').first()).toHaveValue(c.amount);
    if (c.file === 'ama.pdf') await screenshots(page, 'activity-from-pdf');
    await page.getByRole('button', { name: 'Save activity' }).click();
    await expect(page.getByRole('heading', { level: 1, name: c.title })).toBeVisible();
    await expect(page.locator('.cert')).toHaveCount(1);
    await expect(page.locator('.cert__name')).toHaveText(c.file);
  }
});

test('a certificate dropped on the Activities page starts a new activity with it', async ({ page }) => {
  await openApp(page, '#/activities');
  const b64 = pdf(CERTIFICATES[0].lines).toString('base64');
  const dt = await page.evaluateHandle((data) => {
    const t = new DataTransfer();
    const bytes = Uint8Array.from(atob(data), (ch) => ch.charCodeAt(0));
    t.items.add(new File([bytes], 'dropped.pdf', { type: 'application/pdf' }));
    return t;
  }, b64);
  await page.dispatchEvent('.drop-area', 'drop', { dataTransfer: dt });
  await expect(page.getByRole('heading', { level: 1, name: 'Add activity' })).toBeVisible();
  await expect(page.getByLabel('Title')).toHaveValue(CERTIFICATES[0].title);
  await page.getByRole('button', { name: 'Save activity' }).click();
  await expect(page.locator('.cert__name')).toHaveText('dropped.pdf');
});
