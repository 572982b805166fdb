import { createPrivateKey } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { KeyStore } from '../store/store.js';
import { applySeedPlan, type SeedTarget } from './apply-seed.js';
import { parseSeedText, readSeedFile } from './read-seed.js';
import { SeedError } from './seed-plan.js';

const SAMPLE = new URL('./testdata/local-kms-seed.yaml', import.meta.url).pathname;
const defaults = { account: '111122223333', region: 'eu-west-2' };
const dir = mkdtempSync(join(tmpdir(), 'kmsbench-seed-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A store and a fake sealer that keeps the plaintext beside its binding (to check what was sealed). */
function target(name: string): SeedTarget & { sealed: Array<{ material: Buffer; arn: string; version: number }> } {
  const sealed: Array<{ material: Buffer; arn: string; version: number }> = [];
  return {
    store: new KeyStore({ path: join(dir, `${name}.sqlite`) }),
    now: Date.UTC(2026, 11, 7),
    sealed,
    seal(material, arn, version) {
      sealed.push({ material: Buffer.from(material), arn, version });
      return Buffer.concat([Buffer.from('sealed:'), Buffer.from(arn), Buffer.from([version])]);
    },
  };
}

describe("local-kms's seed format", () => {
  it('reads the sample: AES keys with backing keys, RSA and ECC PEMs, aliases, in the server account and Region', async () => {
    const plan = await readSeedFile(SAMPLE, defaults);
    expect(plan.format).toBe('local-kms');
    expect(plan.keys.map((k) => [k.keyId, k.keySpec || 'from PEM', k.keyUsage, k.backingKeys.length, k.state])).toEqual([
      ['6f2c8a1e-3b4d-4e5f-8a9b-0c1d2e3f4a5b', 'SYMMETRIC_DEFAULT', 'ENCRYPT_DECRYPT', 2, 'Enabled'],
      ['0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d', 'SYMMETRIC_DEFAULT', 'ENCRYPT_DECRYPT', 1, 'Enabled'],
      ['7e8f9a0b-1c2d-4e3f-9a4b-5c6d7e8f9a0b', 'SYMMETRIC_DEFAULT', 'ENCRYPT_DECRYPT', 0, 'PendingImport'],
      ['2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e', 'from PEM', 'ENCRYPT_DECRYPT', 0, 'Enabled'],
      ['9c8b7a6f-5e4d-4c3b-8a29-1f0e9d8c7b6a', 'from PEM', 'SIGN_VERIFY', 0, 'Enabled'],
    ]);
    expect(plan.keys.every((k) => k.account === '111122223333' && k.region === 'eu-west-2')).toBe(true);
    // Upper- and lower-case hex both decode; the first key's versions are the file's, in order.
    const text = readFileSync(SAMPLE, 'utf8');
    const hex = [...text.matchAll(/^\s+- ([0-9A-Fa-f]{64})$/gm)].map((m) => m[1]!.toLowerCase());
    expect(plan.keys[0]!.backingKeys.map((b) => b.toString('hex'))).toEqual(hex.slice(0, 2));
    expect(plan.keys[1]!.rotation).toEqual({ enabled: true, periodInDays: 365, nextRotationAt: Date.parse('2030-01-02T03:04:05Z') });
    expect(plan.aliases.map((a) => [a.name, a.targetKeyId])).toEqual([
      ['alias/testing', '6f2c8a1e-3b4d-4e5f-8a9b-0c1d2e3f4a5b'],
      ['alias/signing', '9c8b7a6f-5e4d-4c3b-8a29-1f0e9d8c7b6a'],
    ]);
  });

  it('creates the keys with their specs from the PEMs and seals PKCS#8 material', async () => {
    const t = target('local-kms');
    const report = await applySeedPlan(await readSeedFile(SAMPLE, defaults), t);
    expect(report.skipped).toEqual([]);
    expect(report.created).toHaveLength(7);
    const ecc = t.store.getKey('9c8b7a6f-5e4d-4c3b-8a29-1f0e9d8c7b6a')!;
    expect([ecc.keySpec, ecc.keyUsage, ecc.state, ecc.currentVersion]).toEqual(['ECC_NIST_P256', 'SIGN_VERIFY', 'Enabled', 1]);
    expect(t.store.getKey('2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e')!.keySpec).toBe('RSA_2048');
    // The sealed ECC material is the seed's private key, as PKCS#8 DER.
    const pem = /Ecc:[\s\S]*?PrivateKeyPem: \|\n([\s\S]*?-----END EC PRIVATE KEY-----)/.exec(readFileSync(SAMPLE, 'utf8'))![1]!.replace(/^ +/gm, '');
    const sealedEcc = t.sealed.find((s) => s.arn === ecc.arn)!;
    expect(sealedEcc.material.equals(createPrivateKey(pem).export({ type: 'pkcs8', format: 'der' }))).toBe(true);
    const aes = t.store.listBackingKeys('6f2c8a1e-3b4d-4e5f-8a9b-0c1d2e3f4a5b');
    expect(aes.map((b) => [b.version, b.rotationType])).toEqual([[1, null], [2, 'AUTOMATIC']]);
    expect(t.store.getKey('6f2c8a1e-3b4d-4e5f-8a9b-0c1d2e3f4a5b')!.currentVersion).toBe(2);
    expect(t.store.getKey('7e8f9a0b-1c2d-4e3f-9a4b-5c6d7e8f9a0b')!).toMatchObject({ state: 'PendingImport', origin: 'EXTERNAL', currentVersion: 0 });
    expect(t.store.getAlias('111122223333', 'eu-west-2', 'alias/testing')!.targetKeyId).toBe('6f2c8a1e-3b4d-4e5f-8a9b-0c1d2e3f4a5b');
    t.store.close();
  });

  it('never overwrites: a second run skips what the store holds, changes included', async () => {
    const t = target('again');
    const plan = await readSeedFile(SAMPLE, defaults);
    await applySeedPlan(plan, t);
    const id = '6f2c8a1e-3b4d-4e5f-8a9b-0c1d2e3f4a5b';
    t.store.write(() => t.store.putKey({ ...t.store.getKey(id)!, state: 'Disabled', description: 'changed' }));
    const report = await applySeedPlan(await readSeedFile(SAMPLE, defaults), t);
    expect(report.created).toEqual([]);
    expect(report.skipped).toHaveLength(7);
    expect(t.store.getKey(id)).toMatchObject({ state: 'Disabled', description: 'changed' });
    t.store.close();
  });
});

describe("kmsbench's seed format", () => {
  const yaml = `
keys:
  - keyId: 11111111-2222-4333-8444-555555555555
    description: orders
    tags: { team: payments }
    aliases: [alias/orders]
    backingKeys: ${Buffer.alloc(32, 7).toString('base64')}
    rotation: { enabled: true, periodInDays: 90 }
    grants: [{ GranteePrincipal: "arn:aws:iam::111122223333:role/app", Operations: [Decrypt] }]
  - keyId: 21111111-2222-4333-8444-555555555555
    state: Disabled
    policy: { Version: "2012-10-17", Statement: [] }
accounts:
  - id: "444455556666"
    regions:
      - region: eu-west-1
        keys:
          - { keyId: 31111111-2222-4333-8444-555555555555, keySpec: HMAC_256 }
        aliases:
          - { name: alias/mac, targetKeyId: 31111111-2222-4333-8444-555555555555 }
`;

  it('declares keys in the default and other accounts and Regions, and reports grants as not supported yet', async () => {
    const t = target('native');
    const plan = await parseSeedText(yaml, defaults, 'seed.yaml');
    expect(plan.format).toBe('kmsbench');
    const report = await applySeedPlan(plan, t);
    expect(report.skipped).toEqual([
      'key arn:aws:kms:eu-west-2:111122223333:key/11111111-2222-4333-8444-555555555555: 1 grant(s) skipped: grants not supported yet',
    ]);
    const orders = t.store.getKey('11111111-2222-4333-8444-555555555555')!;
    expect(orders).toMatchObject({ description: 'orders', tags: [{ TagKey: 'team', TagValue: 'payments' }], rotationEnabled: true, rotationPeriodInDays: 90 });
    expect(orders.nextRotationAt).toBe(t.now + 90 * 86_400_000);
    expect(t.sealed.find((s) => s.arn === orders.arn)!.material.equals(Buffer.alloc(32, 7))).toBe(true);
    expect(t.store.getKey('21111111-2222-4333-8444-555555555555')!).toMatchObject({ state: 'Disabled', policy: '{"Version":"2012-10-17","Statement":[]}' });
    const mac = t.store.getKey('31111111-2222-4333-8444-555555555555')!;
    expect(mac).toMatchObject({ account: '444455556666', region: 'eu-west-1', keySpec: 'HMAC_256', keyUsage: 'GENERATE_VERIFY_MAC' });
    expect(t.sealed.find((s) => s.arn === mac.arn)!.material).toHaveLength(32);
    expect(t.store.getAlias('444455556666', 'eu-west-1', 'alias/mac')!.targetKeyId).toBe(mac.keyId);
    t.store.close();
  });

  it.each([
    ['keys: [{ keyId: not-a-uuid }]', /keys\[0\]\.keyId must be a key id/],
    ['keys: [{ keyId: 11111111-2222-4333-8444-555555555555, backingKeys: abcd }]', /keys\[0\]\.backingKeys\[0\] must be 32 bytes/],
    ['keyz: []', /unknown top-level member 'keyz'/],
    ['aliases: [{ name: alias/x, targetKeyId: 11111111-2222-4333-8444-555555555555 }]', /targets key 11111111-2222-4333-8444-555555555555, which is neither seeded nor in the data dir/],
    ['keys: [{ keyId: 11111111-2222-4333-8444-555555555555, keySpec: ECC_NIST_P256, keyUsage: ENCRYPT_DECRYPT }]', /KeyUsage ENCRYPT_DECRYPT is not compatible with KeySpec ECC_NIST_P256/],
    ['keys: [{ keyId: 11111111-2222-4333-8444-555555555555, keySpec: ECC_NIST_P384, privateKeyPem: "-----BEGIN PRIVATE KEY-----\\nAAAA\\n-----END PRIVATE KEY-----" }]', /keys\[0\]: The key material is not a valid private key for key spec ECC_NIST_P384/],
    ['{ "keys": [ { "keyId": "11111111-2222-4333-8444-555555555555" }, { "keyId": "11111111-2222-4333-8444-555555555555" } ] }', /declared twice/],
    ['keys: [', /not valid YAML/],
  ])('refuses %s', async (text, message) => {
    const t = target(`bad-${Math.random().toString(36).slice(2)}`);
    const run = async () => applySeedPlan(await parseSeedText(text, defaults), t);
    await expect(run()).rejects.toThrow(SeedError);
    await expect(run()).rejects.toThrow(message);
    expect(t.store.countKeys('111122223333', 'eu-west-2')).toBe(0);
    t.store.close();
  });

  it('never puts key material in its messages', async () => {
    const secret = 'ab'.repeat(31); // 31 bytes: wrong length
    await expect(parseSeedText(`keys: [{ keyId: 11111111-2222-4333-8444-555555555555, backingKeys: [${secret}] }]`, defaults)).rejects.toThrow(
      expect.objectContaining({ message: expect.not.stringContaining(secret) }),
    );
  });
});
