import { describe, expect, it } from 'vitest';
import { isFromPrimary, isFromWorker, type PrimaryToWorker, type WorkerToPrimary } from './cluster-messages.js';

const bucket = { account: '111122223333', region: 'us-east-1', cls: 'symmetric', keyStoreId: '' } as const;
const metrics = { counters: {}, buckets: [] };

const fromWorker: WorkerToPrimary[] = [
  { type: 'loaded' },
  { type: 'ready' },
  { type: 'error', error: 'cannot listen' },
  { type: 'wrote', id: 1_000_000_001 },
  { type: 'invalidated', id: 1_000_000_001 },
  { type: 'metrics?', id: 1 },
  { type: 'counters', query: 1, metrics },
  { type: 'kms-quota/lease', worker: 1, seq: 1, bucket, need: 1, want: 0, used: 0 },
  { type: 'kms-quota/return', worker: 1, bucket, unused: 2, used: 3 },
];

const fromPrimary: PrimaryToWorker[] = [
  { type: 'invalidate', id: 1_000_000_001, from: 1 },
  { type: 'announced', id: 1_000_000_001 },
  { type: 'metrics', id: 1, metrics },
  { type: 'counters?', query: 1 },
  { type: 'start' },
  { type: 'connection' },
  { type: 'shutdown' },
  { type: 'kms-quota/grant', worker: 1, seq: 1, bucket, granted: 5, ttlNs: 100e6, retryAfterNs: 0 },
];

describe('cluster message guards', () => {
  it.each(fromWorker)('a worker message ($type) is from a worker, not from the primary', (m) => {
    expect(isFromWorker(m)).toBe(true);
    expect(isFromPrimary(m)).toBe(false);
  });

  it.each(fromPrimary)('a primary message ($type) is from the primary, not from a worker', (m) => {
    expect(isFromPrimary(m)).toBe(true);
    expect(isFromWorker(m)).toBe(false);
  });

  it.each([
    ['node:cluster internal traffic', { cmd: 'NODE_CLUSTER', act: 'online' }],
    ['an unknown type', { type: 'kms-quota/unknown' }],
    ['an inherited name', { type: 'toString' }],
    ['a non-string type', { type: 1 }],
    ['null', null],
    ['a string', 'wrote'],
  ])('%s is neither', (_what, m) => {
    expect(isFromWorker(m)).toBe(false);
    expect(isFromPrimary(m)).toBe(false);
  });
});
