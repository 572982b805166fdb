import { describe, expect, it } from 'vitest';
import { isKmsError } from '../errors.js';
import { validateRequest } from '../validate/index.js';
import { SoftwareCloudHsm } from './backends/software.js';
import type { XksProxyApi } from './backends/types.js';
import { createKeyInStore, decryptInStore, encryptInStore } from './crypto.js';
import {
  connectCustomKeyStore,
  createCustomKeyStore,
  deleteCustomKeyStore,
  describeCustomKeyStores,
  disconnectCustomKeyStore,
  updateCustomKeyStore,
  type KeyStoreDeps,
} from './handlers.js';
import { InMemoryCustomKeyStoreRepository } from './repository.js';

const CERT = '-----BEGIN CERTIFICATE-----\nMIIBtrustanchor\n-----END CERTIFICATE-----';
const noXks: XksProxyApi = new Proxy({} as XksProxyApi, { get: () => () => Promise.reject(new Error('no XKS here')) });

function setup(keys = new Map<string, number>()) {
  const work: Promise<void>[] = [];
  const hsm = new SoftwareCloudHsm({
    'cluster-abcdefghijk': { kmsuserPassword: 'kmsPswd1', trustAnchorCertificate: CERT },
    'cluster-bbbbbbbbbbb': { kmsuserPassword: 'kmsPswd1', trustAnchorCertificate: CERT },
    'cluster-unrelated22': { kmsuserPassword: 'kmsPswd1', trustAnchorCertificate: 'other' },
    'cluster-inactive222': { kmsuserPassword: 'kmsPswd1', active: false },
  });
  let n = 0;
  const deps: KeyStoreDeps = {
    repo: new InMemoryCustomKeyStoreRepository((_a, _r, id) => keys.get(id) ?? 0),
    cloudHsm: hsm,
    xks: noXks,
    scope: { account: '111122223333', region: 'us-east-1', principalArn: 'arn:aws:iam::111122223333:root', requestId: 'req-1' },
    now: () => 1_700_000_000_000,
    newId: () => `cks-${(n++).toString(16).padStart(17, '0')}`,
    track: (w) => void work.push(w),
  };
  const settle = async () => {
    await Promise.all(work.splice(0));
  };
  return { deps, hsm, settle, keys };
}

const code = async (f: () => unknown): Promise<string> => {
  try {
    await f();
    return 'ok';
  } catch (e) {
    return isKmsError(e) ? e.code : `threw ${String(e)}`;
  }
};

const cloudHsmInput = (name = 'ks', cluster = 'cluster-abcdefghijk', password = 'kmsPswd1') => ({
  CustomKeyStoreName: name,
  CloudHsmClusterId: cluster,
  TrustAnchorCertificate: CERT,
  KeyStorePassword: password,
});

