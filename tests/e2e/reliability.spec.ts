import { test, expect, openApp, screenshots, addCredential, pdf, twoTabs, storedTitles, saveIs, addActivity } from './fixtures';
import type { Page, BrowserContext } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import * as fs from 'node:fs';

// Issue 11: records can never be lost and the app never goes blank — two tabs saving at once, an
// old version next to a newer format, stale tabs, edits in two tabs, hostile imports, stored data
// that breaks the contract, and panics.

const KEYS = ['cme-tracker:meta', 'cme-tracker:activities', 'cme-tracker:credentials', 'cme-tracker:other'];

async function stored(page: Page): Promise<Record<string, string | null>> {
  return page.evaluate((keys) => Object.fromEntries(keys.map((k) => [k, localStorage.getItem(k)])), KEYS);
}

/** WCAG 2.1 AA problems axe-core finds on the page as it is now. */
async function axe(page: Page) {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
}

test('two tabs adding 40 activities each at the same instants keep all 80, shown in both after reload', async ({ page }) => {
  test.setTimeout(240_000);
  const [a, b] = await twoTabs(page.context());
  for (let i = 0; i < 40; i++) {
    await Promise.all([addActivity(a, `Tab A ${i}`), addActivity(b, `Tab B ${i}`)]);
  }
  // The last merges (a tab hearing the other's save and saving again) settle within moments.
  await expect.poll(async () => (await storedTitles(a)).length, { timeout: 15_000 }).toBe(80);
  const titles = await storedTitles(a);
  for (let i = 0; i < 40; i++) {
    expect(titles).toContain(`Tab A ${i}`);
    expect(titles).toContain(`Tab B ${i}`);
  }
  for (const tab of [a, b]) {
    await tab.goto('./#/activities');
    await tab.reload();
    await expect(tab.locator('#activity-totals')).toContainText('80 of 80 activities');
  }
});

test('an old-version tab next to a newer format writes nothing and says so; a restart leaves it untouched', async ({ page }) => {
  await openApp(page);
  await addActivity(page, 'Written by this version');
  // Another tab runs a newer version of the app and writes its own format.
  const newer = await page.context().newPage();
  await newer.goto('./#/privacy');
  await newer.evaluate(() => {
    localStorage.setItem('cme-tracker:activities', '{"format-99": "records the old app cannot read"}');
    localStorage.setItem('cme-tracker:meta', JSON.stringify({ schema_version: 99, revision: 50, saved_at: '2026-11-30T00:00:00Z' }));
  });
  await newer.close();
  const before = await stored(page);
  await expect(page.getByTestId('read-only-banner')).toBeVisible();
  await expect(page.getByTestId('read-only-banner')).toContainText('newer version of CME Tracker');
  // An edit in the old tab is not written over the newer data.
  await page.goto('./#/activities/new');
  await page.getByLabel('Title').fill('Typed in the old tab');
  await page.getByLabel('Date (start)').fill('2025-04-01');
  await page.getByLabel('Amount').first().fill('1');
  await page.getByRole('button', { name: 'Save activity' }).click();
  // The change is shown (its page), and nothing waits to be written: the tab is read-only.
  await expect(page.getByRole('heading', { level: 1, name: 'Typed in the old tab' })).toBeVisible();
  await saveIs(page, 'idle');
  expect(await stored(page)).toEqual(before);
  // Starting the old version again: nothing moved to quarantine, nothing rewritten.
  await page.reload();
  await expect(page.getByTestId('read-only-banner')).toBeVisible();
  const keys = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('cme-tracker:quarantine')));
  expect(keys).toEqual([]);
  expect(await stored(page)).toEqual(before);
  expect(await axe(page)).toEqual([]);
  await screenshots(page, 'read-only');
});

test('a stale tab cannot bring back a record deleted in another tab', async ({ page }) => {
  await openApp(page);
  await addActivity(page, 'Delete me');
  const id = page.url().split('/activities/')[1];
  const other = await page.context().newPage();
  await openApp(other, `#/activities/${id}`);
  await expect(other.getByRole('heading', { level: 1, name: 'Delete me' })).toBeVisible();
  // Deleted here; the other tab still shows it until it hears, and then saves a change of its own.
  await page.getByRole('button', { name: /^Delete/ }).click();
  await expect.poll(() => storedTitles(page)).toEqual([]);
  await addActivity(other, 'Added in the other tab');
  await expect.poll(() => storedTitles(page)).toEqual(['Added in the other tab']);
  for (const tab of [page, other]) {
    await tab.goto('./#/activities');
    await tab.reload();
    await expect(tab.locator('#activity-totals')).toContainText('1 of 1 activities');
    await expect(tab.getByText('Delete me')).toHaveCount(0);
  }
});

