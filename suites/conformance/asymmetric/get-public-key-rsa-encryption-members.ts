import { createPublicKey } from 'node:crypto';
import { members } from '../_lib/support.js';
import { GetPublicKeyCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { KEY_SPEC_DOC, VERIFIED, apiDoc, documented, keyOf } from '../_lib/asymmetric.js';

export default defineCase({
  id: 'asymmetric.get-public-key-rsa-encryption-members',
  title: 'GetPublicKey of an RSA_2048 ENCRYPT_DECRYPT key answers a DER SPKI RSA_2048 public key with KeySpec, KeyUsage and EncryptionAlgorithms RSAES_OAEP_SHA_1, RSAES_OAEP_SHA_256',
  doc: apiDoc('GetPublicKey', 'API_GetPublicKey_ResponseSyntax'),
  source: documented(`service model: GetPublicKeyResponse (PublicKey: DER SubjectPublicKeyInfo; the algorithm list of the key usage); ${KEY_SPEC_DOC}`),
  tags: ['asymmetric'],
  ops: ['CreateKey', 'GetPublicKey'],
  async run(t) {
    const key = await keyOf(t, 'RSA_2048', 'ENCRYPT_DECRYPT');
    const out = await t.kms.send(new GetPublicKeyCommand({ KeyId: key.KeyId }));
    t.expectEqual(members(out), ['CustomerMasterKeySpec', 'KeyId', 'KeySpec', 'KeyUsage', 'PublicKey', 'EncryptionAlgorithms'].sort(), 'response members');
    t.expectEqual([out.KeyId, out.KeySpec, out.KeyUsage, out.EncryptionAlgorithms], [key.Arn, 'RSA_2048', 'ENCRYPT_DECRYPT', ['RSAES_OAEP_SHA_1', 'RSAES_OAEP_SHA_256']], 'KeyId (ARN), KeySpec, KeyUsage, EncryptionAlgorithms');
    const pub = createPublicKey({ key: Buffer.from(out.PublicKey!), format: 'der', type: 'spki' });
    t.expectEqual(pub.asymmetricKeyType, 'rsa', 'public key type');
    const [detail, value] = ['modulusLength', 2048] as const;
    t.expectEqual((pub.asymmetricKeyDetails as Record<string, unknown>)[detail], value, `public key ${detail}`);
  },
});
