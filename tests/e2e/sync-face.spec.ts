import { test, expect, screenshots, deviceRecords, storedActivities } from './fixtures';
import type { Page } from '@playwright/test';
import config from '../../playwright.config';
import * as fs from 'node:fs';

// Face to face: two devices (two browser contexts) open a real WebRTC data channel to each other
// on this machine, with no server: each shows its code as a QR code, and the other reads it from
// a picture of the screen (the rendered QR code, decoded by the app's own reader). Chromium is
// asked to offer its loopback and plain host addresses (in a room, a phone that used its camera
// gives plain addresses too; a laptop's `.local` names need the network's mDNS).
test.use({
  launchOptions: {
    ...config.use!.launchOptions,
    args: [
      ...(config.use!.launchOptions!.args ?? []),
      '--allow-loopback-in-peer-connection',
      '--disable-features=WebRtcHideLocalIpsWithMdns',
    ],
  },
});

/** The QR code this device shows, as a picture of its screen. */
async function codeOnScreen(page: Page) {
  const qr = page.locator('#face-qr');
  await expect(qr).toBeVisible();
  return { name: 'other-screen.png', mimeType: 'image/png', buffer: await qr.screenshot() };
}

/** The check code a device shows ("123 456"). */
async function checkCode(page: Page) {
  const text = (await page.locator('#face-status').textContent()) ?? '';
  return text.match(/\d{3} \d{3}/)?.[0];
}

test('two devices sync face to face over a direct channel: 500 activities and 20 certificates each way', async ({ browser, baseURL }, info) => {
  test.setTimeout(300_000);
  const phone = await (await browser.newContext({ baseURL, acceptDownloads: true })).newPage();
  const laptop = await (await browser.newContext({ baseURL, acceptDownloads: true })).newPage();
  const phoneFiles = await deviceRecords(phone, 'Phone course', 500, 20, info.outputPath('phone.csv'));
  const laptopFiles = await deviceRecords(laptop, 'Laptop course', 500, 20, info.outputPath('laptop.csv'));

  // The phone shows its code.
  await phone.goto('./#/devices');
  await phone.getByLabel('Name of this device').fill('Phone');
  await phone.getByRole('button', { name: "Show this device's code" }).click();
  const offer = await codeOnScreen(phone);
  await screenshots(phone, 'devices-face-code');

  // The laptop reads it from a picture of the phone's screen, and shows its answer.
  await laptop.goto('./#/devices');
  await laptop.getByLabel('Name of this device').fill('Laptop');
  await laptop.getByRole('button', { name: "Scan the other device's code" }).click();
  await laptop.getByLabel('Or read it from a picture of the other screen').setInputFiles(offer);
  const answer = await codeOnScreen(laptop);
  const laptopCheck = await checkCode(laptop);
  expect(laptopCheck).toMatch(/^\d{3} \d{3}$/);

  // The phone reads the laptop's answer: the channel opens, the same check code on both screens.
  await phone.getByLabel('Or read it from a picture of the other screen').setInputFiles(answer);
  const started = Date.now();
  await expect(phone.locator('#face-status')).toContainText('changes from “Laptop”', { timeout: 120_000 });
  await expect(laptop.locator('#face-status')).toContainText('changes from “Phone”', { timeout: 120_000 });
  info.annotations.push({ type: 'exchange', description: `${Date.now() - started} ms` });
  await expect(phone.locator('#face-status')).toContainText('20 certificate files came with them');
  await expect(laptop.locator('#face-status')).toContainText('20 certificate files came with them');
  await screenshots(laptop, 'devices-face-done');
  // Both screens showed the same check code.
  expect(await checkCode(phone)).toBe(laptopCheck);

  // The two end identical, certificates byte for byte.
  for (const p of [phone, laptop]) {
    await p.goto('./#/activities');
    await expect(p.getByText(/1,000 activities|1000 activities/).first()).toBeVisible();
  }
  expect(JSON.stringify(await storedActivities(phone))).toBe(JSON.stringify(await storedActivities(laptop)));
  for (const [p, title, file] of [[laptop, 'Phone course 500', phoneFiles[7]], [phone, 'Laptop course 500', laptopFiles[19]]] as const) {
    await p.getByLabel(/Search/).first().fill(title);
    await p.getByRole('link', { name: title, exact: true }).click();
    await expect(p.locator('.cert')).toHaveCount(20);
    const [download] = await Promise.all([
      p.waitForEvent('download'),
      p.getByRole('button', { name: `Download ${file.name}` }).click(),
    ]);
    expect(fs.readFileSync((await download.path())!).equals(file.buffer)).toBe(true);
  }
  // Each lists the other among the devices heard from.
  await phone.goto('./#/devices');
  await expect(phone.getByRole('cell', { name: 'Laptop', exact: true })).toBeVisible();
});