/** Another tab of the app, holding the records' cross-tab lock until `releaseRecords()`. */
async function holdRecordsLock(context: BrowserContext) {
  const other = await context.newPage();
  await openApp(other, '#/privacy');
  await other.evaluate(() => new Promise<void>((held) => {
    navigator.locks.request('cme-tracker:records', () => new Promise((release) => {
      (window as unknown as { releaseRecords: () => void }).releaseRecords = () => release(undefined);
      held();
    }));
  }));
  return other;
}

test('a change made while another tab holds the records is still saved when the page is left at once', async ({ page }) => {
  await openApp(page);
  await addActivity(page, 'Saved before');
  // Another tab is in the middle of a save (it holds the cross-tab lock) and does not let go.
  const other = await holdRecordsLock(page.context());
  // Deleted, then brought back with Undo: both saves wait for the lock…
  await page.goto('./#/activities');
  await page.getByRole('link', { name: 'Saved before' }).click();
  await page.getByRole('button', { name: /^Delete/ }).click();
  await page.getByRole('button', { name: 'Undo' }).click();
  await addActivity(page, 'Typed while the other tab saved');
  // The save has asked for the lock, which the other tab holds: nothing is written yet.
  await saveIs(page, 'locking');
  expect(await storedTitles(page)).toEqual(['Saved before']);
  // …and leaving the page (a reload here) writes them at once instead of dropping them.
  await page.reload();
  expect((await storedTitles(page)).sort()).toEqual(['Saved before', 'Typed while the other tab saved']);
  await page.goto('./#/activities');
  await expect(page.locator('#activity-totals')).toContainText('2 of 2 activities');
  await other.evaluate(() => (window as unknown as { releaseRecords: () => void }).releaseRecords());
  // The other tab heard the write and shows both too.
  await other.goto('./#/activities');
  await expect(other.locator('#activity-totals')).toContainText('2 of 2 activities');
});

test('a change is written as soon as the page is hidden, as when a phone switches apps', async ({ page }) => {
  await openApp(page);
  const other = await holdRecordsLock(page.context());
  await addActivity(page, 'Typed before switching apps');
  await saveIs(page, 'locking');
  expect(await storedTitles(page)).toEqual([]);
  // Hidden: a phone may freeze or end the page from here on without any pagehide.
  await page.evaluate(() => {
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => true });
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
    document.dispatchEvent(new Event('visibilitychange'));
  });
  expect(await storedTitles(page)).toEqual(['Typed before switching apps']);
  await other.evaluate(() => (window as unknown as { releaseRecords: () => void }).releaseRecords());
  await other.goto('./#/activities');
  await expect(other.locator('#activity-totals')).toContainText('1 of 1 activities');
});

test('the same record edited in two tabs: the second save is told and chooses', async ({ page }) => {
  await openApp(page);
  await addActivity(page, 'Grand rounds');
  const id = page.url().split('/activities/')[1];
  const other = await page.context().newPage();
  await openApp(other, `#/activities/${id}/edit`);
  await page.goto(`./#/activities/${id}/edit`);
  await page.getByLabel('Title').fill('Grand rounds (first tab)');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Grand rounds (first tab)' })).toBeVisible();
  // The other tab's form says so at once, and its save waits for a choice.
  await expect(other.getByTestId('edit-conflict')).toBeVisible();
  await other.getByLabel('Title').fill('Grand rounds (second tab)');
  await other.getByRole('button', { name: 'Save changes' }).click();
  await expect(other.getByTestId('edit-conflict')).toHaveAttribute('role', 'alert');
  await expect(other.getByTestId('edit-conflict')).toContainText('Not saved yet');
  expect(await storedTitles(other)).toEqual(['Grand rounds (first tab)']);
  expect(await axe(other)).toEqual([]);
  await screenshots(other, 'edit-conflict');
  // Keeping theirs' is one click; here the person keeps theirs own, deliberately.
  await other.getByRole('button', { name: 'Keep mine' }).click();
  await other.getByRole('button', { name: 'Save changes' }).click();
  await expect(other.getByRole('heading', { level: 1, name: 'Grand rounds (second tab)' })).toBeVisible();
  await expect.poll(() => storedTitles(page)).toEqual(['Grand rounds (second tab)']);
  // Loading the other version instead replaces the form's fields.
  await page.goto(`./#/activities/${id}/edit`);
  await other.goto(`./#/activities/${id}/edit`);
  await other.getByLabel('Title').fill('Third title');
  await other.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByTestId('edit-conflict')).toBeVisible();
  await page.getByRole('button', { name: "Load the other tab's version" }).click();
  await expect(page.getByLabel('Title')).toHaveValue('Third title');
  await expect(page.getByTestId('edit-conflict')).toHaveCount(0);
});

