import { DecryptCommand, EncryptCommand } from '@aws-sdk/client-kms';
import { b64 } from '../_lib/support.js';
import { keyCase } from './_support.js';
import { documented } from '../_lib/sources.js';

export default keyCase(
  {
    behaviour: 'decrypt-round-trip',
    title: 'Decrypt without a KeyId returns the exact plaintext Encrypt was given, and KeyId = the key ARN',
    doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_Decrypt.html#KMS-Decrypt-response-Plaintext',
    source: documented('https://docs.aws.amazon.com/kms/latest/APIReference/API_Decrypt.html#KMS-Decrypt-response-Plaintext; KeyId is the key ARN: EX Decrypt (spec/aws-observed.md §4.2)'),
    ops: ['Encrypt', 'Decrypt'],
  },
  async (t, key) => {
    const plaintext = t.bytes(333, 3);
    const enc = await t.kms.send(new EncryptCommand({ KeyId: key.KeyId, Plaintext: plaintext }));
    const out = await t.kms.send(new DecryptCommand({ CiphertextBlob: enc.CiphertextBlob }));
    t.expectEqual(b64(out.Plaintext ?? new Uint8Array()), b64(plaintext), 'Plaintext (base64)');
    t.expectEqual(out.KeyId, key.Arn, 'Decrypt KeyId');
  },
);