test('a code typed on a computer without a camera works, and a wrong code is refused beside the field', async ({ browser, baseURL }) => {
  test.setTimeout(120_000);
  const phone = await (await browser.newContext({ baseURL })).newPage();
  const laptop = await (await browser.newContext({ baseURL })).newPage();
  for (const p of [phone, laptop]) await p.goto('./#/devices');
  await phone.getByRole('button', { name: "Show this device's code" }).click();
  await expect(phone.locator('#face-code')).toBeVisible();
  const offer = (await phone.locator('#face-code').textContent())!;
  expect(offer).toMatch(/^CME1 /);

  await laptop.getByRole('button', { name: "Scan the other device's code" }).click();
  const typed = laptop.getByLabel('Or type or paste the code shown under it');
  await typed.fill('https://example.org/not-a-code');
  await laptop.getByRole('button', { name: 'Use this code' }).click();
  await expect(laptop.getByRole('alert')).toContainText('This is not a CME Tracker sync code.');
  // Half of it, as a mistyped or cut-short paste.
  await typed.fill(offer.slice(0, 40));
  await laptop.getByRole('button', { name: 'Use this code' }).click();
  await expect(laptop.getByRole('alert')).toContainText('This code is incomplete');
  await expect(typed).toHaveAttribute('aria-describedby', /face-offer-problem/);
  await typed.fill(offer.toLowerCase());
  await laptop.getByRole('button', { name: 'Use this code' }).click();
  await expect(laptop.locator('#face-code')).toBeVisible();
  const answer = (await laptop.locator('#face-code').textContent())!;

  // The phone's own first code read back on the phone is refused: it needs the answer.
  await phone.getByLabel('Or type or paste the code shown under it').fill(offer);
  await phone.getByRole('button', { name: 'Use this code' }).click();
  await expect(phone.getByRole('alert')).toContainText('Both devices are showing their first code');
  await phone.getByLabel('Or type or paste the code shown under it').fill(answer);
  await phone.getByRole('button', { name: 'Use this code' }).click();
  await expect(phone.locator('#face-status')).toContainText('Nothing new', { timeout: 60_000 });
  await expect(laptop.locator('#face-status')).toContainText('Nothing new', { timeout: 60_000 });
  await screenshots(phone, 'devices-face-typed');
});

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/**
 * A code with its addresses replaced by one nobody answers at (TEST-NET-2), as two devices on a
 * guest Wi-Fi that keeps them apart would see: the layout of `storage::sync::card` (version,
 * answer, fingerprint, user fragment, password, then the addresses).
 */
function unreachable(code: string): string {
  const text = code.replace(/\s/g, '').slice(4);
  const bytes: number[] = [];
  let buffer = 0;
  let bits = 0;
  for (const c of text) {
    buffer = (buffer << 5) | BASE32.indexOf(c);
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      bytes.push((buffer >> bits) & 255);
    }
  }
  let at = 2 + 32;
  at += 1 + bytes[at];
  at += 1 + bytes[at];
  const kept = bytes.slice(0, at);
  kept.push(1, 4, 198, 51, 100, 7, 0xc3, 0x50);
  let out = 'CME1';
  buffer = 0;
  bits = 0;
  for (const b of kept) {
    buffer = (buffer << 8) | b;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      out += BASE32[(buffer >> bits) & 31];
    }
  }
  if (bits > 0) out += BASE32[(buffer << (5 - bits)) & 31];
  return out;
}

