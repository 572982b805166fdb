import { members } from '../_lib/support.js';
import { DecryptCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { apiDoc, ciphertext, documented, keyOf, prepare } from '../_lib/asymmetric.js';

export default defineCase({
  id: 'asymmetric.decrypt-rsa-response-members',
  title: 'Decrypt of RSA ciphertext answers KeyId, Plaintext and EncryptionAlgorithm, without KeyMaterialId (symmetric keys only)',
  doc: apiDoc('Decrypt', 'API_Decrypt_ResponseSyntax'),
  source: documented('service model: DecryptResponse.KeyMaterialId ("present only when the operation uses a symmetric encryption KMS key")'),
  tags: ['asymmetric'],
  ops: ['CreateKey', 'Encrypt', 'Decrypt'],
  async run(t) {
    const key = await keyOf(t, 'RSA_2048', 'ENCRYPT_DECRYPT');
    const blob = await prepare(t, key, ciphertext('RSAES_OAEP_SHA_1'));
    const out = await t.kms.send(new DecryptCommand({ KeyId: key.KeyId, CiphertextBlob: blob, EncryptionAlgorithm: 'RSAES_OAEP_SHA_1' }));
    t.expectEqual(members(out), ['EncryptionAlgorithm', 'KeyId', 'Plaintext'], 'response members');
    t.expectEqual([out.KeyId, out.EncryptionAlgorithm], [key.Arn, 'RSAES_OAEP_SHA_1'], 'KeyId (ARN) and EncryptionAlgorithm');
  },
});
