import { EncryptCommand } from '@aws-sdk/client-kms';
import { KEY_SPEC_DOC, documented, repeatedCallCase, requestDoc } from '../_lib/asymmetric.js';

export default repeatedCallCase({
  id: 'asymmetric.encrypt-rsa-nondeterministic',
  title: 'Encrypting the same plaintext twice with RSAES_OAEP_SHA_256 gives different ciphertexts (OAEP is randomised)',
  doc: requestDoc('Encrypt', 'EncryptionAlgorithm'),
  source: documented(`${KEY_SPEC_DOC} (RSAES_OAEP: PKCS #1 v2.2 OAEP, which uses a random seed)`),
  tags: ['asymmetric'],
  ops: ['Encrypt'],
  spec: 'RSA_2048',
  usage: 'ENCRYPT_DECRYPT',
  input: (t) => t.bytes(24),
  call: (t, key, p) => t.kms.send(new EncryptCommand({ KeyId: key.KeyId, Plaintext: p, EncryptionAlgorithm: 'RSAES_OAEP_SHA_256' })),
  bytes: (out) => out.CiphertextBlob,
  equal: false,
  label: 'the two ciphertexts differ',
});
