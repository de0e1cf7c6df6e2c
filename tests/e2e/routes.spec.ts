import { test, expect, openApp, screenshots, pdf, addActivity as logActivity, storedTitles, twoTabs } from './fixtures';
import type { Page } from '@playwright/test';
import * as fs from 'node:fs';
import { randomUUID, randomBytes, createHash } from 'node:crypto';

// Issue 31: nothing is lost on any route that changes records — imports confirmed after another
// tab saved, "Keep mine" after a conflict, a worker that fails on a file, certificates the browser
// refuses or evicts, formula cells, and a half-filled form left by a link.

/** Logs a one-credit activity through the form. */
const add = (page: Page, title: string) => logActivity(page, title, '2025-03-10', '1');

/** A backup file written by the app (one activity), grown to `n` activities by copying it. */
async function backupOf(page: Page, n: number, tag: string, path: string) {
  await page.goto('./#/backup');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download backup' }).click(),
  ]);
  const file = JSON.parse(fs.readFileSync(await download.path(), 'utf8'));
  const model = file.activities[0];
  file.activities = Array.from({ length: n }, (_, i) => ({ ...model, id: randomUUID(), title: `${tag} ${i}` }));
  file.credentials = [];
  file.goals = [];
  file.tombstones = [];
  file.counts = { activities: n, credentials: 0, goals: 0 };
  fs.writeFileSync(path, JSON.stringify(file));
}

