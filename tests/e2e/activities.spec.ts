import { test, expect, openApp, screenshots, seedTexasWithActivity, addActivity } from './fixtures';

test('log activities, edit, delete with undo, and find them again after a reload', async ({ page }) => {
  await openApp(page, '#/activities');
  await addActivity(page, 'Ethics grand rounds', { date: '2026-03-10', amount: '2', topic: 'medical ethics' });
  await expect(page.getByText('Ethics & professional responsibility')).toBeVisible();
  await screenshots(page, 'activity-detail');
  await addActivity(page, 'Sepsis update', { date: '2026-04-02', amount: '1.5' });
  await addActivity(page, 'Journal club', { date: '2026-05-20', amount: '1' });

  await page.goto('./#/activities');
  const rows = page.locator('tbody tr');
  await expect(rows).toHaveCount(3);
  await screenshots(page, 'activity-list');

  // Edit one.
  await page.getByRole('link', { name: 'Journal club' }).click();
  await page.getByRole('link', { name: 'Edit' }).click();
  await page.getByLabel('Title').fill('Journal club: anticoagulation');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Journal club: anticoagulation' })).toBeVisible();

  // Delete it, then undo.
  await page.getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByRole('status')).toContainText('Deleted “Journal club: anticoagulation”');
  await expect(rows).toHaveCount(2);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('status')).toContainText('Restored');
  await expect(rows).toHaveCount(3);

  // Everything survives a reload.
  await page.reload();
  await expect(page.locator('tbody tr')).toHaveCount(3);
  await expect(page.getByRole('link', { name: 'Journal club: anticoagulation' })).toBeVisible();
});

test('a search narrows the list and the totals follow the shown rows', async ({ page }) => {
  await openApp(page, '#/activities');
  await addActivity(page, 'Ethics grand rounds', { date: '2026-03-10', amount: '2' });
  await addActivity(page, 'Sepsis update', { date: '2026-04-02', amount: '1.5' });
  await page.goto('./#/activities');
  await page.getByRole('searchbox', { name: /search/i }).first().fill('sepsis');
  await expect(page.locator('tbody tr')).toHaveCount(1);
  await expect(page.locator('.totals')).toContainText('1.5');
  await expect(page.locator('.totals')).not.toContainText('3.5');
});

