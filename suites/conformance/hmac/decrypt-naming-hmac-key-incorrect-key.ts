import { DecryptCommand, EncryptCommand } from '@aws-sdk/client-kms';
import { errorsDoc, recorded, refusalCase } from '../_lib/asymmetric.js';
import { TESTED_BY } from '../_lib/prerequisites.js';

export default refusalCase({
  id: 'hmac.decrypt-naming-hmac-key-incorrect-key',
  title: 'Decrypt of a symmetric ciphertext naming an HMAC key as KeyId is refused with IncorrectKeyException',
  doc: errorsDoc('Decrypt'),
  source: recorded('spec/aws-observed.md §5 C4 (Decrypt with KeyId = an HMAC_224 key)'),
  tags: ['hmac'],
  ops: ['Encrypt', 'Decrypt'],
  spec: 'HMAC_224',
  usage: 'GENERATE_VERIFY_MAC',
  prepare: {
    step: 'a symmetric key (CreateKey) and a ciphertext under it (Encrypt)',
    coveredBy: TESTED_BY.encrypt,
    run: async (t) => (await t.kms.send(new EncryptCommand({ KeyId: (await t.createKey()).KeyId, Plaintext: t.bytes(16) }))).CiphertextBlob,
  },
  call: (t, key, blob) => t.kms.send(new DecryptCommand({ KeyId: key.KeyId, CiphertextBlob: blob as Uint8Array })),
  expected: () => ({ code: 'IncorrectKeyException', status: 400, message: 'The key ID in the request does not identify a CMK that can perform this operation.' }),
});
