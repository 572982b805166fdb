/**
 * The harness against an endpoint that misbehaves the way real targets do — HTML 500 pages,
 * empty bodies, missing members, reset connections, silence, errors without `__type`: every case
 * gets a verdict with a clear reason, the run completes, nothing crashes.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  DecryptCommand,
  DescribeKeyCommand,
  EncryptCommand,
  GenerateRandomCommand,
  GetKeyPolicyCommand,
  ListAliasesCommand,
  ListKeysCommand,
  TagResourceCommand,
} from '@aws-sdk/client-kms';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defineCase, type ConformanceCase } from './case.js';
import type { Credentials } from '../client/sign.js';
import { runConformance, type RunOptions } from './runner.js';
import { withTarget, type TargetSpec } from '../target/index.js';
import type { Results } from '../results/conformance-results.js';

/** Opens the target (region us-east-1), runs the conformance cases against it, closes it. */
const conform = ({ target, credentials, ...options }: Omit<RunOptions, 'target'> & { target: TargetSpec; credentials?: Credentials }) =>
  withTarget(target, { region: 'us-east-1', ...(credentials ? { credentials } : {}) }, (opened) => runConformance({ ...options, target: opened }));

const HTML_500 = '<!doctype html>\n<html lang=en>\n<title>500 Internal Server Error</title>\n<h1>Internal Server Error</h1>';
const KEY_ID = '11111111-2222-3333-4444-555555555555';

function hostile(): Server {
  return createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const op = String(req.headers['x-amz-target'] ?? '').split('.').pop();
      const json = (status: number, body: unknown, headers: Record<string, string> = {}) => {
        res.writeHead(status, { 'content-type': 'application/x-amz-json-1.1', ...headers });
        res.end(typeof body === 'string' ? body : JSON.stringify(body));
      };
      switch (op) {
        case 'CreateKey':
          return json(200, { KeyMetadata: { KeyId: KEY_ID, Arn: `arn:aws:kms:us-east-1:123456789012:key/${KEY_ID}`, KeyState: 'Enabled' } });
        case 'ScheduleKeyDeletion':
          return json(200, {});
        case 'Decrypt':
          return json(200, '');
        case 'DescribeKey':
          return json(200, {});
        case 'GenerateRandom':
          return req.socket.destroy();
        case 'ListKeys':
          res.writeHead(200, { 'content-type': 'text/html' });
          return res.end('not json at all');
        case 'GetKeyPolicy':
          return; // never answers
        case 'ListAliases':
          return json(400, { message: 'no type here' });
        case 'TagResource':
          return json(400, '', { 'x-amzn-errortype': 'NotFoundException:http://internal.amazon.com/coral/com.amazon.kms/' });
        default:
          res.writeHead(500, { 'content-type': 'text/html; charset=utf-8' });
          return res.end(HTML_500);
      }
    });
  });
}

const doc = 'https://docs.aws.amazon.com/kms/latest/APIReference/Welcome.html';
const source = { kind: 'documented' as const, cite: 'https://docs.aws.amazon.com/kms/latest/APIReference/Welcome.html', verifiedAt: '2026-12-07' };
const c = (id: string, ops: ConformanceCase['ops'], run: ConformanceCase['run'], timeoutMs?: number): ConformanceCase =>
  defineCase({ id: `hostile.${id}`, title: id, doc, source, tags: ['protocol'], ops, run, ...(timeoutMs ? { timeoutMs } : {}) });

const CASES = [
  c('html-500', ['Encrypt'], async (t) => {
    await t.kms.send(new EncryptCommand({ KeyId: KEY_ID, Plaintext: t.bytes(4) }));
  }),
  c('html-500-expect-error', ['Encrypt'], async (t) => {
    await t.expectError(t.kms.send(new EncryptCommand({ KeyId: KEY_ID, Plaintext: t.bytes(4) })), { code: 'NotFoundException' });
  }),
  c('html-500-raw', ['Encrypt'], async (t) => {
    await t.expectError(t.raw('Encrypt', { KeyId: KEY_ID, Plaintext: 'AA==' }), { code: 'NotFoundException', status: 400 });
  }),
  c('empty-200', ['Decrypt'], async (t) => {
    const out = await t.kms.send(new DecryptCommand({ CiphertextBlob: t.bytes(32) }));
    t.check(out.Plaintext instanceof Uint8Array, 'Decrypt returns a Plaintext', out);
  }),
  c('missing-member', ['DescribeKey'], async (t) => {
    const out = await t.kms.send(new DescribeKeyCommand({ KeyId: KEY_ID }));
    t.expectEqual(out.KeyMetadata!.KeyState, 'Enabled', 'state');
  }),
  c('connection-reset', ['GenerateRandom'], async (t) => {
    await t.kms.send(new GenerateRandomCommand({ NumberOfBytes: 8 }));
  }),
  c('not-json-200', ['ListKeys'], async (t) => {
    await t.kms.send(new ListKeysCommand({}));
  }),
  c('silence', ['GetKeyPolicy'], async (t) => {
    await t.kms.send(new GetKeyPolicyCommand({ KeyId: KEY_ID }));
  }, 500),
  c('silent-cleanup', ['GetKeyPolicy'], async (t) => {
    // A cleanup that never ends (a call the endpoint never answers, then a wait that ignores the
    // signal): bounded by the case's timeout, not the 15 s default.
    t.cleanup(() => new Promise((r) => setTimeout(r, 60_000).unref()));
    t.cleanup(() => t.kms.send(new GetKeyPolicyCommand({ KeyId: KEY_ID })));
  }, 500),
  c('error-without-type', ['ListAliases'], async (t) => {
    await t.expectError(t.kms.send(new ListAliasesCommand({})), { code: 'NotFoundException' });
  }),
  c('code-in-header-only', ['TagResource'], async (t) => {
    await t.expectError(t.kms.send(new TagResourceCommand({ KeyId: KEY_ID, Tags: [{ TagKey: 'a', TagValue: 'b' }] })), {
      code: 'NotFoundException',
      status: 400,
      message: null,
    });
    await t.expectError(t.raw('TagResource', { KeyId: KEY_ID, Tags: [] }), { code: 'NotFoundException', status: 400, message: null });
  }),
  defineCase({
    id: 'hostile.needs-low-quota',
    title: 'needs quotas the run controls',
    doc,
    source,
    tags: ['throttling'],
    ops: ['CreateKey'],
    needs: ['low-quota'],
    async run() {
      throw new Error('must not run');
    },
  }),
];

