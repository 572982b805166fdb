import { request } from 'node:http';
import { afterAll, describe, expect, it } from 'vitest';
import { isKmsError } from '../errors.js';
import { SoftwareCloudHsm } from '../keystores/backends/software.js';
import { HttpXksProxyClient } from '../keystores/backends/xks-client.js';
import { createKeyInStore, decryptInStore, encryptInStore, type StoreKeyRef } from '../keystores/crypto.js';
import { connectCustomKeyStore, createCustomKeyStore, describeCustomKeyStores, type KeyStoreDeps } from '../keystores/handlers.js';
import { InMemoryCustomKeyStoreRepository } from '../keystores/repository.js';
import { softHsm } from '../keystores/softhsm-testing.js';
import { Pkcs11Ekm, SoftwareEkm, type ExternalKeyManager } from './ekm.js';
import { startXksProxy, type RunningXksProxy } from './server.js';

const CRED = { accessKeyId: 'AKIAXKSPROXYTEST2345', secretAccessKey: 'FYtE5EFA5FT0mCc3DrGUe2sti527BitkQ0Zr9MO9fvE' };
const OTHER = { accessKeyId: 'AKIAXKSPROXYOTHER234', secretAccessKey: 'VU6W2byoiBrhDqNGbx703oL0syCAmhlQgwNUT123456' };
const ENDPOINT = 'https://xks.example.test';
const running: RunningXksProxy[] = [];
afterAll(async () => {
  await Promise.all(running.map((p) => p.close()));
});

async function proxy(ekm: ExternalKeyManager, credentials = [CRED]): Promise<RunningXksProxy> {
  const p = await startXksProxy({ ekm, credentials });
  running.push(p);
  return p;
}

/** KMS-side dependencies whose XksProxyUriEndpoint resolves to `target()`. */
function kms(target: () => string) {
  const work: Promise<void>[] = [];
  const deps: KeyStoreDeps = {
    repo: new InMemoryCustomKeyStoreRepository(),
    cloudHsm: new SoftwareCloudHsm(),
    xks: new HttpXksProxyClient({ resolve: () => target(), timeoutMs: 5000 }),
    scope: { account: '111122223333', region: 'eu-west-1', principalArn: 'arn:aws:iam::111122223333:user/alice', requestId: 'req-1' },
    now: Date.now,
    track: (w) => void work.push(w),
  };
  return { deps, settle: () => Promise.all(work.splice(0)) };
}

const xksInput = (name: string, cred = CRED, path = '/kms/xks/v1') => ({
  CustomKeyStoreName: name,
  CustomKeyStoreType: 'EXTERNAL_KEY_STORE',
  XksProxyConnectivity: 'PUBLIC_ENDPOINT',
  XksProxyUriEndpoint: ENDPOINT,
  XksProxyUriPath: path,
  XksProxyAuthenticationCredential: { AccessKeyId: cred.accessKeyId, RawSecretAccessKey: cred.secretAccessKey },
});

const failure = async (f: () => unknown): Promise<{ code: string; message: string }> => {
  try {
    await f();
    return { code: 'ok', message: '' };
  } catch (e) {
    return isKmsError(e) ? { code: e.code, message: e.message } : { code: `threw ${String(e)}`, message: '' };
  }
};

function raw(url: string, method: string, path: string, body = '{}'): Promise<{ status: number; json: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = request(`${url}${path}`, { method, headers: { 'content-type': 'application/json' } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString();
        resolve({ status: res.statusCode ?? 0, json: text ? (JSON.parse(text) as Record<string, unknown>) : {} });
      });
    });
    req.on('error', reject);
    req.end(method === 'GET' ? undefined : body);
  });
}

