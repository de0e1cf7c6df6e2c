// UI benchmark (not a test): a long career of 10,000 activities and 12 credentials stored in the
// browser, then the time to show the dashboard and the list, to show search results after a
// keystroke, and to show a newly added activity, each to the next painted frame. Run by
// scripts/bench.sh after a release build; numbers go into docs/performance.md.
import { chromium } from '@playwright/test';
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import { randomUUID } from 'node:crypto';

const root = resolve(process.env.E2E_DIST || 'dist');
const types = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css',
  '.json': 'application/json', '.webmanifest': 'application/manifest+json', '.png': 'image/png', '.svg': 'image/svg+xml' };
const server = createServer(async (req, res) => {
  let p = new URL(req.url, 'http://x').pathname;
  if (p.endsWith('/')) p += 'index.html';
  try {
    const body = await readFile(join(root, p));
    res.writeHead(200, { 'Content-Type': types[extname(p)] || 'application/octet-stream' });
    res.end(body);
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

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
await page.goto(base);
await page.evaluate(([acts, creds]) => {
  localStorage.setItem('cme-tracker:activities', acts);
  localStorage.setItem('cme-tracker:credentials', creds);
  localStorage.setItem('cme-tracker:meta', JSON.stringify({ schema_version: 1, revision: 1, saved_at: new Date().toISOString() }));
}, [JSON.stringify(activities), JSON.stringify(credentials)]);

const median = (xs) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const results = [];
async function measure(name, budget, runs, fn) {
  const times = [];
  for (let i = 0; i < runs; i++) times.push(await fn(i));
  const m = median(times);
  results.push({ name, median: m, budget });
  console.log(`${name.padEnd(52)} median ${m.toFixed(1).padStart(7)} ms   budget ${String(budget).padStart(4)} ms   ${m <= budget ? 'ok' : 'OVER BUDGET'}`);
}

await measure('load, evaluate and paint the dashboard (12 × 10,000)', 1500, 5, async () => {
  await page.goto(base + '#/');
  const t0 = Date.now();
  await page.reload();
  await page.getByRole('region', { name: 'License 12' }).waitFor();
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r())));
  return Date.now() - t0;
});

await page.goto(base + '#/activities');
await page.locator('tbody tr').first().waitFor();
await measure('type one character in search → painted results', 50, 9, async (i) =>
  page.evaluate(async (ch) => {
    const input = document.getElementById('flt-text');
    const t0 = performance.now();
    input.value = input.value.length > 6 ? ch : input.value + ch;
    input.dispatchEvent(new InputEvent('input', { bubbles: true }));
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    return performance.now() - t0;
  }, 'abcdefghi'[i]));

await measure('add an activity → its page painted', 50, 9, async (i) => {
  await page.goto(base + '#/activities/new');
  await page.getByLabel('Title').fill(`Bench activity ${i}`);
  await page.getByLabel('Date (start)').fill('2026-03-10');
  await page.getByLabel('Amount').first().fill('1');
  return page.evaluate(async () => {
    const button = [...document.querySelectorAll('button')].find((b) => b.textContent === 'Save activity');
    const t0 = performance.now();
    button.click();
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    return performance.now() - t0;
  });
});

// The engine alone in wasm, from the User Timing measures the app records around each
// evaluation (src/ui/hooks.rs): one per reload and one per saved activity above.
const evaluations = await page.evaluate(() => performance.getEntriesByName('cme:evaluate').map((e) => e.duration));
if (evaluations.length === 0) throw new Error('the app recorded no cme:evaluate measure');
{
  const m = median(evaluations);
  results.push({ name: 'evaluate in wasm', median: m, budget: 5 });
  console.log(`${'evaluate 12 credentials × 10,000 activities in wasm'.padEnd(52)} median ${m.toFixed(1).padStart(7)} ms   budget    5 ms   ${m <= 5 ? 'ok' : 'OVER BUDGET'}   (${evaluations.length} runs)`);
}

// Where an added activity's time goes (User Timing measures of the last document).
const parts = await page.evaluate(() => Object.fromEntries(['cme:reduce', 'cme:save'].map((n) =>
  [n, performance.getEntriesByName(n).map((e) => e.duration)])));
for (const [name, xs] of Object.entries(parts)) {
  if (xs.length) console.log(`  ${name.padEnd(50)} median ${median(xs).toFixed(1).padStart(7)} ms   (${xs.length} runs, not budgeted)`);
}

await browser.close();
server.close();
if (results.some((r) => r.median > r.budget)) process.exitCode = 1;