test('a backup with n = 1,000,000 or a 9999-12-31 date is refused, naming record and field', async ({ page }, info) => {
  await openApp(page);
  await addActivity(page, 'Ethics grand rounds');
  await addCredential(page, 'Texas medical license');
  await page.goto('./#/backup');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download backup' }).click(),
  ]);
  const good = JSON.parse(fs.readFileSync(await download.path(), 'utf8'));
  // The download is remembered (for the 30-day reminder) and saved: wait for it, then compare.
  await expect(page.getByText(/Last backup:/)).toBeVisible();
  await expect.poll(async () => (await stored(page))['cme-tracker:other']).toContain('last_backup_at');
  const before = await stored(page);

  const bad = structuredClone(good);
  bad.credentials[0].rules = [{ id: 'ethics', label: 'Ethics', kind: { type: 'total', accepts: {}, min: 200 }, recurrence: { type: 'every_n_cycles', n: 1000000 } }];
  bad.activities[0].end = '9999-12-31';
  const file = info.outputPath('hostile.json');
  // With a byte-order mark, as Windows editors write: that alone is no reason to refuse.
  fs.writeFileSync(file, '\uFEFF' + JSON.stringify(bad, null, 2));
  await page.getByLabel(/Choose a backup file/).setInputFiles(file);
  const alert = page.locator('#import-status [role="alert"]');
  await expect(alert).toContainText('nothing was changed');
  await expect(alert).toContainText('activity 1 “Ethics grand rounds”, activities[0].end: 9999-12-31 is outside the dates');
  await expect(alert).toContainText('credential 1 “Texas medical license”, credentials[0].rules[0].recurrence.n: 1000000 is not a whole number from 1 to 20');
  await screenshots(page, 'import-refused');
  expect(await stored(page)).toEqual(before);
  // The app still works.
  await page.goto('./#/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
});

