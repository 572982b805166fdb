/**
 * Bundles what `kmsbench serve` runs into dist/serve-bundle/ (run by `npm run build` after tsc):
 * the `serve` command and the cluster's forked worker entry, from tsc's output in dist/. Node's
 * ESM loader reads each of the ~80 modules the server starts with through the thread pool; one
 * bundle (plus a chunk per lazily loaded part: seeds, YAML, asymmetric crypto) cuts start-up time
 * (scripts/bench-startup.ts). Packages stay external (better-sqlite3 is native; zod and yaml load
 * only when needed). harness/cli/main.ts uses the bundle when it is there, dist/ otherwise.
 *
 * @module
 */
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const dist = fileURLToPath(new URL('..', import.meta.url)); // dist/ (this file runs as dist/scripts/bundle-server.js)
const outdir = `${dist}serve-bundle`;
rmSync(outdir, { recursive: true, force: true });
await build({
  entryPoints: {
    serve: `${dist}harness/cli/serve.js`,
    // Its name must stay cluster-worker.js: the primary forks `./cluster-worker.js` next to itself.
    'cluster-worker': `${dist}reference-impl/cluster/cluster-worker.js`,
  },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});
