import { DecryptCommand, ReEncryptCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { documented, keyOf, requestDoc } from '../_lib/asymmetric.js';
import { givenCiphertext, givenKey } from '../_lib/prerequisites.js';

export default defineCase({
  id: 'asymmetric.reencrypt-symmetric-to-rsa',
  title: 'ReEncrypt from a symmetric key to an RSA key answers both algorithms, and the RSA ciphertext decrypts to the plaintext',
  doc: requestDoc('ReEncrypt', 'DestinationEncryptionAlgorithm'),
  source: documented('service model: ReEncryptRequest.DestinationEncryptionAlgorithm ("required only when the destination KMS key is an asymmetric KMS key") and ReEncryptResponse'),
  tags: ['asymmetric'],
  ops: ['CreateKey', 'Encrypt', 'ReEncrypt', 'Decrypt'],
  async run(t) {
    const sym = await givenKey(t);
    const rsa = await keyOf(t, 'RSA_2048', 'ENCRYPT_DECRYPT');
    const p = t.bytes(48);
    const blob = await givenCiphertext(t, sym.KeyId, { plaintext: p });
    const re = await t.kms.send(new ReEncryptCommand({ CiphertextBlob: blob, DestinationKeyId: rsa.KeyId, DestinationEncryptionAlgorithm: 'RSAES_OAEP_SHA_256' }));
    t.expectEqual([re.SourceKeyId, re.KeyId, re.SourceEncryptionAlgorithm, re.DestinationEncryptionAlgorithm], [sym.Arn, rsa.Arn, 'SYMMETRIC_DEFAULT', 'RSAES_OAEP_SHA_256'], 'key ARNs and algorithms');
    t.expectEqual(re.CiphertextBlob?.length, 256, 'RSA ciphertext length');
    const out = await t.kms.send(new DecryptCommand({ KeyId: rsa.KeyId, CiphertextBlob: re.CiphertextBlob, EncryptionAlgorithm: 'RSAES_OAEP_SHA_256' }));
    t.check(Buffer.from(out.Plaintext ?? []).equals(Buffer.from(p)), 'Decrypt under the RSA key returns the plaintext');
  },
});
