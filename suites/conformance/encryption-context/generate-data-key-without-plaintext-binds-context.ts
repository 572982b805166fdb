import { DecryptCommand } from '@aws-sdk/client-kms';
import { dataKeyCase, DATA_KEY_SOURCE, expectRefused } from './_support.js';

export default dataKeyCase(
  'GenerateDataKeyWithoutPlaintext',
  {
    behaviour: 'generate-data-key-without-plaintext-binds-context',
    title: 'A GenerateDataKeyWithoutPlaintext blob opens only with its context',
    source: DATA_KEY_SOURCE,
  },
  { NumberOfBytes: 24, EncryptionContext: { table: 'orders', column: 'card' } },
  async (t, out) => {
    const opened = await t.kms.send(new DecryptCommand({ CiphertextBlob: out.CiphertextBlob, EncryptionContext: { column: 'card', table: 'orders' } }));
    t.expectEqual(opened.Plaintext?.length, 24, 'length of the data key after Decrypt with the same context');
    await expectRefused(t, out.CiphertextBlob!, undefined);
    await expectRefused(t, out.CiphertextBlob!, { table: 'orders', column: 'Card' });
  },
);
