import { test, expect, screenshots, deviceRecords, storedActivities } from './fixtures';
import type { Browser, Page } from '@playwright/test';
import * as fs from 'node:fs';

// Two devices (two browser contexts) kept in step through a folder her cloud service syncs, by
// themselves: each chose the folder once, then writes its own file there and merges the others'
// at start, after each change, and when she comes back to the tab. Headless Chromium cannot show
// the folder dialog: a folder in each context's origin-private file system stands in for the one
// she would choose, and the test copies the files between the two folders as the cloud service
// would.

async function device(browser: Browser, baseURL: string | undefined): Promise<Page> {
  const context = await browser.newContext({ baseURL, acceptDownloads: true });
  await context.addInitScript(() => {
    (window as any).showDirectoryPicker = async () =>
      (await navigator.storage.getDirectory()).getDirectoryHandle('cloud', { create: true });
  });
  return context.newPage();
}

/**
 * The files in a device's folder, `[name, text]`. A file being written at that moment cannot be
 * read (the browser swaps it in whole when it is closed): read again a moment later, as a cloud
 * service's client does.
 */
async function folder(page: Page): Promise<[string, string][]> {
  return page.evaluate(async () => {
    const dir = await (await navigator.storage.getDirectory()).getDirectoryHandle('cloud', { create: true });
    for (let attempt = 0; ; attempt++) {
      try {
        const out: [string, string][] = [];
        for await (const [name, handle] of (dir as any).entries()) {
          out.push([name, await (await handle.getFile()).text()]);
        }
        return out;
      } catch (error) {
        if (attempt > 20) throw error;
        await new Promise((r) => setTimeout(r, 100));
      }
    }
  });
}

/** What the cloud service does: the files of one device's folder put into the other's. */
async function cloud(from: Page, to: Page) {
  const files = await folder(from);
  await to.evaluate(async (files) => {
    const dir = await (await navigator.storage.getDirectory()).getDirectoryHandle('cloud', { create: true });
    for (const [name, text] of files) {
      const w = await (await dir.getFileHandle(name, { create: true })).createWritable();
      await w.write(text);
      await w.close();
    }
  }, files);
}

async function chooseFolder(page: Page, name: string) {
  await page.goto('./#/devices');
  await page.getByLabel('Name of this device').fill(name);
  await page.getByRole('button', { name: 'Choose the sync folder…' }).click();
  await expect(page.locator('#sync-folder-said')).toContainText("This device's file was written into the folder.");
}

/** When the device last exchanged through its folder (the Devices page must be open). */
async function synced(page: Page) {
  return page.locator('#sync-folder-status').getAttribute('data-synced');
}

/**
 * She comes back to the tab: the device exchanges through its folder. Waits until it has, and
 * returns what it said.
 */
async function comeBack(page: Page) {
  await page.goto('./#/devices');
  const before = await synced(page);
  await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
  await expect.poll(() => synced(page), { timeout: 60_000 }).not.toBe(before);
  return (await page.locator('#sync-folder-said').textContent()) ?? '';
}

