import { test, expect, openApp, screenshots, addCredential, installTypingProbe, readTypingProbe, typeUntil } from './fixtures';
import type { Page } from '@playwright/test';
import * as fs from 'node:fs';

async function seed(page: Page) {
  await page.goto('./#/activities/new');
  await page.getByLabel('Title').fill('Ethics grand rounds');
  await page.getByLabel('Date (start)').fill('2025-03-10');
  await page.getByLabel('Amount').first().fill('2');
  await page.getByRole('button', { name: 'Save activity' }).click();
  await addCredential(page, 'Texas medical license');
}

async function storedRecords(page: Page) {
  return page.evaluate(() => ({
    activities: localStorage.getItem('cme-tracker:activities'),
    credentials: localStorage.getItem('cme-tracker:credentials'),
  }));
}

test('export downloads every record and importing it into an empty profile gives the same data', async ({ page, browser }, info) => {
  await openApp(page);
  await seed(page);
  await page.goto('./#/backup');
  // The records' own size, apart from the app's offline copy (a few KB for this seed).
  await expect(page.getByText(/Your records take \d+(\.\d)? (bytes|KB);/)).toBeVisible();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download backup' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^cme-tracker-backup-\d{4}-\d{2}-\d{2}\.json$/);
  const file = info.outputPath('backup.json');
  await download.saveAs(file);
  const json = JSON.parse(fs.readFileSync(file, 'utf8'));
  expect(json.format).toBe('cme-tracker-backup');
  expect(json.activities).toHaveLength(1);
  await expect(page.getByText(/Last backup:/)).toBeVisible();
  await screenshots(page, 'backup');
  const original = await storedRecords(page);

  // A fresh profile (another device): import through the real file chooser.
  const context = await browser.newContext({ baseURL: info.project.use.baseURL });
  const fresh = await context.newPage();
  await fresh.goto('./#/backup');
  await fresh.getByLabel(/Choose a backup file/).setInputFiles(file);
  await expect(fresh.getByText('1 activities, 1 credentials, 0 goals')).toBeVisible();
  await fresh.getByRole('button', { name: 'Merge' }).click();
  await expect(fresh.getByRole('status')).toContainText('2 added');
  // The save runs just after the next paint: wait for it rather than race it.
  await expect.poll(() => storedRecords(fresh)).toEqual(original);

  // The same file again changes nothing.
  await fresh.getByLabel(/Choose a backup file/).setInputFiles(file);
  await fresh.getByRole('button', { name: 'Merge' }).click();
  await expect(fresh.getByRole('status')).toContainText('0 added, 0 updated');
  expect(await storedRecords(fresh)).toEqual(original);
  await context.close();
});

test('a damaged file is refused with a message naming the problem, and nothing changes', async ({ page }, info) => {
  await openApp(page);
  await seed(page);
  const before = await storedRecords(page);
  await page.goto('./#/backup');
  const bad = info.outputPath('bad.json');
  fs.writeFileSync(bad, '{"format": "cme-tracker-backup", "schema_version": 1, "activities": [');
  await page.getByLabel(/Choose a backup file/).setInputFiles(bad);
  await expect(page.getByRole('alert')).toContainText('not valid JSON');
  await expect(page.getByRole('alert')).toContainText('line 1');
  const other = info.outputPath('other.json');
  fs.writeFileSync(other, '{"hello": "world"}');
  await page.getByLabel(/Choose a backup file/).setInputFiles(other);
  await expect(page.getByRole('alert')).toContainText('not a CME Tracker backup');
  expect(await storedRecords(page)).toEqual(before);
});

test('corrupted stored data is set aside, not overwritten, and the user is told', async ({ page }) => {
  await openApp(page);
  await page.evaluate(() => {
    localStorage.setItem('cme-tracker:meta', '{"schema_version":1,"revision":4}');
    localStorage.setItem('cme-tracker:activities', '[{"broken');
  });
  await page.reload();
  await expect(page.getByRole('alert')).toContainText('could not be read');
  const kept = await page.evaluate(() =>
    Object.keys(localStorage).filter((k) => k.startsWith('cme-tracker:quarantine:')).map((k) => localStorage.getItem(k)),
  );
  expect(kept).toContain('[{"broken');
});

