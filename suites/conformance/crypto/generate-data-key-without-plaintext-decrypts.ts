import { DecryptCommand, GenerateDataKeyWithoutPlaintextCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { givenKey } from '../_lib/prerequisites.js';

export default defineCase({
  id: 'crypto.generate-data-key-without-plaintext-decrypts',
  title: 'The CiphertextBlob of GenerateDataKeyWithoutPlaintext (AES_256) decrypts to a 32-byte key',
  doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_GenerateDataKeyWithoutPlaintext.html#KMS-GenerateDataKeyWithoutPlaintext-response-CiphertextBlob',
  source: {
    kind: 'documented',
    cite: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_GenerateDataKeyWithoutPlaintext.html#KMS-GenerateDataKeyWithoutPlaintext-response-CiphertextBlob',
    verifiedAt: '2026-12-07',
  },
  tags: ['semantics'],
  ops: ['CreateKey', 'GenerateDataKeyWithoutPlaintext', 'Decrypt'],
  async run(t) {
    const key = await givenKey(t);
    const dk = await t.kms.send(new GenerateDataKeyWithoutPlaintextCommand({ KeyId: key.KeyId, KeySpec: 'AES_256' }));
    const out = await t.kms.send(new DecryptCommand({ CiphertextBlob: dk.CiphertextBlob }));
    t.expectEqual(out.Plaintext?.length, 32, 'decrypted data key length');
    t.expectEqual(out.KeyId, key.Arn, 'Decrypt KeyId');
  },
});