test('two devices sync through a shared folder by themselves: 500 activities and 20 certificates each way', async ({ browser, baseURL }, info) => {
  test.setTimeout(300_000);
  const phone = await device(browser, baseURL);
  const laptop = await device(browser, baseURL);
  const phoneFiles = await deviceRecords(phone, 'Phone course', 500, 20, info.outputPath('phone.csv'));
  await deviceRecords(laptop, 'Laptop course', 500, 20, info.outputPath('laptop.csv'));

  // Each chooses the folder once: its file is written there at once.
  await chooseFolder(phone, 'Phone');
  await chooseFolder(laptop, 'Laptop');
  expect((await folder(phone)).map(([n]) => n)).toEqual([expect.stringMatching(/^cme-sync-[0-9a-f]{16}\.json$/)]);
  await screenshots(laptop, 'devices-folder');

  // The cloud service brings each file to the other device; at its next start the laptop merges
  // the phone's file (or, if the phone's set is to join the laptop's, says so and waits).
  await cloud(phone, laptop);
  await laptop.reload();
  await expect(laptop.locator('#sync-folder-said')).toContainText('“Phone”');
  // Back and forth as the cloud service and she would, until each has merged the other.
  const said: string[] = [];
  for (let round = 0; round < 3; round++) {
    await cloud(laptop, phone);
    said.push(`phone: ${await comeBack(phone)}`);
    await cloud(phone, laptop);
    said.push(`laptop: ${await comeBack(laptop)}`);
  }
  const all = said.join('\n');
  expect(all).toMatch(/phone: .*changes from “Laptop”.*20 certificate files came with them/);
  expect(all).not.toContain("another person's");
  await expect(laptop.getByRole('cell', { name: 'Phone', exact: true })).toBeVisible();
  await expect(phone.getByRole('cell', { name: 'Laptop', exact: true })).toBeVisible();
  await screenshots(phone, 'devices-folder-synced');

  // A change saved on the phone is written into the folder by itself, and reaches the laptop.
  await phone.goto('./#/activities');
  await phone.getByLabel(/Search/).first().fill('Phone course 7');
  await phone.getByRole('link', { name: 'Phone course 7', exact: true }).click();
  await phone.getByRole('link', { name: 'Edit' }).click();
  await phone.getByLabel('Title').fill('Phone course 7: sepsis');
  await phone.getByRole('button', { name: 'Save changes' }).click();
  await expect(phone.getByRole('heading', { level: 1, name: 'Phone course 7: sepsis' })).toBeVisible();
  await expect.poll(async () => (await folder(phone)).some(([, text]) => text.includes('Phone course 7: sepsis')), { timeout: 20_000 }).toBe(true);
  await cloud(phone, laptop);
  expect(await comeBack(laptop)).toMatch(/changes? from “Phone”/);

  // The two end identical: every activity, and the phone's certificates byte for byte.
  for (const p of [phone, laptop]) {
    await p.goto('./#/activities');
    await expect(p.getByText(/1,000 activities|1000 activities/).first()).toBeVisible();
  }
  await expect.poll(async () => JSON.stringify(await storedActivities(phone)) === JSON.stringify(await storedActivities(laptop))).toBe(true);
  await laptop.getByLabel(/Search/).first().fill('Phone course 500');
  await laptop.getByRole('link', { name: 'Phone course 500', exact: true }).click();
  await expect(laptop.locator('.cert')).toHaveCount(20);
  const [download] = await Promise.all([
    laptop.waitForEvent('download'),
    laptop.getByRole('button', { name: `Download ${phoneFiles[12].name}` }).click(),
  ]);
  expect(fs.readFileSync((await download.path())!).equals(phoneFiles[12].buffer)).toBe(true);
  await phone.goto('./#/activities');
  await phone.getByLabel(/Search/).first().fill('Laptop course 500');
  await phone.getByRole('link', { name: 'Laptop course 500', exact: true }).click();
  await expect(phone.locator('.cert')).toHaveCount(20);
  // Each device wrote only its own file.
  expect((await folder(laptop)).length).toBe(2);
});

test('a file in the folder from another person is refused there, and nothing changes', async ({ browser, baseURL }, info) => {
  test.setTimeout(120_000);
  const mine = await device(browser, baseURL);
  const laptop = await device(browser, baseURL);
  const theirs = await device(browser, baseURL);
  await deviceRecords(theirs, 'Not mine', 3, 0, info.outputPath('theirs.csv'));
  await chooseFolder(theirs, 'Theirs');
  // Her phone and laptop have formed their set through her folder.
  await chooseFolder(mine, 'Mine');
  await chooseFolder(laptop, 'Laptop');
  for (let round = 0; round < 2; round++) {
    await cloud(mine, laptop);
    await comeBack(laptop);
    await cloud(laptop, mine);
    await comeBack(mine);
  }
  await expect(mine.getByRole('cell', { name: 'Laptop', exact: true })).toBeVisible();
  // Someone else's file lands in her folder.
  await cloud(theirs, mine);
  await mine.getByRole('button', { name: 'Sync now' }).click();
  await expect(mine.locator('#sync-folder-refused')).toContainText("another person's CME Tracker");
  await mine.goto('./#/activities');
  await expect(mine.getByText('Not mine 1')).toHaveCount(0);
});
