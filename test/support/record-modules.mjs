// Preload (`node --import`) that records every module the process loads, CommonJS and ESM, and
// writes the list to $KMSBENCH_RECORD_MODULES.<pid> (one path or URL a line) when the process exits.
// test/e2e/startup-modules.test.ts uses it to check what `kmsbench serve` loads at start.
import { writeFileSync } from 'node:fs';
import Module, { register } from 'node:module';
import { MessageChannel } from 'node:worker_threads';

const out = process.env.KMSBENCH_RECORD_MODULES;
if (out) {
  const seen = new Set();
  const load = Module._load;
  Module._load = function (request, parent, isMain) {
    const result = load.apply(this, arguments);
    try {
      seen.add(Module._resolveFilename(request, parent, isMain));
    } catch {
      seen.add(request);
    }
    return result;
  };
  const { port1, port2 } = new MessageChannel();
  port1.on('message', (url) => seen.add(url));
  port1.unref();
  const hook = `let port; export function initialize(data) { port = data.port; }
export async function load(url, context, next) { port.postMessage(url); return next(url, context); }`;
  register(`data:text/javascript,${encodeURIComponent(hook)}`, { data: { port: port2 }, transferList: [port2] });
  // One file per process (a cluster's children inherit NODE_OPTIONS).
  process.on('exit', () => writeFileSync(`${out}.${process.pid}`, [...seen].join('\n') + '\n'));
}