test('a backup merged after another tab saved keeps that tab’s activities, and a download made meanwhile', async ({ page }, info) => {
  test.setTimeout(180_000);
  const [a, b] = await twoTabs(page.context());
  await add(a, 'Model activity');
  const file = info.outputPath('backup-500.json');
  await backupOf(a, 500, 'From the backup', file);
  // A reads the file and sees the preview.
  await a.goto('./#/backup');
  await a.getByLabel(/Choose a backup file/).setInputFiles(file);
  await expect(a.getByText('500 activities, 0 credentials, 0 goals')).toBeVisible();
  // Meanwhile tab B adds five activities, and A downloads a backup before confirming.
  for (let i = 0; i < 5; i++) await add(b, `Added in B ${i}`);
  await expect.poll(async () => (await storedTitles(a)).length, { timeout: 15_000 }).toBe(6);
  const [download] = await Promise.all([
    a.waitForEvent('download'),
    a.getByRole('button', { name: 'Download backup' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^cme-tracker-backup-/);
  await expect(a.getByText(/Last backup:/)).toBeVisible();
  await a.getByRole('button', { name: 'Merge' }).click();
  await expect(a.getByRole('status')).toContainText('Changes made since the file was read were kept');
  await expect.poll(async () => (await storedTitles(a)).length, { timeout: 15_000 }).toBe(506);
  const titles = await storedTitles(a);
  for (let i = 0; i < 5; i++) expect(titles).toContain(`Added in B ${i}`);
  // The download's time survived the merge.
  await a.reload();
  await a.goto('./#/backup');
  await expect(a.getByText(/Last backup:/)).toBeVisible();
  expect(await a.evaluate(() => localStorage.getItem('cme-tracker:other') || '')).toContain('last_backup_at');
  for (const tab of [a, b]) {
    await tab.goto('./#/activities');
    await tab.reload();
    await expect(tab.locator('#activity-totals')).toContainText('506 of 506 activities');
  }
});

test('“Replace everything” replaces what the preview showed and keeps what another tab added after it', async ({ page }, info) => {
  test.setTimeout(120_000);
  const [a, b] = await twoTabs(page.context());
  await add(a, 'Shown in the preview');
  const file = info.outputPath('backup-3.json');
  await backupOf(a, 3, 'Replacement', file);
  await a.goto('./#/backup');
  await a.getByLabel(/Choose a backup file/).setInputFiles(file);
  await expect(a.getByText('3 activities, 0 credentials, 0 goals')).toBeVisible();
  await add(b, 'Added in B after the preview');
  await expect.poll(async () => (await storedTitles(a)).length, { timeout: 15_000 }).toBe(2);
  await a.getByText('Replace everything instead').click();
  await a.getByLabel('I understand that every current record will be replaced').check();
  await a.getByRole('button', { name: 'Replace everything' }).click();
  await expect.poll(async () => (await storedTitles(a)).sort(), { timeout: 15_000 }).toEqual([
    'Added in B after the preview',
    'Replacement 0',
    'Replacement 1',
    'Replacement 2',
  ]);
  await b.goto('./#/activities');
  await expect(b.locator('#activity-totals')).toContainText('4 of 4 activities');
});

test('a spreadsheet imported after another tab saved keeps that tab’s activities', async ({ page }, info) => {
  const [a, b] = await twoTabs(page.context());
  const rows = ['Course,Date Completed,Credit Hours,CE Type'];
  for (let i = 0; i < 200; i++) rows.push(`Imported course ${i},2025-0${1 + (i % 9)}-1${i % 9},1.25,AMA PRA Category 1 Credit`);
  const csv = info.outputPath('courses.csv');
  fs.writeFileSync(csv, rows.join('\n') + '\n');
  await a.goto('./#/activities/import');
  await a.getByLabel(/Choose a file/).setInputFiles(csv);
  await a.getByRole('button', { name: 'Check the rows' }).click();
  await expect(a.getByRole('button', { name: 'Import 200 activities' })).toBeVisible();
  for (let i = 0; i < 5; i++) await add(b, `Added in B ${i}`);
  await expect.poll(async () => (await storedTitles(a)).length, { timeout: 15_000 }).toBe(5);
  await a.getByRole('button', { name: 'Import 200 activities' }).click();
  await expect(a).toHaveURL(/#\/activities$/);
  await expect.poll(async () => (await storedTitles(a)).length, { timeout: 15_000 }).toBe(205);
  await b.reload();
  await b.goto('./#/activities');
  await expect(b.locator('#activity-totals')).toContainText('205 of 205 activities');
});

test('“Keep mine” keeps the other tab’s changes to the fields not changed here', async ({ page }) => {
  const [a, b] = await twoTabs(page.context());
  await add(a, 'Grand rounds');
  // The address follows the page's first frame.
  await expect(a).toHaveURL(/#\/activities\/[0-9a-f-]{36}$/);
  const id = a.url().split('/').pop()!;
  await a.goto(`./#/activities/${id}/edit`);
  await b.goto(`./#/activities/${id}/edit`);
  await expect(b.getByLabel('Title')).toHaveValue('Grand rounds');
  // A renames it and saves; B, still on the old version, writes notes.
  await a.getByLabel('Title').fill('Grand rounds: sepsis');
  await a.getByRole('button', { name: 'Save changes' }).click();
  await expect(a.getByRole('heading', { level: 1, name: 'Grand rounds: sepsis' })).toBeVisible();
  await expect.poll(() => storedTitles(b)).toEqual(['Grand rounds: sepsis']);
  await expect(b.getByTestId('edit-conflict')).toBeVisible();
  await b.getByLabel('Notes').fill('Certificate in the drawer');
  await b.getByRole('button', { name: 'Keep mine' }).click();
  await b.getByRole('button', { name: 'Save changes' }).click();
  await expect(b.getByRole('heading', { level: 1, name: 'Grand rounds: sepsis' })).toBeVisible();
  await expect.poll(() => a.evaluate(() => localStorage.getItem('cme-tracker:activities') || '')).toContain('Certificate in the drawer');
  expect(await storedTitles(a)).toEqual(['Grand rounds: sepsis']);
});

test('a title that a spreadsheet would run as a formula is exported as text and imports back unchanged', async ({ page }, info) => {
  await openApp(page);
  const titles = ['=HYPERLINK("http://example.com/?"&A1,"Click")', '=1+1', '@SUM(A1:A2)', '-5 ways to chart'];
  for (const t of titles) await add(page, t);
  await page.goto('./#/backup');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download activities as CSV to import again' }).click(),
  ]);
  const text = fs.readFileSync(await download.path()!, 'utf8');
  // As a spreadsheet reads it: no cell starts with a formula character.
  for (const line of text.replace(/^\ufeff/, '').split('\r\n').slice(1).filter(Boolean)) {
    expect(line).not.toMatch(/^"?[=+\-@\t\r]/);
  }
  // Into a fresh profile, the same titles.
  const context = await page.context().browser()!.newContext({ baseURL: info.project.use.baseURL });
  const fresh = await context.newPage();
  await openApp(fresh, '#/activities/import');
  const file = info.outputPath('formulas.csv');
  fs.writeFileSync(file, text);
  await fresh.getByLabel(/Choose a file/).setInputFiles(file);
  await fresh.getByRole('button', { name: 'Check the rows' }).click();
  await fresh.getByRole('button', { name: 'Import 4 activities' }).click();
  await expect.poll(async () => (await storedTitles(fresh)).sort()).toEqual([...titles].sort());
  await context.close();
});

test('a transcript nested 10,000 deep is refused with a message, and the worker still serves the next job', async ({ page, guard }, info) => {
  guard.allowConsole(/worker stopped/i);
  await openApp(page, '#/activities/import');
  const deep = `<ActivityReport xmlns="http://ns.medbiq.org/activityreport/v2/">${'<a>'.repeat(10_000)}${'</a>'.repeat(10_000)}</ActivityReport>`;
  const file = info.outputPath('deep.xml');
  fs.writeFileSync(file, deep);
  await page.getByLabel(/Choose a file/).setInputFiles(file);
  await expect(page.getByRole('alert')).toContainText('nests its elements more than 64 deep');
  // The worker answers the next job: a backup downloads.
  await add(page, 'After the deep file');
  await page.goto('./#/backup');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download backup' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^cme-tracker-backup-/);
});

test('a worker that fails on a request answers with a message, and a new worker serves the next job', async ({ page, guard }, info) => {
  guard.allowConsole(/worker stopped/i);
  await openApp(page);
  await add(page, 'Before the failure');
  await page.goto('./#/backup');
  // The worker starts with a first job.
  const [first] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download backup' }).click(),
  ]);
  const file = info.outputPath('backup.json');
  await first.saveAs(file);
  expect(page.workers()).toHaveLength(1);
  // Its module fails on the next message as a trap does (an exception out of the handler).
  await page.workers()[0].evaluate(() => {
    const handle = self.onmessage as (e: MessageEvent) => void;
    self.onmessage = (e: MessageEvent) => {
      if (String(e.data).includes('ProcessInput')) throw new RangeError('Maximum call stack size exceeded (test)');
      handle.call(self, e);
    };
  });
  await page.getByLabel(/Choose a backup file/).setInputFiles(file);
  await expect(page.getByRole('alert')).toContainText('it has been restarted');
  // A new worker reads the same file.
  await page.getByLabel(/Choose a backup file/).setInputFiles(file);
  await expect(page.getByText('1 activities, 0 credentials, 0 goals')).toBeVisible();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download backup' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^cme-tracker-backup-/);
});

test('an attachment the browser has no room for is refused with a message and leaves no record', async ({ page }) => {
  await openApp(page);
  await add(page, 'Quota test');
  const cdp = await page.context().newCDPSession(page);
  const origin = new URL(page.url()).origin;
  // What this origin may store, capped below one more certificate.
  const usage = await page.evaluate(async () => (await navigator.storage.estimate()).usage || 0);
  await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: usage + 200_000 });
  const big = Buffer.concat([pdf('Too big for the quota'), Buffer.alloc(3_000_000, 7)]);
  await page.getByLabel('Attach a certificate').setInputFiles({ name: 'big.pdf', mimeType: 'application/pdf', buffer: big });
  await expect(page.locator('#cert-error')).toContainText('no room left');
  await expect(page.locator('.cert')).toHaveCount(0);
  expect(await page.evaluate(() => localStorage.getItem('cme-tracker:activities') || '')).not.toContain('big.pdf');
  await cdp.send('Storage.overrideQuotaForOrigin', { origin });
  // With room again, the same file is kept.
  await page.getByLabel('Attach a certificate').setInputFiles({ name: 'big.pdf', mimeType: 'application/pdf', buffer: big });
  await expect(page.locator('.cert')).toHaveCount(1);
});

