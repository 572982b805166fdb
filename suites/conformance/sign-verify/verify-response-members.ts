import { members } from '../_lib/support.js';
import { VerifyCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { apiDoc, keyOf, prepare, recorded, signature } from '../_lib/asymmetric.js';

export default defineCase({
  id: 'sign-verify.verify-response-members',
  title: 'Verify of a valid signature answers exactly KeyId (key ARN), SignatureValid true and SigningAlgorithm',
  doc: apiDoc('Verify', 'API_Verify_ResponseSyntax'),
  source: recorded('spec/aws-observed.md §4.2 (Verify: KeyId (ARN), SignatureValid true, SigningAlgorithm)'),
  tags: ['sign-verify'],
  ops: ['CreateKey', 'Sign', 'Verify'],
  async run(t) {
    const key = await keyOf(t, 'RSA_2048', 'SIGN_VERIFY');
    const message = t.bytes(20);
    const sig = await prepare(t, key, { ...signature('RSASSA_PKCS1_V1_5_SHA_256', () => message), coveredBy: 'sign-verify.sign-response-members' });
    const out = await t.kms.send(new VerifyCommand({ KeyId: key.KeyId, Message: message, Signature: sig, SigningAlgorithm: 'RSASSA_PKCS1_V1_5_SHA_256' }));
    t.expectEqual(members(out), ['KeyId', 'SignatureValid', 'SigningAlgorithm'], 'response members');
    t.expectEqual([out.KeyId, out.SignatureValid, out.SigningAlgorithm], [key.Arn, true, 'RSASSA_PKCS1_V1_5_SHA_256'], 'KeyId, SignatureValid, SigningAlgorithm');
  },
});
