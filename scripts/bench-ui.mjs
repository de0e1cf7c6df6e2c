// UI benchmark (not a test): a long career of 10,000 activities and 12 credentials stored in the
// browser, then the time to show the dashboard and the list, to show search results after a
// keystroke, and to show a newly added activity, each to the next painted frame — first on this
// machine's full speed, then as a phone feels it (Chromium's CPU slowed 4× through the DevTools
// protocol, as on a mid-range phone). Then the first visit to an interactive app on throttled
// networks (Lighthouse's mobile "Slow 4G" and a "Fast 4G", both with 4× CPU), and the reload with
// 10,000 activities against an empty profile. Run by scripts/bench.sh after a release build;
// numbers go into docs/performance.md.
import { chromium } from '@playwright/test';
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import { randomUUID } from 'node:crypto';
import { gzipSync } from 'node:zlib';

const root = resolve(process.env.E2E_DIST || 'dist');
const types = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css',
  '.json': 'application/json', '.webmanifest': 'application/manifest+json', '.png': 'image/png', '.svg': 'image/svg+xml' };
const server = createServer(async (req, res) => {
  let p = new URL(req.url, 'http://x').pathname;
  if (p.endsWith('/')) p += 'index.html';
  try {
    const body = await readFile(join(root, p));
    // Compressed as static hosts serve these files (the first-load budget is a gzipped figure).
    const gzip = /\bgzip\b/.test(req.headers['accept-encoding'] || '') && !/\.(png)$/.test(p);
    res.writeHead(200, {
      'Content-Type': types[extname(p)] || 'application/octet-stream',
      ...(gzip ? { 'Content-Encoding': 'gzip' } : {}),
    });
    res.end(gzip ? gzipSync(body, { level: 9 }) : body);
  } catch { res.writeHead(404); res.end(); }
}).listen(0, '127.0.0.1');
await new Promise((r) => server.once('listening', r));
const base = `http://127.0.0.1:${server.address().port}/`;

// Deterministic records in the stored (compact) format.
let seed = 42;
const rnd = (n) => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n; };
const titles = ['Grand Rounds: Sepsis', 'Opioid Prescribing Update', 'Cardiology Review Day 2', 'Implicit Bias in Care', 'Journal Club: Anticoagulation'];
const topics = ['ethics_professional_responsibility', 'pain_management_opioids', 'implicit_bias', 'medical_errors_patient_safety'];
const now = BigInt(Date.now()) * 1000000n;
const activities = Array.from({ length: 10000 }, (_, i) => {
  const d = new Date(Date.UTC(2007, 0, 1) + rnd(20 * 365) * 86400000).toISOString().slice(0, 10);
  const a = { i: randomUUID(), t: `${titles[i % 5]} #${i}`, p: 'Medical Society', a: 'accme', e: d, f: 'live_virtual',
    c: [['AMA_PRA_CAT1', 100 + rnd(700)]], k: Number(now) };
  if (rnd(4) === 0) a.o = [topics[rnd(4)]];
  return a;
});
const stamp = new Date().toISOString();
const credentials = Array.from({ length: 12 }, (_, i) => ({
  id: randomUUID(), name: `License ${i + 1}`, kind: 'state_license', jurisdiction: 'TX', conditions: [],
  cycle: { start: '2025-02-01', end: '2027-01-31' }, past_cycles: [{ start: '2023-02-01', end: '2025-01-31' }], first_renewal: false,
  rules: [
    { id: 'total', label: 'Total', kind: { type: 'total', accepts: {}, min: 4800, carry_over: { max: 2400 } } },
    { id: 'cat1', label: 'Category 1', kind: { type: 'category_min', accepts: { credit_types: ['AMA_PRA_CAT1'] }, min: 2400 } },
    { id: 'ethics', label: 'Ethics', kind: { type: 'topic_min', topics: [topics[0]], accepts: {}, min: 200 } },
    { id: 'opioids', label: 'Opioids', kind: { type: 'topic_min', topics: [topics[1]], accepts: {}, min: 200 }, recurrence: { type: 'every_n_cycles', n: 3 } },
    { id: 'bias', label: 'Bias', kind: { type: 'per_year', topics: [topics[2]], accepts: {}, min_per_year: 100 } },
  ],
  created_at: stamp, updated_at: stamp,
}));

