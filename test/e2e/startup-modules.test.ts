/**
 * What `kmsbench serve` loads before it answers (issue 15: start fast, stay small): never the AWS
 * SDK; not zod, the YAML parser, the asymmetric crypto, policy engine, custom key stores or
 * PKCS#11 until an operation or a configuration file needs them. Recorded by
 * test/support/record-modules.mjs in a real `serve` process, one worker and two.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CreateKeyCommand, EncryptCommand } from '@aws-sdk/client-kms';
import { afterAll, describe, expect, it } from 'vitest';
import { ACCOUNT, cleanUp, DIST_BUILT, readAudit, ROOT, sdk, startServe, tempDir } from './harness.js';

afterAll(cleanUp);

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

describe.skipIf(!DIST_BUILT)('what kmsbench serve loads on first need', () => {
  // The policy engine is loaded by the first request that needs a decision; that request waits
  // for it and is decided like any other. A restart on a data dir with a key whose policy denies
  // Encrypt: the first request of the new server is that Encrypt, and it is refused.
  it.each([1, 2])('with %i worker(s): the first request after a start is authorized, and the engine loads for it', async (workers) => {
    const dir = tempDir();
    const dataDir = join(dir, 'data');
    const root = `arn:aws:iam::${ACCOUNT}:root`;
    const policy = JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        { Sid: 'Enable IAM User Permissions', Effect: 'Allow', Principal: { AWS: root }, Action: 'kms:*', Resource: '*' },
        { Sid: 'NoEncrypt', Effect: 'Deny', Principal: { AWS: root }, Action: 'kms:Encrypt', Resource: '*' },
      ],
    });
    const before = await startServe({ dataDir, workers: 1 });
    const { KeyMetadata } = await sdk(before.url).send(new CreateKeyCommand({ Policy: policy }));
    before.signal('SIGTERM', 'primary');
    expect((await before.exited).code).toBe(0);

    const record = join(dir, 'modules.txt');
    const server = await startServe({
      dataDir,
      workers,
      env: { NODE_OPTIONS: `--import ${join(ROOT, 'test/support/record-modules.mjs')}`, KMSBENCH_RECORD_MODULES: record, KMSBENCH_NO_BUNDLE: '1' },
    });
    const refused = await sdk(server.url)
      .send(new EncryptCommand({ KeyId: KeyMetadata!.KeyId, Plaintext: Buffer.from('first request') }))
      .then(() => 'answered', (e: Error) => e.name);
    expect(refused).toBe('AccessDeniedException');
    server.signal('SIGTERM', 'primary');
    expect((await server.exited).code).toBe(0);
    const line = readAudit(dataDir).find((l) => l.eventName === 'Encrypt');
    expect(line).toMatchObject({ errorCode: 'AccessDeniedException', decision: 'explicit-deny', decidedBy: 'key-policy:NoEncrypt' });
    // The process that answered loaded the engine for it (and no other module of the NEVER list).
    const lists = readdirSync(dir).filter((f) => f.startsWith('modules.txt.')).map((f) => readFileSync(join(dir, f), 'utf8').split('\n').filter(Boolean));
    expect(lists).toHaveLength(workers);
    expect(lists.some((loaded) => loaded.some((m) => /reference-impl\/authz\//.test(m)))).toBe(true);
    for (const loaded of lists) {
      expect(loaded.filter((m) => NEVER_AT_START.some((re) => re.test(m)) && !/reference-impl\/authz\//.test(m))).toEqual([]);
    }
  });
});
