import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { profileForRegion } from '../../common/quota/profiles.js';
import { quotaRouteFor } from '../../common/quota/classes.js';
import {
  formatPlan,
  formatSimulation,
  niceCeil,
  parseWorkload,
  parseWorkloadText,
  planWorkload,
  priceTier,
  simulateWorkload,
  workloadStreams,
  WorkloadError,
  SECONDS_PER_MONTH,
  type CacheOverride,
  type WorkloadInput,
} from './index.js';

const WORKLOADS = fileURLToPath(new URL('../../suites/workloads/', import.meta.url));
// Capacity-planning workloads; the request mixes beside them (*.mix.yaml) are for `kmsbench load`.
const examples = readdirSync(WORKLOADS).filter((f) => f.endsWith('.yaml') && !f.endsWith('.mix.yaml'));
const load = (f: string) => parseWorkloadText(readFileSync(join(WORKLOADS, f), 'utf8'), f);

const minimal = (over: Partial<WorkloadInput> = {}): WorkloadInput => ({
  name: 't',
  region: 'us-east-1',
  keys: [{ name: 'k' }],
  services: [{ name: 's', key: 'k', encrypt: { messagesPerSecond: 100 } }],
  ...over,
});

describe('workload schema', () => {
  it('has at least three examples, each with a comment header, valid, and pointing at the schema', () => {
    expect(examples.length).toBeGreaterThanOrEqual(3);
    for (const f of examples) {
      const text = readFileSync(join(WORKLOADS, f), 'utf8');
      expect(text.startsWith('# yaml-language-server: $schema=./workload.schema.json\n#'), f).toBe(true);
      expect(text.split('\n').filter((l) => l.startsWith('#')).length, f).toBeGreaterThan(5);
      expect(() => load(f)).not.toThrow();
    }
  });

  it('a request mix is not a capacity-planning workload, and the message says where it goes', () => {
    expect(() => load('web-tier.mix.yaml')).toThrow(/this is a request mix: run it with `kmsbench load --suite mixed --workload FILE`/);
  });

  it('fills defaults and parses byte units', () => {
    const w = parseWorkloadText('name: x\nregion: eu-west-1\nkeys: [{name: k}]\nservices: [{name: s, key: k, encrypt: {messagesPerSecond: 5, messageBytes: 1.5 KiB}}]\n');
    expect(w.peakFactor).toBe(1);
    expect(w.quotaProfile).toBe('current');
    expect(w.keys[0]!.spec).toBe('SYMMETRIC_DEFAULT');
    expect(w.services[0]!.encrypt!.messageBytes).toBe(1536);
    expect(w.services[0]!.encrypt!.operation).toBe('GenerateDataKey');
  });

  it('rejects, with the path, what AWS would not allow', () => {
    const bad: [string, Partial<WorkloadInput>, RegExp][] = [
      ['unknown key', { services: [{ name: 's', key: 'nope', sign: { perSecond: 1 } }] }, /no key group named "nope"/],
      ['Sign with a symmetric key', { services: [{ name: 's', key: 'k', sign: { perSecond: 1 } }] }, /Sign\/Verify need an RSA, ECC/],
      ['direct Encrypt > 4 KiB', { services: [{ name: 's', key: 'k', encrypt: { messagesPerSecond: 1, operation: 'Encrypt', messageBytes: 8192 } }] }, /at most 4096 bytes/],
      ['rotating an ECC key', { keys: [{ name: 'k', spec: 'ECC_NIST_P256', rotation: { automatic: true } }], services: [{ name: 's', key: 'k', sign: { perSecond: 1 } }] }, /cannot be rotated/],
      ['AWS managed RSA', { keys: [{ name: 'k', spec: 'RSA_2048', managedBy: 'aws' }], services: [{ name: 's', key: 'k', sign: { perSecond: 1 } }] }, /AWS managed keys are SYMMETRIC_DEFAULT/],
      ['follow without encrypt', { services: [{ name: 's', key: 'k', decrypt: { messagesPerSecond: 1, pattern: 'follow' } }] }, /pattern follow/],
      ['cache on S3', { services: [{ name: 's', key: 'k', integration: 's3', encrypt: { messagesPerSecond: 1, cache: { maxAgeSeconds: 5 } } }] }, /S3 calls KMS for you/],
      ['unknown field', { services: [{ name: 's', key: 'k', encrypt: { messagesPerSecond: 1 }, bogus: 1 } as never] }, /bogus/],
      ['too many keys', { keys: [{ name: 'k', count: 100_001 }] }, /100,000 customer keys/],
      ['bad Region', { region: 'mars-1' }, /AWS Region code/],
    ];
    for (const [what, over, re] of bad) {
      expect(() => parseWorkload(minimal(over)), what).toThrow(WorkloadError);
      expect(() => parseWorkload(minimal(over)), what).toThrow(re);
    }
  });

  it('reports YAML syntax errors with a line', () => {
    expect(() => parseWorkloadText('name: x\n  region: [', 'f.yaml')).toThrow(/f.yaml: not valid YAML[\s\S]*line/);
  });
});

