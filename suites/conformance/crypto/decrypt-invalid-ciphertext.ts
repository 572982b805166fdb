/**
 * A ciphertext blob that is not one KMS produced, or one that was damaged, is refused with
 * InvalidCiphertextException, HTTP 400, and no message member at all (aws-observed.md C2, C3:
 * AWS sends the bare code). Each damage is its own case.
 */
import { EncryptCommand } from '@aws-sdk/client-kms';
import { defineCase, type ConformanceCase } from '../../../harness/conformance/case.js';
import { b64, expectRawError } from '../_lib/support.js';

const damaged = (slug: string, title: string, damage: (blob: Buffer) => Buffer): ConformanceCase =>
  defineCase({
    id: `crypto.decrypt-invalid-ciphertext-${slug}`,
    title: `Decrypt of ${title}: InvalidCiphertextException with no message`,
    doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_Decrypt.html#API_Decrypt_Errors',
    tags: ['semantics'],
    ops: ['CreateKey', 'Encrypt', 'Decrypt'],
    async run(t) {
      const key = await t.createKey();
      const enc = await t.kms.send(new EncryptCommand({ KeyId: key.KeyId, Plaintext: t.bytes(64) }));
      const reply = await t.raw('Decrypt', { CiphertextBlob: b64(damage(Buffer.from(enc.CiphertextBlob!))) });
      expectRawError(t, reply, { status: 400, code: 'InvalidCiphertextException', message: null }, 'Decrypt');
    },
  });

const cases: ConformanceCase[] = [
  damaged('garbage', 'random bytes that never came from KMS', () => Buffer.from('kmsbench: definitely not a KMS ciphertext blob, honestly!!', 'utf8')),
  damaged('truncated-header', 'only the first 20 bytes of a real ciphertext (C2)', (blob) => blob.subarray(0, 20)),
  damaged('truncated-last-byte', 'a real ciphertext missing its last byte', (blob) => blob.subarray(0, blob.length - 1)),
  damaged('appended-bytes', 'a real ciphertext with bytes appended (C3)', (blob) => Buffer.concat([blob, Buffer.from('garbage')])),
  damaged(
    'flipped-last-byte',
    'a real ciphertext with one bit of its last byte flipped',
    (blob) => {
      const bad = Buffer.from(blob);
      bad[bad.length - 1]! ^= 0x01;
      return bad;
    },
  ),
  damaged(
    'flipped-body-byte',
    'a real ciphertext with one bit flipped 20 bytes before its end',
    (blob) => {
      const bad = Buffer.from(blob);
      bad[bad.length - 20]! ^= 0x80;
      return bad;
    },
  ),
];

export default cases;
