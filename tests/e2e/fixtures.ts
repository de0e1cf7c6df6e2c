import * as fs from 'node:fs';
import { test as base, expect, Page, BrowserContext } from '@playwright/test';

// Every end-to-end test uses this `test`: it fails the test when the page logs a console error
// (a CSP violation is one), throws an uncaught error, or sends any request to an origin other than
// its own. Privacy is the product, so every journey checks it.
export const test = base.extend<{ guard: { allowConsole: (pattern: RegExp) => void } }>({
  guard: [
    async ({ page, baseURL }, use) => {
      const origin = new URL(baseURL!).origin;
      const problems: string[] = [];
      const allowed: RegExp[] = [];
      page.on('console', (msg) => {
        if (msg.type() === 'error' && !allowed.some((re) => re.test(msg.text()))) {
          problems.push(`console error: ${msg.text()}`);
        }
      });
      page.on('pageerror', (err) => {
        if (!allowed.some((re) => re.test(err.message))) problems.push(`page error: ${err.message}`);
      });
      // CSP violations: reported as console messages and as events; either fails the test.
      page.on('console', (msg) => {
        const text = msg.text();
        if (/Content Security Policy/i.test(text) && msg.type() !== 'error' && !allowed.some((re) => re.test(text))) {
          problems.push(`CSP: ${text}`);
        }
      });
      await page.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (e) => {
          console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`);
        });
      });
      page.context().on('request', (req) => {
        const url = req.url();
        if (url.startsWith('data:') || url.startsWith('blob:')) return;
        if (new URL(url).origin !== origin) problems.push(`request left the origin: ${url}`);
      });
      await use({ allowConsole: (re) => allowed.push(re) });
      expect(problems, 'console errors, page errors or foreign requests').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** Opens the app on a fresh profile and waits until it has rendered. */
export async function openApp(page: Page, hash = '#/') {
  await page.goto(`./${hash}`);
  await expect(page.locator('header .brand')).toBeVisible();
}

/** Waits until the app's service worker is active and controls the page. */
export async function waitForServiceWorker(page: Page) {
  // The app registers its service worker a moment after it is on screen (boot.js).
  const active = () => page.evaluate(async () => !!(await navigator.serviceWorker.getRegistration())?.active);
  await expect.poll(active, { timeout: 20_000 }).toBe(true);
  await page.waitForFunction(() => !!navigator.serviceWorker.controller, undefined, { timeout: 20_000 }).catch(async () => {
    // The first load is not controlled until the worker claims it; a reload makes sure.
    await page.reload();
    await page.waitForFunction(() => !!navigator.serviceWorker.controller, undefined, { timeout: 20_000 });
  });
}

/** Two tabs of one browser profile, each with the app open. */
export async function twoTabs(context: BrowserContext) {
  const a = await context.newPage();
  const b = await context.newPage();
  await openApp(a);
  await openApp(b);
  return [a, b] as const;
}

/** Full-page screenshot at desktop and phone width, saved under test-results/screenshots/. */
export async function screenshots(page: Page, name: string) {
  const original = page.viewportSize();
  for (const [label, width] of [
    ['desktop', 1280],
    ['360', 360],
  ] as const) {
    await page.setViewportSize({ width, height: 800 });
    await page.screenshot({ path: `test-results/screenshots/${name}-${label}.png`, fullPage: true });
  }
  if (original) await page.setViewportSize(original);
}

/**
 * A fresh profile with the Texas Medical Board from the catalog (direct patient care) and one
 * logged activity. Returns the routes of the credential and activity pages.
 */
export async function seedTexasWithActivity(page: Page, title: string) {
  await openApp(page, '#/credentials/catalog');
  await page.getByLabel('Search by state, profession or body').fill('texas medical');
  await page.getByRole('button', { name: /Choose Texas – Texas Medical Board/ }).click();
  await page.getByLabel('Expiry date (end of the current cycle)').fill('2027-01-31');
  await page.getByLabel(/direct patient care/i).check();
  await page.getByRole('button', { name: 'Add this credential' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Requirements' })).toBeVisible();
  await expect(page).toHaveURL(/#\/credentials\/[0-9a-f-]{36}$/);
  const credential = page.url().split('#')[1];
  const activity = await addActivity(page, title, { date: '2025-06-02', amount: '2' });
  return { credential, activity };
}

/**
 * Logs an activity through the form (one credit line of AMA PRA Category 1, a topic when given)
 * and waits for its page; returns its route. `base` is where the app is served.
 */
export async function addActivity(
  page: Page,
  title: string,
  { date = '2025-03-10', amount = '1', topic, base = './' }: { date?: string; amount?: string; topic?: string; base?: string } = {},
) {
  await page.goto(`${base}#/activities/new`);
  await page.getByLabel('Title').fill(title);
  await page.getByLabel('Date (start)').fill(date);
  await page.getByLabel('Amount').first().fill(amount);
  if (topic) {
    await page.getByLabel('Search topics').fill(topic);
    await page.getByRole('group', { name: 'Topics' }).getByRole('checkbox').first().check();
  }
  await page.getByRole('button', { name: 'Save activity' }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  // The address follows the page's first frame (src/ui/router.rs).
  await expect(page).toHaveURL(/#\/activities\/[0-9a-f-]{36}$/);
  return page.url().split('#')[1];
}

/**
 * Waits until the save path is at `step` (`data-save` on the page's root, src/ui/persist.rs):
 * `idle` (every change written, or not writable), `waiting` (for the page's next frames),
 * `locking` (asked for the cross-tab lock). Tests await this, never a time.
 */
export async function saveIs(page: Page, step: 'idle' | 'waiting' | 'locking') {
  await expect(page.locator('html')).toHaveAttribute('data-save', step);
}

/** The titles of the activities as stored (the save follows the page's frames: poll it). */
export async function storedTitles(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    JSON.parse(localStorage.getItem('cme-tracker:activities') || '[]').map((a: { t: string }) => a.t),
  );
}

/** Adds a credential through the form and waits for its page. */
export async function addCredential(page: Page, name: string, start = '2025-02-01', end = '2027-01-31') {
  await page.goto('./#/credentials/new');
  await page.getByLabel('Name').fill(name);
  await page.getByLabel('Cycle start').fill(start);
  await page.getByLabel('Cycle end (expiry)').fill(end);
  await page.getByRole('button', { name: 'Save credential' }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
}

/** Every screen's route, with the given credential and activity pages. */
export function everyScreen(credential: string, activity: string) {
  return ['/', '/activities', '/activities/new', activity, '/credentials', '/credentials/new',
    '/credentials/catalog', credential, `${credential}/report`, '/reports', '/transcript', '/backup', '/devices', '/settings', '/privacy',
    '/activities/import', '/goals', '/goals/new', '/learning'];
}

/**
 * Adds a field to type into while the worker works (a page may have none of its own), and
 * records each text the status element `statusId` shows and how late each keystroke was handled.
 */
export async function installTypingProbe(page: Page, statusId: string) {
  await page.evaluate((id) => {
    const input = document.createElement('input');
    input.setAttribute('aria-label', 'Typing probe');
    document.querySelector('main')!.prepend(input);
    const w = window as unknown as { seen: string[]; delays: number[]; events: string[] };
    w.seen = [];
    w.delays = [];
    w.events = [];
    input.addEventListener('input', (e) => {
      w.delays.push(performance.now() - e.timeStamp);
      w.events.push('key');
    });
    const status = document.getElementById(id)!;
    new MutationObserver(() => {
      w.seen.push(status.textContent || '');
      w.events.push(`status:${status.textContent || ''}`);
    }).observe(status, { childList: true, subtree: true, characterData: true });
  }, statusId);
}

/**
 * Types into the probe, a key at a time as a person would, until `done` holds (the work being
 * watched has finished); then every key typed must be in the field. Returns what was typed.
 */
export async function typeUntil(page: Page, done: () => Promise<boolean>) {
  const probe = page.getByLabel('Typing probe');
  let typed = '';
  while (!(await done())) {
    await probe.press('x', { delay: 15 });
    typed += 'x';
  }
  await expect(probe).toHaveValue(typed);
  return typed;
}

/**
 * What the typing probe recorded: the status texts seen, and how many keystrokes the page
 * handled between the first and the last status line matching `progress` — work done off the
 * page's thread leaves it answering keystrokes meanwhile. (How late each was handled is only
 * logged: timings belong in the benchmarks, docs/performance.md.)
 */
export async function readTypingProbe(page: Page, progress: RegExp) {
  const probe = await page.evaluate(() => {
    const w = window as unknown as { seen: string[]; delays: number[]; events: string[] };
    return { seen: w.seen, delays: w.delays, events: w.events };
  });
  const at = probe.events.map((e, i) => (e.startsWith('status:') && progress.test(e.slice(7)) ? i : -1)).filter((i) => i >= 0);
  const keysDuring = at.length < 2 ? 0 : probe.events.slice(at[0], at[at.length - 1]).filter((e) => e === 'key').length;
  console.log(`status lines: ${probe.seen.length}; keystrokes during the work: ${keysDuring}; slowest keystroke: ${Math.max(...probe.delays).toFixed(1)} ms`);
  return { seen: probe.seen, keysDuring };
}

/**
 * A small but real PDF made here rather than downloaded: one page, a line of text (or the lines
 * of a certificate, the first as its heading), in a standard font with its text layer.
 */
export function pdf(text: string | string[]): Buffer {
  const lines = typeof text === 'string' ? [text] : text;
  return pdfOfCells(lines.map((l, i) => [72, 740 - i * 22, l, i === 0 ? 20 : 12]), false);
}

/**
 * A one-page PDF with text items placed at (x, y) (in points, with their font size, 8 unless
 * given), a text object each, as a table's cells are; `landscape` unless said otherwise.
 */
export function pdfOfCells(cells: [number, number, string, number?][], landscape = true): Buffer {
  const esc = (s: string) => s.replace(/\\/g, '\\\\').replace(/\(/g, '\\(').replace(/\)/g, '\\)');
  const stream = cells.map(([x, y, t, size]) => `BT /F1 ${size ?? 8} Tf ${x} ${y} Td (${esc(t)}) Tj ET`).join('\n');
  const media = landscape ? '0 0 792 612' : '0 0 612 792';
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    `<< /Type /Page /Parent 2 0 R /MediaBox [${media}] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>`,
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const off of offsets) body += `${String(off).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}


const ACTIVITY_HEADER = 'title,provider,accreditor,start,end,format,status,credits,topics,tags,notes,id,learned,will_change,follow_up,changed,what_happened';

/**
 * One of her devices' records: `count` activities named `<prefix> <n>`, imported from a CSV written
 * at `path`, and `certificates` PDFs attached to the last. Returns the PDFs.
 */
export async function deviceRecords(page: Page, prefix: string, count: number, certificates: number, path: string) {
  const rows = Array.from({ length: count }, (_, i) =>
    `${prefix} ${i + 1},Example Society,accme,2026-03-01,2026-03-01,live_in_person,completed,AMA_PRA_CAT1=1,,,,,,,,,`);
  fs.writeFileSync(path, [ACTIVITY_HEADER, ...rows].join('\r\n'));
  await page.goto('./#/activities/import');
  await page.getByLabel(/Choose a file/).setInputFiles(path);
  await page.getByRole('button', { name: 'Check the rows' }).click();
  await page.getByRole('button', { name: `Import ${count} activities` }).click();
  await expect(page).toHaveURL(/#\/activities$/);
  if (certificates === 0) return [];
  await page.getByLabel(/Search/).first().fill(`${prefix} ${count}`);
  await page.getByRole('link', { name: `${prefix} ${count}`, exact: true }).click();
  const files = Array.from({ length: certificates }, (_, i) => ({
    name: `${prefix.toLowerCase().replace(/\W+/g, '-')}-${i + 1}.pdf`,
    mimeType: 'application/pdf',
    buffer: pdf(['Certificate of Completion', `${prefix} ${count}, part ${i + 1}`, '1 AMA PRA Category 1 Credit']),
  }));
  await page.getByLabel('Attach a certificate').setInputFiles(files);
  await expect(page.locator('.cert')).toHaveCount(certificates);
  return files;
}

/** The activities as stored, in one order (to compare two devices' records). */
export async function storedActivities(page: Page) {
  return page.evaluate(() =>
    JSON.parse(localStorage.getItem('cme-tracker:activities') || '[]').sort((a: any, b: any) => (a.i < b.i ? -1 : 1)));
}
