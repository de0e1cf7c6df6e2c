// Trunk post-build hook, run before sw-precache.mjs (Trunk.toml). Splits the page's wasm into the
// first download (the frame and the welcome a first visit sees) and the modules loaded when needed:
// one per split point in src/main.rs (the records, the pages, the worker's side), and one for each
// set of them that shares code (src/ui/lazy.rs says what each holds).
//
// Trunk 0.21 has no step between linking and wasm-bindgen, and wasm-split-cli must run there: it
// reads the linker's relocations (build.rs asks for them), which wasm-bindgen and wasm-opt drop.
// So this hook takes the linked module Trunk built, splits it, runs wasm-bindgen and wasm-opt as
// Trunk does (same tools, same flags, plus --keep-lld-exports: the later modules import the
// function table), and puts the results in the staging directory under Trunk's own names, with
// the index.html integrity hashes made again. Trunk's wasm-opt pass on the page is off
// (index.html: data-wasm-opt="0"), as its result would be replaced here.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error('split: TRUNK_STAGING_DIR is not set (run through trunk build)');
  process.exit(1);
}
const release = process.env.TRUNK_PROFILE === 'release';
const linked = join(
  process.env.CARGO_TARGET_DIR || 'target',
  'wasm32-unknown-unknown',
  release ? 'release' : 'debug',
  'cme-tracker.wasm',
);

const loaders = readdirSync(dir).filter((f) => /^cme-tracker(-[0-9a-f]+)?\.js$/.test(f));
if (loaders.length !== 1) {
  console.error(`split: expected one cme-tracker JS file in ${dir}, found ${loaders.length}`);
  process.exit(1);
}
const stem = loaders[0].slice(0, -'.js'.length);
const run = (tool, args) => execFileSync(tool, args, { stdio: ['ignore', 'ignore', 'inherit'] });
const work = mkdtempSync(join(tmpdir(), 'cme-split-'));
try {
  // 1. Split: <stem>.wasm (the first module, still to go through wasm-bindgen), one .wasm per
  //    split point, and __wasm_split.js, which fetches and links them.
  run('wasm-split-cli', [linked, work, '--out-name', stem]);
  const parts = readdirSync(work).filter((f) => f.endsWith('.wasm') && f !== `${stem}.wasm`);
  if (parts.length === 0) {
    throw new Error('wasm-split-cli found no split point: are the wasm_split functions of src/main.rs linked?');
  }

  // 2. wasm-bindgen on the first module, with Trunk's flags for it (index.html).
  const bindgen = join(work, 'bindgen');
  run('wasm-bindgen', [
    '--target=web',
    `--out-dir=${bindgen}`,
    `--out-name=${stem}`,
    '--weak-refs',
    '--no-typescript',
    '--keep-lld-exports',
    join(work, `${stem}.wasm`),
  ]);

  // 3. wasm-opt -Oz on every module (release only, as Trunk does), into the staging directory.
  //    The later modules are named after the first, so each build's names are its own.
  //    CME_KEEP_NAMES=1 keeps the function names, for CPU profiles (docs/performance-history.md).
  const names = process.env.CME_KEEP_NAMES === '1' ? ['--debuginfo'] : [];
  const optimise = (from, to) => {
    if (release) run('wasm-opt', ['-Oz', ...names, `--output=${to}`, from]);
    else copyFileSync(from, to);
  };
  optimise(join(bindgen, `${stem}_bg.wasm`), join(dir, `${stem}_bg.wasm`));
  let linker = readFileSync(join(work, '__wasm_split.js'), 'utf8');
  for (const part of parts) {
    const name = `${stem}.${part}`;
    optimise(join(work, part), join(dir, name));
    linker = linker.replaceAll(`"./${part}"`, `"./${name}"`);
  }
  const linkerName = `${stem}.split.js`;
  writeFileSync(join(dir, linkerName), linker);
  // The glue imports the linker under the module name the wasm asks for ("./__wasm_split.js",
  // which stays the key of its import object); only the file it is fetched from is renamed.
  const glue = readFileSync(join(bindgen, `${stem}.js`), 'utf8');
  const from = 'from "./__wasm_split.js"';
  if (!glue.includes(from)) throw new Error('the wasm-bindgen glue does not import the split loader');
  writeFileSync(join(dir, `${stem}.js`), glue.replaceAll(from, `from "./${linkerName}"`));

  // 4. index.html: the linker is preloaded beside the glue (it would otherwise wait for the glue
  //    to be parsed), and every integrity hash is made from the files as they now are.
  const indexPath = join(dir, 'index.html');
  let html = readFileSync(indexPath, 'utf8');
  const gluePreload = html.match(/<link rel="modulepreload" href="\.\/[^"]+\.js"[^>]*>/);
  if (!gluePreload) throw new Error('index.html has no modulepreload link for the glue');
  html = html.replace(
    gluePreload[0],
    `${gluePreload[0]}<link rel="modulepreload" href="./${linkerName}" crossorigin="anonymous" integrity="">`,
  );
  html = html.replace(/(<link [^>]*href="\.\/([^"]+)"[^>]*integrity=")[^"]*(")/g, (_, head, file, tail) => {
    const digest = createHash('sha384').update(readFileSync(join(dir, file))).digest('base64');
    return `${head}sha384-${digest}${tail}`;
  });
  writeFileSync(indexPath, html);

  const kb = (f) => Math.round(readFileSync(join(dir, f)).length / 1024);
  console.log(
    `split: ${stem}_bg.wasm ${kb(`${stem}_bg.wasm`)} KB first, ` +
      parts.map((p) => `${stem}.${p} ${kb(`${stem}.${p}`)} KB on first use`).join(', ') +
      ' (raw)',
  );
} finally {
  rmSync(work, { recursive: true, force: true });
}
