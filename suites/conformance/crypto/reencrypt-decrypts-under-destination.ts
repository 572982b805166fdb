import { DecryptCommand, ReEncryptCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { b64 } from '../_lib/support.js';
import { givenCiphertext, givenKey } from '../_lib/prerequisites.js';
import { documented } from '../_lib/sources.js';

export default defineCase({
  id: 'crypto.reencrypt-decrypts-under-destination',
  title: 'The ciphertext from ReEncrypt decrypts to the original plaintext under the destination key',
  doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_ReEncrypt.html#KMS-ReEncrypt-response-CiphertextBlob',
  source: documented('https://docs.aws.amazon.com/kms/latest/APIReference/API_ReEncrypt.html#KMS-ReEncrypt-response-CiphertextBlob'),
  tags: ['semantics'],
  ops: ['CreateKey', 'Encrypt', 'ReEncrypt', 'Decrypt'],
  async run(t) {
    const [source, destination] = await Promise.all([givenKey(t), givenKey(t)]);
    const plaintext = t.bytes(77);
    const blob = await givenCiphertext(t, source.KeyId, { plaintext });
    const re = await t.kms.send(new ReEncryptCommand({ CiphertextBlob: blob, DestinationKeyId: destination.KeyId }));
    const out = await t.kms.send(new DecryptCommand({ CiphertextBlob: re.CiphertextBlob }));
    t.expectEqual(out.KeyId, destination.Arn, 'Decrypt KeyId of the re-encrypted ciphertext');
    t.expectEqual(b64(out.Plaintext ?? new Uint8Array()), b64(plaintext), 'Plaintext (base64)');
  },
});