async function roundTrip(ekm: ExternalKeyManager, externalKeyId: string) {
  const p = await proxy(ekm);
  const { deps, settle } = kms(() => p.url);
  const { CustomKeyStoreId: id } = await createCustomKeyStore(xksInput('xks'), deps);
  connectCustomKeyStore({ CustomKeyStoreId: id }, deps);
  await settle();
  expect(describeCustomKeyStores({}, deps).CustomKeyStores[0]).toMatchObject({
    ConnectionState: 'CONNECTED',
    CustomKeyStoreType: 'EXTERNAL_KEY_STORE',
    XksProxyConfiguration: { Connectivity: 'PUBLIC_ENDPOINT', AccessKeyId: CRED.accessKeyId, UriEndpoint: ENDPOINT, UriPath: '/kms/xks/v1' },
  });
  expect(JSON.stringify(describeCustomKeyStores({}, deps))).not.toContain(CRED.secretAccessKey);
  const ctx = { principalArn: 'arn:aws:iam::111122223333:user/alice', requestId: 'req-2', operation: 'CreateKey' };
  const { ref, metadata } = await createKeyInStore(
    { account: '111122223333', region: 'eu-west-1', CustomKeyStoreId: id, Origin: 'EXTERNAL_KEY_STORE', XksKeyId: externalKeyId, keyId: 'k-1' },
    { ...deps, xksKeyInUse: () => false },
    ctx,
  );
  expect(metadata).toEqual({ Origin: 'EXTERNAL_KEY_STORE', CustomKeyStoreId: id, XksKeyConfiguration: { Id: externalKeyId } });
  const use = { ...ctx, operation: 'Encrypt', keyArn: 'arn:aws:kms:eu-west-1:111122223333:key/k-1' };
  const scope = { account: '111122223333', region: 'eu-west-1' };
  const aad = Buffer.from('blob header and encryption context');
  const plaintext = Buffer.from('the data key to protect, 32 byte');
  const sealed = await encryptInStore(deps, scope, ref, plaintext, aad, use);
  expect(sealed.includes(plaintext)).toBe(false);
  expect((await decryptInStore(deps, scope, ref, sealed, aad, { ...use, operation: 'Decrypt' })).equals(plaintext)).toBe(true);
  return { p, deps, id, ref, sealed, aad, scope, use };
}

