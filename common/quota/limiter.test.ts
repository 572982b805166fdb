import { describe, expect, it } from 'vitest';
import { quotaRouteFor } from './classes.js';
import { Limiter } from './limiter.js';
import { applyOverrides, profileForRegion } from './profiles.js';

const S = 1e9;
const MS = 1e6;

function limiter(overrides: string[] = [], clock = () => 0): Limiter {
  return new Limiter({ clock, rates: (_a, region) => applyOverrides(profileForRegion(region), overrides) });
}

function burst(l: Limiter, n: number, f: () => boolean): number {
  let ok = 0;
  for (let i = 0; i < n; i++) if (f()) ok++;
  return ok;
}

describe('Limiter', () => {
  it('uses the Region tier: 100,000 in us-east-1, 10,000 in eu-north-1', () => {
    const l = new Limiter({ clock: () => 0 });
    expect(burst(l, 100_001, () => l.admit('111122223333', 'us-east-1', 'symmetric'))).toBe(100_000);
    expect(burst(l, 10_001, () => l.admit('111122223333', 'eu-north-1', 'symmetric'))).toBe(10_000);
  });

  it('many accounts at once are independent', () => {
    const l = limiter(['symmetric=50']);
    const accounts = Array.from({ length: 1000 }, (_, i) => String(100000000000 + i));
    for (const a of accounts) expect(burst(l, 60, () => l.admit(a, 'eu-north-1', 'symmetric', 0))).toBe(50);
    // Each account refills on its own: 100 ms later every account has exactly 5 more tokens.
    for (const a of accounts) expect(burst(l, 10, () => l.admit(a, 'eu-north-1', 'symmetric', 100 * MS))).toBe(5);
    expect(l.counters().symmetric).toEqual({ allowed: 1000 * 55, throttled: 1000 * 15 });
  });

  it('each control-plane quota is independent (CreateKey throttled, CreateAlias still fine)', () => {
    const l = limiter();
    expect(burst(l, 10, () => l.admit('a', 'us-east-1', 'CreateKey'))).toBe(5);
    expect(burst(l, 5, () => l.admit('a', 'us-east-1', 'CreateAlias'))).toBe(5);
    expect(burst(l, 20, () => l.admit('a', 'us-east-1', 'ScheduleKeyDeletion'))).toBe(15);
  });

  it('crypto classes are independent of each other (symmetric + RSA + ECC)', () => {
    const l = limiter(['symmetric=10', 'rsa=3', 'ecc=2']);
    const r = (op: string, keySpec: string) => () => l.admitRoute('a', 'eu-north-1', quotaRouteFor(op, { keySpec }), 0);
    expect(burst(l, 20, r('Encrypt', 'SYMMETRIC_DEFAULT'))).toBe(10);
    expect(burst(l, 20, r('Sign', 'RSA_2048'))).toBe(3);
    expect(burst(l, 20, r('Verify', 'ECC_NIST_P256'))).toBe(2);
    expect(burst(l, 20, r('GenerateMac', 'HMAC_256'))).toBe(0); // HMAC shares the symmetric quota
  });

  it('custom key store: charged to symmetric (per account) and to the store (shared by accounts), all or nothing', () => {
    const l = limiter(['cloudhsm-key-store=3', 'symmetric=100']);
    const route = quotaRouteFor('Decrypt', { keySpec: 'SYMMETRIC_DEFAULT', customKeyStoreType: 'AWS_CLOUDHSM' });
    expect(l.admitRoute('acct-a', 'eu-north-1', route, 0, 'cks-1')).toBe(true);
    expect(l.admitRoute('acct-b', 'eu-north-1', route, 0, 'cks-1')).toBe(true);
    expect(l.admitRoute('acct-b', 'eu-north-1', route, 0, 'cks-1')).toBe(true);
    expect(l.admitRoute('acct-a', 'eu-north-1', route, 0, 'cks-1')).toBe(false); // store exhausted
    expect(l.admitRoute('acct-a', 'eu-north-1', route, 0, 'cks-2')).toBe(true); // another store
    expect(l.level('acct-a', 'eu-north-1', 'symmetric', 0)).toBe(98); // the refused one charged nothing
    expect(l.counters()['cloudhsm-key-store']).toEqual({ allowed: 4, throttled: 1 });
    expect(() => l.admitRoute('acct-a', 'eu-north-1', route, 0)).toThrow(/custom key store id/);
  });

  it('ReplicateKey also charges two CreateKey tokens in the replica Region', () => {
    const l = limiter();
    const route = quotaRouteFor('ReplicateKey');
    expect(l.admitRoute('a', 'us-east-1', route, 0, undefined, 'eu-west-1')).toBe(true);
    expect(l.admitRoute('a', 'us-east-1', route, 0, undefined, 'eu-west-1')).toBe(true);
    expect(l.admitRoute('a', 'us-east-1', route, 0, undefined, 'eu-west-1')).toBe(false); // 1 CreateKey token left
    expect(l.level('a', 'eu-west-1', 'CreateKey', 0)).toBe(1);
    expect(l.level('a', 'us-east-1', 'ReplicateKey', 0)).toBe(3);
  });

  it('steady 3× overload over 10 s: admitted = rate × seconds ± burst; idle refill capped', () => {
    let now = 0;
    const l = limiter(['DescribeKey=200'], () => now);
    let ok = 0;
    for (now = 0; now < 10 * S; now += Math.round(S / 600)) if (l.admit('a', 'eu-north-1', 'DescribeKey')) ok++;
    expect(Math.abs(ok - 2000)).toBeLessThanOrEqual(200);
    expect(Math.abs(ok - (200 + 200 * 10))).toBeLessThanOrEqual(1);
    now += 3600 * S;
    expect(l.level('a', 'eu-north-1', 'DescribeKey')).toBe(200);
  });

  it('snapshot and sweep (dropping full buckets changes nothing)', () => {
    const l = limiter(['symmetric=10']);
    for (let i = 0; i < 4; i++) l.admit('a', 'eu-north-1', 'symmetric', 0);
    l.admit('b', 'eu-north-1', 'symmetric', 0);
    const snap = l.snapshot(0);
    expect(snap.map((s) => [s.account, s.cls, s.level, s.allowed])).toEqual([
      ['a', 'symmetric', 6, 4],
      ['b', 'symmetric', 9, 1],
    ]);
    expect(l.sweep(150 * MS)).toBe(1); // b is full again at 150 ms, a is not
    expect(l.snapshot(150 * MS).map((s) => s.account)).toEqual(['a']);
    expect(l.sweep(10 * S)).toBe(1);
    expect(l.snapshot(10 * S)).toEqual([]);
    expect(burst(l, 11, () => l.admit('a', 'eu-north-1', 'symmetric', 10 * S))).toBe(10);
    expect(l.counters().symmetric.allowed).toBe(15); // totals survive the sweep
  });

  it('rejects key-store classes on the account path', () => {
    expect(() => limiter().admit('a', 'us-east-1', 'cloudhsm-key-store')).toThrow(/per key store/);
  });
});
