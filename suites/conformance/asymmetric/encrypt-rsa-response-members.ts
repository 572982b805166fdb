import { members } from '../_lib/support.js';
import { EncryptCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { apiDoc, documented, keyOf } from '../_lib/asymmetric.js';

export default defineCase({
  id: 'asymmetric.encrypt-rsa-response-members',
  title: 'Encrypt with an RSA key answers CiphertextBlob (modulus length), KeyId (key ARN) and EncryptionAlgorithm',
  doc: apiDoc('Encrypt', 'API_Encrypt_ResponseSyntax'),
  source: documented('service model: EncryptResponse; spec/aws-observed.md §4.2 (Encrypt members, KeyId is the ARN)'),
  tags: ['asymmetric'],
  ops: ['CreateKey', 'Encrypt'],
  async run(t) {
    const key = await keyOf(t, 'RSA_2048', 'ENCRYPT_DECRYPT');
    const out = await t.kms.send(new EncryptCommand({ KeyId: key.KeyId, Plaintext: t.bytes(32), EncryptionAlgorithm: 'RSAES_OAEP_SHA_256' }));
    t.expectEqual(members(out), ['CiphertextBlob', 'EncryptionAlgorithm', 'KeyId'], 'response members');
    t.expectEqual([out.KeyId, out.EncryptionAlgorithm, out.CiphertextBlob?.length], [key.Arn, 'RSAES_OAEP_SHA_256', 256], 'KeyId, EncryptionAlgorithm, ciphertext length');
  },
});