test('certificates the browser evicted are announced, and a backup says it lacks them', async ({ page }, info) => {
  await openApp(page);
  await add(page, 'Evicted certificate');
  await page.getByLabel('Attach a certificate').setInputFiles([
    { name: 'one.pdf', mimeType: 'application/pdf', buffer: pdf('One') },
    { name: 'two.pdf', mimeType: 'application/pdf', buffer: pdf('Two') },
  ]);
  await expect(page.locator('.cert')).toHaveCount(2);
  await expect.poll(() => page.evaluate(() => localStorage.getItem('cme-tracker:activities') || '')).toContain('two.pdf');
  const activity = page.url();
  // The browser clears IndexedDB (eviction, or part of the site data cleared) while the page lives.
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('cme-tracker-files');
        open.onsuccess = () => {
          const tx = open.result.transaction('certificates', 'readwrite');
          tx.objectStore('certificates').clear();
          tx.oncomplete = () => { open.result.close(); resolve(); };
          tx.onerror = () => reject(tx.error);
        };
        open.onerror = () => reject(open.error);
      }),
  );
  await page.goto('./#/');
  await page.reload();
  await expect(page.getByTestId('certificates-missing')).toContainText('2 certificates are no longer on this device');
  await screenshots(page, 'certificates-missing');
  await page.goto(activity);
  await expect(page.getByText('Not on this device: restore it from a backup made with certificates.')).toHaveCount(2);
  await page.getByRole('button', { name: 'Open one.pdf' }).click();
  await expect(page.locator('#cert-error')).toContainText('not on this device');
  await page.goto('./#/backup');
  await expect(page.getByTestId('certificates-missing')).toBeVisible();
  // No file is here to include: the choice is not offered, and the backup holds the records.
  await expect(page.getByLabel(/Include certificates/)).toHaveCount(0);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download backup' }).click(),
  ]);
  const file = JSON.parse(fs.readFileSync(await download.path(), 'utf8'));
  expect(file.activities).toHaveLength(1);
  expect(file.files ?? []).toHaveLength(0);
  info.annotations.push({ type: 'note', description: 'backup without the evicted files' });
});

