// Trunk post-build hook (see Trunk.toml), before sw-precache.mjs: puts a guard at the top of the
// worker's loader (Trunk's `data-loader-shim`, cme-worker_loader.js), in the worker itself.
//
// Why: when the worker's WebAssembly fails while handling a message (a trap, or the engine's
// "Maximum call stack size exceeded"), the error escapes the message handler and nothing answers
// the page, which waits for ever; and the module's state is left half-changed, so every later
// message fails too. The guard runs the handler that gloo-worker installs (`onmessage`) inside
// try/catch; on an error it answers the request in gloo-worker's own message format
// (`{"ProcessOutput":[handler id, response]}`, JSON as `worker::Json` writes it) with
// `{"Stopped":{...}}`, then closes the worker. The page (ui::jobs) hears `Stopped`, tells the
// person, and starts a new worker for the next request.
import { readFileSync, writeFileSync } from 'node:fs';
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
let text = readFileSync(loader, 'utf8');
// Run again on a built loader (by hand): the guard is replaced, never doubled.
const end = "// End of the page's guard.\n";
if (text.startsWith("// The page's guard") && text.includes(end)) text = text.slice(text.indexOf(end) + end.length);
else if (text.startsWith("// The page's guard")) text = text.slice(text.indexOf('})();\n') + 6);
writeFileSync(loader, guard + text);
console.log('worker-guard: the worker answers a request it fails on, then closes');
