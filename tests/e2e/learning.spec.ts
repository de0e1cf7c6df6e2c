import { test, expect, openApp, screenshots, seedTexasWithActivity } from './fixtures';
import type { Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import * as fs from 'node:fs';

// Issue 18: a learning goal from a plan item, an activity logged toward it, a reflection with a
// follow-up that comes due on the dashboard and is completed; all of it survives a reload and a
// backup round trip.

function isoInDays(days: number): string {
  const d = new Date();
  d.setDate(d.getDate() + days);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

async function axe(page: Page) {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
}

test('a goal from the plan, an activity toward it, a reflection followed up — kept over a reload and a backup', async ({ page, browser }, info) => {
  test.setTimeout(120_000);
  const { credential } = await seedTexasWithActivity(page, 'Sepsis update');
  await page.goto('./#/');
  const plan = page.locator('ol.plan > li');
  await expect(plan.first()).toBeVisible();
  const firstItem = (await plan.first().textContent()) || '';
  await plan.first().getByRole('button', { name: /^Make it a learning goal: / }).click();
  // The goal's page: the requirement's hours and deadline as its target, "a requirement" as the need.
  // Its address first: until the page changes, the heading read would still be the dashboard's.
  await expect(page).toHaveURL(/#\/goals\/[0-9a-f-]+$/);
  const title = page.getByRole('heading', { level: 1 });
  await expect(title).not.toHaveText(/^(Dashboard)?$/);
  const goalTitle = (await title.textContent())!;
  expect(firstItem.startsWith(goalTitle)).toBe(true);
  await expect(page.locator('main')).toContainText('A license or board requirement');
  await expect(page.locator('main')).toContainText('Target date: Jan 31, 2027');
  const goalUrl = page.url();

  // Plan an activity for it: the form starts from the goal; logged as completed.
  await page.getByRole('link', { name: 'Plan an activity for it' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Plan an activity for a goal' })).toBeVisible();
  await expect(page.getByLabel('Title')).toHaveValue(`For my goal: ${goalTitle}`);
  await page.getByLabel('Title').fill('Safer opioid prescribing workshop');
  await page.getByLabel('Completed', { exact: true }).check();
  await page.getByLabel('Date (start)').fill('2026-11-20');
  await page.getByRole('button', { name: 'Save activity' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Safer opioid prescribing workshop' })).toBeVisible();
  await expect(page).toHaveURL(/#\/activities\/[0-9a-f-]{36}$/);
  const activityUrl = page.url();
  // Linked to the goal on the activity's page.
  await expect(page.getByLabel(goalTitle)).toBeChecked();

  // Reflect, with a follow-up in five days: refused first without what will change.
  await page.getByLabel('What I learned').fill('Taper plans and naloxone co-prescribing.');
  await page.getByLabel('Follow-up date').fill(isoInDays(5));
  await page.getByRole('button', { name: 'Save reflection' }).click();
  await expect(page.locator('#refl-change-error')).toContainText('Say what you will change');
  await page.getByLabel('What I will change in practice').fill('Offer a taper plan at every refill.');
  await page.getByRole('button', { name: 'Save reflection' }).click();
  await expect(page.getByRole('status')).toContainText('Saved your reflection');
  await screenshots(page, 'reflection-form');
  expect(await axe(page)).toEqual([]);

  // The dashboard lists the follow-up as due.
  await page.goto('./#/');
  const due = page.getByTestId('follow-ups');
  await expect(due).toContainText('Safer opioid prescribing workshop');
  await expect(due).toContainText('in 5 days');

  // At follow-up: did it change, what happened.
  await due.getByRole('link', { name: 'Safer opioid prescribing workshop' }).click();
  await page.getByLabel('Yes, I changed it').check();
  await page.getByLabel('What happened for patients or the team').fill('Eleven patients tapered; no withdrawal visits.');
  await page.getByRole('button', { name: 'Save reflection' }).click();
  await expect(page.getByRole('status')).toContainText('Saved your reflection');
  await screenshots(page, 'reflection-followed-up');
  await page.goto('./#/');
  await expect(page.getByTestId('follow-ups')).toHaveCount(0);

  // The goals page shows its progress; the goal survives a reload with its activity.
  await page.goto('./#/goals');
  await expect(page.locator('.goal-card')).toContainText(goalTitle);
  await expect(page.locator('.goal-card')).toContainText('from 1 activity');
  await screenshots(page, 'goals');
  expect(await axe(page)).toEqual([]);
  await page.reload();
  await page.goto(goalUrl);
  await expect(page.locator('main')).toContainText('Safer opioid prescribing workshop');
  await page.goto(activityUrl);
  await expect(page.getByLabel('Yes, I changed it')).toBeChecked();

  // How I learn: the counts and the reflective record.
  await page.goto('./#/learning');
  await expect(page.locator('main')).toContainText('1 reflection written');
  await expect(page.locator('main')).toContainText('practice changed after 1');
  await expect(page.locator('main')).toContainText('Eleven patients tapered');
  await screenshots(page, 'learning');
  expect(await axe(page)).toEqual([]);
  // The audit report takes the reflections as an optional section.
  await page.goto(`./#${credential}/report`);
  await expect(page.getByTestId('report-reflections')).toHaveCount(0);
  await page.getByLabel("Add my reflections on this cycle's activities").check();
  await expect(page.getByTestId('report-reflections')).toContainText('Eleven patients tapered');

  // A backup round trip into an empty profile keeps the goal, its link and the reflection.
  await page.goto('./#/backup');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download backup' }).click(),
  ]);
  const file = info.outputPath('backup.json');
  fs.copyFileSync((await download.path())!, file);
  const fresh = await (await browser.newContext()).newPage();
  await openApp(fresh, '#/backup');
  await fresh.getByLabel(/Choose a backup file/).setInputFiles(file);
  await fresh.getByRole('button', { name: 'Merge' }).click();
  await expect(fresh.getByRole('status')).toContainText('added');
  await fresh.goto('./#/goals');
  await fresh.getByRole('link', { name: goalTitle }).click();
  await expect(fresh.locator('main')).toContainText('Safer opioid prescribing workshop');
  await fresh.getByRole('link', { name: 'Safer opioid prescribing workshop' }).click();
  await expect(fresh.getByLabel('Yes, I changed it')).toBeChecked();
  await expect(fresh.getByLabel('What happened for patients or the team')).toHaveValue('Eleven patients tapered; no withdrawal visits.');
});

test('a new goal is refused next to its fields until it reads, and the form is keyboard friendly', async ({ page }) => {
  await openApp(page, '#/goals');
  await screenshots(page, 'goals-empty');
  await page.getByRole('link', { name: 'New goal' }).click();
  await page.getByLabel('Target hours').fill('0');
  await page.getByRole('button', { name: 'Save goal' }).click();
  await expect(page.locator('#goal-title-error')).toContainText('Name the goal');
  await expect(page.locator('#goal-hours-error')).toContainText('greater than 0');
  await expect(page.getByLabel('Goal', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  expect(await page.evaluate(() => localStorage.getItem('cme-tracker:other') || '')).not.toContain('goals');
  await page.getByLabel('Goal', { exact: true }).fill('Manage type 2 diabetes with the 2025 guideline');
  await page.getByLabel('Where the need came from').selectOption('new_guideline');
  await page.getByLabel('Target hours').fill('6');
  await page.getByLabel('Topics').selectOption({ label: 'Geriatric medicine' });
  await expect(page.getByRole('button', { name: 'Remove Geriatric medicine' })).toBeVisible();
  await screenshots(page, 'goal-form');
  expect(await axe(page)).toEqual([]);
  await page.getByRole('button', { name: 'Save goal' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Manage type 2 diabetes with the 2025 guideline' })).toBeVisible();
  await expect(page.locator('main')).toContainText('0 of 6 h from 0 activities');
});
