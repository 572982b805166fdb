import { describe, expect, it } from 'vitest';
import { LocalAdmission, mergeMetrics, prometheusText, quotaProfileOf, DEFAULT_QUOTA_SETTINGS } from './admission.js';

describe('LocalAdmission', () => {
  it('admits one second of burst and then the rate, per account', () => {
    let now = 0;
    const a = new LocalAdmission({ ...DEFAULT_QUOTA_SETTINGS, overrides: ['symmetric=10'] }, () => now);
    let admitted = 0;
    for (let i = 0; i < 30; i++) if (a.admit('111122223333', 'us-east-1', 'Encrypt', undefined)) admitted++;
    expect(admitted).toBe(10);
    now += 0.5e9; // half a second refills 5 tokens
    admitted = 0;
    for (let i = 0; i < 30; i++) if (a.admit('111122223333', 'us-east-1', 'Decrypt', { keySpec: 'SYMMETRIC_DEFAULT' })) admitted++;
    expect(admitted).toBe(5);
    // another account has its own bucket
    expect(a.admit('444455556666', 'us-east-1', 'Encrypt', undefined)).toBe(true);
    const m = a.metrics();
    expect(m.counters.symmetric).toEqual({ allowed: 16, throttled: 45 });
    expect(m.buckets.map((b) => b.account).sort()).toEqual(['111122223333', '444455556666']);
  });

  it('keeps control-plane operations in their own buckets', () => {
    const now = 0;
    const a = new LocalAdmission({ ...DEFAULT_QUOTA_SETTINGS, overrides: ['CreateKey=1', 'CreateAlias=1'] }, () => now);
    expect(a.admit('111122223333', 'us-east-1', 'CreateKey', undefined)).toBe(true);
    expect(a.admit('111122223333', 'us-east-1', 'CreateKey', undefined)).toBe(false);
    expect(a.admit('111122223333', 'us-east-1', 'CreateAlias', undefined)).toBe(true);
  });

  it('uses the Region profile', () => {
    const now = 0;
    const a = new LocalAdmission(DEFAULT_QUOTA_SETTINGS, () => now);
    a.admit('111122223333', 'eu-west-2', 'Encrypt', undefined);
    a.admit('111122223333', 'us-east-1', 'Encrypt', undefined);
    const rates = Object.fromEntries(a.metrics().buckets.map((b) => [b.region, b.rate]));
    expect(rates).toEqual({ 'eu-west-2': 20_000, 'us-east-1': 100_000 });
  });
});

describe('quotaProfileOf', () => {
  it('rejects unknown classes and profiles', () => {
    expect(() => quotaProfileOf({ ...DEFAULT_QUOTA_SETTINGS, overrides: ['nope=1'] })).toThrow(/unknown quota class/);
    expect(() => quotaProfileOf({ ...DEFAULT_QUOTA_SETTINGS, profile: 'nope' })).toThrow(/unknown quota profile/);
  });

  it('reads a quota file', () => {
    const p = quotaProfileOf({ ...DEFAULT_QUOTA_SETTINGS, quotaFileText: JSON.stringify({ name: 'lab', basedOn: 'current', rates: { symmetric: 2000 } }) });
    expect(p.rates.symmetric).toBe(2000);
  });
});

describe('metrics', () => {
  it('merges worker counters and renders Prometheus text', () => {
    const m = mergeMetrics([
      { counters: { symmetric: { allowed: 3, throttled: 1 } }, buckets: [] },
      { counters: { symmetric: { allowed: 2, throttled: 0 }, DescribeKey: { allowed: 1, throttled: 0 } }, buckets: [] },
    ]);
    expect(m.counters).toEqual({ symmetric: { allowed: 5, throttled: 1 }, DescribeKey: { allowed: 1, throttled: 0 } });
    const text = prometheusText({ ...m, buckets: [{ account: 'a', region: 'r', cls: 'symmetric', rate: 10, capacity: 10, level: 2.5 }] });
    expect(text).toContain('kmsbench_quota_allowed_total{class="symmetric"} 5');
    expect(text).toContain('kmsbench_quota_throttled_total{class="symmetric"} 1');
    expect(text).toContain('kmsbench_quota_bucket_level{account="a",region="r",class="symmetric"} 2.5');
    expect(text).toMatch(/# TYPE kmsbench_quota_rate gauge/);
  });
});

describe('quota share', () => {
  it('enforces 1/N of each rate and burst', () => {
    const now = 0;
    const a = new LocalAdmission({ ...DEFAULT_QUOTA_SETTINGS, overrides: ['symmetric=30'], share: 3 }, () => now);
    let admitted = 0;
    for (let i = 0; i < 100; i++) if (a.admit('111122223333', 'us-east-1', 'Encrypt', undefined)) admitted++;
    expect(admitted).toBe(10);
  });

  it('refuses a share that is not a whole number >= 1', () => {
    expect(() => new LocalAdmission({ ...DEFAULT_QUOTA_SETTINGS, share: 0 })).toThrow(RangeError);
    expect(() => new LocalAdmission({ ...DEFAULT_QUOTA_SETTINGS, share: 1.5 })).toThrow(RangeError);
  });
});