test('when saving fails (storage full) the change stays on screen and a backup is offered', async ({ page }) => {
  await openApp(page);
  // Fill the quota with other data first, as a long-lived profile might.
  await page.evaluate(() => {
    const chunk = 'x'.repeat(1024 * 1024);
    try {
      for (let i = 0; i < 20; i++) localStorage.setItem(`filler-${i}`, chunk);
    } catch (e) { /* full */ }
    try {
      for (let i = 0; i < 20000; i++) localStorage.setItem(`small-${i}`, 'y'.repeat(1024));
    } catch (e) { /* full */ }
    try {
      for (let i = 0; i < 20000; i++) localStorage.setItem(`tiny-${i}`, 'z'.repeat(16));
    } catch (e) { /* full */ }
  });
  await page.goto('./#/activities/new');
  await page.getByLabel('Title').fill('Sepsis update');
  await page.getByLabel('Date (start)').fill('2025-03-10');
  await page.getByLabel('Amount').first().fill('2');
  await page.getByRole('button', { name: 'Save activity' }).click();
  await expect(page.getByTestId('save-banner')).toContainText('full');
  await expect(page.getByRole('button', { name: 'Download a backup now' })).toBeVisible();
  await page.goto('./#/activities');
  await expect(page.locator('tbody tr')).toHaveCount(1);
});

test('when storage is blocked the app still works in the tab and says so', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('blocked', 'SecurityError'); } });
  });
  await openApp(page);
  await expect(page.getByTestId('save-banner')).toContainText('storage is blocked');
});

test('two tabs editing at once lose nothing', async ({ page }) => {
  await openApp(page);
  const second = await page.context().newPage();
  await second.goto('./#/');
  await page.goto('./#/activities/new');
  await second.goto('./#/activities/new');
  for (const [p, title] of [[page, 'From tab one'], [second, 'From tab two']] as const) {
    await p.getByLabel('Title').fill(title);
    await p.getByLabel('Date (start)').fill('2025-03-10');
    await p.getByLabel('Amount').first().fill('1');
  }
  await page.getByRole('button', { name: 'Save activity' }).click();
  await second.getByRole('button', { name: 'Save activity' }).click();
  await expect(second.getByRole('heading', { level: 1, name: 'From tab two' })).toBeVisible();
  for (const p of [page, second]) {
    await p.goto('./#/activities');
    await expect(p.locator('tbody tr')).toHaveCount(2);
  }
  await page.reload();
  await expect(page.locator('tbody tr')).toHaveCount(2);
});

test('a 50,000-activity backup is checked in the worker with progress while the page stays responsive', async ({ page }, info) => {
  test.setTimeout(180_000);
  await openApp(page);
  await page.goto('./#/backup');
  // The page comes from the module loaded on first use: wait for it before watching its status.
  await expect(page.getByRole('heading', { level: 1, name: 'Backup' })).toBeVisible();
  // A large file, written compactly (the readable export of 50,000 would pass 20 MB).
  const stamp = '2026-01-01T00:00:00Z';
  const activities = Array.from({ length: 50_000 }, (_, i) => ({
    id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    title: `Imported activity ${i}`, accreditor: 'accme',
    start: '2024-03-01', end: '2024-03-01', format: 'live_virtual',
    credits: [{ credit_type: 'AMA_PRA_CAT1', amount: 100 }], status: 'completed',
    created_at: stamp, updated_at: stamp,
  }));
  const file = info.outputPath('big.json');
  fs.writeFileSync(file, JSON.stringify({
    format: 'cme-tracker-backup', schema_version: 1, app_version: '0.1.0', exported_at: stamp,
    counts: { activities: 50_000, credentials: 0, goals: 0 }, activities, credentials: [],
  }));
  // A field to type into while the worker reads the file (the Backup page has none of its own),
  // and a record of what the status line said and when keystrokes were handled.
  await installTypingProbe(page, 'import-status');
  await page.getByLabel(/Choose a backup file/).setInputFiles(file);
  // Type while the file is read and checked, until its preview shows.
  const status = page.locator('#import-status');
  await typeUntil(page, () => status.getByText('50000 activities, 0 credentials, 0 goals').isVisible());
  const { seen, keysDuring } = await readTypingProbe(page, /Checking big\.json: \d+ of 50000 activities/);
  // Progress was shown as the worker read the activities...
  const progress = seen.filter((t) => /Checking big\.json: \d+ of 50000 activities/.test(t));
  expect(progress.length).toBeGreaterThan(5);
  // ...and the page answered keystrokes meanwhile (the check runs in the worker).
  expect(keysDuring).toBeGreaterThan(0);
  await screenshots(page, 'backup-large-checked');
  // Nothing changed before a choice; Cancel leaves the records as they were.
  await page.getByRole('button', { name: 'Cancel' }).click();
  expect(await page.evaluate(() => localStorage.getItem('cme-tracker:activities'))).toBeNull();
});
