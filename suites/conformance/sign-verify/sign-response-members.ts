import { members } from '../_lib/support.js';
import { SignCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { apiDoc, keyOf, recorded } from '../_lib/asymmetric.js';

export default defineCase({
  id: 'sign-verify.sign-response-members',
  title: 'Sign answers exactly KeyId (key ARN), Signature and SigningAlgorithm',
  doc: apiDoc('Sign', 'API_Sign_ResponseSyntax'),
  source: recorded('spec/aws-observed.md §4.2 (Sign: KeyId (ARN), Signature, SigningAlgorithm; LS-SNAP test_import_key_ecc_keys)'),
  tags: ['sign-verify'],
  ops: ['CreateKey', 'Sign'],
  async run(t) {
    const key = await keyOf(t, 'ECC_NIST_P256', 'SIGN_VERIFY');
    const out = await t.kms.send(new SignCommand({ KeyId: key.KeyId, Message: t.bytes(20), SigningAlgorithm: 'ECDSA_SHA_256' }));
    t.expectEqual(members(out), ['KeyId', 'Signature', 'SigningAlgorithm'], 'response members');
    t.expectEqual([out.KeyId, out.SigningAlgorithm], [key.Arn, 'ECDSA_SHA_256'], 'KeyId (ARN) and SigningAlgorithm');
  },
});
