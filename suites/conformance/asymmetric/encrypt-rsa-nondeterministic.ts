import { EncryptCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { KEY_SPEC_DOC, documented, keyOf, requestDoc } from '../_lib/asymmetric.js';

export default defineCase({
  id: 'asymmetric.encrypt-rsa-nondeterministic',
  title: 'Encrypting the same plaintext twice with RSAES_OAEP_SHA_256 gives different ciphertexts (OAEP is randomised)',
  doc: requestDoc('Encrypt', 'EncryptionAlgorithm'),
  source: documented(`${KEY_SPEC_DOC} (RSAES_OAEP: PKCS #1 v2.2 OAEP, which uses a random seed)`),
  tags: ['asymmetric'],
  ops: ['CreateKey', 'Encrypt'],
  async run(t) {
    const key = await keyOf(t, 'RSA_2048', 'ENCRYPT_DECRYPT');
    const p = t.bytes(24);
    const a = await t.kms.send(new EncryptCommand({ KeyId: key.KeyId, Plaintext: p, EncryptionAlgorithm: 'RSAES_OAEP_SHA_256' }));
    const b = await t.kms.send(new EncryptCommand({ KeyId: key.KeyId, Plaintext: p, EncryptionAlgorithm: 'RSAES_OAEP_SHA_256' }));
    t.check(!Buffer.from(a.CiphertextBlob!).equals(Buffer.from(b.CiphertextBlob!)), 'the two ciphertexts differ');
  },
});
