import { test, expect, openApp, screenshots, seedTexasWithActivity, pdf } from './fixtures';
import type { Download, Page } from '@playwright/test';
import * as fs from 'node:fs';
import { execFileSync } from 'node:child_process';
import { pbkdf2Sync, createDecipheriv } from 'node:crypto';

// Issue 17: encrypted backups (opened here with Node's own crypto, as docs/backup-format.md
// shows), the deadlines calendar and the audit packet.

async function logActivity(page: Page, title: string, date: string, amount: string) {
  await page.goto('./#/activities/new');
  await page.getByLabel('Title').fill(title);
  await page.getByLabel('Date (start)').fill(date);
  await page.getByLabel('Amount').first().fill(amount);
  await page.getByRole('button', { name: 'Save activity' }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
}

async function download(page: Page, click: () => Promise<unknown>): Promise<Download> {
  const [d] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), click()]);
  return d;
}

/** The lines of docs/backup-format.md: Node's crypto alone opens the file. */
function decrypt(text: string, passphrase: string): Buffer {
  const e = JSON.parse(text);
  const key = pbkdf2Sync(passphrase, Buffer.from(e.kdf.salt, 'base64'), e.kdf.iterations, 32, 'sha256');
  const data = Buffer.from(e.ciphertext, 'base64');
  const d = createDecipheriv('aes-256-gcm', key, Buffer.from(e.cipher.iv, 'base64'));
  d.setAuthTag(data.subarray(data.length - 16));
  return Buffer.concat([d.update(data.subarray(0, data.length - 16)), d.final()]);
}

