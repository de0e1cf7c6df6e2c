// Renders the PWA icons (PNG) from static/icon.svg with Debian's Chromium. Run once after changing
// the icon: `node scripts/make-icons.mjs`. The PNGs are committed; builds never run this.
import { chromium } from '@playwright/test';
import { readFileSync } from 'node:fs';

const svg = readFileSync(new URL('../static/icon.svg', import.meta.url), 'utf8');
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const page = await browser.newPage();
const shots = [
  ['icon-192.png', 192, false],
  ['icon-512.png', 512, false],
  ['apple-touch-icon-180.png', 180, true],
  ['icon-maskable-512.png', 512, true],
];
for (const [name, size, bleed] of shots) {
  await page.setViewportSize({ width: size, height: size });
  // Maskable and Apple icons fill the square; the mark stays inside the central safe zone.
  const inner = bleed ? svg.replace('rx="14"', 'rx="0"') : svg;
  const scale = bleed ? 0.8 : 1;
  await page.setContent(`<html><body style="margin:0;background:${bleed ? '#0b5cad' : 'transparent'}">
    <div style="width:${size}px;height:${size}px;display:grid;place-items:center">
      <div style="width:${size * scale}px;height:${size * scale}px">${inner.replace('<svg ', `<svg width="${size * scale}" height="${size * scale}" `)}</div>
    </div></body></html>`);
  await page.screenshot({ path: `static/icons/${name}`, omitBackground: !bleed });
}
await browser.close();