test('a file holding only deletions lists them and asks before anything goes', async ({ page }, info) => {
  await openApp(page);
  await addActivity(page, 'Keep this one');
  await addActivity(page, 'Delete this one', { date: '2025-03-11' });
  // The save follows the page's frames (src/ui/persist.rs): both are stored before they are read.
  await expect.poll(() => storedTitles(page)).toHaveLength(2);
  const data = await page.evaluate(() => JSON.parse(localStorage.getItem('cme-tracker:activities') || '[]'));
  const later = new Date(Date.now() + 60_000).toISOString();
  const file = info.outputPath('deletions.json');
  fs.writeFileSync(file, JSON.stringify({
    format: 'cme-tracker-backup', schema_version: 1, app_version: '0.1.0', exported_at: later,
    counts: { activities: 0, credentials: 0, goals: 0 }, activities: [], credentials: [],
    tombstones: data.map((a: { i: string }) => ({ id: a.i, kind: 'activity', deleted_at: later })),
  }));
  await page.goto('./#/backup');
  await page.getByLabel(/Choose a backup file/).setInputFiles(file);
  const list = page.getByTestId('import-deletions');
  await expect(list).toContainText('This file deletes 2 activities you have.');
  await expect(page.getByText('Merge will delete 2 of them.')).toBeVisible();
  expect(await storedTitles(page)).toHaveLength(2);
  expect(await axe(page)).toEqual([]);
  await screenshots(page, 'import-deletions');
  await page.getByLabel('Delete “Keep this one”').uncheck();
  await expect(page.getByText('Merge will delete 1 of them.')).toBeVisible();
  const usage = page.getByTestId('storage-usage');
  const sizeBefore = await usage.textContent();
  await page.getByRole('button', { name: 'Merge' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Imported' })).toContainText('1 removed');
  await expect.poll(() => storedTitles(page)).toEqual(['Keep this one']);
  // The records' size figure follows the import (one record fewer).
  await expect(usage).not.toHaveText(sizeBefore!);
});

test('stored data that breaks the contract is set aside byte for byte, and the app starts', async ({ page }) => {
  await openApp(page);
  await addActivity(page, 'Fine');
  await expect.poll(() => storedTitles(page)).toEqual(['Fine']);
  const bad = await page.evaluate(() => {
    const list = JSON.parse(localStorage.getItem('cme-tracker:activities')!);
    list[0].e = '9999-12-31';
    const text = JSON.stringify(list);
    localStorage.setItem('cme-tracker:activities', text);
    return text;
  });
  await page.reload();
  const banner = page.getByRole('alert').filter({ hasText: 'Starting with empty records' });
  await expect(banner).toContainText('activity 1 “Fine”, activities[0].start: 9999-12-31 is outside the dates');
  const quarantined = await page.evaluate(() =>
    Object.keys(localStorage).filter((k) => k.startsWith('cme-tracker:quarantine') && k.endsWith(':cme-tracker:activities')).map((k) => localStorage.getItem(k)));
  expect(quarantined).toEqual([bad]);
  await screenshots(page, 'quarantined');
  // The app works, and new records are kept.
  await addActivity(page, 'After the quarantine');
  await expect.poll(() => storedTitles(page)).toEqual(['After the quarantine']);
});

test('a panic shows the crash screen with a download of what is stored, never a blank page', async ({ page, guard }) => {
  guard.allowConsole(/Crash screen test|unreachable|panicked/i);
  await openApp(page);
  await addActivity(page, 'Still stored');
  const certificate = pdf('Certificate kept through a crash');
  await page.getByLabel('Attach a certificate').setInputFiles({ name: 'kept.pdf', mimeType: 'application/pdf', buffer: certificate });
  await expect(page.locator('.cert')).toHaveCount(1);
  // The save runs just after the next paint: wait for it, or the crash below races it.
  await expect.poll(() => storedTitles(page)).toContain('Still stored');
  await expect.poll(() => page.evaluate(() => localStorage.getItem('cme-tracker:activities') || '')).toContain('kept.pdf');
  await page.goto('./?crash-test#/');
  const fatal = page.locator('#fatal');
  await expect(fatal).toBeVisible();
  await expect(fatal).toContainText('nothing was deleted');
  await expect(page.getByRole('button', { name: 'Download what is stored' })).toBeFocused();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download what is stored' }).click(),
  ]);
  const file = JSON.parse(fs.readFileSync(await download.path(), 'utf8'));
  expect(file.format).toBe('cme-tracker-stored-data');
  expect(file.keys['cme-tracker:activities']).toContain('Still stored');
  // The certificate is in it too, byte for byte, and the note says so.
  const files = Object.values(file.certificates) as { type: string; data: string }[];
  expect(files).toHaveLength(1);
  expect(files[0].type).toBe('application/pdf');
  expect(Buffer.from(files[0].data.split(',')[1], 'base64').equals(certificate)).toBe(true);
  expect(file.note).toContain('1 certificate file(s)');
  // The app's DOM stays hidden; only the crash screen is on show.
  await expect(page.locator('#app')).toBeHidden();
  await screenshots(page, 'crash-screen');
});

test('a 299-character title without spaces and a 200-character name keep the pages within the screen', async ({ page }) => {
  await openApp(page);
  const long = 'A'.repeat(299);
  await addActivity(page, long);
  for (const width of [1280, 360]) {
    await page.setViewportSize({ width, height: 800 });
    for (const hash of ['#/activities', page.url().split('#')[1] ? `#${page.url().split('#')[1]}` : '#/']) {
      await page.goto(`./${hash}`);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `${hash} at ${width}px`).toBeLessThanOrEqual(0);
    }
  }
  // Longer than the contract allows: the form says so next to the field.
  await page.goto('./#/credentials/new');
  await page.getByLabel('Name').fill('N'.repeat(201));
  await page.getByLabel('Cycle start').fill('2025-02-01');
  await page.getByLabel('Cycle end (expiry)').fill('2027-01-31');
  await page.getByRole('button', { name: 'Save credential' }).click();
  await expect(page.locator('#cred-name-error')).toHaveText('Keep the name to 200 characters (it has 201).');
});

test('stored data that does not parse is set aside, and the worker then names its record and field', async ({ page }) => {
  await openApp(page);
  await addActivity(page, 'Impossible date');
  await expect.poll(() => storedTitles(page)).toEqual(['Impossible date']);
  await page.evaluate(() => {
    const list = JSON.parse(localStorage.getItem('cme-tracker:activities')!);
    list[0].e = '2025-02-30';
    localStorage.setItem('cme-tracker:activities', JSON.stringify(list));
  });
  await page.reload();
  const banner = page.getByRole('alert').filter({ hasText: 'Starting with empty records' });
  await expect(banner).toBeVisible();
  await expect(page.getByTestId('unreadable-problems')).toContainText('activity 1 “Impossible date”, activities[0].end: "2025-02-30" is not accepted here');
});
