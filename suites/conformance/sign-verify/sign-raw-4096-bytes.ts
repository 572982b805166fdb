import { SignCommand, VerifyCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { documented, keyOf, requestDoc } from '../_lib/asymmetric.js';

export default defineCase({
  id: 'sign-verify.sign-raw-4096-bytes',
  title: 'Sign of a 4096-byte RAW message succeeds (the largest message)',
  doc: requestDoc('Sign', 'Message'),
  source: documented('service model: SignRequest.Message ("Messages can be 0-4096 bytes")'),
  tags: ['sign-verify', 'limits'],
  ops: ['CreateKey', 'Sign', 'Verify'],
  async run(t) {
    const key = await keyOf(t, 'ECC_NIST_P256', 'SIGN_VERIFY');
    const m = t.bytes(4096);
    const s = await t.kms.send(new SignCommand({ KeyId: key.KeyId, Message: m, SigningAlgorithm: 'ECDSA_SHA_256' }));
    const v = await t.kms.send(new VerifyCommand({ KeyId: key.KeyId, Message: m, Signature: s.Signature, SigningAlgorithm: 'ECDSA_SHA_256' }));
    t.expectEqual(v.SignatureValid, true, 'SignatureValid');
  },
});
