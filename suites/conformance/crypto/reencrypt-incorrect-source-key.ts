import { ReEncryptCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { givenCiphertext, givenKey } from '../_lib/prerequisites.js';

export default defineCase({
  id: 'crypto.reencrypt-incorrect-source-key',
  title: 'ReEncrypt with a SourceKeyId that did not encrypt the blob is refused with IncorrectKeyException',
  doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_ReEncrypt.html#API_ReEncrypt_Errors',
  source: {
    kind: 'documented',
    cite: 'service model: IncorrectKeyException (SourceKeyId must identify the encrypting key); recorded with an HMAC SourceKeyId (spec/aws-observed.md §5 C5): code only',
    verifiedAt: '2026-12-07',
  },
  tags: ['semantics'],
  ops: ['CreateKey', 'Encrypt', 'ReEncrypt'],
  async run(t) {
    // C5 recorded the code (and wording) with an HMAC SourceKeyId; for a symmetric one only the code is checked.
    const [key, other] = await Promise.all([givenKey(t), givenKey(t)]);
    const encBlob = await givenCiphertext(t, key.KeyId, { plaintext: t.bytes(8) });
    await t.expectError(
      t.kms.send(new ReEncryptCommand({ CiphertextBlob: encBlob, SourceKeyId: other.KeyId, DestinationKeyId: other.KeyId })),
      { code: 'IncorrectKeyException', status: 400 },
    );
  },
});