// Stored as the app stores it today (an older version would be read through the migration path,
// which a returning user meets once).
const schemaVersion = Number((await readFile('src/storage/format.rs', 'utf8')).match(/pub const SCHEMA_VERSION: u32 = (\d+);/)[1]);

// When a screen is on screen, seen from inside the page: the wall-clock time of the first frame
// painted after its element appeared. Read through the DevTools protocol with a plain expression:
// waiting through Playwright's locators (or even its evaluate) would first run its injected
// scripts in the new document (30-46 ms at 4x CPU, traced) while the app starts, and charge them to
// the app.
function watchScreens() {
  // `dashboard`: the last card on screen, from the view kept with the records (src/storage/kept.rs)
  // or computed from them; `live`: the same, computed from the records (their controls usable).
  const screens = {
    dashboard: '[aria-label="License 12"]',
    live: 'main:not(:has([data-testid="kept-dashboard"])) [aria-label="License 12"]',
    heading: 'main h1',
  };
  const painted = (window.__cmePainted = {});
  const observer = new MutationObserver(() => {
    for (const [name, selector] of Object.entries(screens)) {
      if (name in painted || !document.querySelector(selector)) continue;
      painted[name] = null;
      requestAnimationFrame(() => setTimeout(() => { painted[name] = Date.now(); }, 0));
    }
    if (Object.keys(painted).length === Object.keys(screens).length) observer.disconnect();
  });
  observer.observe(document, { childList: true, subtree: true });
}
/** The wall-clock time at which `screen` was first painted in a document loaded after `since`. */
async function painted(session, screen, since) {
  for (;;) {
    // Between two documents the expression may find no context: asked again a moment later.
    const answer = await session.send('Runtime.evaluate', {
      expression: `window.__cmePainted && window.__cmePainted[${JSON.stringify(screen)}]`, returnByValue: true,
    }).catch(() => null);
    const at = answer?.result?.value;
    if (typeof at === 'number' && at >= since) return at;
    await new Promise((r) => setTimeout(r, 15));
  }
}

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
await page.addInitScript(watchScreens);
const cdp = await page.context().newCDPSession(page);
await page.goto(base);
await page.evaluate(([acts, creds, version]) => {
  localStorage.setItem('cme-tracker:activities', acts);
  localStorage.setItem('cme-tracker:credentials', creds);
  localStorage.setItem('cme-tracker:other', '{}');
  localStorage.setItem('cme-tracker:meta', JSON.stringify({ schema_version: version, revision: 1, saved_at: new Date().toISOString() }));
}, [JSON.stringify(activities), JSON.stringify(credentials), schemaVersion]);

const median = (xs) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const results = [];
async function measure(name, budget, runs, fn) {
  const times = [];
  for (let i = 0; i < runs; i++) times.push(await fn(i));
  const m = median(times);
  results.push({ name, median: m, budget });
  console.log(`${name.padEnd(52)} median ${m.toFixed(1).padStart(7)} ms   budget ${String(budget).padStart(4)} ms   ${m <= budget ? 'ok' : 'OVER BUDGET'}`);
}

