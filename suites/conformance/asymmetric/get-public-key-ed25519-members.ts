import { createPublicKey } from 'node:crypto';
import { members } from '../_lib/support.js';
import { GetPublicKeyCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { KEY_SPEC_DOC, VERIFIED, apiDoc, documented, keyOf } from '../_lib/asymmetric.js';

export default defineCase({
  id: 'asymmetric.get-public-key-ed25519-members',
  title: 'GetPublicKey of an ECC_NIST_EDWARDS25519 SIGN_VERIFY key answers a DER SPKI ECC_NIST_EDWARDS25519 public key with KeySpec, KeyUsage and SigningAlgorithms ED25519_SHA_512, ED25519_PH_SHA_512',
  doc: apiDoc('GetPublicKey', 'API_GetPublicKey_ResponseSyntax'),
  source: documented(`service model: GetPublicKeyResponse (PublicKey: DER SubjectPublicKeyInfo; the algorithm list of the key usage); ${KEY_SPEC_DOC}`),
  tags: ['asymmetric', 'sign-verify'],
  ops: ['CreateKey', 'GetPublicKey'],
  async run(t) {
    const key = await keyOf(t, 'ECC_NIST_EDWARDS25519', 'SIGN_VERIFY');
    const out = await t.kms.send(new GetPublicKeyCommand({ KeyId: key.KeyId }));
    t.expectEqual(members(out), ['CustomerMasterKeySpec', 'KeyId', 'KeySpec', 'KeyUsage', 'PublicKey', 'SigningAlgorithms'].sort(), 'response members');
    t.expectEqual([out.KeyId, out.KeySpec, out.KeyUsage, out.SigningAlgorithms], [key.Arn, 'ECC_NIST_EDWARDS25519', 'SIGN_VERIFY', ['ED25519_SHA_512', 'ED25519_PH_SHA_512']], 'KeyId (ARN), KeySpec, KeyUsage, SigningAlgorithms');
    const pub = createPublicKey({ key: Buffer.from(out.PublicKey!), format: 'der', type: 'spki' });
    t.expectEqual(pub.asymmetricKeyType, 'ed25519', 'public key type');
  },
});
