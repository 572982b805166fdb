import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../../reference-impl/server.js';
import { formatReplay, parseWorkload, planWorkload, replayWorkload } from './index.js';

describe('plan --endpoint: replay through the open-loop generator', () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  let dataDir: string;
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'kmsbench-replay-'));
    server = await startServer({ port: 0, dataDir, audit: false, quotas: { overrides: ['symmetric=200', 'CreateKey=50'] } });
  });
  afterAll(async () => {
    await server?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('offers each stream at its rate, the server throttles the symmetric class at its quota, streams on other key types run on their own class', async () => {
    const w = parseWorkload({
      name: 'replay-test',
      region: 'us-east-1',
      keys: [{ name: 'app' }, { name: 'signer', spec: 'ECC_NIST_P256' }],
      services: [
        { name: 'writer', key: 'app', encrypt: { messagesPerSecond: 300, operation: 'Encrypt', messageBytes: 512 }, decrypt: { messagesPerSecond: 100 } },
        { name: 'tokens', key: 'signer', sign: { perSecond: 10 } },
        { name: 'meta', key: 'app', calls: [{ operation: 'DescribeKey', perSecond: 20 }] },
      ],
    });
    const plan = planWorkload(w);
    const lines: string[] = [];
    const r = await replayWorkload(w, plan, { endpoint: server.url, credentials: { accessKeyId: 'test', secretAccessKey: 'test' }, durationSeconds: 3, log: (l) => lines.push(l) });
    const byOp = Object.fromEntries(r.streams.map((s) => [s.operation, s]));
    for (const op of ['Encrypt', 'Decrypt', 'DescribeKey']) {
      const res = byOp[op]!.result!;
      expect(res, op).toBeDefined();
      expect(res.errors, op).toBe(0);
      expect(Math.abs(res.offered - byOp[op]!.rate * 3) / (byOp[op]!.rate * 3), op).toBeLessThan(0.3); // Poisson over 3 s
    }
    // 400/s offered to a 200/s quota (plus one second of burst): about a third to a half throttled.
    const sym = r.classes.find((c) => c.id === 'symmetric')!;
    expect(sym.throttledRatio).toBeGreaterThan(0.2);
    expect(sym.throttledRatio).toBeLessThan(0.6);
    expect(sym.okPerSecond).toBeLessThan(200 + 200 / 3 + 20);
    expect(byOp.DescribeKey!.result!.throttled).toBe(0); // its own 2,000/s quota
    // The reference server signs with ECC keys: the Sign stream runs on its own (ECC) quota class.
    expect(byOp.Sign!.skipped).toBeUndefined();
    expect(byOp.Sign!.result!.errors).toBe(0);
    expect(byOp.Sign!.result!.offered).toBeGreaterThan(0);
    expect(formatReplay(r)).toContain('Per quota class');
    expect(lines.some((l) => l.startsWith('key app'))).toBe(true);
  }, 30_000);

  it('at a scale, it prints how to start the reference server with the plan\'s quotas scaled the same way', async () => {
    const w = parseWorkload({ name: 'scaled', region: 'us-east-1', keys: [{ name: 'k' }], services: [{ name: 's', key: 'k', calls: [{ operation: 'DescribeKey', perSecond: 1000 }] }] });
    const r = await replayWorkload(w, planWorkload(w), { endpoint: server.url, credentials: { accessKeyId: 'test', secretAccessKey: 'test' }, durationSeconds: 1, scale: 0.01 });
    expect(r.streams[0]!.rate).toBe(10);
    expect(r.serveHint).toContain('--quota DescribeKey=20');
  }, 30_000);
});
