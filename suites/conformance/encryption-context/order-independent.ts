import { defineCase } from '../../../harness/conformance/case.js';
import { DECRYPT_CONTEXT_DOC, expectOpens, sealed } from './_support.js';
import { givenKey } from '../_lib/prerequisites.js';

/** kms-facts.md: the same map, order-independent. The SDK sends members in insertion order. */
export default defineCase({
  id: 'encryption-context.order-independent',
  title: 'Decrypt accepts the sealing context with its pairs sent in another order',
  doc: DECRYPT_CONTEXT_DOC,
  source: {
    kind: 'documented',
    cite: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_Decrypt.html#KMS-Decrypt-request-EncryptionContext (a collection of key-value pairs: a map, so member order carries nothing)',
    verifiedAt: '2026-12-07',
  },
  tags: ['encryption-context'],
  ops: ['CreateKey', 'Encrypt', 'Decrypt'],
  async run(t) {
    const key = await givenKey(t);
    const plaintext = t.bytes(16);
    const blob = await sealed(t, key.KeyId, plaintext, { alpha: '1', bravo: '2', charlie: '3' });
    await expectOpens(t, blob, plaintext, { charlie: '3', alpha: '1', bravo: '2' }, 'with the pairs reordered');
  },
});
