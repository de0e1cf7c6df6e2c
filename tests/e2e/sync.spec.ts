import { test, expect, openApp, screenshots, pdf } from './fixtures';
import type { Page } from '@playwright/test';
import * as fs from 'node:fs';

// Two devices (two browser contexts: separate storage, as a phone and a laptop) kept in step by
// sync files, with no server: each writes its file, the other merges it; an edit made on both is
// listed on both and settled on one.

const HEADER = 'title,provider,accreditor,start,end,format,status,credits,topics,tags,notes,id,learned,will_change,follow_up,changed,what_happened';

/** Imports `count` activities named `<prefix> <n>` through the import page. */
async function importActivities(page: Page, prefix: string, count: number, path: string) {
  const rows = Array.from({ length: count }, (_, i) =>
    `${prefix} ${i + 1},Example Society,accme,2026-03-01,2026-03-01,live_in_person,completed,AMA_PRA_CAT1=1,,,,,,,,,`);
  fs.writeFileSync(path, [HEADER, ...rows].join('\r\n'));
  await openApp(page, '#/activities/import');
  await page.getByLabel(/Choose a file/).setInputFiles(path);
  await page.getByRole('button', { name: 'Check the rows' }).click();
  await page.getByRole('button', { name: count === 1 ? 'Import 1 activity' : `Import ${count} activities` }).click();
  await expect(page).toHaveURL(/#\/activities$/);
}

/** Writes this device's sync file; returns it as a file to choose on the other device. */
async function writeSyncFile(page: Page) {
  await page.goto('./#/devices');
  await expect(page.getByRole('button', { name: "Write this device's sync file" })).toBeEnabled();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: "Write this device's sync file" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^cme-sync-[0-9a-f]{16}\.json$/);
  return { name: download.suggestedFilename(), mimeType: 'application/json', buffer: fs.readFileSync((await download.path())!) };
}

async function mergeSyncFile(page: Page, file: { name: string; mimeType: string; buffer: Buffer }) {
  await page.goto('./#/devices');
  await expect(page.getByLabel("Merge your other devices' files")).toBeEnabled();
  await page.getByLabel("Merge your other devices' files").setInputFiles(file);
  await expect(page.locator('#sync-message')).toBeVisible();
}

test('two devices sync by file: 500 activities each way, an edit made on both reviewed and settled', async ({ browser, baseURL }, info) => {
  test.setTimeout(240_000);
  const phone = await (await browser.newContext({ baseURL, acceptDownloads: true })).newPage();
  const laptop = await (await browser.newContext({ baseURL, acceptDownloads: true })).newPage();
  await importActivities(phone, 'Phone course', 500, info.outputPath('phone.csv'));
  await importActivities(laptop, 'Laptop course', 500, info.outputPath('laptop.csv'));

  // Each names itself and writes its file; each merges the other's.
  await phone.goto('./#/devices');
  await phone.getByLabel('Name of this device').fill('Phone');
  await laptop.goto('./#/devices');
  await laptop.getByLabel('Name of this device').fill('Laptop');
  const fromPhone = await writeSyncFile(phone);
  await mergeSyncFile(laptop, fromPhone);
  await expect(laptop.locator('#sync-message')).toContainText('changes from “Phone”');
  const fromLaptop = await writeSyncFile(laptop);
  await mergeSyncFile(phone, fromLaptop);
  await expect(phone.locator('#sync-message')).toContainText('changes from “Laptop”');
  for (const p of [phone, laptop]) {
    await p.goto('./#/activities');
    await expect(p.getByText(/1,000 activities|1000 activities/).first()).toBeVisible();
  }
  await expect(laptop.getByRole('cell', { name: 'Laptop' }).or(laptop.getByText('Phone', { exact: true })).first()).toBeVisible();

  // The same activity retitled on both, offline from each other.
  for (const [p, title] of [[phone, 'Phone course 7: sepsis'], [laptop, 'Phone course 7 (sepsis update)']] as const) {
    await p.goto('./#/activities');
    await p.getByLabel(/Search/).first().fill('Phone course 7');
    await p.getByRole('link', { name: 'Phone course 7', exact: true }).click();
    await p.getByRole('link', { name: 'Edit' }).click();
    await p.getByLabel('Title').fill(title);
    await p.getByRole('button', { name: 'Save changes' }).click();
    await expect(p.getByRole('heading', { level: 1, name: title })).toBeVisible();
  }
  const laptopFile = await writeSyncFile(laptop);
  const phoneFile = await writeSyncFile(phone);
  await mergeSyncFile(phone, laptopFile);
  await mergeSyncFile(laptop, phoneFile);
  for (const p of [phone, laptop]) {
    await expect(p.getByRole('heading', { name: '1 edit to review' })).toBeVisible();
    await expect(p.locator('.review')).toContainText('Title');
  }
  await screenshots(phone, 'devices-review');
  // The dashboard reminds her, on each device, until it is settled.
  await laptop.goto('./#/');
  await expect(laptop.getByTestId('sync-reviews')).toContainText('1 edit was made on two of your devices');
  await phone.goto('./#/devices');
  // Settled on the phone: the laptop's title kept.
  await phone.getByRole('button', { name: /Phone course 7 \(sepsis update\)/ }).click();
  await expect(phone.getByRole('heading', { name: '1 edit to review' })).toHaveCount(0);
  await mergeSyncFile(laptop, await writeSyncFile(phone));
  await expect(laptop.getByRole('heading', { name: '1 edit to review' })).toHaveCount(0);
  await laptop.goto('./#/');
  await expect(laptop.getByTestId('sync-reviews')).toHaveCount(0);
  for (const p of [phone, laptop]) {
    await p.goto('./#/activities');
    await p.getByLabel(/Search/).first().fill('sepsis');
    await expect(p.getByRole('link', { name: 'Phone course 7 (sepsis update)' })).toBeVisible();
    await expect(p.getByRole('link', { name: 'Phone course 7: sepsis' })).toHaveCount(0);
  }
});

