/** GenerateDataKey* NumberOfBytes is 1..1024 (facts sheet; MODEL NumberOfBytesType). */
import { DecryptCommand, GenerateDataKeyWithoutPlaintextCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { givenKey } from '../_lib/prerequisites.js';
import { documented } from '../_lib/sources.js';

export default defineCase({
  id: 'limits.generate-data-key-without-plaintext-number-of-bytes-1024',
  title: 'GenerateDataKeyWithoutPlaintext with NumberOfBytes 1024 makes a key that decrypts to 1024 bytes',
  doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_GenerateDataKeyWithoutPlaintext.html#KMS-GenerateDataKeyWithoutPlaintext-request-NumberOfBytes',
  source: documented('service model: NumberOfBytesType (1..1024)'),
  tags: ['limits'],
  ops: ['CreateKey', 'GenerateDataKeyWithoutPlaintext', 'Decrypt'],
  async run(t) {
    const key = await givenKey(t);
    const dk = await t.kms.send(new GenerateDataKeyWithoutPlaintextCommand({ KeyId: key.KeyId, NumberOfBytes: 1024 }));
    const out = await t.kms.send(new DecryptCommand({ CiphertextBlob: dk.CiphertextBlob }));
    t.expectEqual(out.Plaintext?.length, 1024, 'decrypted data key length');
  },
});