test('an encrypted backup opens with Node alone, and imports only with its passphrase', async ({ page, browser }, info) => {
  test.setTimeout(120_000);
  await seedTexasWithActivity(page, 'Sepsis update');
  await page.goto('./#/backup');
  const plain = await download(page, () => page.getByRole('button', { name: 'Download backup' }).click());
  const plainText = fs.readFileSync((await plain.path())!, 'utf8');

  await page.getByLabel('Encrypt with a passphrase').check();
  await page.getByLabel('Passphrase', { exact: true }).fill('too short');
  await page.getByLabel('The passphrase again').fill('too short');
  await page.getByRole('button', { name: 'Download backup' }).click();
  // Refused next to the field; no file.
  await expect(page.locator('#backup-passphrase-error')).toContainText('at least 10 characters');
  await expect(page.getByLabel('Passphrase', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await page.getByLabel('Passphrase', { exact: true }).fill('correct horse battery staple');
  await expect(page.locator('#backup-passphrase-error')).toHaveText('The two passphrases differ.');
  await page.getByLabel('The passphrase again').fill('correct horse battery staple');
  await expect(page.locator('#backup-passphrase-error')).toHaveCount(0);
  await screenshots(page, 'backup-encrypt');
  const sealed = await download(page, () => page.getByRole('button', { name: 'Download backup' }).click());
  expect(sealed.suggestedFilename()).toMatch(/\.encrypted\.json$/);
  const sealedText = fs.readFileSync((await sealed.path())!, 'utf8');
  expect(sealedText).not.toContain('Sepsis');
  const envelope = JSON.parse(sealedText);
  expect(envelope.kdf).toMatchObject({ name: 'PBKDF2', hash: 'SHA-256', iterations: 600000 });
  expect(envelope.cipher.name).toBe('AES-256-GCM');
  // Decrypted: the same records as the plain backup (only the export time differs).
  const opened = JSON.parse(decrypt(sealedText, 'correct horse battery staple').toString('utf8'));
  const same = JSON.parse(plainText);
  expect(opened.activities).toEqual(same.activities);
  expect(opened.credentials).toEqual(same.credentials);
  expect(() => decrypt(sealedText, 'wrong passphrase')).toThrow();

  // Into an empty profile: the passphrase is asked; a wrong one is refused and changes nothing.
  const file = info.outputPath('sealed.json');
  fs.writeFileSync(file, sealedText);
  const fresh = await (await browser.newContext()).newPage();
  await openApp(fresh, '#/backup');
  await fresh.getByLabel(/Choose a backup file/).setInputFiles(file);
  await fresh.getByLabel('Its passphrase').fill('not the passphrase');
  await fresh.getByRole('button', { name: 'Open' }).click();
  await expect(fresh.locator('#unlock-passphrase-error')).toContainText('does not open the file', { timeout: 60_000 });
  expect(await fresh.evaluate(() => localStorage.getItem('cme-tracker:activities'))).toBeNull();
  await screenshots(fresh, 'backup-unlock-refused');
  await fresh.getByLabel('Its passphrase').fill('correct horse battery staple');
  await fresh.getByRole('button', { name: 'Open' }).click();
  await expect(fresh.getByText('1 activities, 1 credentials, 0 goals')).toBeVisible({ timeout: 60_000 });
  await fresh.getByRole('button', { name: 'Merge' }).click();
  await expect(fresh.getByRole('status')).toContainText('added');
  await fresh.goto('./#/activities');
  await expect(fresh.locator('tbody')).toContainText('Sepsis update');
  // A damaged encrypted file is refused with a message.
  const damaged = info.outputPath('damaged.json');
  fs.writeFileSync(damaged, sealedText.replace(/"iv": "[^"]+"/, '"iv": "AAAA"'));
  await fresh.goto('./#/backup');
  await fresh.getByLabel(/Choose a backup file/).setInputFiles(damaged);
  await fresh.getByLabel('Its passphrase').fill('correct horse battery staple');
  await fresh.getByRole('button', { name: 'Open' }).click();
  await expect(fresh.getByRole('alert')).toContainText('This encrypted backup is damaged', { timeout: 60_000 });
});

test('the deadlines calendar downloads with each cycle end and its alarms', async ({ page }) => {
  await seedTexasWithActivity(page, 'Sepsis update');
  await page.goto('./#/credentials');
  const ics = await download(page, () => page.getByRole('button', { name: 'Add deadlines to my calendar' }).click());
  expect(ics.suggestedFilename()).toBe('cme-deadlines.ics');
  const text = fs.readFileSync((await ics.path())!, 'utf8');
  expect(text.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
  expect(text).toContain('SUMMARY:Texas – Texas Medical Board');
  expect(text).toContain('DTSTART;VALUE=DATE:20270131');
  for (const t of ['TRIGGER:-P90D', 'TRIGGER:-P30D', 'TRIGGER:-P7D']) expect(text).toContain(t);
  // Downloaded again: the same UIDs (a calendar updates its events instead of adding copies).
  const again = await download(page, () => page.getByRole('button', { name: 'Add deadlines to my calendar' }).click());
  const uids = (t: string) => t.match(/^UID:.*$/gm);
  expect(uids(fs.readFileSync((await again.path())!, 'utf8'))).toEqual(uids(text));
});

test('the audit packet holds the report, the certificate byte for byte, a CSV and a README', async ({ page }, info) => {
  const { credential, activity } = await seedTexasWithActivity(page, 'Sepsis update');
  const certificate = pdf('Certificate 2 credits');
  await page.goto(`./#${activity}`);
  await page.getByLabel('Attach a certificate').setInputFiles({ name: 'sepsis.pdf', mimeType: 'application/pdf', buffer: certificate });
  await expect(page.locator('.cert')).toHaveCount(1);
  await page.goto(`./#${credential}/report`);
  const zip = await download(page, () => page.getByRole('button', { name: 'Download audit packet (.zip)' }).click());
  expect(zip.suggestedFilename()).toMatch(/^audit-packet_Texas-Texas-Medical-Board[-A-Za-z]*_2025-02-01_2027-01-31\.zip$/);
  const dir = info.outputPath('packet');
  fs.mkdirSync(dir, { recursive: true });
  execFileSync('unzip', ['-q', (await zip.path())!, '-d', dir]);
  const listed = execFileSync('find', [dir, '-type', 'f']).toString().split('\n').filter(Boolean).map((p) => p.slice(dir.length + 1)).sort();
  expect(listed).toEqual([
    'README.txt',
    'activities.csv',
    'audit-report.html',
    'certificates/2025-06-02_Sepsis-update.pdf',
  ]);
  expect(fs.readFileSync(`${dir}/certificates/2025-06-02_Sepsis-update.pdf`).equals(certificate)).toBe(true);
  const html = fs.readFileSync(`${dir}/audit-report.html`, 'utf8');
  expect(html).toContain('Audit report — Texas – Texas Medical Board');
  expect(html).toContain('Sepsis update');
  // The report stands on its own (no script, no outside file): shown by itself, outside the
  // app's page and its policy, and looked at.
  const viewer = await page.context().newPage();
  await viewer.setContent(html);
  await expect(viewer.getByRole('heading', { level: 1 })).toContainText('Audit report');
  await screenshots(viewer, 'audit-packet-report');
  expect(fs.readFileSync(`${dir}/README.txt`, 'utf8')).toContain('certificates/       1 certificate file:');
});

test('a chosen backup file is written after each change and after a reload', async ({ page }) => {
  // The browser's save dialog cannot be driven by a test: it hands over a file of the
  // origin-private file system instead, a real handle with the same writing methods.
  await page.addInitScript(() => {
    (window as unknown as { showSaveFilePicker: unknown }).showSaveFilePicker = async (opts: { suggestedName: string }) => {
      const root = await navigator.storage.getDirectory();
      return root.getFileHandle(opts.suggestedName, { create: true });
    };
  });
  const written = () => page.evaluate(async () => {
    const root = await navigator.storage.getDirectory();
    const file = await (await root.getFileHandle('cme-tracker-backup.json')).getFile();
    return file.text();
  });
  await openApp(page, '#/backup');
  await page.getByRole('button', { name: 'Choose a backup file…' }).click();
  const status = page.getByTestId('auto-backup-status');
  await expect(status).toContainText('After each change your records are written to cme-tracker-backup.json.');
  await expect(status).toContainText('Last written:');
  await screenshots(page, 'backup-automatic');
  await logActivity(page, 'Written by itself', '2025-06-02', '2');
  await expect.poll(written, { timeout: 15_000 }).toContain('Written by itself');
  const backup = JSON.parse(await written());
  expect(backup.format).toBe('cme-tracker-backup');
  // After a reload the file is still chosen, and the next change reaches it too.
  await page.reload();
  await logActivity(page, 'After the reload', '2025-06-03', '1');
  await expect.poll(written, { timeout: 15_000 }).toContain('After the reload');
  await page.goto('./#/backup');
  await page.getByRole('button', { name: 'Stop' }).click();
  await expect(page.getByRole('button', { name: 'Choose a backup file…' })).toBeVisible();
});
