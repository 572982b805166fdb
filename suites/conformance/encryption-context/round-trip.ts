import { defineCase } from '../../../harness/conformance/case.js';
import { DECRYPT_CONTEXT_DOC, expectOpens, seal } from './_support.js';
import { givenKey } from '../_lib/prerequisites.js';

export default defineCase({
  id: 'encryption-context.round-trip',
  title: 'Decrypt with the exact sealing context returns the plaintext',
  doc: DECRYPT_CONTEXT_DOC,
  source: {
    kind: 'documented',
    cite: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_Decrypt.html#KMS-Decrypt-request-EncryptionContext',
    verifiedAt: '2026-12-07',
  },
  tags: ['encryption-context'],
  ops: ['CreateKey', 'Encrypt', 'Decrypt'],
  async run(t) {
    const key = await givenKey(t);
    const plaintext = t.bytes(100);
    const context = { purpose: 'conformance', tenant: 't-0001', 'object/path': 's3://bucket/key.bin' };
    const blob = await seal(t, key.KeyId, plaintext, context);
    await expectOpens(t, blob, plaintext, { ...context }, 'with the same context');
  },
});