describe('rates, quota classes and cost', () => {
  it('routes every stream with quotaRouteFor and compares against profileForRegion', () => {
    for (const f of examples) {
      const w = load(f);
      const p = planWorkload(w);
      const rates = profileForRegion(w.region, w.quotaProfile).rates;
      for (const s of p.streams) expect(s.route).toBe(quotaRouteFor(s.operation, { ...(s.keySpec ? { keySpec: s.keySpec } : {}), ...(s.keyPairSpec ? { keyPairSpec: s.keyPairSpec } : {}) }));
      for (const c of p.classes) {
        expect(c.quota).toBe(rates[c.cls]);
        const sum = p.streams.filter((s) => s.route.cls === c.cls).reduce((n, s) => n + s.peak, 0);
        expect(c.peak).toBeCloseTo(sum, 6);
        expect(c.headroom).toBeCloseTo(c.quota - c.peak, 6);
      }
    }
  });

  it('S3 without Bucket Keys: one GenerateDataKey per PUT and one Decrypt per GET; over the us-east-2 quota at peak', () => {
    const p = planWorkload(load('s3-sse-kms-no-bucket-keys.yaml'));
    const gdk = p.streams.find((s) => s.id === 'media-objects/GenerateDataKey/media-cmk')!;
    const dec = p.streams.find((s) => s.id === 'media-objects/Decrypt/media-cmk')!;
    expect([gdk.average, gdk.peak, dec.average, dec.peak]).toEqual([3500, 8750, 9000, 22500]);
    const sym = p.classes.find((c) => c.cls === 'symmetric')!;
    expect(sym.quota).toBe(20_000);
    expect(sym.peak).toBe(31_750);
    expect(sym.status).toBe('over');
    expect(sym.increase).toBe('required');
    expect(sym.suggestedQuota).toBe(40_000); // 31,750 / 0.8 = 39,688 → 40,000
    expect(p.cacheAdvice[0]!.possible).toBe(false); // random GETs are not cacheable
    expect(p.advice.join('\n')).toMatch(/S3 Bucket Keys/);
    // Cost: $1 + two charged rotations for media-cmk, nothing for aws/s3; requests at $0.03 / 10k.
    expect(p.cost.keys.map((k) => k.monthly)).toEqual([3, 0]);
    const requests = (3500 + 9000 + 200) * SECONDS_PER_MONTH;
    expect(p.cost.requests[0]!.requestsPerMonth).toBe(requests);
    expect(p.cost.total).toBeCloseTo(3 + (requests / 10_000) * 0.03 - 0.06, 2);
  });

  it('ECC signing: Sign and Verify share the ECC quota; local verification costs only GetPublicKey; asymmetric pricing', () => {
    const p = planWorkload(load('ecc-signing-service.yaml'));
    const ecc = p.classes.find((c) => c.cls === 'ecc')!;
    expect(ecc.quota).toBe(1000);
    expect(ecc.peak).toBe(450 * 2.5 + 150 * 2.5);
    expect(ecc.status).toBe('over');
    expect(p.cacheAdvice.find((a) => a.classId === 'ecc')).toBeUndefined(); // nothing cacheable
    expect(p.streams.find((s) => s.operation === 'GetPublicKey')!.average).toBeCloseTo((50 * 4) / 300, 9);
    const gdkp = p.classes.find((c) => c.cls === 'gdkp-ecc-nist-p256')!;
    expect([gdkp.quota, gdkp.peak, gdkp.status]).toEqual([100, 87.5, 'tight']);
    const tiers = Object.fromEntries(p.cost.requests.map((r) => [r.tier, r.pricePerTenThousand]));
    expect(tiers).toMatchObject({ asymmetric: 0.15, 'data-key-pair-ecc': 0.1, symmetric: 0.03 });
    // The free tier covers only the symmetric DescribeKey requests here.
    expect(p.cost.freeTierRequests).toBe(20_000);
  });

  it('price tiers', () => {
    expect(priceTier({ operation: 'Sign', keySpec: 'RSA_2048', kind: 'sign' })).toBe('rsa-2048');
    expect(priceTier({ operation: 'Sign', keySpec: 'RSA_4096', kind: 'sign' })).toBe('asymmetric');
    expect(priceTier({ operation: 'Sign', keySpec: 'ML_DSA_65', kind: 'sign' })).toBe('asymmetric');
    expect(priceTier({ operation: 'DescribeKey', keySpec: 'ECC_NIST_P256', kind: 'call' })).toBe('symmetric');
    expect(priceTier({ operation: 'GetPublicKey', keySpec: 'ECC_NIST_P256', kind: 'public-key' })).toBe('asymmetric');
    expect(priceTier({ operation: 'GenerateDataKeyPair', keySpec: 'SYMMETRIC_DEFAULT', keyPairSpec: 'RSA_2048', kind: 'data-key-pair' })).toBe('data-key-pair-rsa');
    expect(priceTier({ operation: 'GenerateMac', keySpec: 'HMAC_256', kind: 'mac' })).toBe('symmetric');
  });

  it('rotation charges: first and second rotation add $1 each, later ones free; replicas billed; AWS managed free', () => {
    const cost = (key: object) => planWorkload(parseWorkload(minimal({ keys: [{ name: 'k', ...key }] }))).cost.keys[0]!;
    expect(cost({ count: 10 }).monthly).toBe(10);
    expect(cost({ rotation: { automatic: true, periodDays: 365 }, ageDays: 364 }).monthly).toBe(1);
    expect(cost({ rotation: { automatic: true, periodDays: 365 }, ageDays: 365 }).monthly).toBe(2);
    expect(cost({ rotation: { automatic: true, periodDays: 90 }, ageDays: 3000 }).monthly).toBe(3);
    expect(cost({ rotation: { onDemandRotations: 25 } }).monthly).toBe(3);
    expect(cost({ rotation: { automatic: true }, ageDays: 0 }).steadyStateMonthly).toBe(3);
    expect(cost({ count: 2, multiRegionReplicas: 2 }).monthly).toBe(6);
    expect(cost({ managedBy: 'aws' }).monthly).toBe(0);
  });

  it('the peak KMS rate of a cached stream is not average × peak factor (hit ratio rises with load)', () => {
    const p = planWorkload(load('microservice-fleet-envelope-caching.yaml'));
    const s = p.streams.find((x) => x.id === 'tenant-profiles/GenerateDataKey/tenant-keys')!;
    expect(s.peak).toBeLessThan(s.average * 3 * 0.7);
    expect(s.hitRatio!.peak).toBeGreaterThan(s.hitRatio!.average);
  });

  it('quota overrides and what-ifs: a granted increase, another Region, an older era', () => {
    const w = load('s3-sse-kms-no-bucket-keys.yaml');
    expect(planWorkload(w, { quotaOverrides: ['symmetric=50000'] }).classes[0]!.status).toBe('ok');
    expect(planWorkload(w, { region: 'us-east-1' }).classes[0]!.quota).toBe(100_000);
    expect(planWorkload(w, { region: 'sa-east-1' }).classes[0]!.quota).toBe(10_000);
    expect(planWorkload(w, { quotaProfile: 'legacy-2017' }).classes[0]!.quota).toBe(1200);
  });

  it('niceCeil', () => {
    expect([niceCeil(39_688), niceCeil(109.4), niceCeil(1875), niceCeil(1000), niceCeil(0.3)]).toEqual([40_000, 120, 2000, 1000, 0.3]);
  });
});