test('a nurse logs 1.2 ANCC contact hours as her certificate states them; AMA PRA credit stays in quarters', async ({ page }) => {
  await openApp(page, '#/activities/new');
  await page.getByLabel('Title').fill('Wound care update');
  await page.getByLabel('Date (start)').fill('2026-03-10');
  await page.getByLabel('Credit type 1').selectOption({ label: 'ANCC contact hours' });
  await page.getByLabel('Amount').first().fill('1.2');
  await page.getByRole('button', { name: 'Save activity' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Wound care update' })).toBeVisible();
  await expect(page.getByText('1.2 ANCC contact hours')).toBeVisible();
  // The same amount of AMA PRA Category 1 credit is refused next to the field.
  await page.goto('./#/activities/new');
  await page.getByLabel('Title').fill('Grand rounds');
  await page.getByLabel('Date (start)').fill('2026-03-10');
  await page.getByLabel('Amount').first().fill('1.2');
  await page.getByRole('button', { name: 'Save activity' }).click();
  await expect(page.locator('#act-credit-amount-0-error')).toContainText('AMA PRA credits are given in quarter hours');
});

test('bad input shows its message next to the field and saves nothing', async ({ page }) => {
  await openApp(page, '#/activities/new');
  await page.getByLabel('Amount').first().fill('0.3');
  await page.getByRole('button', { name: 'Save activity' }).click();
  await expect(page.locator('#act-title-error')).toBeVisible();
  await expect(page.locator('#act-credit-amount-0-error')).toContainText('0.25');
  await page.goto('./#/activities');
  await expect(page.locator('tbody tr')).toHaveCount(0);
});

test('the list reads newest first; on a phone rows become cards with a sort menu', async ({ page }) => {
  await openApp(page, '#/activities');
  await addActivity(page, 'Older course', { date: '2025-01-15', amount: '1' });
  await addActivity(page, 'Newer course', { date: '2026-02-20', amount: '3' });
  await page.goto('./#/activities');
  const titles = page.locator('tbody tr .cell-title a');
  await expect(titles).toHaveText(['Newer course', 'Older course']);
  await expect(page.getByLabel('Sort')).toBeHidden();

  await page.setViewportSize({ width: 360, height: 780 });
  const sort = page.getByLabel('Sort');
  await expect(sort).toHaveValue('date-desc');
  // Each card shows its status and credits on screen, with the column name.
  const first = page.locator('tbody tr').first();
  await expect(first.getByText('✓ Completed')).toBeInViewport();
  await expect(first.locator('td[data-label="Credits"]')).toContainText('3');
  await sort.selectOption({ label: 'Oldest first' });
  await expect(titles).toHaveText(['Older course', 'Newer course']);
  await screenshots(page, 'activity-list-cards');
});

test('every validation message appears next to its field, and nothing is saved while one shows', async ({ page }) => {
  await openApp(page, '#/activities/new');
  const save = page.getByRole('button', { name: 'Save activity' });
  const fill = async (label: string, value: string) => page.getByLabel(label).first().fill(value);
  // A valid activity to start from; each case breaks one field, checks its message, then fixes it.
  await fill('Title', 'Grand rounds');
  await fill('Date (start)', '2025-03-10');
  await fill('Amount', '1');
  const cases: [string, string, string, string, string][] = [
    ['Title', '', '#act-title-error', 'Enter a title, e.g. the course name.', 'Grand rounds'],
    ['Date (start)', '', '#act-start-error', 'Enter the date of the activity.', '2025-03-10'],
    ['Amount', '0', '#act-credit-amount-0-error', 'The amount must be more than 0.', '1'],
    ['Amount', '1000', '#act-credit-amount-0-error', 'The amount can be at most 999.75.', '1'],
    ['Amount', '1.3', '#act-credit-amount-0-error', 'use steps of 0.25', '1'],
    ['End date', '2025-03-01', '#act-end-error', 'The end date cannot be before the start date.', ''],
    ['Date (start)', '2099-01-01', '#act-start-error', 'A completed activity cannot be in the future.', '2025-03-10'],
  ];
  for (const [label, bad, errorId, message, good] of cases) {
    await fill(label, bad);
    await save.click();
    await expect(page.locator(errorId), `${label} = "${bad}"`).toContainText(message);
    await expect(page.getByLabel(label).first()).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Add activity');
    await fill(label, good);
    await expect(page.locator(errorId)).toHaveCount(0);
  }
  // Nothing was saved by any of those attempts.
  const stored = await page.evaluate(() => localStorage.getItem('cme-tracker:activities'));
  expect(stored === null || JSON.parse(stored).length === 0).toBe(true);
  // A future date is fine for a planned activity.
  await fill('Date (start)', '2099-01-01');
  await page.getByLabel('Planned', { exact: true }).check();
  await save.click();
  await expect(page.getByRole('heading', { level: 1, name: 'Grand rounds' })).toBeVisible();
});

test('each filter narrows the list and the totals always add up the shown rows', async ({ page }) => {
  await seedTexasWithActivity(page, 'Sepsis update');
  await addActivity(page, 'Ethics grand rounds', { date: '2026-03-10', amount: '2', topic: 'medical ethics' });
  await addActivity(page, 'Opioid webinar', { date: '2024-11-05', amount: '3', topic: 'opioid prescribing' });
  await page.goto('./#/activities/new');
  await page.getByLabel('Title').fill('Planned conference');
  await page.getByLabel('Date (start)').fill('2027-02-01');
  await page.getByLabel('Amount').first().fill('10');
  await page.getByLabel('Planned', { exact: true }).check();
  await page.getByRole('button', { name: 'Save activity' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Planned conference' })).toBeVisible();

  await page.goto('./#/activities');
  const rows = page.locator('tbody tr');
  const totals = page.locator('#activity-totals');
  // The sum of the credits column of the shown rows, as the totals line should state it.
  const shownSum = async () => (await page.locator('tbody td[data-label="Credits"]').allTextContents())
    .reduce((s, t) => s + parseFloat(t), 0);
  // Completed and planned credits are totalled apart: planned ones are not earned yet.
  const check = async (count: number, hours: string, planned = '') => {
    await expect(rows).toHaveCount(count);
    await expect(totals).toContainText(`${count} of 4 activities`);
    await expect(totals).toContainText(
      hours === '0' ? 'total shown: no completed credits' : `total shown: completed ${hours} AMA PRA Category 1 Credit`,
    );
    if (planned) await expect(totals).toContainText(`planned, not yet earned: ${planned} AMA PRA Category 1 Credit`);
    else await expect(totals).not.toContainText('planned');
    expect(await shownSum()).toBeCloseTo(parseFloat(hours) + parseFloat(planned || '0'));
  };
  await check(4, '7', '10');
  await page.getByLabel('Status').selectOption('planned');
  await check(1, '0', '10');
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await page.getByLabel('Topic').selectOption({ label: 'Ethics & professional responsibility' });
  await check(1, '2');
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await page.getByLabel('From', { exact: true }).fill('2025-01-01');
  await page.getByLabel('To', { exact: true }).fill('2026-12-31');
  await check(2, '4');
  await page.getByRole('button', { name: 'Clear filters' }).click();
  // Counts toward Texas: completed activities of its current cycle (Feb 2025 – Jan 2027) only.
  await page.getByLabel('Counts toward').selectOption({ label: 'Texas – Texas Medical Board (MD/DO)' });
  await check(2, '4');
  await expect(page.getByRole('link', { name: 'Opioid webinar' })).toHaveCount(0);
});
