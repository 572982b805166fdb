import { DecryptCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { absentKeyId } from '../_lib/support.js';
import { givenCiphertext, givenKey } from '../_lib/prerequisites.js';

export default defineCase({
  id: 'crypto.decrypt-absent-key-id',
  title: 'Decrypt with a KeyId that names no key is refused with NotFoundException',
  doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_Decrypt.html#API_Decrypt_Errors',
  source: {
    kind: 'documented',
    cite: 'service model: Decrypt errors (NotFoundException)',
    verifiedAt: '2026-12-07',
  },
  tags: ['semantics'],
  ops: ['CreateKey', 'Encrypt', 'Decrypt'],
  async run(t) {
    const key = await givenKey(t);
    const blob = await givenCiphertext(t, key.KeyId, { plaintext: t.bytes(8) });
    await t.expectError(t.kms.send(new DecryptCommand({ CiphertextBlob: blob, KeyId: absentKeyId() })), {
      code: 'NotFoundException',
      status: 400,
    });
  },
});