describe('XKS end to end: KMS handlers → SigV4 → reference proxy → key manager', () => {
  it('software key manager: create, connect, CreateKey, double-encrypted round trip; tampering is caught', async () => {
    const ekm = new SoftwareEkm();
    ekm.createKey('ext-key-1');
    const { deps, ref, sealed, aad, scope, use } = await roundTrip(ekm, 'ext-key-1');
    // The outer (proxy) layer rejects a different AAD: KMSInvalidStateException with the spec's message.
    const wrongAad = await failure(() => decryptInStore(deps, scope, ref, sealed, Buffer.from('other context'), use));
    expect(wrongAad).toEqual({
      code: 'KMSInvalidStateException',
      message: 'The external key store proxy rejected the request because the specified ciphertext or encryption context is corrupted, missing, or otherwise invalid.',
    });
    // The inner (KMS) layer: the right external key but another KMS key's material.
    const other: StoreKeyRef = { ...(ref as Extract<StoreKeyRef, { kind: 'EXTERNAL_KEY_STORE' }>), innerKey: Buffer.alloc(32, 7) };
    expect((await failure(() => decryptInStore(deps, scope, other, sealed, aad, use))).code).toBe('InvalidCiphertextException');
    // No key bytes or plaintext in any message.
    const inner = (ref as Extract<StoreKeyRef, { kind: 'EXTERNAL_KEY_STORE' }>).innerKey;
    for (const f of [wrongAad]) {
      expect(f.message).not.toContain(inner.toString('base64'));
      expect(f.message).not.toContain(inner.toString('hex'));
    }
    ekm.setEnabled('ext-key-1', false);
    const disabled = await failure(() => encryptInStore(deps, scope, ref, Buffer.from('x'), aad, use));
    expect(disabled.code).toBe('KMSInvalidStateException');
    expect(disabled.message).toContain('is not enabled in the external key manager');
  });

  const hsm = softHsm();
  it.skipIf('skip' in hsm)(`SoftHSM2 token behind the proxy${'skip' in hsm ? ` (skipped: ${hsm.skip})` : ''}`, async () => {
    const h = hsm as Exclude<typeof hsm, { skip: string }>;
    h.createToken('xks-ekm-token', 'ekm-pin-1');
    const ekm = new Pkcs11Ekm('xks-ekm-token', 'ekm-pin-1');
    ekm.createKey('hsm-key-1');
    await roundTrip(ekm, 'hsm-key-1');
    ekm.close();
  });

  it('CreateKey checks the external key: missing, disabled, already used', async () => {
    const ekm = new SoftwareEkm();
    ekm.createKey('k-disabled', { enabled: false });
    ekm.createKey('k-ok');
    const p = await proxy(ekm);
    const { deps, settle } = kms(() => p.url);
    const { CustomKeyStoreId: id } = await createCustomKeyStore(xksInput('xks'), deps);
    const ctx = { principalArn: 'arn:aws:iam::111122223333:user/alice', requestId: 'r', operation: 'CreateKey' };
    const input = { account: '111122223333', region: 'eu-west-1', CustomKeyStoreId: id, Origin: 'EXTERNAL_KEY_STORE', keyId: 'k' };
    const d = { ...deps, xksKeyInUse: (_s: string, x: string) => x === 'k-used' };
    expect((await failure(() => createKeyInStore({ ...input, XksKeyId: 'k-ok' }, d, ctx))).code).toBe('CustomKeyStoreInvalidStateException');
    connectCustomKeyStore({ CustomKeyStoreId: id }, deps);
    await settle();
    expect((await failure(() => createKeyInStore({ ...input, XksKeyId: 'nope' }, d, ctx))).code).toBe('XksKeyNotFoundException');
    expect((await failure(() => createKeyInStore({ ...input, XksKeyId: 'k-disabled' }, d, ctx))).code).toBe('XksKeyInvalidConfigurationException');
    expect((await failure(() => createKeyInStore({ ...input, XksKeyId: 'k-used' }, d, ctx))).code).toBe('XksKeyAlreadyInUseException');
    expect((await failure(() => createKeyInStore(input, d, ctx))).code).toBe('ValidationException');
  });

  it('a wrong credential: XksProxyIncorrectAuthenticationCredentialException at Create, INVALID_CREDENTIALS at Connect', async () => {
    const ekm = new SoftwareEkm();
    const good = await proxy(ekm);
    const rotated = await proxy(ekm, [OTHER]);
    let target = good.url;
    const { deps, settle } = kms(() => target);
    expect((await failure(() => createCustomKeyStore(xksInput('bad', OTHER), deps))).code).toBe('XksProxyIncorrectAuthenticationCredentialException');
    const { CustomKeyStoreId: id } = await createCustomKeyStore(xksInput('xks'), deps);
    target = rotated.url; // the proxy no longer accepts the store's credential
    connectCustomKeyStore({ CustomKeyStoreId: id }, deps);
    await settle();
    expect(describeCustomKeyStores({}, deps).CustomKeyStores[0]).toMatchObject({ ConnectionState: 'FAILED', ConnectionErrorCode: 'INVALID_CREDENTIALS' });
  });

  it('a wrong path, an unreachable proxy, an unavailable key manager, VPC connectivity', async () => {
    const ekm = new SoftwareEkm();
    const p = await proxy(ekm);
    let target = p.url;
    const { deps, settle } = kms(() => target);
    expect((await failure(() => createCustomKeyStore(xksInput('x1', CRED, '/tenant-a/kms/xks/v1'), deps))).code).toBe('XksProxyInvalidConfigurationException');
    const { CustomKeyStoreId: id } = await createCustomKeyStore(xksInput('x2'), deps);
    expect((await failure(() => createCustomKeyStore(xksInput('x3'), deps))).code).toBe('XksProxyUriInUseException');
    ekm.available = false;
    expect((await failure(() => createCustomKeyStore({ ...xksInput('x4'), XksProxyUriEndpoint: 'https://xks2.example.test' }, deps))).code).toBe('XksProxyUriUnreachableException');
    connectCustomKeyStore({ CustomKeyStoreId: id }, deps);
    await settle();
    expect(describeCustomKeyStores({}, deps).CustomKeyStores[0]!.ConnectionErrorCode).toBe('XKS_PROXY_NOT_REACHABLE');
    const closed = await proxy(new SoftwareEkm());
    await closed.close();
    target = closed.url;
    expect((await failure(() => createCustomKeyStore(xksInput('x5', CRED, '/x/kms/xks/v1'), deps))).code).toBe('XksProxyUriUnreachableException');
    const vpc = { ...xksInput('x6', CRED, '/y/kms/xks/v1'), XksProxyConnectivity: 'VPC_ENDPOINT_SERVICE', XksProxyVpcEndpointServiceName: 'com.amazonaws.vpce.eu-west-1.vpce-svc-0123456789abcdef0' };
    expect((await failure(() => createCustomKeyStore(vpc, deps))).code).toBe('XksProxyVpcEndpointServiceNotFoundException');
  });

  it('the proxy answers in the spec shape: 405 for GET, 404 InvalidUriPathException, 401 without a signature', async () => {
    const p = await proxy(new SoftwareEkm());
    expect((await raw(p.url, 'GET', '/kms/xks/v1/health')).status).toBe(405);
    expect(await raw(p.url, 'POST', '/kms/xks/v2/health')).toMatchObject({ status: 404, json: { errorName: 'InvalidUriPathException' } });
    expect(await raw(p.url, 'POST', '/kms/xks/v1/health', '{"requestMetadata":{}}')).toMatchObject({ status: 401, json: { errorName: 'AuthenticationFailedException' } });
  });
});