describe('CloudHSM key store lifecycle (software cluster)', () => {
  it('create → DISCONNECTED; connect → CONNECTING → CONNECTED; describe never shows the password', async () => {
    const { deps, settle } = setup();
    const { CustomKeyStoreId: id } = await createCustomKeyStore(cloudHsmInput(), deps);
    expect(id).toMatch(/^cks-[0-9a-f]{17}$/u);
    expect(describeCustomKeyStores({}, deps)).toEqual({
      CustomKeyStores: [
        {
          CustomKeyStoreId: id,
          CustomKeyStoreName: 'ks',
          CloudHsmClusterId: 'cluster-abcdefghijk',
          TrustAnchorCertificate: CERT,
          ConnectionState: 'DISCONNECTED',
          CreationDate: 1_700_000_000,
          CustomKeyStoreType: 'AWS_CLOUDHSM',
        },
      ],
      Truncated: false,
    });
    connectCustomKeyStore({ CustomKeyStoreId: id }, deps);
    expect(describeCustomKeyStores({ CustomKeyStoreId: id }, deps).CustomKeyStores[0]!.ConnectionState).toBe('CONNECTING');
    await settle();
    const entry = describeCustomKeyStores({ CustomKeyStoreName: 'ks' }, deps).CustomKeyStores[0]!;
    expect(entry.ConnectionState).toBe('CONNECTED');
    expect(JSON.stringify(entry)).not.toContain('kmsPswd1');
    expect(connectCustomKeyStore({ CustomKeyStoreId: id }, deps)).toEqual({});
  });

  it('a wrong password fails the connection with INVALID_CREDENTIALS; FAILED needs Disconnect before Connect', async () => {
    const { deps, settle } = setup();
    const { CustomKeyStoreId: id } = await createCustomKeyStore(cloudHsmInput('ks', 'cluster-abcdefghijk', 'wrongpass'), deps);
    connectCustomKeyStore({ CustomKeyStoreId: id }, deps);
    await settle();
    expect(describeCustomKeyStores({}, deps).CustomKeyStores[0]).toMatchObject({ ConnectionState: 'FAILED', ConnectionErrorCode: 'INVALID_CREDENTIALS' });
    expect(await code(() => connectCustomKeyStore({ CustomKeyStoreId: id }, deps))).toBe('CustomKeyStoreInvalidStateException');
    expect(await code(() => updateCustomKeyStore({ CustomKeyStoreId: id, KeyStorePassword: 'kmsPswd1' }, deps))).toBe('CustomKeyStoreInvalidStateException');
    await disconnectCustomKeyStore({ CustomKeyStoreId: id }, deps);
    const d = describeCustomKeyStores({}, deps).CustomKeyStores[0]!;
    expect(d.ConnectionState).toBe('DISCONNECTED');
    expect(d.ConnectionErrorCode).toBeUndefined();
    await updateCustomKeyStore({ CustomKeyStoreId: id, KeyStorePassword: 'kmsPswd1' }, deps);
    connectCustomKeyStore({ CustomKeyStoreId: id }, deps);
    await settle();
    expect(describeCustomKeyStores({}, deps).CustomKeyStores[0]!.ConnectionState).toBe('CONNECTED');
  });

  it('Disconnect while CONNECTING wins over the late connection result', async () => {
    const { deps, settle, hsm } = setup();
    const { CustomKeyStoreId: id } = await createCustomKeyStore(cloudHsmInput(), deps);
    connectCustomKeyStore({ CustomKeyStoreId: id }, deps);
    await disconnectCustomKeyStore({ CustomKeyStoreId: id }, deps);
    await settle();
    expect(describeCustomKeyStores({}, deps).CustomKeyStores[0]!.ConnectionState).toBe('DISCONNECTED');
    expect(hsm.isConnected(id)).toBe(false);
  });

  it('create-time checks: name, cluster existence, use, activity and trust anchor', async () => {
    const { deps } = setup();
    await createCustomKeyStore(cloudHsmInput(), deps);
    expect(await code(() => createCustomKeyStore(cloudHsmInput('ks', 'cluster-bbbbbbbbbbb'), deps))).toBe('CustomKeyStoreNameInUseException');
    expect(await code(() => createCustomKeyStore(cloudHsmInput('ks2'), deps))).toBe('CloudHsmClusterInUseException');
    expect(await code(() => createCustomKeyStore(cloudHsmInput('ks2', 'cluster-nonexistent'), deps))).toBe('CloudHsmClusterNotFoundException');
    expect(await code(() => createCustomKeyStore(cloudHsmInput('ks2', 'cluster-inactive222'), deps))).toBe('CloudHsmClusterNotActiveException');
    expect(await code(() => createCustomKeyStore(cloudHsmInput('ks2', 'cluster-unrelated22'), deps))).toBe('IncorrectTrustAnchorException');
    expect(await code(() => createCustomKeyStore({ CustomKeyStoreName: 'ks3', CloudHsmClusterId: 'cluster-bbbbbbbbbbb', TrustAnchorCertificate: CERT }, deps))).toBe(
      'ValidationException',
    );
    expect(await code(() => createCustomKeyStore({ ...cloudHsmInput('ks3', 'cluster-bbbbbbbbbbb'), XksProxyUriPath: '/kms/xks/v1' }, deps))).toBe('ValidationException');
  });

  it('update: rename while CONNECTED; cluster change only while DISCONNECTED and only to a related cluster', async () => {
    const { deps, settle } = setup();
    const { CustomKeyStoreId: id } = await createCustomKeyStore(cloudHsmInput(), deps);
    connectCustomKeyStore({ CustomKeyStoreId: id }, deps);
    await settle();
    await updateCustomKeyStore({ CustomKeyStoreId: id, NewCustomKeyStoreName: 'renamed' }, deps);
    expect(describeCustomKeyStores({}, deps).CustomKeyStores[0]).toMatchObject({ CustomKeyStoreName: 'renamed', ConnectionState: 'CONNECTED' });
    expect(await code(() => updateCustomKeyStore({ CustomKeyStoreId: id, CloudHsmClusterId: 'cluster-bbbbbbbbbbb' }, deps))).toBe('CustomKeyStoreInvalidStateException');
    await disconnectCustomKeyStore({ CustomKeyStoreId: id }, deps);
    expect(await code(() => updateCustomKeyStore({ CustomKeyStoreId: id, CloudHsmClusterId: 'cluster-unrelated22' }, deps))).toBe('CloudHsmClusterNotRelatedException');
    await updateCustomKeyStore({ CustomKeyStoreId: id, CloudHsmClusterId: 'cluster-bbbbbbbbbbb' }, deps);
    expect(describeCustomKeyStores({}, deps).CustomKeyStores[0]!.CloudHsmClusterId).toBe('cluster-bbbbbbbbbbb');
    expect(await code(() => updateCustomKeyStore({ CustomKeyStoreId: 'cks-00000000000000099', NewCustomKeyStoreName: 'x' }, deps))).toBe('CustomKeyStoreNotFoundException');
  });

  it('delete: DISCONNECTED and empty only', async () => {
    const keys = new Map<string, number>();
    const { deps, settle } = setup(keys);
    const { CustomKeyStoreId: id } = await createCustomKeyStore(cloudHsmInput(), deps);
    connectCustomKeyStore({ CustomKeyStoreId: id }, deps);
    await settle();
    expect(await code(() => deleteCustomKeyStore({ CustomKeyStoreId: id }, deps))).toBe('CustomKeyStoreInvalidStateException');
    await disconnectCustomKeyStore({ CustomKeyStoreId: id }, deps);
    expect(await code(() => disconnectCustomKeyStore({ CustomKeyStoreId: id }, deps))).toBe('CustomKeyStoreInvalidStateException');
    keys.set(id, 1);
    expect(await code(() => deleteCustomKeyStore({ CustomKeyStoreId: id }, deps))).toBe('CustomKeyStoreHasCMKsException');
    keys.set(id, 0);
    deleteCustomKeyStore({ CustomKeyStoreId: id }, deps);
    expect(describeCustomKeyStores({}, deps).CustomKeyStores).toEqual([]);
    expect(await code(() => describeCustomKeyStores({ CustomKeyStoreId: id }, deps))).toBe('CustomKeyStoreNotFoundException');
  });

  it('pages with Limit/Marker and stops at 10 stores per account and Region', async () => {
    const { deps, hsm } = setup();
    for (let i = 0; i < 10; i++) {
      hsm.addCluster(`cluster-page${'abcdefghij'[i]}aaaaaa`, { kmsuserPassword: 'kmsPswd1' });
      await createCustomKeyStore(cloudHsmInput(`ks${i}`, `cluster-page${'abcdefghij'[i]}aaaaaa`), deps);
    }
    hsm.addCluster('cluster-onetoomany1', { kmsuserPassword: 'kmsPswd1' });
    expect(await code(() => createCustomKeyStore(cloudHsmInput('ks10', 'cluster-onetoomany1'), deps))).toBe('LimitExceededException');
    const first = describeCustomKeyStores({ Limit: 4 }, deps);
    expect(first.CustomKeyStores.map((s) => s.CustomKeyStoreName)).toEqual(['ks0', 'ks1', 'ks2', 'ks3']);
    expect(first.Truncated).toBe(true);
    const rest = describeCustomKeyStores({ Limit: 10, Marker: first.NextMarker }, deps);
    expect(rest.CustomKeyStores).toHaveLength(6);
    expect(rest.Truncated).toBe(false);
    expect(await code(() => describeCustomKeyStores({ Marker: 'bogus' }, deps))).toBe('InvalidMarkerException');
  });
});