describe('cache advice', () => {
  it('the advised cache brings the class under target, and the simulation agrees (no steady throttling)', () => {
    const w = load('microservice-fleet-envelope-caching.yaml');
    const p = planWorkload(w);
    const a = p.cacheAdvice.find((x) => x.classId === 'symmetric')!;
    expect(a.possible).toBe(true);
    expect(a.services).toEqual(['orders']); // tenant-profiles' 60 s / 1,000 cache is already looser
    expect(a.peakAfter!).toBeLessThanOrEqual(a.target);
    // Minimal: one step shorter on the age ladder, or one message fewer, is not enough.
    const withCache = (maxAgeSeconds: number, maxMessages: number) => {
      const bounds = { maxAgeSeconds, maxMessages };
      const o = new Map<string, CacheOverride>([['orders', { encrypt: bounds, decrypt: bounds }]]);
      return workloadStreams(w, o)
        .filter((s) => s.route.cls === 'symmetric')
        .reduce((n, s) => n + s.peak, 0);
    };
    expect(withCache(a.maxAgeSeconds!, a.maxMessages!)).toBeCloseTo(a.peakAfter!, 6);
    expect(withCache(a.maxAgeSeconds!, a.maxMessages! - 1)).toBeGreaterThan(a.target);
    expect(withCache(2, 2 ** 32)).toBeGreaterThan(a.target); // the rung below 5 s

    // Apply it to the workload and simulate: steady-state throttling ≈ 0.
    const applied = parseWorkload({
      ...w,
      services: w.services.map((s) =>
        s.name === 'orders'
          ? { ...s, encrypt: { ...s.encrypt!, cache: { maxAgeSeconds: a.maxAgeSeconds!, maxMessages: a.maxMessages! } }, decrypt: { ...s.decrypt!, cache: { maxAgeSeconds: a.maxAgeSeconds!, maxMessages: a.maxMessages! } } }
          : s,
      ),
    });
    const p2 = planWorkload(applied);
    expect(p2.classes.find((c) => c.cls === 'symmetric')!.status).toBe('ok');
    const sim = simulateWorkload(applied, p2, { seconds: 30, seed: 3 });
    const sym = sim.classes.find((c) => c.cls === 'symmetric')!;
    expect(sym.steadyThrottledRatio).toBeLessThan(0.001);
  });
});

