import { contextCase, expectOpens, seal } from './_support.js';
import { inferred } from '../_lib/sources.js';

/** An empty map has no pairs: it is the same context as none at all, in both directions. */
export default contextCase(
  {
    behaviour: 'empty-map-equals-absent',
    title: 'An empty EncryptionContext map and an omitted one are the same context',
    source: inferred('an empty map has no pairs, so it is the same context as none (https://docs.aws.amazon.com/kms/latest/APIReference/API_Decrypt.html#KMS-Decrypt-request-EncryptionContext); not recorded'),
  },
  async (t, key) => {
    const plaintext = t.bytes(16);
    const sealedEmpty = await seal(t, key.KeyId, plaintext, {});
    await expectOpens(t, sealedEmpty, plaintext, undefined, 'without a context (sealed with {})');
    const sealedNone = await seal(t, key.KeyId, plaintext, undefined);
    await expectOpens(t, sealedNone, plaintext, {}, 'with {} (sealed without a context)');
  },
);
