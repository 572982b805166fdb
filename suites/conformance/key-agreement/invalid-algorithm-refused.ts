import { peerOn } from './_support.js';
import { defineCase } from '../../../harness/conformance/case.js';
import { keyOf, recorded, requestDoc } from '../_lib/asymmetric.js';

export default defineCase({
  id: 'key-agreement.invalid-algorithm-refused',
  title: 'DeriveSharedSecret with KeyAgreementAlgorithm INVALID is refused with the enum ValidationException naming keyAgreementAlgorithm',
  doc: requestDoc('DeriveSharedSecret', 'KeyAgreementAlgorithm'),
  source: recorded('spec/aws-observed.md §6.1 V14'),
  tags: ['key-agreement', 'limits'],
  ops: ['CreateKey', 'DeriveSharedSecret'],
  async run(t) {
    const key = await keyOf(t, 'ECC_NIST_P256', 'KEY_AGREEMENT');
    const reply = await t.raw('DeriveSharedSecret', { KeyId: key.KeyId, KeyAgreementAlgorithm: 'INVALID', PublicKey: peerOn('ECC_NIST_P256').spki.toString('base64') });
    t.expectEqual([reply.status, reply.errorCode], [400, 'ValidationException'], 'status and code');
    t.expectEqual(
      reply.errorMessage,
      "1 validation error detected: Value 'INVALID' at 'keyAgreementAlgorithm' failed to satisfy constraint: Member must satisfy enum value set: [ECDH]",
      'message',
    );
  },
});
