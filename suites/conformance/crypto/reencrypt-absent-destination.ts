import { ReEncryptCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { absentKeyId } from '../_lib/support.js';
import { givenCiphertext, givenKey } from '../_lib/prerequisites.js';

export default defineCase({
  id: 'crypto.reencrypt-absent-destination',
  title: 'ReEncrypt to a DestinationKeyId that names no key is refused with NotFoundException',
  doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_ReEncrypt.html#API_ReEncrypt_Errors',
  source: {
    kind: 'documented',
    cite: 'service model: ReEncrypt errors (NotFoundException)',
    verifiedAt: '2026-12-07',
  },
  tags: ['semantics'],
  ops: ['CreateKey', 'Encrypt', 'ReEncrypt'],
  async run(t) {
    const key = await givenKey(t);
    const blob = await givenCiphertext(t, key.KeyId, { plaintext: t.bytes(8) });
    await t.expectError(t.kms.send(new ReEncryptCommand({ CiphertextBlob: blob, DestinationKeyId: absentKeyId() })), {
      code: 'NotFoundException',
      status: 400,
    });
  },
});
