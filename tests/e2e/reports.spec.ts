import { test, expect, openApp, screenshots, seedTexasWithActivity, addCredential } from './fixtures';
import type { Page, TestInfo } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import * as fs from 'node:fs';

// Issue 16: the audit report against the evaluation, the renewal form's figures, the transcript,
// print and PDF (A4 and Letter), and the charts with 0, 1 and 10,000 activities.

const STAMP = '2026-01-01T00:00:00Z';

type Seed = { title: string; end: string; amount: number; topics?: string[]; type?: string; format?: string };

/** Adds activities to the open profile through a backup file merged on the Backup page. */
async function mergeActivities(page: Page, info: TestInfo, seeds: Seed[], name = 'seed.json') {
  const activities = seeds.map((s, i) => ({
    id: `00000000-0000-4000-8000-${String(i + 1).padStart(12, '0')}`,
    title: s.title, provider: `Provider ${i % 3}`, accreditor: 'accme',
    start: s.end, end: s.end, format: s.format ?? 'live_virtual',
    credits: [{ credit_type: s.type ?? 'AMA_PRA_CAT1', amount: s.amount }],
    topics: s.topics ?? [], status: 'completed', created_at: STAMP, updated_at: STAMP,
  }));
  const file = info.outputPath(name);
  fs.writeFileSync(file, JSON.stringify({
    format: 'cme-tracker-backup', schema_version: 1, app_version: '0.1.0', exported_at: STAMP,
    counts: { activities: activities.length, credentials: 0, goals: 0 }, activities, credentials: [],
  }));
  await page.goto('./#/backup');
  await page.getByLabel(/Choose a backup file/).setInputFiles(file);
  await expect(page.getByText(`${activities.length} activities, 0 credentials, 0 goals`)).toBeVisible({ timeout: 120_000 });
  await page.getByRole('button', { name: 'Merge' }).click();
  await expect(page.getByRole('status')).toContainText(`${activities.length} added`, { timeout: 120_000 });
}

async function axe(page: Page) {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
}

/** The number of pages of a PDF Chromium wrote (its page objects are not compressed). */
function pdfPages(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length;
}

test('the audit report of a credential with 40 activities shows the evaluation\'s figures, the form\'s figures copy, and prints to A4 and Letter', async ({ page }, info) => {
  test.setTimeout(180_000);
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  const { credential } = await seedTexasWithActivity(page, 'Sepsis update');
  // 39 more: 1.25 h each, February to December 2025 (the cycle starts 1 February), every fourth on ethics.
  const seeds: Seed[] = Array.from({ length: 39 }, (_, i) => ({
    title: `Course ${String(i + 1).padStart(2, '0')}`,
    end: `2025-${String((i % 11) + 2).padStart(2, '0')}-${String((i % 27) + 1).padStart(2, '0')}`,
    amount: 125,
    topics: i % 4 === 0 ? ['ethics_professional_responsibility'] : [],
  }));
  await mergeActivities(page, info, seeds);
  // The credential page's figures for each rule: what the evaluation says.
  await page.goto(`./#${credential}`);
  const ruleCards = page.locator('.rule-card');
  await expect(ruleCards.first()).toBeVisible();
  await page.getByRole('link', { name: 'Audit report' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Audit report — Texas/ })).toBeVisible();
  // 2 h + 39 × 1.25 h = 50.75 h of Category 1, all inside the cycle.
  const total = page.locator('.report-rule', { has: page.getByRole('heading', { name: 'Total', exact: true }) });
  await expect(total).toContainText('Required 48 hours · counted 50.75 hours · remaining 0 hours');
  await expect(total.locator('tbody tr')).toHaveCount(40);
  const expected = 2 + 39 * 1.25;
  const summed = await total.locator('tbody td[data-label="Counted"]').evaluateAll((tds) => tds.reduce((s, td) => s + Number(td.textContent), 0));
  expect(summed).toBeCloseTo(expected, 2);
  // Every activity of the cycle is listed once.
  await expect(page.locator('.report-activities tbody tr')).toHaveCount(40);
  // The same figures as the credential page (the evaluation) for every rule.
  const reportRules = await page.locator('.report-rule').evaluateAll((els) => els.map((e) => {
    // "counted 12 hours", or for a limit "6 credits counted under it".
    const m = /counted ([\d.,]+)/.exec(e.textContent || '') || /; ([\d.,]+) \w+ counted under it/.exec(e.textContent || '');
    return [e.querySelector('h3')!.textContent, m ? m[1] : null];
  }));
  await page.goto(`./#${credential}`);
  for (const [label, counted] of reportRules) {
    // A rule that does not apply gives its reason, not figures.
    if (counted === null) continue;
    const card = page.locator('.rule-card', { has: page.getByRole('heading', { name: label!, exact: true }) }).first();
    await expect(card, `rule ${label}`).toContainText(counted!);
  }
  await page.goBack();

  // The renewal form's figures: the total, ready to paste.
  const figures = page.locator('.form-figures');
  await expect(figures).toContainText('50.75 hours');
  await figures.getByRole('button', { name: 'Copy 50.75 (Total)' }).click();
  await expect(page.getByRole('status')).toContainText('Copied “50.75”');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('50.75');

  // The name printed on reports: refused when too long, saved otherwise.
  await page.getByLabel('Your name on reports').fill('x'.repeat(121));
  await expect(page.locator('#holder-name-error')).toHaveText('The name is 121 characters long; at most 120 are kept.');
  await page.getByLabel('Your name on reports').fill('Jordan Lee, MD');
  await page.getByRole('button', { name: 'Save name' }).click();
  await expect(page.locator('.report dl.details').first()).toContainText('Prepared for');
  await expect(page.locator('.report dl.details').first()).toContainText('Jordan Lee, MD');
  expect(await axe(page)).toEqual([]);
  await screenshots(page, 'audit-report-40');

  await page.emulateMedia({ media: 'print' });
  await expect(figures).toBeHidden();
  await expect(page.getByLabel('Your name on reports')).toBeHidden();
  await expect(page.locator('.report-activities')).toBeVisible();
  for (const format of ['A4', 'Letter'] as const) {
    const size = format === 'A4' ? { width: 794, height: 1123 } : { width: 816, height: 1056 };
    await page.setViewportSize(size);
    await page.screenshot({ path: `test-results/screenshots/audit-report-print-${format}.png`, fullPage: true });
    const pdf = await page.pdf({ format, printBackground: true });
    fs.writeFileSync(`test-results/screenshots/audit-report-${format}.pdf`, pdf);
    expect(pdfPages(pdf)).toBeGreaterThan(1);
  }
});

