import { beforeAll, describe, expect, it } from 'vitest';
import { softHsm } from '../softhsm-testing.js';
import { Pkcs11CloudHsm } from './cloudhsm-pkcs11.js';
import { CiphertextRejected, StoreNotConnected } from './types.js';

const hsm = softHsm();
const skip = 'skip' in hsm ? hsm.skip : undefined;
if (skip) console.warn(`SoftHSM2 tests skipped: ${skip}`);

describe.skipIf(skip !== undefined)('Pkcs11CloudHsm on a SoftHSM2 token', () => {
  const h = hsm as Exclude<typeof hsm, { skip: string }>;
  const CERT = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';
  beforeAll(() => {
    h.createToken('cluster-abcdefghijk', 'kmsPswd1', { trustAnchor: CERT });
  });
  const backend = new Pkcs11CloudHsm();

  it('describes clusters: the token, its user, its trust anchor', () => {
    expect(backend.describeCluster('cluster-abcdefghijk')).toEqual({ active: true, trustAnchorCertificate: CERT.trim() });
    expect(backend.describeCluster('cluster-doesnotexist')).toBeUndefined();
  });

  it('a wrong kmsuser password is INVALID_CREDENTIALS; no session is kept', async () => {
    expect(await backend.connect({ storeId: 'cks-1', clusterId: 'cluster-abcdefghijk', password: 'wrong-password' })).toEqual({ ok: false, code: 'INVALID_CREDENTIALS' });
    expect(backend.isConnected('cks-1')).toBe(false);
    expect(await backend.connect({ storeId: 'cks-1', clusterId: 'cluster-missing0000', password: 'kmsPswd1' })).toEqual({ ok: false, code: 'CLUSTER_NOT_FOUND' });
  });

  it('generates a non-extractable AES-256 key in the token and round-trips AES-GCM through it', async () => {
    expect(await backend.connect({ storeId: 'cks-1', clusterId: 'cluster-abcdefghijk', password: 'kmsPswd1' })).toEqual({ ok: true });
    await backend.generateKey('cks-1', 'key-1');
    const aad = Buffer.from('header+context');
    const sealed = await backend.encrypt('cks-1', 'key-1', Buffer.from('attack at dawn'), aad);
    expect(sealed.length).toBe(12 + 16 + 14);
    expect((await backend.decrypt('cks-1', 'key-1', sealed, aad)).toString()).toBe('attack at dawn');
    await expect(backend.decrypt('cks-1', 'key-1', sealed, Buffer.from('other context'))).rejects.toBeInstanceOf(CiphertextRejected);
    const flipped = Buffer.from(sealed);
    flipped[flipped.length - 1]! ^= 1;
    await expect(backend.decrypt('cks-1', 'key-1', flipped, aad)).rejects.toBeInstanceOf(CiphertextRejected);
  });

  it('the kmsuser already logged in elsewhere is USER_LOGGED_IN; after Disconnect calls fail as not connected', async () => {
    expect(await backend.connect({ storeId: 'cks-2', clusterId: 'cluster-abcdefghijk', password: 'kmsPswd1' })).toEqual({ ok: false, code: 'USER_LOGGED_IN' });
    await backend.disconnect('cks-1');
    await expect(backend.encrypt('cks-1', 'key-1', Buffer.from('x'), Buffer.alloc(0))).rejects.toBeInstanceOf(StoreNotConnected);
    expect(await backend.connect({ storeId: 'cks-2', clusterId: 'cluster-abcdefghijk', password: 'kmsPswd1' })).toEqual({ ok: true });
    await backend.disconnect('cks-2');
  });
});