test("another person's sync file is refused next to the file, and nothing changes", async ({ browser, baseURL }, info) => {
  const mine = await (await browser.newContext({ baseURL, acceptDownloads: true })).newPage();
  const theirs = await (await browser.newContext({ baseURL, acceptDownloads: true })).newPage();
  await importActivities(theirs, 'Not mine', 3, info.outputPath('theirs.csv'));
  // Her phone and laptop have formed their set.
  const laptop = await (await browser.newContext({ baseURL, acceptDownloads: true })).newPage();
  await openApp(mine, '#/devices');
  await openApp(laptop, '#/devices');
  await mergeSyncFile(laptop, await writeSyncFile(mine));
  await mergeSyncFile(mine, await writeSyncFile(laptop));
  const foreign = await writeSyncFile(theirs);
  await mine.getByLabel("Merge your other devices' files").setInputFiles(foreign);
  await expect(mine.locator('#sync-refused')).toContainText("another person's CME Tracker");
  await mine.goto('./#/activities');
  await expect(mine.getByText('Not mine 1')).toHaveCount(0);
  await screenshots(mine, 'devices-refused');
});

test('certificate files travel with the sync file, byte for byte, and only once', async ({ browser, baseURL }, info) => {
  test.setTimeout(120_000);
  const phone = await (await browser.newContext({ baseURL, acceptDownloads: true })).newPage();
  const laptop = await (await browser.newContext({ baseURL, acceptDownloads: true })).newPage();
  await importActivities(phone, 'Stroke update', 1, info.outputPath('one.csv'));
  await phone.getByRole('link', { name: 'Stroke update 1' }).click();
  const certificate = pdf(['Certificate of Completion', 'Stroke update', '2 AMA PRA Category 1 Credits']);
  await phone.getByLabel('Attach a certificate').setInputFiles([
    { name: 'stroke.pdf', mimeType: 'application/pdf', buffer: certificate },
    { name: 'photo.png', mimeType: 'image/png', buffer: Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex') },
  ]);
  await expect(phone.locator('.cert')).toHaveCount(2);

  await mergeSyncFile(laptop, await writeSyncFile(phone));
  await expect(laptop.locator('#sync-message')).toContainText('2 certificate files came with them');
  await laptop.goto('./#/activities');
  await laptop.getByRole('link', { name: 'Stroke update 1' }).click();
  await expect(laptop.locator('.cert')).toHaveCount(2);
  const [download] = await Promise.all([
    laptop.waitForEvent('download'),
    laptop.getByRole('button', { name: 'Download stroke.pdf' }).click(),
  ]);
  expect(fs.readFileSync((await download.path())!).equals(certificate)).toBe(true);

  // Once the phone has heard that the laptop holds them, its file no longer carries them.
  await mergeSyncFile(phone, await writeSyncFile(laptop));
  const again = JSON.parse((await writeSyncFile(phone)).buffer.toString('utf8'));
  expect(again.files).toEqual([]);
  expect(again.have).toHaveLength(2);
});

test('on a device that can share files, the sync file just written goes to the share sheet', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ baseURL, acceptDownloads: true });
  // Headless Chromium on Linux has no share sheet: one that records what it was given stands in.
  await context.addInitScript(() => {
    const shared: string[] = [];
    (window as any).__shared = shared;
    (navigator as any).canShare = (data: any) => Array.isArray(data?.files) && data.files.every((f: any) => f instanceof File);
    (navigator as any).share = async (data: any) => {
      shared.push(`${data.files[0].name} ${data.files[0].type} ${(await data.files[0].text()).slice(0, 28)}`);
    };
  });
  const phone = await context.newPage();
  await openApp(phone, '#/devices');
  await expect(phone.getByRole('button', { name: 'Send it…' })).toHaveCount(0);
  const file = await writeSyncFile(phone);
  await phone.getByRole('button', { name: 'Send it…' }).click();
  await expect(phone.locator('#sync-message')).toContainText(`“${file.name}” was sent.`);
  const shared = await phone.evaluate(() => (window as any).__shared);
  expect(shared).toEqual([`${file.name} application/json {"format":"cme-tracker-sync"`]);
});