const fullEvaluations = [];
async function longCareerCases(label, budgets) {
  const live = [];
  await measure(`${label}dashboard: load, evaluate, paint (12 × 10,000)`, budgets.dashboard, 5, async () => {
    await page.goto(base + '#/');
    const t0 = Date.now();
    await page.reload();
    const shown = (await painted(cdp, 'dashboard', t0)) - t0;
    live.push((await painted(cdp, 'live', t0)) - t0);
    // The evaluation from scratch (the index built): the first of this document.
    fullEvaluations.push(await page.evaluate(() => performance.getEntriesByName('cme:evaluate')[0]?.duration));
    return shown;
  });
  // Not budgeted: when the dashboard computed from the records (what-if switch and buttons
  // usable) has replaced the kept one.
  console.log(`  ${`${label}… the same, computed from the records`.padEnd(50)} median ${median(live).toFixed(1).padStart(7)} ms   (not budgeted)`);

  await page.goto(base + '#/activities');
  await page.locator('tbody tr').first().waitFor();
  await measure(`${label}type one character in search → painted`, budgets.search, 9, async (i) =>
    page.evaluate(async (ch) => {
      const input = document.getElementById('flt-text');
      const t0 = performance.now();
      input.value = input.value.length > 6 ? ch : input.value + ch;
      input.dispatchEvent(new InputEvent('input', { bubbles: true }));
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      return performance.now() - t0;
    }, 'abcdefghi'[i]));

  await measure(`${label}add an activity → its page painted`, budgets.add, 9, async (i) => {
    await page.goto(base + '#/activities/new');
    await page.getByLabel('Title').fill(`Bench activity ${label}${i}`);
    await page.getByLabel('Date (start)').fill('2026-03-10');
    await page.getByLabel('Amount').first().fill('1');
    // To the first frame painted with the activity's page (its title as the heading): the
    // app may draw it in a later task than the click's, and a frame painted before that (the
    // form still on screen) must not end the measure. The first callback is asked for before
    // the app's own (the save it runs after the next frame), so the measure ends before it.
    return page.evaluate(async () => {
      const button = [...document.querySelectorAll('button')].find((b) => b.textContent === 'Save activity');
      const title = document.querySelector('#act-title').value;
      const t0 = performance.now();
      button.click();
      await new Promise((r) => {
        const frame = () => requestAnimationFrame(() => {
          if (document.querySelector('main h1')?.textContent === title) setTimeout(r, 0);
          else frame();
        });
        frame();
      });
      return performance.now() - t0;
    });
  });
}

await longCareerCases('', { dashboard: 1500, search: 50, add: 50 });
// The engine alone in wasm, from the User Timing measures the app records around each
// evaluation (src/ui/hooks.rs): from scratch at each reload above, and after each saved activity,
// which the app evaluates from the last index with the activity inserted.
const afterAdd = await page.evaluate(() => performance.getEntriesByName('cme:evaluate').slice(1).map((e) => e.duration));
if (fullEvaluations.some((d) => typeof d !== 'number') || afterAdd.length === 0) throw new Error('the app recorded no cme:evaluate measure');
{
  const m = median(fullEvaluations);
  results.push({ name: 'evaluate in wasm', median: m, budget: 5 });
  console.log(`${'evaluate 12 credentials × 10,000 activities in wasm'.padEnd(52)} median ${m.toFixed(1).padStart(7)} ms   budget    5 ms   ${m <= 5 ? 'ok' : 'OVER BUDGET'}   (${fullEvaluations.length} runs)`);
  console.log(`  ${'… after an add (the index kept, one inserted)'.padEnd(50)} median ${median(afterAdd).toFixed(1).padStart(7)} ms   (${afterAdd.length} runs, not budgeted)`);
}

// Where an added activity's time goes (User Timing measures of the last document).
const parts = await page.evaluate(() => Object.fromEntries(['cme:load', 'cme:reduce', 'cme:save'].map((n) =>
  [n, performance.getEntriesByName(n).map((e) => e.duration)])));
for (const [name, xs] of Object.entries(parts)) {
  if (xs.length) console.log(`  ${name.padEnd(50)} median ${median(xs).toFixed(1).padStart(7)} ms   (${xs.length} runs, not budgeted)`);
}

// As a phone feels it: the same cases with the CPU slowed 4×.
await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
await longCareerCases('4× CPU: ', { dashboard: 400, search: 100, add: 50 });
{
  // The saves of the adds just made (the last document's): the first of a document writes every
  // record's text, the later ones reuse the text of the records that did not change
  // (storage::compact::EncodedActivities). Each holds the page while it runs, after the paint.
  const saves = await page.evaluate(() => performance.getEntriesByName('cme:save').map((e) => e.duration));
  if (saves.length) console.log(`  ${'4× CPU: cme:save'.padEnd(50)} median ${median(saves).toFixed(1).padStart(7)} ms   (${saves.length} runs, the first ${saves[0].toFixed(1)} ms; not budgeted)`);
}
await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });

