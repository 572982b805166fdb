/**
 * Bundles what `kmsbench serve` runs into dist/serve-bundle/ (run by `npm run build` after tsc):
 * the `serve` command and the cluster's forked worker entry, from tsc's output in dist/, one file
 * each. Node's ESM loader reads each of the ~80 modules the server starts with through the thread
 * pool; one file cuts start-up time (scripts/bench-startup.ts). What the server imports lazily
 * (seeds, asymmetric crypto) is in the file but evaluated only when imported. Packages stay
 * external (better-sqlite3 is native; zod and yaml load only when needed). cli/main.ts
 * uses the bundle when it is newer than the last tsc run, dist/ otherwise (or with
 * KMSBENCH_NO_BUNDLE=1).
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
    serve: `${dist}cli/serve.js`,
    // Its name must stay cluster-worker.js: the primary forks `./cluster-worker.js` next to itself.
    'cluster-worker': `${dist}reference-impl/cluster/cluster-worker.js`,
  },
  outdir,
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});
