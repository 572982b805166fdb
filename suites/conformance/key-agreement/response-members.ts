import { members } from '../_lib/support.js';
import { derive, peerOn } from './_support.js';
import { defineCase } from '../../../harness/conformance/case.js';
import { apiDoc, documented, keyOf } from '../_lib/asymmetric.js';

export default defineCase({
  id: 'key-agreement.response-members',
  title: 'DeriveSharedSecret answers KeyId (key ARN), SharedSecret, KeyAgreementAlgorithm ECDH and KeyOrigin AWS_KMS',
  doc: apiDoc('DeriveSharedSecret', 'API_DeriveSharedSecret_ResponseSyntax'),
  source: documented('service model: DeriveSharedSecretResponse (KeyOrigin "AWS_KMS" when KMS created the key material)'),
  tags: ['key-agreement'],
  ops: ['CreateKey', 'DeriveSharedSecret'],
  async run(t) {
    const key = await keyOf(t, 'ECC_NIST_P256', 'KEY_AGREEMENT');
    const out = await derive(t, key.KeyId, peerOn('ECC_NIST_P256').spki);
    t.expectEqual(members(out), ['KeyAgreementAlgorithm', 'KeyId', 'KeyOrigin', 'SharedSecret'], 'response members');
    t.expectEqual([out.KeyId, out.KeyAgreementAlgorithm, out.KeyOrigin], [key.Arn, 'ECDH', 'AWS_KMS'], 'KeyId (ARN), KeyAgreementAlgorithm, KeyOrigin');
  },
});
