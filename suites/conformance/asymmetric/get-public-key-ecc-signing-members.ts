import { createPublicKey } from 'node:crypto';
import { members } from '../_lib/support.js';
import { GetPublicKeyCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { KEY_SPEC_DOC, VERIFIED, apiDoc, documented, keyOf } from '../_lib/asymmetric.js';

export default defineCase({
  id: 'asymmetric.get-public-key-ecc-signing-members',
  title: 'GetPublicKey of an ECC_NIST_P256 SIGN_VERIFY key answers a DER SPKI ECC_NIST_P256 public key with KeySpec, KeyUsage and SigningAlgorithms ECDSA_SHA_256',
  doc: apiDoc('GetPublicKey', 'API_GetPublicKey_ResponseSyntax'),
  source: documented(`service model: GetPublicKeyResponse (PublicKey: DER SubjectPublicKeyInfo; the algorithm list of the key usage); ${KEY_SPEC_DOC}`),
  tags: ['asymmetric', 'sign-verify'],
  ops: ['CreateKey', 'GetPublicKey'],
  async run(t) {
    const key = await keyOf(t, 'ECC_NIST_P256', 'SIGN_VERIFY');
    const out = await t.kms.send(new GetPublicKeyCommand({ KeyId: key.KeyId }));
    t.expectEqual(members(out), ['CustomerMasterKeySpec', 'KeyId', 'KeySpec', 'KeyUsage', 'PublicKey', 'SigningAlgorithms'].sort(), 'response members');
    t.expectEqual([out.KeyId, out.KeySpec, out.KeyUsage, out.SigningAlgorithms], [key.Arn, 'ECC_NIST_P256', 'SIGN_VERIFY', ['ECDSA_SHA_256']], 'KeyId (ARN), KeySpec, KeyUsage, SigningAlgorithms');
    const pub = createPublicKey({ key: Buffer.from(out.PublicKey!), format: 'der', type: 'spki' });
    t.expectEqual(pub.asymmetricKeyType, 'ec', 'public key type');
    const [detail, value] = ['namedCurve', 'prime256v1'] as const;
    t.expectEqual((pub.asymmetricKeyDetails as Record<string, unknown>)[detail], value, `public key ${detail}`);
  },
});