test('a link away from a half-filled form asks first; Stay keeps the text, Leave goes', async ({ page }) => {
  await openApp(page, '#/activities/new');
  await page.getByLabel('Title').fill('Half-typed course');
  await page.getByRole('navigation').getByRole('link', { name: 'Credentials' }).click();
  const bar = page.getByRole('alertdialog');
  await expect(bar).toContainText('not saved');
  await expect(bar.getByRole('button', { name: 'Stay on this page' })).toBeFocused();
  await screenshots(page, 'leave-form');
  await bar.getByRole('button', { name: 'Stay on this page' }).click();
  await expect(page.getByLabel('Title')).toHaveValue('Half-typed course');
  await expect(page).toHaveURL(/#\/activities\/new$/);
  await page.getByRole('navigation').getByRole('link', { name: 'Credentials' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Leave without saving' }).click();
  await expect(page).toHaveURL(/#\/credentials$/);
  // A form with nothing typed lets the link go at once.
  await page.goto('./#/activities/new');
  await page.getByRole('navigation').getByRole('link', { name: 'Credentials' }).click();
  await expect(page).toHaveURL(/#\/credentials$/);
});

test('a slow passphrase check can be cancelled, and the next file is read at once', async ({ page }, info) => {
  await openApp(page);
  await add(page, 'Sealed');
  await page.goto('./#/backup');
  const [plain] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download backup' }).click(),
  ]);
  const plainFile = info.outputPath('plain.json');
  await plain.saveAs(plainFile);
  await page.getByLabel('Encrypt with a passphrase').check();
  await page.getByLabel('Passphrase', { exact: true }).fill('correct horse battery staple');
  await page.getByLabel('The passphrase again').fill('correct horse battery staple');
  const [sealed] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download backup' }).click(),
  ]);
  // The most iterations a file may ask for: a check that takes a long while.
  const envelope = JSON.parse(fs.readFileSync((await sealed.path())!, 'utf8'));
  envelope.kdf.iterations = 10_000_000;
  const slow = info.outputPath('slow.encrypted.json');
  fs.writeFileSync(slow, JSON.stringify(envelope));
  await page.getByLabel(/Choose a backup file/).setInputFiles(slow);
  await page.getByLabel('Its passphrase').fill('correct horse battery staple');
  await page.getByRole('button', { name: 'Open' }).click();
  await expect(page.getByText(/Checking slow\.encrypted\.json/)).toBeVisible();
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByText(/Checking slow\.encrypted\.json/)).toHaveCount(0);
  // The next file does not wait behind the cancelled check.
  await page.getByLabel(/Choose a backup file/).setInputFiles(plainFile);
  await expect(page.getByText('1 activities, 0 credentials, 0 goals')).toBeVisible({ timeout: 5_000 });
});

