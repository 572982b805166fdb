import { createPrivateKey, createPublicKey } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { KeySpec } from '../../common/model/schemas.js';
import { generateAsymmetricKeyPairAsync, type AsymmetricKeyPair } from './asymmetric-keys.js';
import { FRESH_KEY_PAIRS, KeyPairPool, keyPairSourceFor, TEST_KEY_PAIR_POOL } from './key-pair-source.js';

const hex = (p: AsymmetricKeyPair): string => p.publicKey.toString('hex');
const draw = async (source: { next(k: KeySpec): Promise<AsymmetricKeyPair> }, keySpec: KeySpec, n: number) => {
  const out: AsymmetricKeyPair[] = [];
  for (let i = 0; i < n; i++) out.push(await source.next(keySpec));
  return out;
};

/** A pool over the real generator that counts what it generated. */
function countingPool(): { pool: KeyPairPool; generated: KeySpec[] } {
  const generated: KeySpec[] = [];
  const pool = new KeyPairPool((keySpec) => {
    generated.push(keySpec);
    return generateAsymmetricKeyPairAsync(keySpec);
  });
  return { pool, generated };
}

describe('FRESH_KEY_PAIRS', () => {
  it('makes a new pair each time, of the spec asked for', async () => {
    const [a, b] = await draw(FRESH_KEY_PAIRS, 'ECC_NIST_P256', 2);
    expect(hex(a!)).not.toBe(hex(b!));
    expect(createPublicKey({ key: a!.publicKey, format: 'der', type: 'spki' }).asymmetricKeyDetails?.namedCurve).toBe('prime256v1');
    expect(keyPairSourceFor('fresh')).toBe(FRESH_KEY_PAIRS);
  });
});

describe('KeyPairPool', () => {
  it('hands one cursor distinct pairs, and a later cursor the same pairs in the same order', async () => {
    const { pool, generated } = countingPool();
    const first = await draw(pool.cursor(), 'ECC_NIST_P384', 3);
    expect(new Set(first.map(hex)).size).toBe(3);
    const second = await draw(pool.cursor(), 'ECC_NIST_P384', 4);
    expect(second.slice(0, 3).map(hex)).toEqual(first.map(hex));
    expect(new Set(second.map(hex)).size).toBe(4);
    expect(generated).toEqual(['ECC_NIST_P384', 'ECC_NIST_P384', 'ECC_NIST_P384', 'ECC_NIST_P384']);
    expect(pool.size('ECC_NIST_P384')).toBe(4);
  });

  it('keeps a cursor per spec: drawing one spec does not move another', async () => {
    const { pool } = countingPool();
    const c = pool.cursor();
    const p256 = await c.next('ECC_NIST_P256');
    await c.next('ECC_SECG_P256K1');
    expect(hex(await pool.cursor().next('ECC_NIST_P256'))).toBe(hex(p256));
    expect(hex(await c.next('ECC_NIST_P256'))).not.toBe(hex(p256));
  });

  it('concurrent draws of one cursor get distinct pairs', async () => {
    const { pool } = countingPool();
    const c = pool.cursor();
    const pairs = await Promise.all([c.next('ECC_NIST_P256'), c.next('ECC_NIST_P256'), c.next('ECC_NIST_P256')]);
    expect(new Set(pairs.map(hex)).size).toBe(3);
  });

  it('hands out copies: a caller zeroing its private key leaves the pool intact', async () => {
    const { pool } = countingPool();
    const mine = await pool.cursor().next('ECC_NIST_P256');
    const kept = Buffer.from(mine.privateKey);
    mine.privateKey.fill(0);
    const again = await pool.cursor().next('ECC_NIST_P256');
    expect(again.privateKey.equals(kept)).toBe(true);
    expect(createPublicKey(createPrivateKey({ key: again.privateKey, format: 'der', type: 'pkcs8' })).export({ type: 'spki', format: 'der' })).toEqual(again.publicKey);
  });

  it('refuses what the HSM refuses, without pooling anything', async () => {
    const { pool, generated } = countingPool();
    await expect(pool.cursor().next('SM2')).rejects.toMatchObject({ code: 'UnsupportedOperationException' });
    await expect(pool.cursor().next('ML_DSA_65')).rejects.toMatchObject({ code: 'UnsupportedOperationException' });
    await expect(pool.cursor().next('SYMMETRIC_DEFAULT')).rejects.toMatchObject({ code: 'KMSInternalException' });
    expect(generated).toEqual([]);
  });

  it('does not keep a failed generation: the next cursor to reach it generates again', async () => {
    let calls = 0;
    const pool = new KeyPairPool((keySpec) => (++calls === 1 ? Promise.reject(new Error('no entropy')) : generateAsymmetricKeyPairAsync(keySpec)));
    await expect(pool.cursor().next('ECC_NIST_P256')).rejects.toThrow('no entropy');
    const pair = await pool.cursor().next('ECC_NIST_P256');
    expect(pair.publicKey.length).toBeGreaterThan(0);
    expect(calls).toBe(2);
  });

  it("'test-pool' servers draw on the process-wide pool, each with a cursor of its own", async () => {
    const a = await keyPairSourceFor('test-pool').next('ECC_NIST_P521');
    const b = await keyPairSourceFor('test-pool').next('ECC_NIST_P521');
    expect(hex(b)).toBe(hex(a));
    expect(TEST_KEY_PAIR_POOL.size('ECC_NIST_P521')).toBeGreaterThanOrEqual(1);
  });
});
