// Trunk post-build hook (see Trunk.toml). In the staging directory it:
// 1. writes sw.js with the list of every built file and a cache name made from their hash, so each
//    build installs as a new version and the old cache is deleted (the text reader's files are
//    listed apart: fetched on first use, not precached);
// 2. puts the SHA-256 hash of Trunk's inline loader script into the Content-Security-Policy of
//    index.html, so no other inline script can ever run;
// 3. gives sw.js its release's version and changes (the newest release of CHANGELOG.md), which the
//    update banner asks the waiting worker for.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error('sw-precache: TRUNK_STAGING_DIR is not set (run through trunk build)');
  process.exit(1);
}

function files(d) {
  return readdirSync(d).flatMap((name) => {
    const p = join(d, name);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}

// CSP: hash every inline <script> (Trunk's wasm loader) and list the hashes in script-src.
const indexPath = join(dir, 'index.html');
let html = readFileSync(indexPath, 'utf8');
const hashes = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map(
  (m) => `'sha256-${createHash('sha256').update(m[1]).digest('base64')}'`,
);
html = html.replace('__INLINE_SCRIPT_HASHES__', hashes.join(' '));
writeFileSync(indexPath, html);

const built = files(dir)
  .map((p) => relative(dir, p).split('\\').join('/'))
  .filter((p) => p !== 'sw.js')
  .sort();
// The text reader for photos (scripts/ocr-files.mjs) is not precached: it is fetched the first
// time a photo is read, then kept in a cache of its own.
const all = built.filter((p) => !p.startsWith('ocr/'));
const ocr = built.filter((p) => p.startsWith('ocr/'));
const reader = createHash('sha256');
for (const f of ocr) reader.update(f);
const readerCache = `cme-text-reader-${reader.digest('hex').slice(0, 16)}`;
const hash = createHash('sha256');
for (const f of all) hash.update(f).update(readFileSync(join(dir, f)));
const name = `cme-tracker-${hash.digest('hex').slice(0, 16)}`;
const precache = ['./', ...all.map((f) => `./${f}`)];
const sw = readFileSync(join(dir, 'sw.js'), 'utf8')
  .replace('__CACHE_NAME__', name)
  .replace('__PRECACHE__', JSON.stringify(precache))
  .replace('__TEXT_READER_CACHE__', readerCache)
  .replace('__WHATS_NEW__', JSON.stringify(bannerNews(readFileSync(join(dir, 'CHANGELOG.md'), 'utf8'))));
writeFileSync(join(dir, 'sw.js'), sw);

console.log(`sw-precache: ${precache.length} files in ${name}, ${ocr.length} kept on first use; ${hashes.length} inline script hash(es) in the CSP`);

// What the update banner says: the version and the headlines ("- **Headline.** text") of its first
// three changes (every visitor downloads sw.js; the rest is on the About page).
function bannerNews(text) {
  const { version, changes } = newestRelease(text);
  const headline = (c) => (c.match(/^\*\*(.+?)\*\*/) || [null, c.split(/(?<=\.)\s/)[0]])[1].trim();
  return { version, changes: changes.slice(0, 3).map(headline), more: Math.max(0, changes.length - 3) };
}

// The first "## <version> — <date>" section and its "- " items (wrapped lines joined), as
// src/domain/formats/changelog.rs reads the whole file for the app.
function newestRelease(text) {
  const release = { version: '', changes: [] };
  let started = false;
  for (const line of text.split('\n')) {
    if (line.startsWith('## ')) {
      if (started) break;
      started = true;
      release.version = line.slice(3).split(/\s[—–-]\s/)[0].trim().replace(/^v/, '');
    } else if (started && /^[-*] /.test(line)) {
      release.changes.push(line.slice(2).trim());
    } else if (started && /^\s{2,}\S/.test(line) && release.changes.length) {
      release.changes[release.changes.length - 1] += ` ${line.trim()}`;
    }
  }
  return release;
}