test('a backup of 310 MB of certificates is written in parts that each import, and restores every file byte for byte', async ({ page, browser }, info) => {
  test.setTimeout(900_000);
  await openApp(page);
  const size = 10 * 1024 * 1024 - 4096;
  const made: { name: string; bytes: Buffer }[] = [];
  for (let i = 0; i < 31; i++) {
    made.push({ name: `certificate-${i}.pdf`, bytes: Buffer.concat([pdf(`Certificate ${i}`), randomBytes(size - 2048)]) });
  }
  const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
  // Twenty certificates at most per activity: two activities.
  for (const [title, files] of [['Board review', made.slice(0, 20)], ['Annual conference', made.slice(20)]] as const) {
    await add(page, title);
    // Through files on disk: Playwright passes at most 50 MB of buffers.
    const onDisk = files.map((f) => {
      const p = info.outputPath(f.name);
      fs.writeFileSync(p, f.bytes);
      return p;
    });
    await page.getByLabel('Attach a certificate').setInputFiles(onDisk);
    await expect(page.locator('.cert')).toHaveCount(files.length, { timeout: 300_000 });
  }
  await expect.poll(() => page.evaluate(() => (localStorage.getItem('cme-tracker:activities') || '').split('certificate-').length - 1), { timeout: 60_000 }).toBe(31);
  await page.goto('./#/backup');
  await expect(page.getByLabel(/Include certificates \(31 files/)).toBeChecked();
  const paths: string[] = [];
  const [first] = await Promise.all([
    page.waitForEvent('download', { timeout: 300_000 }),
    page.getByRole('button', { name: 'Download backup' }).click(),
  ]);
  expect(first.suggestedFilename()).toMatch(/-part-1-of-4\.json$/);
  paths.push(info.outputPath('part-1.json'));
  await first.saveAs(paths[0]);
  await expect(page.getByTestId('backup-parts')).toContainText('split over 4 backup files');
  await screenshots(page, 'backup-parts');
  for (let n = 2; n <= 4; n++) {
    const [d] = await Promise.all([
      page.waitForEvent('download', { timeout: 300_000 }),
      page.getByRole('button', { name: `Download file ${n} of 4` }).click(),
    ]);
    expect(d.suggestedFilename()).toMatch(new RegExp(`-part-${n}-of-4\\.json$`));
    paths.push(info.outputPath(`part-${n}.json`));
    await d.saveAs(paths[n - 1]);
  }
  for (const p of paths) {
    const bytes = fs.statSync(p).size;
    expect(bytes, `${p} stays under the import limit`).toBeLessThan(400 * 1024 * 1024);
  }

  // Another device: each file imports on its own; together they restore every certificate.
  const context = await browser.newContext({ baseURL: info.project.use.baseURL });
  const fresh = await context.newPage();
  await openApp(fresh, '#/backup');
  for (let n = 1; n <= 4; n++) {
    await fresh.getByLabel(/Choose a backup file/).setInputFiles(paths[n - 1]);
    await expect(fresh.getByTestId('backup-part')).toContainText(`This is file ${n} of 4`, { timeout: 300_000 });
    await fresh.getByRole('button', { name: 'Merge' }).click();
    await expect(fresh.locator('.toast-region')).toContainText('certificate files restored', { timeout: 300_000 });
    // Until every file is imported, the page says how many certificates are still missing.
    if (n < 4) await expect(fresh.getByTestId('certificates-missing')).toContainText('certificates are no longer on this device');
  }
  await expect(fresh.getByTestId('certificates-missing')).toHaveCount(0);
  const restored: Record<string, string> = await fresh.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('cme-tracker-files');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('certificates', 'readonly');
          const store = tx.objectStore('certificates');
          const keys = store.getAllKeys();
          const values = store.getAll();
          tx.oncomplete = async () => {
            const out: Record<string, string> = {};
            for (let i = 0; i < keys.result.length; i++) {
              const digest = await crypto.subtle.digest('SHA-256', await (values.result[i] as Blob).arrayBuffer());
              out[String(keys.result[i])] = [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
            }
            resolve(out);
          };
        };
      }),
  );
  const records = JSON.parse((await fresh.evaluate(() => localStorage.getItem('cme-tracker:activities'))) || '[]');
  const byName = new Map<string, string>();
  for (const a of records) for (const c of a.z ?? []) byName.set(c.name, c.id);
  expect(byName.size).toBe(31);
  for (const f of made) expect(restored[byName.get(f.name)!], f.name).toBe(sha(f.bytes));
  await context.close();
});
