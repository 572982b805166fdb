/**
 * What `kmsbench serve` loads before it answers (issue 15: start fast, stay small): never the AWS
 * SDK; not zod, the YAML parser, the asymmetric crypto, policy engine, custom key stores or
 * PKCS#11 until an operation or a configuration file needs them. Recorded by
 * test/support/record-modules.mjs in a real `serve` process, one worker and two.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DIST_BUILT, killAllServers, removeTempDirs, ROOT, startServe, tempDir } from './harness.js';

afterAll(async () => {
  await killAllServers();
  removeTempDirs();
});

const NEVER_AT_START = [/@aws-sdk\//, /@smithy\//, /node_modules\/zod\//, /node_modules\/yaml\//, /pkcs11js/, /reference-impl\/(authz|keystores|xks-proxy|seed)\//, /reference-impl\/hsm\/(asymmetric|sign|key-agreement|hmac|data-key-pair|import)/, /harness\/(conformance|load|plan|k6|gate)\//];

describe.skipIf(!DIST_BUILT)('modules loaded by kmsbench serve before it answers', () => {
  // Unbundled, each module of the server loads on its own and shows; the bundle `npm run build`
  // makes (scripts/bundle-server.ts) is one file, in which only packages show.
  it.each([
    [1, 'plain'],
    [2, 'plain'],
    [1, 'bundled'],
    [2, 'bundled'],
  ] as const)('with %i worker(s), %s build: none of the SDK, zod, YAML, asymmetric crypto, authz, key stores', async (workers, build) => {
    const dir = tempDir();
    const record = join(dir, 'modules.txt');
    const server = await startServe({
      dataDir: join(dir, 'data'),
      workers,
      env: {
        NODE_OPTIONS: `--import ${join(ROOT, 'test/support/record-modules.mjs')}`,
        KMSBENCH_RECORD_MODULES: record,
        ...(build === 'plain' ? { KMSBENCH_NO_BUNDLE: '1' } : {}),
      },
    });
    const health = await fetch(`${server.url}/_kmsbench/health`);
    expect(health.status).toBe(200);
    server.signal('SIGTERM', 'primary');
    expect((await server.exited).code).toBe(0);
    // One list per process: the primary and its forked children (they inherit NODE_OPTIONS).
    const lists = readdirSync(dir).filter((f) => f.startsWith('modules.txt.'));
    expect(lists).toHaveLength(workers);
    for (const list of lists) {
      const loaded = readFileSync(join(dir, list), 'utf8').split('\n').filter(Boolean);
      // It did record the server (the bundle only where `npm run build` made one).
      expect(loaded.some((m) => m.includes('reference-impl/components.js') || (build === 'bundled' && m.includes('serve-bundle/')))).toBe(true);
      expect(loaded.filter((m) => NEVER_AT_START.some((re) => re.test(m)))).toEqual([]);
    }
  });
});
