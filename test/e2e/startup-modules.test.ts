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

// Paths in dist/ and, where `npm run build` bundled the server, the bundle's lazily loaded chunks (named after their module).
const NEVER_AT_START = [/serve-bundle\/(read-seed|apply-seed|asymmetric-keys)-/, /@aws-sdk\//, /@smithy\//, /node_modules\/zod\//, /node_modules\/yaml\//, /pkcs11js/, /reference-impl\/(authz|keystores|xks-proxy|seed)\//, /reference-impl\/hsm\/(asymmetric|sign|key-agreement|hmac|data-key-pair|import)/, /harness\/(conformance|load|plan|k6|gate)\//];

describe.skipIf(!DIST_BUILT)('modules loaded by kmsbench serve before it answers', () => {
  it.each([1, 2])('with %i worker(s): none of the SDK, zod, YAML, asymmetric crypto, authz, key stores', async (workers) => {
    const dir = tempDir();
    const record = join(dir, 'modules.txt');
    const server = await startServe({
      dataDir: join(dir, 'data'),
      workers,
      env: { NODE_OPTIONS: `--import ${join(ROOT, 'test/support/record-modules.mjs')}`, KMSBENCH_RECORD_MODULES: record },
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
      expect(loaded.some((m) => m.includes('reference-impl/components.js') || m.includes('serve-bundle/'))).toBe(true); // it did record the server
      expect(loaded.filter((m) => NEVER_AT_START.some((re) => re.test(m)))).toEqual([]);
    }
  });
});
