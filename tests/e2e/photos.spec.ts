import { test, expect, openApp, screenshots } from './fixtures';
import type { Browser, Page } from '@playwright/test';

// Paper certificates photographed with a phone, read on the device (src/worker/photos.rs,
// domain::formats::photo, Tesseract through static/ocr.js). Each certificate is laid out as
// providers print them, rendered by the browser, then made into a phone photo: a few degrees
// askew on a desk, a shadow across it, sensor noise and JPEG compression.

type Certificate = {
  file: string;
  html: string;
  title: string;
  date: string;
  type: string;
  amount: string;
  provider?: string;
  photo: { angle: number; shadow: number; quality: number; noise: number };
};

function layout(body: string, style = 'serif') {
  const font = style === 'serif' ? "'DejaVu Serif', serif" : "'DejaVu Sans', sans-serif";
  return `<!doctype html><html><body style="margin:0;background:#fff">
    <div style="box-sizing:border-box;width:1100px;height:850px;padding:48px 70px;border:14px double #6b4f1d;
      font-family:${font};color:#1b1b1b;text-align:center;line-height:1.35">${body}</div></body></html>`;
}

const CERTIFICATES: Certificate[] = [
  {
    file: 'pain.jpg',
    html: layout(`<h1 style="font-size:46px;margin:10px 0 24px">Certificate of Completion</h1>
      <p style="font-size:22px">This certifies that</p><p style="font-size:34px;font-style:italic;margin:6px">Jane Doe, MD</p>
      <p style="font-size:22px">has participated in the enduring material titled</p>
      <p style="font-size:30px;font-weight:bold;margin:8px">Managing Chronic Pain in Older Adults</p>
      <p style="font-size:22px">Date of completion: March 14, 2026</p>
      <p style="font-size:18px;margin:26px 30px">Example Health designates this enduring material for a maximum of 1.5 AMA PRA Category 1 Credits™.
      Physicians should claim only the credit commensurate with the extent of their participation in the activity.</p>
      <p style="font-size:18px">Provider: Example Health Continuing Education</p>`),
    title: 'Managing Chronic Pain in Older Adults', date: '2026-03-14', type: 'AMA_PRA_CAT1', amount: '1.5',
    provider: 'Example Health Continuing Education',
    photo: { angle: 2.0, shadow: 0.55, quality: 0.7, noise: 10 },
  },
  {
    file: 'sepsis.jpg',
    html: layout(`<h1 style="font-size:40px;margin:10px 0 30px">Certificate of Successful Completion</h1>
      <p style="font-size:24px;text-align:left">Title: Sepsis Recognition in the Emergency Department</p>
      <p style="font-size:24px;text-align:left">Provided by: Lakeside Nursing Education</p>
      <p style="font-size:24px;text-align:left">Completed on: 2026-09-18</p>
      <p style="font-size:24px;text-align:left">Nursing contact hours: 2.5</p>
      <p style="font-size:16px;margin-top:40px">Lakeside Nursing Education is accredited as a provider of nursing continuing professional development by the American Nurses Credentialing Center's Commission on Accreditation.</p>`, 'sans'),
    title: 'Sepsis Recognition in the Emergency Department', date: '2026-09-18', type: 'ANCC_CONTACT_HOUR', amount: '2.5',
    provider: 'Lakeside Nursing Education',
    photo: { angle: -1.5, shadow: 0.5, quality: 0.6, noise: 12 },
  },
  {
    file: 'omt.jpg',
    html: layout(`<p style="font-size:26px;letter-spacing:3px">AMERICAN OSTEOPATHIC ASSOCIATION</p>
      <h1 style="font-size:38px;margin:14px 0 30px">Certificate of Attendance</h1>
      <p style="font-size:24px">Activity: Osteopathic Manipulative Treatment Update</p>
      <p style="font-size:24px">Date: June 3, 2026</p>
      <p style="font-size:24px">Provider: Great Lakes Osteopathic Society</p>
      <p style="font-size:20px;margin-top:36px">This program has been approved for 18.0 AOA Category 1-A credits.</p>`),
    title: 'Osteopathic Manipulative Treatment Update', date: '2026-06-03', type: 'AOA_1A', amount: '18',
    provider: 'Great Lakes Osteopathic Society',
    photo: { angle: 3.0, shadow: 0.6, quality: 0.65, noise: 8 },
  },
  {
    file: 'hf.jpg',
    html: layout(`<h1 style="font-size:42px;margin:10px 0 24px">Certificate of Participation</h1>
      <p style="font-size:24px">Course title: Heart Failure Guidelines Review</p>
      <p style="font-size:24px">Date of completion: January 9, 2026</p>
      <p style="font-size:19px;margin:30px 20px">Successful completion of this CME activity enables the participant to earn up to
      10 Medical Knowledge MOC points in the American Board of Internal Medicine's (ABIM) Maintenance of Certification (MOC) program.</p>
      <p style="font-size:20px">Provider: Midwest Cardiology Society</p>`, 'sans'),
    title: 'Heart Failure Guidelines Review', date: '2026-01-09', type: 'ABIM_MOC_POINT', amount: '10',
    provider: 'Midwest Cardiology Society',
    photo: { angle: -2.5, shadow: 0.5, quality: 0.7, noise: 10 },
  },
  {
    file: 'asthma.jpg',
    html: layout(`<h1 style="font-size:44px;margin:10px 0 28px">Certificate</h1>
      <p style="font-size:24px">Program title: Pediatric Asthma in Primary Care</p>
      <p style="font-size:24px">Date: 05/12/2026</p>
      <p style="font-size:24px">Sponsor: Valley Family Medicine Association</p>
      <p style="font-size:19px;margin:34px 30px">This Live activity, Pediatric Asthma in Primary Care, has been reviewed and is acceptable for up to
      3.0 Prescribed credits by the American Academy of Family Physicians.</p>`),
    title: 'Pediatric Asthma in Primary Care', date: '2026-05-12', type: 'AAFP_PRESCRIBED', amount: '3',
    provider: 'Valley Family Medicine Association',
    photo: { angle: 1.2, shadow: 0.45, quality: 0.6, noise: 12 },
  },
  {
    file: 'wound.jpg',
    html: layout(`<h1 style="font-size:40px;margin:10px 0 26px">Certificate of Completion</h1>
      <p style="font-size:24px;text-align:left">Title: Pressure Injury Prevention and Wound Care</p>
      <p style="font-size:24px;text-align:left">Date completed: November 2, 2026</p>
      <p style="font-size:24px;text-align:left">Provider: Riverside Health System</p>
      <p style="font-size:24px;text-align:left">Contact hours awarded: 1.2</p>
      <p style="font-size:16px;margin-top:36px">Riverside Health System is approved as a provider of nursing continuing professional development.</p>`, 'sans'),
    title: 'Pressure Injury Prevention and Wound Care', date: '2026-11-02', type: 'ANCC_CONTACT_HOUR', amount: '1.2',
    provider: 'Riverside Health System',
    photo: { angle: -0.8, shadow: 0.55, quality: 0.55, noise: 14 },
  },
  {
    file: 'stroke.jpg',
    html: layout(`<h1 style="font-size:42px;margin:10px 0 24px">Certificate of Completion</h1>
      <p style="font-size:22px">presented to</p><p style="font-size:32px;font-style:italic;margin:6px">John Smith, DO</p>
      <p style="font-size:24px">Activity title: Acute Stroke Management</p>
      <p style="font-size:24px">Completion date: February 20, 2026</p>
      <p style="font-size:18px;margin:28px 30px">Northwest Neurology Institute designates this live activity for a maximum of 0.75 AMA PRA Category 1 Credits™.</p>
      <p style="font-size:18px">Provider: Northwest Neurology Institute</p>`),
    title: 'Acute Stroke Management', date: '2026-02-20', type: 'AMA_PRA_CAT1', amount: '0.75',
    provider: 'Northwest Neurology Institute',
    photo: { angle: 2.6, shadow: 0.6, quality: 0.6, noise: 10 },
  },
  {
    file: 'opioids.jpg',
    html: layout(`<h1 style="font-size:40px;margin:10px 0 26px">Statement of Credit</h1>
      <p style="font-size:24px">Course: Safer Opioid Prescribing</p>
      <p style="font-size:24px">Date of completion: August 22, 2026</p>
      <p style="font-size:24px">Provider: State Pharmacy Education Council</p>
      <p style="font-size:22px;margin-top:30px">Pharmacy contact hours: 2.0</p>
      <p style="font-size:16px;margin-top:20px">The State Pharmacy Education Council is accredited by the Accreditation Council for Pharmacy Education as a provider of continuing pharmacy education.</p>`, 'sans'),
    title: 'Safer Opioid Prescribing', date: '2026-08-22', type: 'ACPE', amount: '2',
    provider: 'State Pharmacy Education Council',
    photo: { angle: -2.0, shadow: 0.5, quality: 0.65, noise: 10 },
  },
  {
    file: 'sepsis-conference.jpg',
    html: layout(`<h1 style="font-size:42px;margin:10px 0 24px">Certificate of Attendance</h1>
      <p style="font-size:24px">Program: Annual Critical Care Conference</p>
      <p style="font-size:24px">Date of completion: October 7, 2026</p>
      <p style="font-size:24px">Presented by: Coastal Medical Society</p>
      <p style="font-size:18px;margin:30px 30px">Coastal Medical Society designates this live activity for a maximum of 12.25 AMA PRA Category 1 Credits™.</p>`),
    title: 'Annual Critical Care Conference', date: '2026-10-07', type: 'AMA_PRA_CAT1', amount: '12.25',
    provider: 'Coastal Medical Society',
    photo: { angle: 1.8, shadow: 0.5, quality: 0.7, noise: 12 },
  },
  {
    file: 'dermatology.jpg',
    html: layout(`<h1 style="font-size:40px;margin:10px 0 26px">Certificate of Completion</h1>
      <p style="font-size:24px;text-align:left">Title: Skin Cancer Screening for Physician Assistants</p>
      <p style="font-size:24px;text-align:left">Date: April 30, 2026</p>
      <p style="font-size:24px;text-align:left">Provider: Desert Physician Assistant Academy</p>
      <p style="font-size:20px;text-align:left;margin-top:30px">This activity is designated for 4.0 AAPA Category 1 CME credits.</p>`, 'sans'),
    title: 'Skin Cancer Screening for Physician Assistants', date: '2026-04-30', type: 'AAPA_CAT1', amount: '4',
    provider: 'Desert Physician Assistant Academy',
    photo: { angle: -3.0, shadow: 0.55, quality: 0.6, noise: 10 },
  },
];

