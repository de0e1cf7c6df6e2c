import { test, expect, openApp, screenshots } from './fixtures';
import type { Page, TestInfo } from '@playwright/test';
import * as fs from 'node:fs';

// Issue 33: an internist with California and Texas licenses, ABIM MOC and a DEA registration logs
// six activities — one carrying only MOC points, one with hours on a topic — and every place that
// shows a figure for a rule shows the same one: the card, the plan, the transcript, the audit
// report and the renewal form's figures.

const STAMP = '2026-01-01T00:00:00Z';

async function addPreset(page: Page, search: string, name: RegExp, expiry: string) {
  await page.goto('./#/credentials/catalog');
  await page.getByLabel('Search by state, profession or body').fill(search);
  await page.getByRole('button', { name }).click();
  await page.getByLabel('Expiry date (end of the current cycle)').fill(expiry);
  await page.getByRole('button', { name: 'Add this credential' }).click();
  await expect(page).toHaveURL(/#\/credentials\/[0-9a-f-]{36}$/);
  return page.url().split('#')[1];
}

/** The six activities, merged from a backup file written as the app's own format. */
async function logSix(page: Page, info: TestInfo) {
  const a = (n: number, title: string, end: string, credits: [string, number][], topics: string[] = [], topicHours: Record<string, number> = {}) => ({
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    title, provider: 'County Medical Society', accreditor: 'accme', start: end, end, format: 'live_virtual',
    credits: credits.map(([credit_type, amount]) => ({ credit_type, amount })),
    topics, ...(Object.keys(topicHours).length ? { topic_hours: topicHours } : {}),
    status: 'completed', created_at: STAMP, updated_at: STAMP,
  });
  const activities = [
    // 20 credits and 20 MOC points, 6 of its 20 hours on geriatrics.
    a(1, 'Internal medicine update', '2026-03-10', [['AMA_PRA_CAT1', 2000], ['ABIM_MOC_POINT', 2000]], ['geriatrics'], { geriatrics: 600 }),
    // Only MOC points: never hours.
    a(2, 'MOC knowledge check', '2026-04-10', [['ABIM_MOC_POINT', 1000]]),
    a(3, 'Ethics in practice', '2026-05-10', [['AMA_PRA_CAT1', 200]], ['ethics_professional_responsibility']),
    a(4, 'Opioid prescribing', '2026-06-10', [['AMA_PRA_CAT1', 200]], ['pain_management_opioids']),
    a(5, 'Addiction medicine course', '2026-07-10', [['AMA_PRA_CAT1', 800]], ['substance_use_disorder']),
    a(6, 'Grand rounds', '2026-08-10', [['AMA_PRA_CAT1', 400]]),
  ];
  const file = info.outputPath('six.json');
  fs.writeFileSync(file, JSON.stringify({
    format: 'cme-tracker-backup', schema_version: 1, app_version: '0.1.0', exported_at: STAMP,
    counts: { activities: activities.length, credentials: 0, goals: 0 }, activities, credentials: [],
  }));
  await page.goto('./#/backup');
  await page.getByLabel(/Choose a backup file/).setInputFiles(file);
  await expect(page.getByText('6 activities, 0 credentials, 0 goals')).toBeVisible();
  await page.getByRole('button', { name: 'Merge' }).click();
  await expect(page.getByRole('status')).toContainText('6 added');
}

test('the internist sees the same figure for each rule on the card, the plan, the transcript, the audit report and the renewal form', async ({ page }, info) => {
  test.setTimeout(120_000);
  await openApp(page);
  const texas = await addPreset(page, 'texas medical board', /Choose Texas – Texas Medical Board/, '2027-01-31');
  await addPreset(page, 'california medical board', /Choose California – Medical Board of California/, '2027-06-30');
  await addPreset(page, 'abim', /Choose ABIM Maintenance of Certification/, '2028-12-31');
  // The DEA form never asks whether she holds the registration she is adding.
  await page.goto('./#/credentials/catalog');
  await page.getByLabel('Search by state, profession or body').fill('dea');
  await page.getByRole('button', { name: /Choose DEA registration/ }).click();
  await expect(page.getByLabel('I hold a DEA registration')).toHaveCount(0);
  await page.getByLabel('Expiry date (end of the current cycle)').fill('2027-06-30');
  await page.getByRole('button', { name: 'Add this credential' }).click();
  await expect(page).toHaveURL(/#\/credentials\/[0-9a-f-]{36}$/);
  await logSix(page, info);

  // Texas counts 20 + 2 + 2 + 8 + 4 = 36 hours of any type: the 10 MOC points are not hours.
  await page.goto('./#/');
  const card = page.getByRole('region', { name: /^Texas – Texas Medical Board/ });
  await expect(card).toContainText('12 hours still needed');
  const abim = page.getByRole('region', { name: /^ABIM/ });
  // 20 + 10 = 30 of 100 points.
  await expect(abim).toContainText('70 points of ABIM MOC still needed');
  // The plan names each rule with what it alone still needs, in its unit.
  const plan = page.getByRole('region', { name: 'What to take next' });
  await expect(plan).toContainText('12 hours left');
  await expect(plan).toContainText('70 points left');
  await expect(page.getByTestId('summary')).not.toContainText('nothing');
  await screenshots(page, 'internist-dashboard');

  // The transcript: credits and points apart; geriatrics is 6 hours, not the whole 20.
  await page.goto('./#/transcript');
  await page.getByRole('button', { name: 'Everything' }).click();
  await expect(page.getByTestId('transcript-total')).toContainText('36 credits');
  await expect(page.getByTestId('transcript-total')).toContainText('30 points');
  await expect(page.locator('#chart-points')).toBeVisible();
  // The chart's numbers, as its table (folded under "Show the numbers") holds them.
  const geriatrics = page.locator('#chart-topics table tr', { hasText: /Geriatric/ });
  await expect(geriatrics).toContainText('6');
  await expect(geriatrics).not.toContainText('20');
  await screenshots(page, 'internist-transcript');

  // The audit report and the renewal form's figures say 36 of 48, and list the points-only
  // activity as what a reviewer would ask about.
  await page.goto(`./#${texas}/report`);
  const total = page.locator('.report-rule', { has: page.getByRole('heading', { name: /^Total/ }) }).first();
  await expect(total).toContainText('Required 48 hours · counted 36 hours · remaining 12 hours');
  await expect(total).toContainText('MOC knowledge check');
  await expect(total).toContainText('It carries only points, which are not hours');
  await expect(total).not.toContainText('Sepsis');
  await expect(page.locator('.form-figures')).toContainText('36 hours');
  await expect(page.getByText('Met with planned')).toHaveCount(0);
  await screenshots(page, 'internist-audit');
});