describe('a hostile endpoint', () => {
  let server: Server;
  let results: Results;
  const reasonOf = (id: string) => results.cases.find((r) => r.id === `hostile.${id}`)!;

  let runMs = 0;

  beforeAll(async () => {
    const started = Date.now();
    server = hostile();
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as AddressInfo).port;
    results = await conform({
      target: { kind: 'url', endpoint: `http://127.0.0.1:${port}` },
      credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
      probeTimeoutMs: 500,
      cases: CASES.map((x) => ({ case: x, file: `hostile/${x.id}.ts` })),
    });
    runMs = Date.now() - started;
  }, 30_000);

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  });

  it('probes: the account comes from the key ARN; HTML 500 answers prove nothing, so operations count as supported', () => {
    expect(results.target.account).toBe('123456789012');
    expect(results.capabilities.established).not.toContain('clock-control');
    expect(results.capabilities.probes['op:Encrypt']).toMatchObject({ supported: true, evidence: expect.stringMatching(/HTTP 500 .*inconclusive/) });
  });

  it('gives every case a verdict with a clear reason', () => {
    const got = Object.fromEntries(results.cases.map((r) => [r.id.slice('hostile.'.length), [r.outcome, r.reason]]));
    expect(got['html-500']).toEqual(['fail', expect.stringMatching(/^Encrypt answered with a reply that is not AWS JSON: Encrypt → HTTP 500 body "<!doctype html>/)]);
    expect(got['html-500-expect-error']).toEqual(['fail', expect.stringMatching(/Encrypt error \(code differ\): expected \{"code":"NotFoundException"\}, got \{"code":null,"status":500,"message":null,"body":"<!doctype html>/)]);
    expect(got['html-500-raw']).toEqual(['fail', expect.stringMatching(/code, status differ/)]);
    expect(got['empty-200']).toEqual(['fail', expect.stringMatching(/^not so: Decrypt returns a Plaintext/)]);
    expect(got['missing-member']).toEqual(['error', expect.stringMatching(/^TypeError: .*KeyState.*robustness\.test\.ts.*\(last call: DescribeKey → HTTP 200\)/)]);
    expect(got['connection-reset']).toEqual(['error', expect.stringMatching(/^no reply from the endpoint to GenerateRandom: .*(ECONNRESET|socket hang up)/)]);
    expect(got['not-json-200']).toEqual(['fail', expect.stringMatching(/^ListKeys answered with a reply that is not AWS JSON: ListKeys → HTTP 200 body "not json at all"/)]);
    expect(got['silence']).toEqual(['error', expect.stringMatching(/^timed out after 500 ms/)]);
    expect(got['error-without-type']).toEqual(['fail', expect.stringMatching(/ListAliases error \(code differ\)/)]);
    expect(got['code-in-header-only']).toEqual(['pass', undefined]);
    expect(got['needs-low-quota']).toEqual(['skip', 'needs quotas the run controls (low-quota): only the embedded reference server has them']);
    expect(reasonOf('silence').cleanup.failed).toBe(0);
  });

  it("bounds a case's cleanups by its timeout: cleanups that never end are abandoned, counted as failed", () => {
    expect(reasonOf('silent-cleanup').outcome).toBe('pass');
    expect(reasonOf('silent-cleanup').cleanup).toEqual({ ran: 2, failed: 2 });
    // Unbounded, the cleanups alone would take 15 s (the default budget) or 60 s.
    expect(runMs).toBeLessThan(12_000);
  });

  it('completes the run: differences, not a crash', () => {
    expect(results.exitCode).toBe(1);
    expect(results.harnessErrors).toEqual([]);
  });
});
