/**
 * Custom key stores wired into the server, in-process: the six operations through the pipeline,
 * keys in a store (CreateKey with CustomKeyStoreId, KeyMetadata, Unavailable while disconnected),
 * Encrypt/Decrypt/GenerateDataKey/ReEncrypt through the store (blob format 3), GenerateRandom
 * from a CloudHSM store, rotation refused — over the software cluster fixtures, a reference XKS
 * proxy on loopback, and a SoftHSM2 token through PKCS#11 where one is available. The store
 * logic's own tests are keystores/*.test.ts; facts are cited there and in ops/store-keys.ts.
 */
import {
  ConnectCustomKeyStoreCommand,
  CreateCustomKeyStoreCommand,
  CreateKeyCommand,
  DecryptCommand,
  DeleteCustomKeyStoreCommand,
  DescribeCustomKeyStoresCommand,
  DescribeKeyCommand,
  DisconnectCustomKeyStoreCommand,
  EnableKeyRotationCommand,
  EncryptCommand,
  GenerateDataKeyCommand,
  GenerateRandomCommand,
  ReEncryptCommand,
  type KMSClient,
} from '@aws-sdk/client-kms';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refusal, startInProcessKms, type InProcessKms } from '../../test/support/in-process-kms.js';
import { FIXTURE_KMSUSER_PASSWORD, FIXTURE_TRUST_ANCHOR, FIXTURE_XKS_CREDENTIAL, FIXTURE_XKS_ENDPOINT, FIXTURE_XKS_PATH } from '../keystores/fixtures.js';
import { Pkcs11CloudHsm } from '../keystores/backends/cloudhsm-pkcs11.js';
import { softHsm } from '../keystores/softhsm-testing.js';
import { SoftwareEkm } from '../xks-proxy/ekm.js';
import { startXksProxy, type RunningXksProxy } from '../xks-proxy/server.js';

const work: Promise<void>[] = [];
const settle = () => Promise.all(work.splice(0));

async function connected(kms: KMSClient, id: string): Promise<void> {
  await kms.send(new ConnectCustomKeyStoreCommand({ CustomKeyStoreId: id }));
  await settle();
  const s = (await kms.send(new DescribeCustomKeyStoresCommand({ CustomKeyStoreId: id }))).CustomKeyStores![0]!;
  expect(s.ConnectionState).toBe('CONNECTED');
}

/** The round trips every store key must pass. */
async function roundTrips(t: InProcessKms, keyId: string, other: string, wrongContext = 'InvalidCiphertextException') {
  const blob = (await t.kms.send(new EncryptCommand({ KeyId: keyId, Plaintext: Buffer.from('in the store'), EncryptionContext: { a: 'b' } }))).CiphertextBlob!;
  expect(blob[0]).toBe(3);
  const out = await t.kms.send(new DecryptCommand({ CiphertextBlob: blob, EncryptionContext: { a: 'b' } }));
  expect(Buffer.from(out.Plaintext!).toString()).toBe('in the store');
  expect(out.KeyMaterialId).toBeUndefined();
  expect((await refusal(t.kms.send(new DecryptCommand({ CiphertextBlob: blob, EncryptionContext: { a: 'c' } })))).name).toBe(wrongContext);
  const dk = await t.kms.send(new GenerateDataKeyCommand({ KeyId: keyId, KeySpec: 'AES_256' }));
  expect(Buffer.from((await t.kms.send(new DecryptCommand({ CiphertextBlob: dk.CiphertextBlob }))).Plaintext!)).toEqual(Buffer.from(dk.Plaintext!));
  // Into and out of the store.
  const moved = await t.kms.send(new ReEncryptCommand({ CiphertextBlob: blob, SourceEncryptionContext: { a: 'b' }, DestinationKeyId: other }));
  expect(Buffer.from((await t.kms.send(new DecryptCommand({ CiphertextBlob: moved.CiphertextBlob }))).Plaintext!).toString()).toBe('in the store');
  const back = await t.kms.send(new ReEncryptCommand({ CiphertextBlob: moved.CiphertextBlob, DestinationKeyId: keyId }));
  expect(Buffer.from((await t.kms.send(new DecryptCommand({ CiphertextBlob: back.CiphertextBlob }))).Plaintext!).toString()).toBe('in the store');
}

