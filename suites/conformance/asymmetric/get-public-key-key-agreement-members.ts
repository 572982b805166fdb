import { createPublicKey } from 'node:crypto';
import { members } from '../_lib/support.js';
import { GetPublicKeyCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { KEY_SPEC_DOC, VERIFIED, apiDoc, documented, keyOf } from '../_lib/asymmetric.js';

export default defineCase({
  id: 'asymmetric.get-public-key-key-agreement-members',
  title: 'GetPublicKey of an ECC_NIST_P521 KEY_AGREEMENT key answers a DER SPKI ECC_NIST_P521 public key with KeySpec, KeyUsage and KeyAgreementAlgorithms ECDH',
  doc: apiDoc('GetPublicKey', 'API_GetPublicKey_ResponseSyntax'),
  source: documented(`service model: GetPublicKeyResponse (PublicKey: DER SubjectPublicKeyInfo; the algorithm list of the key usage); ${KEY_SPEC_DOC}`),
  tags: ['asymmetric', 'key-agreement'],
  ops: ['CreateKey', 'GetPublicKey'],
  async run(t) {
    const key = await keyOf(t, 'ECC_NIST_P521', 'KEY_AGREEMENT');
    const out = await t.kms.send(new GetPublicKeyCommand({ KeyId: key.KeyId }));
    t.expectEqual(members(out), ['CustomerMasterKeySpec', 'KeyId', 'KeySpec', 'KeyUsage', 'PublicKey', 'KeyAgreementAlgorithms'].sort(), 'response members');
    t.expectEqual([out.KeyId, out.KeySpec, out.KeyUsage, out.KeyAgreementAlgorithms], [key.Arn, 'ECC_NIST_P521', 'KEY_AGREEMENT', ['ECDH']], 'KeyId (ARN), KeySpec, KeyUsage, KeyAgreementAlgorithms');
    const pub = createPublicKey({ key: Buffer.from(out.PublicKey!), format: 'der', type: 'spki' });
    t.expectEqual(pub.asymmetricKeyType, 'ec', 'public key type');
    const [detail, value] = ['namedCurve', 'secp521r1'] as const;
    t.expectEqual((pub.asymmetricKeyDetails as Record<string, unknown>)[detail], value, `public key ${detail}`);
  },
});