test('every credential\'s report prints on pages of its own', async ({ page }) => {
  await seedTexasWithActivity(page, 'Sepsis update');
  await addCredential(page, 'Hospital privileges');
  await page.goto('./#/credentials');
  await page.getByRole('link', { name: 'Audit reports' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Audit reports — every credential' })).toBeVisible();
  await expect(page.locator('.report-section')).toHaveCount(2);
  expect(await axe(page)).toEqual([]);
  await page.emulateMedia({ media: 'print' });
  const breaks = await page.locator('.report-section').evaluateAll((els) => els.map((e) => getComputedStyle(e).breakBefore));
  expect(breaks).toEqual(['auto', 'page']);
  for (const format of ['A4', 'Letter'] as const) {
    const pdf = await page.pdf({ format, printBackground: true });
    fs.writeFileSync(`test-results/screenshots/all-reports-${format}.pdf`, pdf);
    // The Texas report takes its pages; the second credential starts a page of its own.
    expect(pdfPages(pdf)).toBeGreaterThanOrEqual(2);
  }
  await screenshots(page, 'all-reports-print');
});

test('the transcript groups a date range by year and credit type, with totals per unit, and prints', async ({ page }, info) => {
  await openApp(page);
  await mergeActivities(page, info, [
    { title: 'Board review', end: '2025-03-10', amount: 1000, topics: ['ethics_professional_responsibility'], format: 'conference' },
    { title: 'Journal club', end: '2025-05-01', amount: 150, format: 'journal_reading' },
    { title: 'Nursing workshop', end: '2024-11-11', amount: 5, type: 'CEU', format: 'workshop' },
    { title: 'Long ago', end: '2019-01-01', amount: 500 },
  ]);
  await page.goto('./#/activities');
  await page.getByRole('link', { name: 'Transcript & charts' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Transcript' })).toBeVisible();
  await page.getByLabel('From', { exact: true }).fill('2024-01-01');
  await page.getByLabel('From', { exact: true }).dispatchEvent('change');
  await page.getByLabel('To', { exact: true }).fill('2025-12-31');
  await page.getByLabel('To', { exact: true }).dispatchEvent('change');
  await expect(page.getByTestId('transcript-count')).toHaveText('3');
  await expect(page.getByTestId('transcript-total')).toHaveText('11.5 credits · 0.5 hours');
  await expect(page.getByRole('heading', { level: 2, name: /^2025/ })).toContainText('2 activities');
  await expect(page.getByRole('heading', { level: 2, name: /^2024/ })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: /^2019/ })).toHaveCount(0);
  // A start after the end is refused next to the field, keeping the range shown.
  await page.getByLabel('To', { exact: true }).fill('2023-01-01');
  await page.getByLabel('To', { exact: true }).dispatchEvent('change');
  await expect(page.locator('#tr-to-error')).toHaveText('The end is before the start.');
  await expect(page.getByTestId('transcript-count')).toHaveText('3');
  await page.getByLabel('To', { exact: true }).fill('2025-12-31');
  await page.getByLabel('To', { exact: true }).dispatchEvent('change');
  await expect(page.locator('#tr-to-error')).toHaveCount(0);
  // Charts: per year, per format, per topic, each with its numbers as a table.
  await expect(page.locator('#chart-years svg[role="img"]')).toBeVisible();
  await expect(page.locator('#chart-years rect')).toHaveCount(2);
  await expect(page.locator('#chart-formats')).toContainText('Conference');
  await expect(page.locator('#chart-topics table')).toContainText('10');
  expect(await axe(page)).toEqual([]);
  await screenshots(page, 'transcript');
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByLabel('From', { exact: true })).toBeHidden();
  for (const format of ['A4', 'Letter'] as const) {
    const pdf = await page.pdf({ format, printBackground: true });
    fs.writeFileSync(`test-results/screenshots/transcript-${format}.pdf`, pdf);
    expect(pdfPages(pdf)).toBeGreaterThanOrEqual(1);
  }
  await screenshots(page, 'transcript-print');
});

for (const scheme of ['light', 'dark'] as const) {
  test(`charts with 0, 1 and 10,000 activities read well and pass axe (${scheme})`, async ({ page }, info) => {
    test.setTimeout(240_000);
    await page.emulateMedia({ colorScheme: scheme });
    await openApp(page, '#/transcript');
    await expect(page.getByRole('heading', { level: 1, name: 'Transcript' })).toBeVisible();
    await expect(page.locator('.chart--empty')).toHaveCount(3);
    await screenshots(page, `charts-0-${scheme}`);
    const { credential } = await seedTexasWithActivity(page, 'Sepsis update');
    await page.goto('./#/transcript');
    await expect(page.locator('#chart-years rect')).toHaveCount(1);
    expect(await axe(page)).toEqual([]);
    await screenshots(page, `charts-1-${scheme}`);
    await page.goto(`./#${credential}`);
    await expect(page.locator('#pace-chart')).toContainText('Progress across the cycle');
    await screenshots(page, `pace-1-${scheme}`);
    // 10,000 activities over ten years, on a dozen topics and every format.
    const topics = ['ethics_professional_responsibility', 'pain_management_opioids', 'controlled_substance_prescribing', 'implicit_bias', 'medical_errors_patient_safety', 'infection_control', 'risk_management', 'end_of_life_care', 'human_trafficking', 'domestic_violence', 'child_abuse', 'suicide_prevention'];
    const formats = ['live_in_person', 'live_virtual', 'on_demand_online', 'journal_reading', 'workshop', 'conference', 'teaching', 'self_assessment', 'quality_improvement', 'other'];
    const many: Seed[] = Array.from({ length: 10_000 }, (_, i) => ({
      title: `Activity ${i}`,
      end: `${2016 + (i % 10)}-${String((i % 12) + 1).padStart(2, '0')}-15`,
      amount: 100 + (i % 4) * 25,
      type: i % 5 === 0 ? 'AOA_1A' : 'AMA_PRA_CAT1',
      topics: [topics[i % topics.length]],
      format: formats[i % formats.length],
    }));
    await mergeActivities(page, info, many, 'many.json');
    await page.goto('./#/transcript');
    await page.getByRole('button', { name: 'Everything' }).click();
    await expect(page.getByTestId('transcript-count')).toHaveText('10001', { timeout: 30_000 });
    await expect(page.locator('#chart-years tbody tr')).toHaveCount(10);
    await expect(page.locator('#chart-topics rect')).toHaveCount(10);
    expect(await axe(page)).toEqual([]);
    await screenshots(page, `charts-10000-${scheme}`);
    await page.goto(`./#${credential}`);
    await expect(page.locator('#pace-chart')).toBeVisible();
    await screenshots(page, `pace-10000-${scheme}`);
  });
}
