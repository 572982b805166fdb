import { DecryptCommand, EncryptCommand, ReEncryptCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { documented, keyOf, requestDoc } from '../_lib/asymmetric.js';
import { givenKey } from '../_lib/prerequisites.js';

export default defineCase({
  id: 'asymmetric.reencrypt-rsa-to-symmetric',
  title: 'ReEncrypt of RSA ciphertext (SourceKeyId and SourceEncryptionAlgorithm given) to a symmetric key decrypts under the symmetric key',
  doc: requestDoc('ReEncrypt', 'SourceEncryptionAlgorithm'),
  source: documented('service model: ReEncryptRequest.SourceKeyId / SourceEncryptionAlgorithm (required when the ciphertext was encrypted under an asymmetric KMS key)'),
  tags: ['asymmetric'],
  ops: ['CreateKey', 'Encrypt', 'ReEncrypt', 'Decrypt'],
  async run(t) {
    const sym = await givenKey(t);
    const rsa = await keyOf(t, 'RSA_2048', 'ENCRYPT_DECRYPT');
    const p = t.bytes(48);
    const enc = await t.given('Encrypt RSAES_OAEP_SHA_1 gives a ciphertext', () => t.kms.send(new EncryptCommand({ KeyId: rsa.KeyId, Plaintext: p, EncryptionAlgorithm: 'RSAES_OAEP_SHA_1' })));
    const re = await t.kms.send(
      new ReEncryptCommand({ CiphertextBlob: enc.CiphertextBlob, SourceKeyId: rsa.KeyId, SourceEncryptionAlgorithm: 'RSAES_OAEP_SHA_1', DestinationKeyId: sym.KeyId }),
    );
    t.expectEqual([re.SourceKeyId, re.KeyId, re.SourceEncryptionAlgorithm, re.DestinationEncryptionAlgorithm], [rsa.Arn, sym.Arn, 'RSAES_OAEP_SHA_1', 'SYMMETRIC_DEFAULT'], 'key ARNs and algorithms');
    const out = await t.kms.send(new DecryptCommand({ CiphertextBlob: re.CiphertextBlob }));
    t.check(Buffer.from(out.Plaintext ?? []).equals(Buffer.from(p)), 'Decrypt of the new ciphertext returns the plaintext');
  },
});
