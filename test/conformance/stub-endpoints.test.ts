/**
 * The suite's verdicts on endpoints that lack things, each a small node:http server in this test:
 *
 * - one answering HTTP 501 to everything: every case is `unsupported` (or `skip`, for what the
 *   run itself lacks), none `fail` or `error` — a missing operation is never a failure, and never
 *   a quiet skip;
 * - the embedded reference server behind a proxy that answers UnknownOperationException to
 *   RotateKeyOnDemand, ListKeyRotations and ListKeyPolicies: the cases needing them are
 *   `unsupported`, the rest pass;
 * - a scripted KMS whose GetKeyRotationStatus has no NextRotationDate (moto's answer): the four
 *   clock rotation cases used to end in a TypeError inside the harness (`error`). Without clock
 *   control they are now skipped before reading it; with clock control they are `blocked` by the
 *   step that reads it, naming the case that tests it.
 */
import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runConformance, type RunOptions } from '../../harness/conformance/runner.js';
import { summaryText } from '../../harness/conformance/summary.js';
import type { LoadedCase } from '../../harness/conformance/case.js';
import type { Results } from '../../harness/results/conformance-results.js';
import { withTarget, type TargetSpec } from '../../harness/target/index.js';
import { discoverCases } from '../../suites/index.js';

const CREDENTIALS = { accessKeyId: 'test', secretAccessKey: 'test' };

/** Opens the target (region us-east-1), runs the cases against it, closes it. */
const conform = (target: TargetSpec, options: Omit<RunOptions, 'target'>) =>
  withTarget(target, { region: 'us-east-1', credentials: CREDENTIALS }, (opened) => runConformance({ ...options, target: opened }));

async function listen(handler: (req: IncomingMessage, body: string, res: ServerResponse) => void): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => handler(req, Buffer.concat(chunks).toString('utf8'), res));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

async function close(server: Server | undefined): Promise<void> {
  if (!server) return;
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
}

const operationOf = (req: IncomingMessage) => String(req.headers['x-amz-target'] ?? '');
const outcomes = (r: Results) => r.cases.reduce<Record<string, number>>((m, c) => ({ ...m, [c.outcome]: (m[c.outcome] ?? 0) + 1 }), {});

let cases: LoadedCase[];
beforeAll(async () => {
  const found = await discoverCases();
  expect(found.errors).toEqual([]);
  cases = found.cases;
});

