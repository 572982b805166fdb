import { DecryptCommand, GenerateDataKeyCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { b64 } from '../_lib/support.js';
import { givenKey } from '../_lib/prerequisites.js';

export default defineCase({
  id: 'crypto.generate-data-key-decrypts',
  title: 'The CiphertextBlob of GenerateDataKey decrypts to its Plaintext, under the same key',
  doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_GenerateDataKey.html#KMS-GenerateDataKey-response-CiphertextBlob',
  source: {
    kind: 'documented',
    cite: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_GenerateDataKey.html#KMS-GenerateDataKey-response-CiphertextBlob',
    verifiedAt: '2026-12-07',
  },
  tags: ['semantics'],
  ops: ['CreateKey', 'GenerateDataKey', 'Decrypt'],
  async run(t) {
    const key = await givenKey(t);
    const dk = await t.kms.send(new GenerateDataKeyCommand({ KeyId: key.KeyId, KeySpec: 'AES_256' }));
    const out = await t.kms.send(new DecryptCommand({ CiphertextBlob: dk.CiphertextBlob }));
    t.expectEqual(b64(out.Plaintext ?? new Uint8Array()), b64(dk.Plaintext ?? new Uint8Array()), 'decrypted data key (base64)');
    t.expectEqual(out.KeyId, key.Arn, 'Decrypt KeyId');
  },
});