/**
 * The certificate as a phone photographs it: rendered by the browser, then laid a few degrees
 * askew on a desk, lit unevenly (a shadow from one side), with sensor noise, saved as JPEG.
 */
async function photograph(browser: Browser, c: Certificate): Promise<Buffer> {
  const page = await browser.newPage({ viewport: { width: 1100, height: 850 } });
  await page.setContent(c.html);
  const png = (await page.screenshot()).toString('base64');
  const jpeg = await page.evaluate(
    async ({ png, photo }) => {
      const image = new Image();
      image.src = `data:image/png;base64,${png}`;
      await image.decode();
      const [width, height] = [1700, 1300];
      const canvas = document.createElement('canvas');
      canvas.width = width;
      canvas.height = height;
      const g = canvas.getContext('2d')!;
      g.fillStyle = '#7a6650';
      g.fillRect(0, 0, width, height);
      g.translate(width / 2, height / 2);
      g.rotate((photo.angle * Math.PI) / 180);
      const scale = 1.45;
      g.filter = 'blur(0.7px)';
      g.drawImage(image, (-image.width * scale) / 2, (-image.height * scale) / 2, image.width * scale, image.height * scale);
      g.filter = 'none';
      g.setTransform(1, 0, 0, 1, 0, 0);
      // The shadow: light falling off towards one side, and a little towards the top.
      g.globalCompositeOperation = 'multiply';
      const fall = g.createLinearGradient(0, 0, width, height * 0.3);
      const dark = Math.round(255 * photo.shadow);
      fall.addColorStop(0, `rgb(${dark},${dark},${Math.round(dark * 1.05)})`);
      fall.addColorStop(1, 'rgb(255,250,240)');
      g.fillStyle = fall;
      g.fillRect(0, 0, width, height);
      g.globalCompositeOperation = 'source-over';
      // Sensor noise, the same for every run (a seeded generator).
      const pixels = g.getImageData(0, 0, width, height);
      let seed = 12345;
      for (let i = 0; i < pixels.data.length; i += 4) {
        seed = (seed * 1103515245 + 12345) & 0x7fffffff;
        const n = ((seed >> 8) % (2 * photo.noise + 1)) - photo.noise;
        pixels.data[i] += n;
        pixels.data[i + 1] += n;
        pixels.data[i + 2] += n;
      }
      g.putImageData(pixels, 0, 0);
      return canvas.toDataURL('image/jpeg', photo.quality).split(',')[1];
    },
    { png, photo: c.photo },
  );
  await page.close();
  return Buffer.from(jpeg, 'base64');
}

/** Chooses the photo as the certificate to start from; resolves when the reading has ended. */
async function readPhoto(page: Page, name: string, photo: Buffer) {
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
  // The reader's files came from this site, once, into their own cache.
  const reader = fetched.filter((p) => p.includes('/ocr/'));
  expect(reader.some((p) => p.endsWith('.wasm'))).toBe(true);
  expect(reader.some((p) => p.endsWith('.traineddata.gz'))).toBe(true);
  const cached = await page.evaluate(async () => (await (await caches.open('cme-text-reader')).keys()).length);
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