describe('an endpoint answering HTTP 501 to everything', () => {
  let stub: { server: Server; url: string } | undefined;
  let results: Results;

  beforeAll(async () => {
    stub = await listen((_req, _body, res) => {
      res.writeHead(501, { 'content-type': 'text/plain' });
      res.end('Not Implemented');
    });
    results = await conform({ kind: 'url', endpoint: stub.url }, { cases, probeTimeoutMs: 2000 });
  }, 60_000);
  afterAll(() => close(stub?.server));

  it('every case is unsupported or skipped — none fails, none errors', () => {
    const wrong = results.cases.filter((c) => c.outcome !== 'unsupported' && c.outcome !== 'skip').map((c) => `${c.id}: ${c.outcome} ${c.reason}`);
    expect(wrong).toEqual([]);
    expect(results.counts.unsupported).toBeGreaterThan(0);
    expect(results.harnessErrors).toEqual([]);
  });

  it('says which operation is missing, with the probe as evidence; skips only for what the run lacks', () => {
    const unsupported = results.cases.filter((c) => c.outcome === 'unsupported');
    for (const c of unsupported) expect(c.reason).toMatch(/^the endpoint does not implement \w+ \(probe: HTTP 501/);
    for (const c of results.cases.filter((x) => x.outcome === 'skip')) expect(c.reason).toMatch(/low-quota|real AWS|not yet AWS behaviour|^the run lacks (identities|key-store-fixtures) \(probe: /);
    expect(results.capabilities.probes['op:CreateKey']).toMatchObject({ supported: false, evidence: 'HTTP 501 "Not Implemented"' });
  });

  it('the summary says the endpoint implements none of the operations, and exits 1 (unsupported is a difference)', () => {
    expect(summaryText(results)).toContain('the endpoint implements none of the operations the cases need');
    expect(results.exitCode).toBe(1);
  });
});

describe('the reference server without RotateKeyOnDemand, ListKeyRotations and ListKeyPolicies', () => {
  const MISSING = new Set(['TrentService.RotateKeyOnDemand', 'TrentService.ListKeyRotations', 'TrentService.ListKeyPolicies']);
  let proxy: { server: Server; url: string } | undefined;
  let results: Results;

  beforeAll(async () => {
    results = await withTarget({ kind: 'embedded' }, { region: 'us-east-1' }, async (embedded) => {
      const upstream = new URL(embedded.endpoint);
      proxy = await listen((req, body, res) => {
        if (MISSING.has(operationOf(req))) {
          res.writeHead(400, { 'content-type': 'application/x-amz-json-1.1' });
          return res.end(JSON.stringify({ __type: 'UnknownOperationException' }));
        }
        // Forwarded as signed: the Host header (part of the signature) goes along unchanged.
        const out = request({ host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: req.headers }, (reply) => {
          res.writeHead(reply.statusCode ?? 502, reply.headers);
          reply.pipe(res);
        });
        out.on('error', () => res.destroy());
        out.end(body);
      });
      return withTarget({ kind: 'url', endpoint: proxy.url }, { region: 'us-east-1', credentials: { ...CREDENTIALS } }, (target) =>
        runConformance({ target, cases, tags: ['rotation', 'policy'] }),
      );
    });
  }, 120_000);
  afterAll(() => close(proxy?.server));

  it('the cases needing them are unsupported, naming the operation; the others still pass', () => {
    const needing = results.cases.filter((c) => c.ops.some((op) => MISSING.has(`TrentService.${op}`)));
    expect(needing.length).toBeGreaterThanOrEqual(15);
    for (const c of needing) {
      expect(c, c.id).toMatchObject({
        outcome: 'unsupported',
        reason: expect.stringMatching(/^the endpoint does not implement (RotateKeyOnDemand|ListKeyRotations|ListKeyPolicies) \(probe: HTTP 400 UnknownOperationException\)/),
      });
    }
    // The others pass — except what the reference server itself does not implement yet
    // (suites/expectations/reference.json: RSA and HMAC keys), which is unsupported too.
    const others = results.cases.filter((c) => !needing.includes(c));
    // A URL target gets no second identity unless --identities names one, so the policy and
    // grant cases that act as another principal are skipped for that reason, and only that one.
    const lacksIdentities = (c: (typeof others)[number]) => c.outcome === 'skip' && /^the run lacks identities \(probe: /.test(c.reason ?? '');
    const notPassing = others.filter((c) => c.outcome !== 'pass' && !lacksIdentities(c) && !(c.outcome === 'unsupported' && /^the endpoint does not implement the prerequisite CreateKey KeySpec=/.test(c.reason ?? '')));
    expect(notPassing.map((c) => `${c.id}: ${c.outcome} ${c.reason}`)).toEqual([]);
    expect(others.filter((c) => c.outcome === 'pass').length).toBeGreaterThan(others.filter(lacksIdentities).length);
  });
});

describe('GetKeyRotationStatus without NextRotationDate (the harness fault of the clock rotation cases)', () => {
  const CLOCK_CASES = ['rotation.automatic-after-period', 'rotation.automatic-next-date-advances', 'rotation.automatic-not-before-period', 'rotation.disabled-key-not-rotated'];
  const KEY = '0b1e4d2a-1111-4222-8333-944455556666';
  const scripted = (clock: boolean) =>
    listen((req, _body, res) => {
      const json = (status: number, body: unknown) => {
        res.writeHead(status, { 'content-type': 'application/x-amz-json-1.1' });
        res.end(JSON.stringify(body));
      };
      switch (operationOf(req)) {
        case 'TrentService.CreateKey':
          return json(200, { KeyMetadata: { KeyId: KEY, Arn: `arn:aws:kms:us-east-1:123456789012:key/${KEY}`, KeyState: 'Enabled', CreationDate: Date.now() / 1000 } });
        case 'TrentService.GetKeyRotationStatus':
          return json(200, { KeyRotationEnabled: true });
        case 'TrentService.ListKeyRotations':
          return json(200, { Rotations: [], Truncated: false });
        case 'TrentService.EnableKeyRotation':
        case 'TrentService.DisableKey':
        case 'TrentService.Encrypt':
        case 'TrentService.Decrypt':
        case 'TrentService.ScheduleKeyDeletion':
          return json(200, {});
        case 'KmsBench.GetClock':
          return clock ? json(200, { Now: Date.now() / 1000 }) : json(400, { __type: 'UnknownOperationException' });
        case 'KmsBench.AdvanceClock':
          return json(200, {});
        default:
          return json(400, { __type: 'UnknownOperationException' });
      }
    });

  for (const clock of [false, true]) {
    it(`${clock ? 'with' : 'without'} clock control: ${clock ? 'blocked by the step that reads it' : 'skipped before reading it'}, never an error`, async () => {
      const stub = await scripted(clock);
      try {
        const selected = cases.filter((c) => CLOCK_CASES.includes(c.case.id));
        expect(selected).toHaveLength(4);
        const r = await conform({ kind: 'url', endpoint: stub.url }, { cases: selected, concurrency: 1 });
        for (const c of r.cases) {
          if (clock) {
            expect(c, c.id).toMatchObject({
              outcome: 'blocked',
              blocked: { step: 'EnableKeyRotation (RotationPeriodInDays 90) schedules a NextRotationDate', coveredBy: 'rotation.next-rotation-date-follows-period' },
            });
            expect(c.blocked?.why).toMatch(/^not so: GetKeyRotationStatus answers a NextRotationDate/);
          } else {
            expect(c, c.id).toMatchObject({ outcome: 'skip', reason: expect.stringMatching(/the endpoint has no clock control/) });
          }
        }
      } finally {
        await close(stub.server);
      }
    }, 30_000);
  }
});