// Reload of a long career against an empty profile, at 4× CPU (the ratio is the budget).
// Each reload is timed to its screen, then left to finish what it does after that (the long
// career's records read and its dashboard computed from them; the empty profile's modules loaded
// ahead two seconds after start) before the other profile reloads: two renderers on two vCPUs
// would otherwise time each other's work (the long career's reloads measured 400-530 ms here
// against 220-260 ms alone).
async function reloadOnce(p, session, screen) {
  const t0 = Date.now();
  await p.reload();
  const shown = (await painted(session, screen, t0)) - t0;
  if (screen === 'dashboard') await painted(session, 'live', t0);
  else await settled(p);
  return shown;
}
/** Until no file has been fetched for 2 s (the page's resource timing entries stop growing). */
async function settled(p) {
  let last = -1;
  for (;;) {
    const n = await p.evaluate(() => performance.getEntriesByType('resource').length);
    if (n === last) return;
    last = n;
    await new Promise((r) => setTimeout(r, 2000));
  }
}
{
  const emptyContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const empty = await emptyContext.newPage();
  await empty.addInitScript(watchScreens);
  await empty.goto(base + '#/');
  // The empty profile's first visit installs the service worker, which precaches every file, and
  // then loads the records' and pages' modules ahead from its cache. On a 2-vCPU machine that work
  // competes with whatever is timed meanwhile: until 2026-12-02 the long career's reloads were
  // timed during it and charged with it (1,083 ms against 721 ms for the same reload measured
  // before). Both profiles now start from a served, settled state, and their reloads alternate.
  await empty.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await settled(empty);
  const emptyCdp = await emptyContext.newCDPSession(empty);
  await emptyCdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await page.goto(base + '#/');
  const longs = [];
  const nones = [];
  for (let i = 0; i < 5; i++) {
    longs.push(await reloadOnce(page, cdp, 'dashboard'));
    nones.push(await reloadOnce(empty, emptyCdp, 'heading'));
  }
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  const long = median(longs);
  const none = median(nones);
  const ratio = long / none;
  results.push({ name: 'reload ratio', median: ratio, budget: 2 });
  console.log(`${'4× CPU: reload with 10,000 ÷ empty profile'.padEnd(52)} ratio  ${ratio.toFixed(2).padStart(7)}      budget    2      ${ratio <= 2 ? 'ok' : 'OVER BUDGET'}   (${long} ms ÷ ${none} ms)`);
  await emptyContext.close();
}

// First visit, fresh profile, to an interactive app (the dashboard's heading painted and the
// navigation usable), on throttled networks with the CPU slowed 4×.
async function firstVisit(name, network, budget) {
  const times = [];
  for (let i = 0; i < 3; i++) {
    const context = await browser.newContext({ viewport: { width: 360, height: 800 } });
    await context.addInitScript(watchScreens);
    const p = await context.newPage();
    const c = await context.newCDPSession(p);
    await c.send('Network.enable');
    await c.send('Network.emulateNetworkConditions', { offline: false, ...network });
    await c.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    const t0 = Date.now();
    await p.goto(base + '#/', { waitUntil: 'commit' });
    times.push((await painted(c, 'heading', t0)) - t0);
    await context.close();
  }
  const m = median(times);
  results.push({ name, median: m, budget });
  console.log(`${name.padEnd(52)} median ${m.toFixed(1).padStart(7)} ms   budget ${String(budget).padStart(4)} ms   ${m <= budget ? 'ok' : 'OVER BUDGET'}`);
}
const mbps = (n) => (n * 1_000_000) / 8;
// Lighthouse's mobile profile: 1.6 Mbps down, 750 kbps up, 150 ms round trip.
await firstVisit('first visit → interactive, Slow 4G, 4× CPU', { latency: 150, downloadThroughput: mbps(1.6), uploadThroughput: mbps(0.75) }, 3000);
await firstVisit('first visit → interactive, Fast 4G, 4× CPU', { latency: 60, downloadThroughput: mbps(9), uploadThroughput: mbps(1.5) }, 1200);

await browser.close();
server.close();
if (results.some((r) => r.median > r.budget)) process.exitCode = 1;
