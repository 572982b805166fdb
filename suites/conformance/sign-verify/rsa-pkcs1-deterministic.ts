import { SignCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { KEY_SPEC_DOC, documented, keyOf } from '../_lib/asymmetric.js';

export default defineCase({
  id: 'sign-verify.rsa-pkcs1-deterministic',
  title: 'Sign RSASSA_PKCS1_V1_5_SHA_256 of the same message twice gives the same signature (PKCS #1 v1.5 is deterministic)',
  doc: KEY_SPEC_DOC,
  source: documented(`${KEY_SPEC_DOC} (RSASSA_PKCS1_V1_5: PKCS #1 v2.2 Section 8.2, a deterministic scheme)`),
  tags: ['sign-verify'],
  ops: ['CreateKey', 'Sign'],
  async run(t) {
    const key = await keyOf(t, 'RSA_2048', 'SIGN_VERIFY');
    const m = t.bytes(64);
    const a = await t.kms.send(new SignCommand({ KeyId: key.KeyId, Message: m, SigningAlgorithm: 'RSASSA_PKCS1_V1_5_SHA_256' }));
    const b = await t.kms.send(new SignCommand({ KeyId: key.KeyId, Message: m, SigningAlgorithm: 'RSASSA_PKCS1_V1_5_SHA_256' }));
    t.check(Buffer.from(a.Signature!).equals(Buffer.from(b.Signature!)), 'the two signatures are equal');
    t.expectEqual(a.Signature?.length, 256, 'signature length (modulus length)');
  },
});
