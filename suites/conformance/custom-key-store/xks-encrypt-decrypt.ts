import { DecryptCommand, EncryptCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { documented, fixtures, givenConnectedStore, givenStoreKey, storeKms, XKS_DOC, xksInput } from './_support.js';

export default defineCase({
  id: 'custom-key-store.xks-encrypt-decrypt',
  title: 'A key in an external key store encrypts and decrypts (double encryption through the proxy)',
  doc: XKS_DOC,
  source: documented('https://docs.aws.amazon.com/kms/latest/developerguide/keystore-external.html#concept-double-encryption'),
  tags: ['custom-key-store'],
  ops: ['CreateCustomKeyStore', 'ConnectCustomKeyStore', 'DescribeCustomKeyStores', 'CreateKey', 'Encrypt', 'Decrypt'],
  needs: ['key-store-fixtures'],
  timeoutMs: 60_000,
  async run(t) {
    const f = await fixtures(t);
    const kms = storeKms(t);
    const id = await givenConnectedStore(t, xksInput(f));
    const key = await givenStoreKey(t, id, { Origin: 'EXTERNAL_KEY_STORE', XksKeyId: f.Xks.KeyIds[1] });
    const { CiphertextBlob } = await kms.send(new EncryptCommand({ KeyId: key.KeyId, Plaintext: Buffer.from('outside AWS') }));
    t.expectEqual(Buffer.from((await kms.send(new DecryptCommand({ CiphertextBlob }))).Plaintext!).toString(), 'outside AWS', 'plaintext');
  },
});
