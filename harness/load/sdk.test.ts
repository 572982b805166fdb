/**
 * The sdk client mode: retry policies, attempts and throttling through @aws-sdk/client-kms
 * against a fake endpoint that throttles on a known pattern.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExponentialBackoffRetryStrategy, parseRetry, retryLabel, runSdkOpenModel, type RetrySpec } from './sdk.js';

describe('parseRetry', () => {
  it('reads the policies and their defaults', () => {
    expect(parseRetry('off')).toEqual({ mode: 'off' });
    expect(parseRetry('standard')).toEqual({ mode: 'standard', maxAttempts: 3 });
    expect(parseRetry('adaptive:5')).toEqual({ mode: 'adaptive', maxAttempts: 5 });
    expect(parseRetry('custom')).toEqual({ mode: 'custom', maxAttempts: 6, baseMs: 25, capMs: 1000, jitter: 'full' });
    expect(parseRetry('custom:4:10:200:equal')).toEqual({ mode: 'custom', maxAttempts: 4, baseMs: 10, capMs: 200, jitter: 'equal' });
    expect(retryLabel(parseRetry('custom:4:10:200:none'))).toBe('custom:4:10:200:none');
    expect(() => parseRetry('sometimes')).toThrow(/unknown mode/);
    expect(() => parseRetry('custom:4:10:200:wild')).toThrow(/jitter/);
    expect(() => parseRetry('standard:-1')).toThrow(/positive/);
  });
});

describe('ExponentialBackoffRetryStrategy', () => {
  const spec = { mode: 'custom', maxAttempts: 5, baseMs: 10, capMs: 50, jitter: 'none' } as const;

  it('doubles the delay up to the cap, and jitters within it', () => {
    const s = new ExponentialBackoffRetryStrategy(spec);
    expect([1, 2, 3, 4, 5].map((r) => s.delay(r))).toEqual([10, 20, 40, 50, 50]);
    const full = new ExponentialBackoffRetryStrategy({ ...spec, jitter: 'full' });
    const equal = new ExponentialBackoffRetryStrategy({ ...spec, jitter: 'equal' });
    for (let i = 0; i < 200; i++) {
      const f = full.delay(3);
      const e = equal.delay(3);
      expect(f).toBeGreaterThanOrEqual(0);
      expect(f).toBeLessThanOrEqual(40);
      expect(e).toBeGreaterThanOrEqual(20);
      expect(e).toBeLessThanOrEqual(40);
    }
  });

  it('retries throttling and transient errors up to maxAttempts, never client errors', async () => {
    const s = new ExponentialBackoffRetryStrategy(spec);
    let token = await s.acquireInitialRetryToken();
    for (let i = 1; i < 5; i++) {
      token = await s.refreshRetryTokenForRetry(token, { errorType: 'THROTTLING' });
      expect(token.getRetryCount()).toBe(i);
    }
    await expect(s.refreshRetryTokenForRetry(token, { errorType: 'THROTTLING' })).rejects.toThrow();
    await expect(s.refreshRetryTokenForRetry(await s.acquireInitialRetryToken(), { errorType: 'CLIENT_ERROR' })).rejects.toThrow();
  });
});

describe('sdk open model', () => {
  let server: Server;
  let url: string;
  let calls = 0;
  beforeAll(async () => {
    // Every odd-numbered request is throttled: a call with retries always succeeds on its
    // first or second attempt; a call without retries fails half the time.
    server = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        const throttle = calls++ % 2 === 1;
        const body = throttle
          ? JSON.stringify({ __type: 'ThrottlingException', message: 'You have exceeded the rate at which you may call KMS. Reduce the frequency of your calls.' })
          : JSON.stringify({ KeyId: 'arn:aws:kms:us-east-1:111122223333:key/k', CiphertextBlob: 'AAAA', EncryptionAlgorithm: 'SYMMETRIC_DEFAULT' });
        res.writeHead(throttle ? 400 : 200, { 'content-type': 'application/x-amz-json-1.1', 'content-length': Buffer.byteLength(body) });
        res.end(body);
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  const run = (retry: RetrySpec) =>
    runSdkOpenModel({
      url,
      region: 'us-east-1',
      credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
      retry,
      stages: [{ durationMs: 500, rate: 40 }],
      calls: [{ label: 'Encrypt 1 KiB', operation: 'Encrypt', input: { KeyId: 'k', Plaintext: new Uint8Array(1024) } }],
    });

  it('without retries, counts ThrottlingException replies as throttled, one attempt each', async () => {
    calls = 0;
    const r = await run({ mode: 'off' });
    const c = r.total.counts;
    expect(c.offered).toBe(20);
    expect(c.completed).toBe(20);
    expect(c.throttled).toBe(calls - c.succeeded);
    expect(c.throttled).toBeGreaterThan(0);
    expect(r.total.attempts).toBe(20);
    expect(r.total.errorCodes.ThrottlingException).toBe(c.throttled);
  });

  it('with backoff, every call succeeds and the retries are counted', async () => {
    calls = 0;
    const r = await run({ mode: 'custom', maxAttempts: 4, baseMs: 1, capMs: 5, jitter: 'full' });
    const c = r.total.counts;
    expect(c.succeeded).toBe(20);
    expect(r.total.attempts).toBe(calls);
    expect(r.total.attempts).toBeGreaterThan(20);
    // A retried call's latency from its intended time covers both attempts.
    expect(r.total.success.count).toBe(20);
  });
});
