/**
 * Injection from the command line, as a user runs it: `kmsbench serve --inject …` in one process,
 * `kmsbench load --endpoint URL …` (or plain signed calls) in another.
 *
 * - latency=Encrypt:p50=20,p99=60: the latency suite measures an Encrypt p50 of 15–30 ms (the
 *   injected median plus the server's own sub-millisecond time), while the operations without
 *   injection stay fast;
 * - error=KMSInternalException:0.05: of 600 Encrypt calls, 3–7 % fail with it — and with one
 *   worker and the default seed exactly as many as the injector's own draws say (deterministic).
 *
 * The statistical side (the fraction over many seeds) is in reference-impl/inject/injector.test.ts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { call } from '../../harness/client/raw-client.js';
import { LoadResultsSchema } from '../../harness/results/load-results.js';
import { Injector } from '../../reference-impl/inject/injector.js';
import { parseInjection } from '../../reference-impl/inject/injection-settings.js';
import { KeyStore } from '../../reference-impl/store/store.js';
import { CREDENTIALS, DIST_BUILT, kmsbench, killAllServers, NOT_BUILT_REASON, REGION, removeTempDirs, startServe, tempDir } from './harness.js';

afterAll(async () => {
  await killAllServers();
  removeTempDirs();
});

describe.skipIf(!DIST_BUILT)(`kmsbench serve --inject, measured from the CLI${DIST_BUILT ? '' : ` (${NOT_BUILT_REASON})`}`, () => {
  it('latency=Encrypt:p50=20,p99=60: kmsbench load measures an Encrypt p50 within 15–30 ms', { timeout: 120_000 }, async () => {
    const server = await startServe({ dataDir: tempDir(), workers: 1, extraArgs: ['--no-quotas', '--inject', 'latency=Encrypt:p50=20,p99=60'] });
    expect(server.stderr).toContain('injecting latency=Encrypt:p50=20,p99=60');
    const out = tempDir();
    const run = await kmsbench(['load', '--suite', 'latency', '--endpoint', server.url, '--rate', '50', '--duration', '3s', '--out', out], 110_000);
    expect(run.code, run.stderr + run.stdout).toBe(0);
    const doc = LoadResultsSchema.parse(JSON.parse(readFileSync(join(out, 'load.json'), 'utf8')));
    if (doc.analysis.suite !== 'latency') throw new Error('not a latency run');
    const row = (op: string) => doc.analysis.suite === 'latency' ? doc.analysis.operations.find((o) => o.operation === op)! : undefined!;
    const encrypt = row('Encrypt 1 KiB');
    console.log(`injected Encrypt p50=20,p99=60 → measured Encrypt 1 KiB p50 ${encrypt.p50.toFixed(2)} ms, p99 ${encrypt.p99.toFixed(2)} ms; DescribeKey p50 ${row('DescribeKey').p50.toFixed(2)} ms`);
    expect(encrypt.p50).toBeGreaterThanOrEqual(15);
    expect(encrypt.p50).toBeLessThanOrEqual(30);
    expect(row('Encrypt 4 KiB').p50).toBeGreaterThanOrEqual(15);
    expect(encrypt.errors).toBe(0);
    // Not injected: an order of magnitude faster.
    expect(row('DescribeKey').p50).toBeLessThan(encrypt.p50 / 3);
  });

  it('error=KMSInternalException:0.05: 3–7 % of 600 Encrypt calls fail with it, exactly as the seeded draws say', { timeout: 120_000 }, async () => {
    const server = await startServe({ dataDir: tempDir(), workers: 1, extraArgs: ['--no-quotas', '--inject', 'error=KMSInternalException:0.05'] });
    const kms = (target: string, body: unknown) => call({ endpoint: server.url, region: REGION, credentials: CREDENTIALS, target, body });
    const keyId = ((await kms('TrentService.CreateKey', {})).json as { KeyMetadata: { KeyId: string } }).KeyMetadata.KeyId;
    const codes = new Map<string, number>();
    // 10 at a time: the order of draws is the order of arrival, the count of failures is the same either way.
    for (let i = 0; i < 60; i++) {
      const replies = await Promise.all(Array.from({ length: 10 }, () => kms('TrentService.Encrypt', { KeyId: keyId, Plaintext: 'aGVsbG8=' })));
      for (const r of replies) codes.set(r.errorCode ?? String(r.status), (codes.get(r.errorCode ?? String(r.status)) ?? 0) + 1);
    }
    const failed = codes.get('KMSInternalException') ?? 0;
    console.log(`injected KMSInternalException at 0.05 → ${failed} of 600 Encrypt calls failed (${((failed / 600) * 100).toFixed(1)} %)`);
    expect([...codes.keys()].sort()).toEqual(['200', 'KMSInternalException']);
    expect(failed).toBeGreaterThanOrEqual(18);
    expect(failed).toBeLessThanOrEqual(42);
    // Deterministic: the CreateKey drew first (error rules without op= apply to every operation), then 600 Encrypts.
    const dir = tempDir();
    const store = new KeyStore({ path: join(dir, 'kms.sqlite'), coherence: 'notified' });
    const injector = new Injector(store);
    Injector.write(store, parseInjection(['error=KMSInternalException:0.05']));
    const draws = Array.from({ length: 601 }, (_, i) => injector.decide(i === 0 ? 'CreateKey' : 'Encrypt')?.error);
    expect(draws[0]).toBeUndefined(); // the CreateKey above succeeded
    expect(draws.slice(1).filter((e) => e === 'KMSInternalException').length).toBe(failed);
    store.close();
    // The metrics page counts them.
    const metrics = await (await fetch(`${server.url}/_kmsbench/metrics`)).text();
    expect(metrics).toContain(`kmsbench_injected_total{operation="Encrypt",kind="KMSInternalException"} ${failed}`);
  });

  it('kmsbench inject changes a running cluster: every worker injects, the metrics count them all, --clear stops it', { timeout: 60_000 }, async () => {
    const server = await startServe({ dataDir: tempDir(), workers: 2, extraArgs: ['--no-quotas'] });
    const kms = (target: string, body: unknown) => call({ endpoint: server.url, region: REGION, credentials: CREDENTIALS, target, body });
    const keyId = ((await kms('TrentService.CreateKey', {})).json as { KeyMetadata: { KeyId: string } }).KeyMetadata.KeyId;
    const set = await kmsbench(['inject', 'error=DependencyTimeoutException:1,op=Encrypt', '--endpoint', server.url]);
    expect(set.code, set.stderr).toBe(0);
    expect(set.stdout.trim()).toBe('injecting: error=DependencyTimeoutException:1,op=Encrypt');
    // 40 calls at once open several connections, which the cluster spreads over its workers.
    const replies = await Promise.all(Array.from({ length: 40 }, () => kms('TrentService.Encrypt', { KeyId: keyId, Plaintext: 'aGVsbG8=' })));
    expect(replies.map((r) => r.errorCode)).toEqual(replies.map(() => 'DependencyTimeoutException'));
    const metrics = await (await fetch(`${server.url}/_kmsbench/metrics`)).text();
    expect(metrics).toContain('kmsbench_injected_total{operation="Encrypt",kind="DependencyTimeoutException"} 40');
    const show = await kmsbench(['inject', '--show', '--endpoint', server.url]);
    expect(show.stdout).toMatch(/^injecting: error=DependencyTimeoutException:1,op=Encrypt\n {2}Encrypt DependencyTimeoutException: \d+\n$/);
    expect((await kmsbench(['inject', '--clear', '--endpoint', server.url])).stdout.trim()).toBe('injecting nothing');
    const after = await Promise.all(Array.from({ length: 20 }, () => kms('TrentService.Encrypt', { KeyId: keyId, Plaintext: 'aGVsbG8=' })));
    expect(after.map((r) => r.status)).toEqual(after.map(() => 200));
    const bad = await kmsbench(['inject', 'error=Nope:1', '--endpoint', server.url]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/error must be one of KMSInternalException/);
  });
});
