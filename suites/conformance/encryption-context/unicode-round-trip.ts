import { contextCase, expectOpens, expectRefused, seal } from './_support.js';
import { documented } from '../_lib/sources.js';

/** Keys and values outside ASCII, including characters outside the Basic Multilingual Plane. */
export default contextCase(
  {
    behaviour: 'unicode-round-trip',
    title: 'A context with non-ASCII and non-BMP keys and values opens with the same strings and no others',
    source: documented('https://docs.aws.amazon.com/kms/latest/APIReference/API_Decrypt.html#KMS-Decrypt-request-EncryptionContext (an exact match of the strings given)'),
  },
  async (t, key) => {
    const plaintext = t.bytes(24);
    const context = {
      'r\u00e9gion': 'M\u00fcnchen',
      '\u79df\u6237': '\u6771\u4eac\u90fd',
      '\u{1F511}': '\u{1D11E}\u{1F3B5}',
      emoji: 'a\u{1F600}b',
    };
    const blob = await seal(t, key.KeyId, plaintext, context);
    await expectOpens(t, blob, plaintext, { ...context }, 'with the same Unicode context');
    await expectRefused(t, blob, { ...context, emoji: 'a\u{1F600}c' });
  },
);