test('when no direct connection forms, she is told so and the file (or her folder) is one tap away', async ({ browser, baseURL }) => {
  test.setTimeout(180_000);
  const phoneContext = await browser.newContext({ baseURL, acceptDownloads: true });
  // A folder in the origin-private file system stands in for the one she would choose.
  await phoneContext.addInitScript(() => {
    (window as any).showDirectoryPicker = async () =>
      (await navigator.storage.getDirectory()).getDirectoryHandle('cloud', { create: true });
  });
  const phone = await phoneContext.newPage();
  const laptop = await (await browser.newContext({ baseURL, acceptDownloads: true })).newPage();
  for (const p of [phone, laptop]) await p.goto('./#/devices');
  /** One attempt, with addresses nobody answers at on both sides: the phone says so. */
  async function attempt() {
    await phone.getByRole('button', { name: "Show this device's code" }).click();
    const offer = (await phone.locator('#face-code').textContent())!;
    await laptop.getByRole('button', { name: "Scan the other device's code" }).click();
    await laptop.getByLabel('Or type or paste the code shown under it').fill(unreachable(offer));
    await laptop.getByRole('button', { name: 'Use this code' }).click();
    const answer = (await laptop.locator('#face-code').textContent())!;
    await phone.getByLabel('Or type or paste the code shown under it').fill(unreachable(answer));
    await phone.getByRole('button', { name: 'Use this code' }).click();
    await expect(phone.locator('#face-status')).toContainText('No direct connection formed', { timeout: 60_000 });
    // The laptop, still waiting or already told the same, goes back to the start.
    await laptop.getByRole('button', { name: /^(Cancel|Try again)$/ }).click();
  }
  await attempt();
  await screenshots(phone, 'devices-face-failed');
  // No folder chosen: the sync file, in one tap.
  const [download] = await Promise.all([
    phone.waitForEvent('download'),
    phone.getByRole('button', { name: 'Use files instead' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^cme-sync-[0-9a-f]{16}\.json$/);
  // With a folder chosen: the folder's exchange, in one tap.
  await phone.getByRole('button', { name: 'Choose the sync folder…' }).click();
  await expect(phone.locator('#sync-folder-said')).toBeVisible();
  const before = await phone.locator('#sync-folder-status').getAttribute('data-synced');
  await phone.getByRole('button', { name: 'Try again' }).click();
  await attempt();
  await phone.getByRole('button', { name: 'Sync through the folder instead' }).click();
  await expect.poll(() => phone.locator('#sync-folder-status').getAttribute('data-synced')).not.toBe(before);
});

test('a device that answered and then cancels goes back to the start, and stays there', async ({ browser, baseURL }) => {
  const phone = await (await browser.newContext({ baseURL })).newPage();
  const laptop = await (await browser.newContext({ baseURL })).newPage();
  for (const p of [phone, laptop]) await p.goto('./#/devices');
  await phone.getByRole('button', { name: "Show this device's code" }).click();
  const offer = (await phone.locator('#face-code').textContent())!;
  await laptop.getByRole('button', { name: "Scan the other device's code" }).click();
  await laptop.getByLabel('Or type or paste the code shown under it').fill(offer);
  await laptop.getByRole('button', { name: 'Use this code' }).click();
  await expect(laptop.locator('#face-code')).toBeVisible();
  await laptop.getByRole('button', { name: 'Cancel' }).click();
  await expect(laptop.getByRole('button', { name: "Show this device's code" })).toBeVisible();
  // The connection it had offered is closed: no "no connection" message comes later.
  await laptop.waitForTimeout(1500);
  await expect(laptop.locator('#face-status')).toHaveCount(0);
  await expect(laptop.getByRole('button', { name: "Scan the other device's code" })).toBeVisible();
});
