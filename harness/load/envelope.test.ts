import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataKeyCacheStore, openMessage, runEnvelopeOpenModel, sealMessage } from './envelope.js';
import { prepareFixture } from './operations.js';
import { openTarget, type Target } from '../target/index.js';

const key = Buffer.alloc(32, 1);
const edk = new Uint8Array([1, 2, 3]);

describe('DataKeyCacheStore (Encryption SDK rules)', () => {
  it('reuses a data key for at most maxMessages messages', () => {
    const c = new DataKeyCacheStore({ maxAgeMs: 60_000, maxMessages: 3, capacity: 10 });
    expect(c.take('a', 100, 0)).toBeUndefined();
    c.put('a', key, edk, 100, 0); // message 1
    expect(c.take('a', 100, 1)).toBeDefined(); // 2
    expect(c.take('a', 100, 2)).toBeDefined(); // 3
    expect(c.take('a', 100, 3)).toBeUndefined(); // a 4th would exceed the limit
    expect(c.size).toBe(0);
  });

  it('bounds the bytes one data key encrypts, this message included', () => {
    const c = new DataKeyCacheStore({ maxAgeMs: 60_000, maxBytes: 1000, capacity: 10 });
    c.put('a', key, edk, 400, 0);
    expect(c.take('a', 400, 0)).toBeDefined(); // 800
    expect(c.take('a', 400, 0)).toBeUndefined(); // 1200 > 1000
    c.put('b', key, edk, 1000, 0); // a key that is used up at once is not cached
    expect(c.size).toBe(0);
  });

  it('expires entries at maxAge and evicts the least recently used beyond capacity', () => {
    const c = new DataKeyCacheStore({ maxAgeMs: 100, capacity: 2 });
    c.put('a', key, edk, 1, 0);
    expect(c.take('a', 1, 99)).toBeDefined();
    expect(c.take('a', 1, 100)).toBeUndefined();
    c.put('a', key, edk, 1, 200);
    c.put('b', key, edk, 1, 200);
    expect(c.take('a', 1, 201)).toBeDefined(); // a is now the most recent
    c.put('c', key, edk, 1, 202); // evicts b
    expect(c.take('b', 1, 203)).toBeUndefined();
    expect(c.take('a', 1, 203)).toBeDefined();
    expect(c.take('c', 1, 203)).toBeDefined();
  });

  it('seals and opens messages bound to their context', () => {
    const m = sealMessage(key, edk, { tenant: 'a' }, Buffer.from('hello'));
    expect(openMessage(key, m).toString()).toBe('hello');
    expect(() => openMessage(key, { ...m, context: { tenant: 'b' } })).toThrow();
  });
});

describe('envelope stream against the reference server', () => {
  let target: Target;
  let keyId: string;
  beforeAll(async () => {
    target = await openTarget({ kind: 'embedded' }, { region: 'us-east-1' });
    keyId = (await prepareFixture({ url: target.endpoint, region: target.region, credentials: target.credentials }, [{ operation: 'GenerateDataKey' }])).keyId;
  });
  afterAll(() => target.close());

  const stream = (cache: ConstructorParameters<typeof DataKeyCacheStore>[0] | null) =>
    runEnvelopeOpenModel({
      url: target.endpoint,
      region: target.region,
      credentials: target.credentials,
      retry: { mode: 'off' },
      keyId,
      messageBytes: 1024,
      contexts: 2,
      cache,
      stages: [
        { durationMs: 200, rate: 100, measure: false },
        { durationMs: 1000, rate: 100 },
      ],
    });

  it('calls KMS once per message without a cache, and the envelope decrypts back', async () => {
    const r = await stream(null);
    expect(r.total.counts.offered).toBe(100);
    expect(r.total.counts.succeeded).toBe(100);
    expect(r.extra.kmsCalls).toBe(100);
    expect(r.extra.cacheHits ?? 0).toBe(0);
    expect(r.extra.roundTripVerified).toBe(1);
  });

  it('with a cache of 10 messages per data key, calls KMS for about one message in ten', async () => {
    const r = await stream({ maxAgeMs: 60_000, maxMessages: 10, capacity: 10 });
    expect(r.total.counts.succeeded).toBe(100);
    const calls = r.extra.kmsCalls!;
    expect(calls + r.extra.cacheHits!).toBe(100);
    // Two contexts, 50 messages each: ≥ 5 misses per context; concurrent misses can add a few.
    expect(calls).toBeGreaterThanOrEqual(10);
    expect(calls).toBeLessThan(40);
    expect(r.extra.roundTripVerified).toBe(1);
  });
});
