import AxeBuilder from '@axe-core/playwright';
import { test, expect, openApp, screenshots } from './fixtures';
import type { Page } from '@playwright/test';
// @ts-ignore: a plain module, shared with the benchmark (scripts/bench-photo.mjs).
import { CERTIFICATES, photograph } from './certificate-photos.mjs';

// Paper certificates photographed with a phone, read on the device (src/worker/photos.rs,
// domain::formats::photo, Tesseract through static/ocr.js). Each certificate is laid out as
// providers print them, rendered by the browser, then made into a phone photo: a few degrees
// askew on a desk, a shadow across it, sensor noise and JPEG compression.

/** Chooses the photo as the certificate to start from; resolves when the reading has ended. */
async function readPhoto(page: Page, name: string, photo: Buffer) {
  // Through another page, so that the form starts afresh.
  await page.goto('./#/activities');
  await page.goto('./#/activities/new');
  await page.getByText('Start from a certificate or completion e-mail').click();
  await page.getByLabel(/Or choose the certificate file/).setInputFiles({ name, mimeType: 'image/jpeg', buffer: photo });
  const note = page.locator('#cert-read-note');
  await expect(note).toHaveAttribute('aria-busy', 'false', { timeout: 60_000 });
  return (await note.textContent()) ?? '';
}

test('ten photographed certificates: at least nine read to the right title, date, credit type and amount', async ({ page, browser }) => {
  test.setTimeout(300_000);
  await openApp(page);
  const misread: string[] = [];
  for (const c of CERTIFICATES) {
    const photo = await photograph(browser, c);
    const note = await readPhoto(page, c.file, photo);
    const got = {
      title: await page.getByLabel('Title').inputValue(),
      date: await page.getByLabel('Date (start)').inputValue(),
      type: await page.getByLabel('Credit type 1').inputValue(),
      amount: await page.getByLabel('Amount').first().inputValue(),
    };
    const want = { title: c.title, date: c.date, type: c.type, amount: c.amount };
    if (JSON.stringify(got) !== JSON.stringify(want)) {
      misread.push(`${c.file}: ${JSON.stringify(got)} (note: ${note}; text: ${await page.locator('#seen-text').textContent().catch(() => '')})`);
    }
  }
  console.log(`photos misread: ${misread.length} of ${CERTIFICATES.length}\n${misread.join('\n')}`);
  expect(misread.length, misread.join('\n')).toBeLessThanOrEqual(1);
});

test('a photographed certificate fills the form beside the text read, is attached on save, and the reader works offline once fetched', async ({ page, browser, context }) => {
  test.setTimeout(180_000);
  const fetched: string[] = [];
  context.on('request', (r) => fetched.push(new URL(r.url()).pathname));
  await openApp(page);
  // The reader is not part of the first visit, nor of what the service worker precaches.
  await expect.poll(() => page.evaluate(async () => !!(await navigator.serviceWorker.getRegistration())?.active), { timeout: 20_000 }).toBe(true);
  await page.reload();
  await page.waitForFunction(() => !!navigator.serviceWorker.controller, undefined, { timeout: 20_000 });
  expect(fetched.filter((p) => p.includes('/ocr/'))).toEqual([]);

  const c = CERTIFICATES[0];
  const note = await readPhoto(page, c.file, await photograph(browser, c));
  expect(note).toContain(`Filled in from the photo “${c.file}”`);
  await expect(page.getByLabel('Title')).toHaveValue(c.title);
  await expect(page.getByLabel('Provider')).toHaveValue(c.provider!);
  await expect(page.getByLabel('Date (start)')).toHaveValue(c.date);
  await expect(page.getByLabel('Credit type 1')).toHaveValue(c.type);
  await expect(page.getByLabel('Amount').first()).toHaveValue(c.amount);
  const seen = page.getByRole('complementary', { name: 'Text read in the photo' });
  await expect(seen).toContainText('Managing Chronic Pain');
  await screenshots(page, 'activity-from-photo');
  // The form with the text beside it passes the same WCAG 2.1 AA checks as every screen, and
  // the text can be reached and scrolled from the keyboard.
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  await page.locator('#seen-text').focus();
  await expect(page.locator('#seen-text')).toBeFocused();
  // The reader's files came from this site, once, into their own cache.
  const reader = fetched.filter((p) => p.includes('/ocr/'));
  expect(reader.some((p) => p.endsWith('.wasm'))).toBe(true);
  expect(reader.some((p) => p.endsWith('.traineddata.gz'))).toBe(true);
  const cached = await page.evaluate(async () => {
    const names = (await caches.keys()).filter((n) => n.startsWith('cme-text-reader-'));
    return names.length === 1 ? (await (await caches.open(names[0])).keys()).length : -names.length;
  });
  expect(cached).toBeGreaterThanOrEqual(3);

  await page.getByRole('button', { name: 'Save activity' }).click();
  await expect(page.getByRole('heading', { level: 1, name: c.title })).toBeVisible();
  await expect(page.locator('.cert__name')).toHaveText(c.file);

  // Offline, in a new page (a new worker), the reader loads from the cache.
  await context.setOffline(true);
  await page.reload();
  const other = CERTIFICATES[1];
  await readPhoto(page, other.file, await photograph(browser, other));
  await expect(page.getByLabel('Title')).toHaveValue(other.title);
  await expect(page.getByLabel('Amount').first()).toHaveValue(other.amount);
  await context.setOffline(false);
});

test('a picture the browser cannot open says so next to the file, and the form stays empty', async ({ page }) => {
  await openApp(page, '#/activities/new');
  await page.getByText('Start from a certificate or completion e-mail').click();
  await page.getByLabel(/Or choose the certificate file/).setInputFiles({
    name: 'broken.jpg',
    mimeType: 'image/jpeg',
    buffer: Buffer.from('this is not a picture'),
  });
  const note = page.locator('#cert-read-note');
  await expect(note).toHaveAttribute('aria-busy', 'false', { timeout: 30_000 });
  await expect(note).toContainText('“broken.jpg” could not be opened as a picture');
  await expect(page.getByLabel('Title')).toHaveValue('');
  await expect(page.locator('#seen-text')).toHaveCount(0);
});
