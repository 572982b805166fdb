import { constants, publicEncrypt } from 'node:crypto';
import { DecryptCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { KEY_SPEC_DOC, VERIFIED, documented, keyOf, publicKeyOf, requestDoc } from '../_lib/asymmetric.js';

export default defineCase({
  id: 'asymmetric.decrypt-rsa-local-oaep-sha-256',
  title: 'Decrypt (RSAES_OAEP_SHA_256) through the endpoint returns what Node encrypted locally with RSA-OAEP-SHA256 under the GetPublicKey key',
  doc: requestDoc('Decrypt', 'EncryptionAlgorithm'),
  source: documented(`${KEY_SPEC_DOC} (RSAES_OAEP_SHA_*: "SHA-x for both the hash and in the MGF1 mask generation function along with an empty label"); service model: GetPublicKey ("encrypt data outside of KMS")`),
  tags: ['asymmetric'],
  ops: ['CreateKey', 'GetPublicKey', 'Decrypt'],
  async run(t) {
    const key = await keyOf(t, 'RSA_2048', 'ENCRYPT_DECRYPT');
    const pub = await publicKeyOf(t, key.KeyId);
    const plaintext = t.bytes(150);
    const blob = publicEncrypt({ key: pub, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' }, plaintext);
    const out = await t.kms.send(new DecryptCommand({ KeyId: key.KeyId, CiphertextBlob: blob, EncryptionAlgorithm: 'RSAES_OAEP_SHA_256' }));
    t.check(Buffer.from(out.Plaintext ?? []).equals(Buffer.from(plaintext)), 'Decrypt returns the locally encrypted plaintext');
    t.expectEqual([out.KeyId, out.EncryptionAlgorithm], [key.Arn, 'RSAES_OAEP_SHA_256'], 'KeyId (ARN) and EncryptionAlgorithm');
  },
});
