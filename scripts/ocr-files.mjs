// Trunk post-build hook (see Trunk.toml), before sw-precache.mjs: the text reader for
// photographed certificates, put into the build under names with the hash of their content
// (ocr/<name>-<hash>.<ext>), and named in index.html (`<meta name="cme-ocr">`, read by
// ui::components::certificates and handed to the worker). From the npm packages that
// scripts/setup.sh installs (package-lock.json pins them): tesseract.js-core (Tesseract compiled
// to WebAssembly, LSTM engine only, with and without SIMD) and @tesseract.js-data/eng (the
// English "best_int" model, gzipped). None of it is in the first download or the service
// worker's precache: it is fetched the first time a photo is read, then kept (static/sw.js).
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error('ocr-files: TRUNK_STAGING_DIR is not set (run through trunk build)');
  process.exit(1);
}

const core = 'node_modules/tesseract.js-core';
const sources = {
  glue: 'static/ocr.js',
  simd_script: `${core}/tesseract-core-simd-lstm.js`,
  simd_wasm: `${core}/tesseract-core-simd-lstm.wasm`,
  plain_script: `${core}/tesseract-core-lstm.js`,
  plain_wasm: `${core}/tesseract-core-lstm.wasm`,
  english: 'node_modules/@tesseract.js-data/eng/4.0.0_best_int/eng.traineddata.gz',
};

mkdirSync(join(dir, 'ocr'), { recursive: true });
const names = {};
for (const [key, source] of Object.entries(sources)) {
  if (!existsSync(source)) {
    console.error(`ocr-files: ${source} is missing (run scripts/setup.sh, which runs npm ci)`);
    process.exit(1);
  }
  const hash = createHash('sha256').update(readFileSync(source)).digest('hex').slice(0, 16);
  const file = source.split('/').pop();
  const dot = file.indexOf('.');
  const name = `ocr/${file.slice(0, dot)}-${hash}${file.slice(dot)}`;
  copyFileSync(source, join(dir, name));
  names[key] = `./${name}`;
}

const indexPath = join(dir, 'index.html');
const html = readFileSync(indexPath, 'utf8');
// In single quotes: the JSON's own need no escaping (the names have no quote of either kind).
const meta = `<meta name="cme-ocr" content='${JSON.stringify(names)}' />`;
writeFileSync(indexPath, html.replace(/\s*<meta name="cme-ocr"[^>]*>/, '').replace('</head>', `  ${meta}\n  </head>`));
console.log(`ocr-files: ${Object.keys(names).length} files of the text reader in ocr/`);
