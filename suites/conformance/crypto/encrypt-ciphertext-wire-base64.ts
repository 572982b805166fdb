import { b64, expectRawOk } from '../_lib/support.js';
import { keyCase } from './_support.js';
import { documented } from '../_lib/sources.js';

export default keyCase(
  {
    behaviour: 'encrypt-ciphertext-wire-base64',
    title: 'Encrypt sends CiphertextBlob as a standard base64 string of 1..6144 bytes, longer than the plaintext',
    doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_Encrypt.html#KMS-Encrypt-response-CiphertextBlob',
    source: documented('service model: CiphertextType (blob, 1..6144 bytes; base64 in AWS JSON 1.1)'),
    ops: ['Encrypt'],
  },
  async (t, key) => {
    const out = expectRawOk<{ CiphertextBlob?: unknown }>(t, await t.raw('Encrypt', { KeyId: key.KeyId, Plaintext: b64(t.bytes(100)) }), 'Encrypt');
    const text = out.CiphertextBlob;
    t.check(typeof text === 'string' && /^[A-Za-z0-9+/]+={0,2}$/.test(text) && text.length % 4 === 0, 'CiphertextBlob is standard padded base64', text);
    const bytes = Buffer.from(String(text), 'base64');
    t.check(bytes.length > 100 && bytes.length <= 6144, 'ciphertext is longer than the 100-byte plaintext and at most 6144 bytes', bytes.length);
  },
);
