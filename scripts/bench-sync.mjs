// Sync benchmark (not a test): a phone with a 10,000-activity career and a laptop with none, kept
// in step the two ways that run by themselves — face to face over a WebRTC data channel on this
// machine, and through a shared folder — each timed as she meets it: from the moment the second
// code is read (face to face) or she comes back to the tab (folder) to the records merged and the
// page saying so. Run by scripts/bench.sh after a release build; numbers go into
// docs/performance.md.
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';

const port = 4300 + Math.floor(Math.random() * 500);
const server = spawn(process.execPath, ['scripts/static-server.mjs', '--port', String(port)], { stdio: 'ignore' });
const base = `http://127.0.0.1:${port}/`;
for (let i = 0; i < 100; i++) {
  if (await fetch(base).then((r) => r.ok, () => false)) break;
  await new Promise((r) => setTimeout(r, 100));
}

// A long career in the stored (compact) format.
const now = Date.now() * 1_000_000;
const activities = Array.from({ length: 10_000 }, (_, i) => ({
  i: randomUUID(), t: `Grand Rounds #${i}`, p: 'Medical Society', a: 'accme',
  e: new Date(Date.UTC(2007, 0, 1) + (i % 7000) * 86_400_000).toISOString().slice(0, 10),
  f: 'live_virtual', c: [['AMA_PRA_CAT1', 100 + (i % 700)]], k: now, u: now,
}));
const schemaVersion = Number((await readFile('src/storage/format.rs', 'utf8')).match(/pub const SCHEMA_VERSION: u32 = (\d+);/)[1]);

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--allow-loopback-in-peer-connection', '--disable-features=WebRtcHideLocalIpsWithMdns'],
});

async function device(records) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript(() => {
    window.showDirectoryPicker = async () => (await navigator.storage.getDirectory()).getDirectoryHandle('cloud', { create: true });
  });
  const page = await context.newPage();
  await page.goto(base);
  if (records) {
    await page.evaluate(([acts, version]) => {
      localStorage.setItem('cme-tracker:activities', acts);
      localStorage.setItem('cme-tracker:credentials', '[]');
      localStorage.setItem('cme-tracker:other', '{}');
      localStorage.setItem('cme-tracker:meta', JSON.stringify({ schema_version: version, revision: 1, saved_at: new Date().toISOString() }));
    }, [JSON.stringify(records), schemaVersion]);
  }
  await page.goto(`${base}#/devices`);
  await page.locator('main h1').waitFor();
  return page;
}

const results = [];
function report(name, ms, note = '') {
  results.push({ name, ms });
  console.log(`${name.padEnd(64)} ${(ms / 1000).toFixed(2).padStart(6)} s ${note}`);
}

// Face to face: the codes typed (the reading of a QR code is the camera's, not the exchange's).
async function faceToFace(phone, laptop) {
  for (const p of [phone, laptop]) {
    await p.goto(`${base}#/devices`);
    const done = p.getByRole('button', { name: 'Done', exact: true });
    if (await done.count()) await done.click();
  }
  await phone.getByRole('button', { name: "Show this device's code" }).click();
  const offer = await phone.locator('#face-code').textContent();
  await laptop.getByRole('button', { name: "Scan the other device's code" }).click();
  await laptop.getByLabel('Or type or paste the code shown under it').fill(offer);
  await laptop.getByRole('button', { name: 'Use this code' }).click();
  const answer = await laptop.locator('#face-code').textContent();
  await phone.getByLabel('Or type or paste the code shown under it').fill(answer);
  const start = Date.now();
  await phone.getByRole('button', { name: 'Use this code' }).click();
  for (const p of [phone, laptop]) {
    await p.locator('#face-status', { hasText: /\(Check code / }).waitFor({ timeout: 600_000 });
  }
  return Date.now() - start;
}

const phone = await device(activities);
const laptop = await device(null);
report('face to face, first exchange (10,000 activities to an empty device)', await faceToFace(phone, laptop));
const said = await laptop.locator('#face-status').textContent();
if (!/changes from/.test(said)) throw new Error(`the laptop said: ${said}`);
report('face to face, later exchange (nothing new either way)', await faceToFace(phone, laptop));

// Through a folder: a new pair of devices.
const phone2 = await device(activities);
const laptop2 = await device(null);
async function choose(page) {
  const start = Date.now();
  await page.getByRole('button', { name: 'Choose the sync folder…' }).click();
  await page.locator('#sync-folder-said').waitFor({ timeout: 600_000 });
  return Date.now() - start;
}
report('folder: the phone writes its file (10,000 activities)', await choose(phone2));
// The cloud service brings the phone's file into the laptop's folder before the laptop is set up.
const files = await phone2.evaluate(async () => {
  const dir = await (await navigator.storage.getDirectory()).getDirectoryHandle('cloud');
  const out = [];
  for await (const [name, h] of dir.entries()) out.push([name, await (await h.getFile()).text()]);
  return out;
});
console.log(`  the phone's sync file: ${(files[0][1].length / 1024 / 1024).toFixed(1)} MB`);
await laptop2.evaluate(async (files) => {
  const dir = await (await navigator.storage.getDirectory()).getDirectoryHandle('cloud', { create: true });
  for (const [name, text] of files) {
    const w = await (await dir.getFileHandle(name, { create: true })).createWritable();
    await w.write(text);
    await w.close();
  }
}, files);
report('folder: the laptop chooses it, merges the 10,000 and writes its own file', await choose(laptop2));
const folderSaid = await laptop2.locator('#sync-folder-said').textContent();
if (!/changes from/.test(folderSaid)) throw new Error(`the laptop said: ${folderSaid}`);
async function comeBack(page) {
  const before = await page.locator('#sync-folder-status').getAttribute('data-synced');
  const start = Date.now();
  await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
  for (;;) {
    const now = await page.locator('#sync-folder-status').getAttribute('data-synced');
    if (now !== before) return Date.now() - start;
    await new Promise((r) => setTimeout(r, 20));
  }
}
report('folder: a later look with nothing new (she comes back to the tab)', await comeBack(laptop2));

await browser.close();
server.kill();
