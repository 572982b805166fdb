import { SignCommand } from '@aws-sdk/client-kms';
import { KEY_SPEC_DOC, documented, repeatedCallCase } from '../_lib/asymmetric.js';

export default repeatedCallCase({
  id: 'sign-verify.rsa-pkcs1-deterministic',
  title: 'Sign RSASSA_PKCS1_V1_5_SHA_256 of the same message twice gives the same signature (PKCS #1 v1.5 is deterministic)',
  doc: KEY_SPEC_DOC,
  source: documented(`${KEY_SPEC_DOC} (RSASSA_PKCS1_V1_5: PKCS #1 v2.2 Section 8.2, a deterministic scheme)`),
  tags: ['sign-verify'],
  ops: ['Sign'],
  spec: 'RSA_2048',
  usage: 'SIGN_VERIFY',
  input: (t) => t.bytes(64),
  call: (t, key, m) => t.kms.send(new SignCommand({ KeyId: key.KeyId, Message: m, SigningAlgorithm: 'RSASSA_PKCS1_V1_5_SHA_256' })),
  bytes: (out) => out.Signature,
  equal: true,
  label: 'the two signatures are equal',
  also: (t, first) => t.expectEqual(first.Signature?.length, 256, 'signature length (modulus length)'),
});