describe('keys in a CloudHSM key store', () => {
  it('are created only in a CONNECTED store and encrypt/decrypt in the cluster; a disconnected store makes them unavailable', async () => {
    const { deps, settle } = setup();
    const { CustomKeyStoreId: id } = await createCustomKeyStore(cloudHsmInput(), deps);
    const ctx = { principalArn: 'arn:aws:iam::111122223333:root', requestId: 'r', operation: 'CreateKey' };
    const input = { account: '111122223333', region: 'us-east-1', CustomKeyStoreId: id, Origin: 'AWS_CLOUDHSM', keyId: 'k-1' };
    const withXks = { ...deps, xksKeyInUse: () => false };
    expect(await code(() => createKeyInStore(input, withXks, ctx))).toBe('CustomKeyStoreInvalidStateException');
    connectCustomKeyStore({ CustomKeyStoreId: id }, deps);
    await settle();
    expect(await code(() => createKeyInStore({ ...input, Origin: 'AWS_KMS' }, withXks, ctx))).toBe('ValidationException');
    expect(await code(() => createKeyInStore({ ...input, KeySpec: 'RSA_2048' }, withXks, ctx))).toBe('UnsupportedOperationException');
    const { ref, metadata } = await createKeyInStore(input, withXks, ctx);
    expect(metadata).toEqual({ Origin: 'AWS_CLOUDHSM', CustomKeyStoreId: id, CloudHsmClusterId: 'cluster-abcdefghijk' });
    const scope = { account: '111122223333', region: 'us-east-1' };
    const use = { ...ctx, operation: 'Encrypt', keyArn: 'arn:aws:kms:us-east-1:111122223333:key/k-1' };
    const aad = Buffer.from('aad');
    const blob = await encryptInStore(deps, scope, ref, Buffer.from('secret'), aad, use);
    expect((await decryptInStore(deps, scope, ref, blob, aad, use)).toString()).toBe('secret');
    expect(await code(() => decryptInStore(deps, scope, ref, blob, Buffer.from('other'), use))).toBe('InvalidCiphertextException');
    await disconnectCustomKeyStore({ CustomKeyStoreId: id }, deps);
    try {
      await encryptInStore(deps, scope, ref, Buffer.from('secret'), aad, use);
      expect.unreachable();
    } catch (e) {
      expect((e as Error).message).toBe('arn:aws:kms:us-east-1:111122223333:key/k-1 is unavailable.');
    }
  });
});

describe('model constraints at the edge (reference-impl/validate)', () => {
  it('refuses short XKS credentials without echoing them', () => {
    try {
      validateRequest('CreateCustomKeyStore', {
        CustomKeyStoreName: 'x',
        CustomKeyStoreType: 'EXTERNAL_KEY_STORE',
        XksProxyAuthenticationCredential: { AccessKeyId: 'SHORTKEYID', RawSecretAccessKey: 'tooshortsecret' },
      });
      expect.unreachable();
    } catch (e) {
      expect((e as Error).name).toBe('ValidationException');
      expect((e as Error).message).toContain("at 'xksProxyAuthenticationCredential.accessKeyId'");
      expect((e as Error).message).not.toContain('SHORTKEYID');
      expect((e as Error).message).not.toContain('tooshortsecret');
    }
  });
});