describe('simulation (Limiter, injected clock)', () => {
  it('is deterministic for a seed and admits what the token bucket allows', () => {
    const w = load('ecc-signing-service.yaml');
    const p = planWorkload(w);
    const a = simulateWorkload(w, p, { seconds: 20, seed: 5 });
    const b = simulateWorkload(w, p, { seconds: 20, seed: 5 });
    expect(a.classes).toEqual(b.classes);
    const ecc = a.classes.find((c) => c.cls === 'ecc')!;
    // Offered ≈ 1,500/s (Poisson); admitted = quota × seconds + one second of burst at most.
    expect(Math.abs(ecc.offeredPerSecond - 1500) / 1500).toBeLessThan(0.03);
    expect(ecc.admitted).toBeLessThanOrEqual(1000 * 20 + 1000);
    expect(ecc.admitted).toBeGreaterThan(1000 * 20 * 0.99);
    expect(ecc.steadyThrottledRatio).toBeGreaterThan(1 - 1000 / 1500 - 0.02);
    expect(ecc.steadyThrottledRatio).toBeLessThan(1 - 1000 / 1500 + 0.02);
    const gdkp = a.classes.find((c) => c.cls === 'gdkp-ecc-nist-p256')!;
    expect(gdkp.throttled).toBe(0); // 87.5/s under 100/s with a one-second burst
    expect(formatSimulation(a)).toMatch(/^Simulation: 20 simulated s/);
  });

  it('message-level caches reproduce the closed-form hit ratio when nothing is throttled', () => {
    const w = load('microservice-fleet-envelope-caching.yaml');
    const p = planWorkload(w, { quotaOverrides: ['symmetric=1000000'] });
    const sim = simulateWorkload({ ...w, quotaOverrides: ['symmetric=1000000'] }, p, { seconds: 20, seed: 9 });
    for (const s of sim.streams.filter((x) => x.messages !== undefined)) {
      expect(Math.abs(s.hitRatio! - s.expectedHitRatio!), s.id).toBeLessThan(0.02);
    }
    expect(sim.classes.find((c) => c.cls === 'symmetric')!.throttled).toBe(0);
  });

  it('a custom key store is charged per store, in addition to the symmetric quota', () => {
    const w = parseWorkload(
      minimal({
        keys: [{ name: 'k', customKeyStore: { type: 'AWS_CLOUDHSM', id: 'cks-1' } }],
        services: [{ name: 's', key: 'k', encrypt: { messagesPerSecond: 2000, operation: 'Encrypt', messageBytes: 100 } }],
      }),
    );
    const p = planWorkload(w);
    const store = p.classes.find((c) => c.id === 'cloudhsm-key-store:cks-1')!;
    expect([store.quota, store.peak, store.status, store.adjustable]).toEqual([1800, 2000, 'over', false]);
    expect(p.classes.find((c) => c.id === 'symmetric')!.peak).toBe(2000);
    const sim = simulateWorkload(w, p, { seconds: 10, seed: 1 });
    const simStore = sim.classes.find((c) => c.id === 'cloudhsm-key-store:cks-1')!;
    expect(simStore.throttled).toBeGreaterThan(0);
    expect(simStore.admitted).toBeLessThanOrEqual(1800 * 11);
  });
});

describe('text output', () => {
  it('every example renders the tables, the advice, the cost and the sources', () => {
    for (const f of examples) {
      const text = formatPlan(planWorkload(load(f)));
      for (const part of ['KMS requests by operation', 'Quota classes at peak', 'Monthly cost', 'Pricing sources', 'https://aws.amazon.com/kms/pricing/', 'Assumptions', 'ML-DSA requests priced'])
        expect(text, `${f}: ${part}`).toContain(part);
    }
  });
});
