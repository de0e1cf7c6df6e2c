// Paper certificates as providers print them, and as a phone photographs them: rendered by the
// browser, then laid a few degrees askew on a desk, a shadow across the page, sensor noise and
// JPEG compression. Shared by tests/e2e/photos.spec.ts and the benchmark (scripts/bench-photo.mjs).
// Each certificate: its file name, its page (HTML), what should be read from it (title, ISO date,
// credit type code, amount, provider), and how it is photographed.

function layout(body, style = 'serif') {
  const font = style === 'serif' ? "'DejaVu Serif', serif" : "'DejaVu Sans', sans-serif";
  return `<!doctype html><html><body style="margin:0;background:#fff">
    <div style="box-sizing:border-box;width:1100px;height:850px;padding:48px 70px;border:14px double #6b4f1d;
      font-family:${font};color:#1b1b1b;text-align:center;line-height:1.35">${body}</div></body></html>`;
}

export const CERTIFICATES = [
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
export async function photograph(browser, c) {
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
      const g = canvas.getContext('2d');
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