describe('custom key stores on the fixtures (software clusters, reference XKS proxy)', () => {
  let t: InProcessKms;
  let proxy: RunningXksProxy;
  beforeAll(async () => {
    const ekm = new SoftwareEkm();
    ekm.createKey('ext-1');
    proxy = await startXksProxy({ ekm, credentials: [FIXTURE_XKS_CREDENTIAL], uriPath: FIXTURE_XKS_PATH });
    t = await startInProcessKms({
      server: { keyStoreFixtures: true, xksProxies: { [FIXTURE_XKS_ENDPOINT]: proxy.url } },
      extras: { trackKeyStoreWork: (w) => void work.push(w) },
    });
  });
  afterAll(async () => {
    await t?.close();
    await proxy?.close();
  });

  it('AWS_CLOUDHSM: create, connect, keys with CloudHsmClusterId, crypto, Unavailable when disconnected, no rotation, no deletion with keys', async () => {
    const { CustomKeyStoreId } = await t.kms.send(
      new CreateCustomKeyStoreCommand({ CustomKeyStoreName: 'hsm', CloudHsmClusterId: 'cluster-kmsbaaaaaaa', TrustAnchorCertificate: FIXTURE_TRUST_ANCHOR, KeyStorePassword: FIXTURE_KMSUSER_PASSWORD }),
    );
    expect(CustomKeyStoreId).toMatch(/^cks-[0-9a-f]{17}$/);
    expect((await refusal(t.kms.send(new CreateKeyCommand({ CustomKeyStoreId, Origin: 'AWS_CLOUDHSM' })))).name).toBe('CustomKeyStoreInvalidStateException');
    await connected(t.kms, CustomKeyStoreId!);
    const key = (await t.kms.send(new CreateKeyCommand({ CustomKeyStoreId, Origin: 'AWS_CLOUDHSM' }))).KeyMetadata!;
    expect(key).toMatchObject({ Origin: 'AWS_CLOUDHSM', CustomKeyStoreId, CloudHsmClusterId: 'cluster-kmsbaaaaaaa', KeyState: 'Enabled' });
    expect(key.CurrentKeyMaterialId).toBeUndefined();
    await roundTrips(t, key.KeyId!, (await t.createKey()).KeyId!);
    expect((await t.kms.send(new GenerateRandomCommand({ NumberOfBytes: 16, CustomKeyStoreId }))).Plaintext).toHaveLength(16);
    expect((await refusal(t.kms.send(new EnableKeyRotationCommand({ KeyId: key.KeyId })))).name).toBe('UnsupportedOperationException');
    await t.kms.send(new DisconnectCustomKeyStoreCommand({ CustomKeyStoreId }));
    expect((await t.kms.send(new DescribeKeyCommand({ KeyId: key.KeyId }))).KeyMetadata).toMatchObject({ KeyState: 'Unavailable', Enabled: false });
    expect(await refusal(t.kms.send(new EncryptCommand({ KeyId: key.KeyId, Plaintext: Buffer.from('x') })))).toMatchObject({
      name: 'KMSInvalidStateException',
      message: `${key.Arn} is unavailable.`,
    });
    expect((await refusal(t.kms.send(new DeleteCustomKeyStoreCommand({ CustomKeyStoreId })))).name).toBe('CustomKeyStoreHasCMKsException');
  });

  it('EXTERNAL_KEY_STORE: health-checked at create, XksKeyConfiguration, double encryption through the proxy', async () => {
    const { CustomKeyStoreId } = await t.kms.send(
      new CreateCustomKeyStoreCommand({
        CustomKeyStoreName: 'xks',
        CustomKeyStoreType: 'EXTERNAL_KEY_STORE',
        XksProxyConnectivity: 'PUBLIC_ENDPOINT',
        XksProxyUriEndpoint: FIXTURE_XKS_ENDPOINT,
        XksProxyUriPath: FIXTURE_XKS_PATH,
        XksProxyAuthenticationCredential: { AccessKeyId: FIXTURE_XKS_CREDENTIAL.accessKeyId, RawSecretAccessKey: FIXTURE_XKS_CREDENTIAL.secretAccessKey },
      }),
    );
    await connected(t.kms, CustomKeyStoreId!);
    const key = (await t.kms.send(new CreateKeyCommand({ CustomKeyStoreId, Origin: 'EXTERNAL_KEY_STORE', XksKeyId: 'ext-1' }))).KeyMetadata!;
    expect(key).toMatchObject({ Origin: 'EXTERNAL_KEY_STORE', CustomKeyStoreId, XksKeyConfiguration: { Id: 'ext-1' } });
    expect((await refusal(t.kms.send(new CreateKeyCommand({ CustomKeyStoreId, Origin: 'EXTERNAL_KEY_STORE', XksKeyId: 'ext-1' })))).name).toBe('XksKeyAlreadyInUseException');
    // The proxy refuses the outer layer first; crypto errors of external key stores are
    // KMSInvalidStateException (xks-errors.ts, XKS spec "KMS Considerations").
    await roundTrips(t, key.KeyId!, (await t.createKey()).KeyId!, 'KMSInvalidStateException');
    expect((await refusal(t.kms.send(new GenerateRandomCommand({ NumberOfBytes: 16, CustomKeyStoreId })))).name).toBe('UnsupportedOperationException');
  });
});

const hsm = softHsm();
const skip = 'skip' in hsm ? hsm.skip : undefined;
if (skip) console.warn(`SoftHSM2 path skipped: ${skip}`);

describe.skipIf(skip !== undefined)('AWS_CLOUDHSM over a SoftHSM2 token (PKCS#11)', () => {
  let t: InProcessKms;
  beforeAll(async () => {
    (hsm as Exclude<typeof hsm, { skip: string }>).createToken('cluster-softhsmtokenb', 'kmsPswd11', { trustAnchor: FIXTURE_TRUST_ANCHOR });
    t = await startInProcessKms({ extras: { cloudHsm: new Pkcs11CloudHsm(), trackKeyStoreWork: (w) => void work.push(w) } });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('creates the key in the token and encrypts through it', async () => {
    const { CustomKeyStoreId } = await t.kms.send(
      new CreateCustomKeyStoreCommand({ CustomKeyStoreName: 'softhsm', CloudHsmClusterId: 'cluster-softhsmtokenb', TrustAnchorCertificate: FIXTURE_TRUST_ANCHOR, KeyStorePassword: 'kmsPswd11' }),
    );
    await connected(t.kms, CustomKeyStoreId!);
    const key = (await t.kms.send(new CreateKeyCommand({ CustomKeyStoreId, Origin: 'AWS_CLOUDHSM' }))).KeyMetadata!;
    await roundTrips(t, key.KeyId!, (await t.createKey()).KeyId!);
    await t.kms.send(new DisconnectCustomKeyStoreCommand({ CustomKeyStoreId }));
  });
});
