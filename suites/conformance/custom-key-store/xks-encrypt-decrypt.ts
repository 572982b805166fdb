import { DecryptCommand, EncryptCommand } from '@aws-sdk/client-kms';
import { documented, fixtures, givenConnectedStore, givenStoreKey, storeCase, storeKms, XKS_DOC, xksInput } from './_support.js';

export default storeCase({
  id: 'custom-key-store.xks-encrypt-decrypt',
  title: 'A key in an external key store encrypts and decrypts (double encryption through the proxy)',
  doc: XKS_DOC,
  source: documented('https://docs.aws.amazon.com/kms/latest/developerguide/keystore-external.html#concept-double-encryption'),
  tags: ['custom-key-store'],
  ops: ['CreateCustomKeyStore', 'ConnectCustomKeyStore', 'DescribeCustomKeyStores', 'CreateKey', 'Encrypt', 'Decrypt'],
  async run(t) {
    const f = await fixtures(t);
    const kms = storeKms(t);
    const id = await givenConnectedStore(t, xksInput(f));
    const key = await givenStoreKey(t, id, { Origin: 'EXTERNAL_KEY_STORE', XksKeyId: f.Xks.KeyIds[1] });
    const { CiphertextBlob } = await kms.send(new EncryptCommand({ KeyId: key.KeyId, Plaintext: Buffer.from('outside AWS') }));
    t.expectEqual(Buffer.from((await kms.send(new DecryptCommand({ CiphertextBlob }))).Plaintext!).toString(), 'outside AWS', 'plaintext');
  },
});
