import { DecryptCommand, GenerateDataKeyCommand } from '@aws-sdk/client-kms';
import { interchangeableCase } from './_support.js';

export default interchangeableCase({
  behaviour: 'data-key-across-regions',
  title: "A data key made in the primary's Region decrypts in the replica's to the same bytes",
  ops: ['GenerateDataKey', 'Decrypt'],
  async body(t, key, region) {
    const dk = await t.kms.send(new GenerateDataKeyCommand({ KeyId: key.KeyId, KeySpec: 'AES_256' }));
    const out = await t.kmsIn(region).send(new DecryptCommand({ CiphertextBlob: dk.CiphertextBlob }));
    t.expectEqual(Buffer.from(out.Plaintext!).toString('hex'), Buffer.from(dk.Plaintext!).toString('hex'), 'the data key');
  },
});
