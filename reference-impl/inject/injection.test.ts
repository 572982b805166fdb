/**
 * Injection through the whole server, over HTTP: where it sits in the pipeline (after auth,
 * validation and quota; an injected error does no work), what the client sees (AWS-shaped errors,
 * a reset connection, a delay that does not block the event loop), the audit log, the metrics,
 * and changes at run time through the control API.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../../harness/client/raw-client.js';
import { startServer, type RunningServer } from '../server.js';

const dir = mkdtempSync(join(tmpdir(), 'kmsbench-injection-'));
let server: RunningServer;
const kms = (target: string, body: unknown = {}) =>
  call({ endpoint: server.url, region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' }, target, body });
const setInjection = async (items: string[]) => {
  const r = await kms('KmsBench.SetInjection', { Inject: items });
  expect(r.status, r.text).toBe(200);
  return r.json;
};
let keyId: string;

beforeAll(async () => {
  server = await startServer({
    port: 0,
    dataDir: dir,
    workers: 1,
    quotas: { enabled: false },
    inject: { items: ['error=KMSInternalException:1,op=Encrypt'] },
  });
  const created = await kms('TrentService.CreateKey', {});
  keyId = (created.json as { KeyMetadata: { KeyId: string } }).KeyMetadata.KeyId;
});
afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

const plaintext = Buffer.from('hello').toString('base64');

describe('injection in the reference server', () => {
  it('--inject: the configured error, AWS-shaped, on that operation only; bad input is still refused first', async () => {
    const r = await kms('TrentService.Encrypt', { KeyId: keyId, Plaintext: plaintext });
    expect(r.status).toBe(500);
    expect(r.json).toEqual({ __type: 'KMSInternalException', message: 'The request was rejected because an internal exception occurred. The request can be retried.' });
    // Validation comes first: an invalid request is refused as such, not injected.
    const invalid = await kms('TrentService.Encrypt', { KeyId: keyId });
    expect(invalid.errorCode).toBe('ValidationException');
    // Auth comes first too.
    const unsigned = await call({ endpoint: server.url, region: 'us-east-1', credentials: { accessKeyId: 'nobody', secretAccessKey: 'x' }, target: 'TrentService.Encrypt', body: { KeyId: keyId, Plaintext: plaintext } });
    expect(unsigned.errorCode).toBe('UnrecognizedClientException');
    expect((await kms('TrentService.DescribeKey', { KeyId: keyId })).status).toBe(200);
  });

  it('an injected error does no work: CreateKey failed on purpose creates no key', async () => {
    const before = ((await kms('TrentService.ListKeys', {})).json as { Keys: unknown[] }).Keys.length;
    await setInjection(['error=DependencyTimeoutException:1,op=CreateKey']);
    const r = await kms('TrentService.CreateKey', {});
    expect([r.status, r.errorCode]).toEqual([503, 'DependencyTimeoutException']);
    expect(((await kms('TrentService.ListKeys', {})).json as { Keys: unknown[] }).Keys.length).toBe(before);
  });

  it('SetInjection at run time: latency delays the reply on a timer while other calls are answered at once', async () => {
    const reply = await setInjection(['latency=Encrypt:p50=150,p99=150']);
    expect(reply).toEqual({ Inject: ['latency=Encrypt:p50=150,p99=150'], Seed: 1 });
    const started = performance.now();
    const slow = kms('TrentService.Encrypt', { KeyId: keyId, Plaintext: plaintext }).then((r) => ({ r, ms: performance.now() - started }));
    await new Promise((resolve) => setTimeout(resolve, 20));
    const quickStart = performance.now();
    const quick = await kms('TrentService.DescribeKey', { KeyId: keyId });
    const quickMs = performance.now() - quickStart;
    const { r, ms } = await slow;
    expect(r.status).toBe(200);
    expect(ms).toBeGreaterThanOrEqual(145);
    expect(quick.status).toBe(200);
    expect(quickMs).toBeLessThan(120); // answered while the Encrypt was still waiting
    // The delayed Encrypt did its work: its ciphertext decrypts.
    const blob = (r.json as { CiphertextBlob: string }).CiphertextBlob;
    const back = await kms('TrentService.Decrypt', { CiphertextBlob: blob });
    expect((back.json as { Plaintext: string }).Plaintext).toBe(plaintext);
  });

  it('error=reset: the connection is reset instead of answered', async () => {
    await setInjection(['error=reset:1,op=Encrypt']);
    await expect(kms('TrentService.Encrypt', { KeyId: keyId, Plaintext: plaintext })).rejects.toMatchObject({ code: expect.stringMatching(/ECONNRESET|UND_ERR_SOCKET/) });
    expect((await kms('TrentService.DescribeKey', { KeyId: keyId })).status).toBe(200);
  });

  it('SetInjection refuses bad items with a ValidationException; {} stops injecting', async () => {
    const bad = await kms('KmsBench.SetInjection', { Inject: ['error=Nope:1'] });
    expect(bad.status).toBe(400);
    expect(bad.errorCode).toBe('ValidationException');
    expect(bad.errorMessage).toMatch(/error must be one of KMSInternalException/);
    expect((await kms('KmsBench.SetInjection', { Inject: 'x' })).errorCode).toBe('ValidationException');
    await setInjection([]);
    expect((await kms('TrentService.Encrypt', { KeyId: keyId, Plaintext: plaintext })).status).toBe(200);
  });

  it('injected calls are counted (GetInjection, the metrics page) and marked in the audit log', async () => {
    const got = (await kms('KmsBench.GetInjection')).json as { Inject: string[]; Counts: Record<string, number> };
    expect(got.Inject).toEqual([]);
    expect(got.Counts).toMatchObject({ 'Encrypt|KMSInternalException': 1, 'CreateKey|DependencyTimeoutException': 1, 'Encrypt|latency': 1, 'Encrypt|reset': 1 });
    const metrics = await (await fetch(`${server.url}/_kmsbench/metrics`)).text();
    expect(metrics).toContain('kmsbench_injected_total{operation="Encrypt",kind="KMSInternalException"} 1');
    expect(metrics).toContain('kmsbench_injected_total{operation="Encrypt",kind="reset"} 1');
    const auditFile = join(dir, 'audit.log');
    let lines: Array<Record<string, unknown>> = [];
    for (let i = 0; i < 50 && !lines.some((l) => l.errorCode === 'ConnectionReset'); i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      if (existsSync(auditFile)) lines = readFileSync(auditFile, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    }
    const injected = lines.filter((l) => l.injected !== undefined);
    expect(injected.map((l) => [l.eventName, l.errorCode ?? null, String(l.injected).replace(/[\d.]+ms/, 'Nms')])).toEqual([
      ['Encrypt', 'KMSInternalException', 'error=KMSInternalException'],
      ['CreateKey', 'DependencyTimeoutException', 'error=DependencyTimeoutException'],
      ['Encrypt', null, 'latency=Nms'],
      ['Encrypt', 'ConnectionReset', 'error=reset'],
    ]);
    expect(lines.filter((l) => l.eventName === 'DescribeKey').every((l) => l.injected === undefined)).toBe(true);
  });
});
