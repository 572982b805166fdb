import { contextCase, expectOpens, seal } from './_support.js';
import { documented } from '../_lib/sources.js';

export default contextCase(
  {
    behaviour: 'round-trip',
    title: 'Decrypt with the exact sealing context returns the plaintext',
    source: documented('https://docs.aws.amazon.com/kms/latest/APIReference/API_Decrypt.html#KMS-Decrypt-request-EncryptionContext'),
  },
  async (t, key) => {
    const plaintext = t.bytes(100);
    const context = { purpose: 'conformance', tenant: 't-0001', 'object/path': 's3://bucket/key.bin' };
    const blob = await seal(t, key.KeyId, plaintext, context);
    await expectOpens(t, blob, plaintext, { ...context }, 'with the same context');
  },
);
