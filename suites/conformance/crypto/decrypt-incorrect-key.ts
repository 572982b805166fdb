import { DecryptCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { givenCiphertext, givenKey } from '../_lib/prerequisites.js';

export default defineCase({
  id: 'crypto.decrypt-incorrect-key',
  title: 'Decrypt with a KeyId naming another symmetric key than the encrypting one is refused with IncorrectKeyException',
  doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_Decrypt.html#API_Decrypt_Errors',
  source: {
    kind: 'documented',
    cite: 'service model: IncorrectKeyException ("The KeyId in a Decrypt request ... must identify the same KMS key"); a symmetric KeyId is not recorded (spec/aws-observed.md §5 C7): code only',
    verifiedAt: '2026-12-07',
  },
  tags: ['semantics'],
  ops: ['CreateKey', 'Encrypt', 'Decrypt'],
  async run(t) {
    // MODEL IncorrectKeyException; C4 recorded the wording for an HMAC KeyId, C7 (symmetric) is unrecorded: code only.
    const [key, other] = await Promise.all([givenKey(t), givenKey(t)]);
    const blob = await givenCiphertext(t, key.KeyId, { plaintext: t.bytes(8) });
    await t.expectError(t.kms.send(new DecryptCommand({ CiphertextBlob: blob, KeyId: other.KeyId })), {
      code: 'IncorrectKeyException',
      status: 400,
    });
  },
});
