import { test as base, expect, Page } from '@playwright/test';

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
      page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
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
