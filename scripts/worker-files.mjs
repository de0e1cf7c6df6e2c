// Trunk post-build hook (see Trunk.toml), before sw-precache.mjs. Two things about the worker's
// files (Trunk's `data-loader-shim` build: cme-worker_loader.js, cme-worker.js,
// cme-worker_bg.wasm), which Trunk names without a content hash:
//
// 1. Names with the hash of their content (cme-worker-<hash>_loader.js …), written into
//    index.html (`<meta name="cme-worker-loader">`, read by ui::worker_client). A tab still running the
//    previous build asks for the previous build's worker, which the service worker keeps (one
//    generation back, static/sw.js), and never loads a newer worker whose messages it cannot read.
//
// 2. A guard at the top of the loader, in the worker itself:
// Why: when the worker's WebAssembly fails while handling a message (a trap, or the engine's
// "Maximum call stack size exceeded"), the error escapes the message handler and nothing answers
// the page, which waits for ever; and the module's state is left half-changed, so every later
// message fails too. The guard runs the handler that gloo-worker installs (`onmessage`) inside
// try/catch; on an error it answers the request in gloo-worker's own message format
// (`{"ProcessOutput":[handler id, response]}`, JSON as `worker::Json` writes it) with
// `{"Stopped":{...}}`, then closes the worker. The page (ui::worker_client) hears `Stopped`, tells the
// person, and starts a new worker for the next request.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error('worker-guard: TRUNK_STAGING_DIR is not set (run through trunk build)');
  process.exit(1);
}

const guard = `// The page's guard (scripts/worker-guard.mjs): a failing message is answered, then the worker closes.
(() => {
  let handler = null;
  // The page's open connections (gloo-worker's handler ids), to answer when a message that is
  // not a request fails.
  const connected = new Set();
  Object.defineProperty(self, 'onmessage', {
    configurable: true,
    get: () => handler,
    set: (f) => { handler = f; },
  });
  self.addEventListener('message', (event) => {
    if (!handler) return;
    let message = null;
    try { message = JSON.parse(event.data); } catch (_) { /* not gloo-worker's: left to the handler */ }
    if (message && 'Connected' in message) connected.add(message.Connected);
    if (message && 'Disconnected' in message) connected.delete(message.Disconnected);
    try {
      handler.call(self, event);
    } catch (error) {
      const stopped = { Stopped: { detail: String((error && error.message) || error) } };
      const request = message && Array.isArray(message.ProcessInput) ? [message.ProcessInput[0]] : null;
      for (const id of request || connected) {
        self.postMessage(JSON.stringify({ ProcessOutput: [id, stopped] }));
      }
      self.close();
    }
  });
})();
// End of the page's guard.
`;

const loader = join(dir, 'cme-worker_loader.js');
if (!existsSync(loader)) {
  console.error('worker-files: no cme-worker_loader.js in the build (run through trunk build)');
  process.exit(1);
}
let text = readFileSync(loader, 'utf8');
// Run again on a loader that has the guard: replaced, never doubled.
const end = "// End of the page's guard.\n";
if (text.includes(end)) text = text.slice(text.indexOf(end) + end.length);
const glue = readFileSync(join(dir, 'cme-worker.js'));
const wasm = readFileSync(join(dir, 'cme-worker_bg.wasm'));
const hash = createHash('sha256').update(glue).update(wasm).update(guard).update(text).digest('hex').slice(0, 16);
const base = `cme-worker-${hash}`;
text = text
  .replace('./cme-worker.js', `./${base}.js`)
  .replace('./cme-worker_bg.wasm', `./${base}_bg.wasm`);
if (!text.includes(`./${base}.js`) || !text.includes(`./${base}_bg.wasm`)) {
  console.error(`worker-files: the loader does not name the worker's files as expected:\n${text}`);
  process.exit(1);
}
writeFileSync(join(dir, `${base}_loader.js`), guard + text);
renameSync(join(dir, 'cme-worker.js'), join(dir, `${base}.js`));
renameSync(join(dir, 'cme-worker_bg.wasm'), join(dir, `${base}_bg.wasm`));
// The loader under its old name is gone: nothing may load an unhashed worker.
unlinkSync(loader);

const indexPath = join(dir, 'index.html');
const html = readFileSync(indexPath, 'utf8');
const meta = `<meta name="cme-worker-loader" content="./${base}_loader.js" />`;
writeFileSync(indexPath, html.replace(/\s*<meta name="cme-worker-loader"[^>]*>/, '').replace('</head>', `  ${meta}\n  </head>`));
console.log(`worker-files: ${base}_loader.js, .js, _bg.wasm; the loader answers a request it fails on, then closes`);
