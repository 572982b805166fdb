import { contextCase, expectOpens, sealed, UNORDERED_MAP_SOURCE } from './_support.js';

/** kms-facts.md: the same map, order-independent. The SDK sends members in insertion order. */
export default contextCase(
  {
    behaviour: 'order-independent',
    title: 'Decrypt accepts the sealing context with its pairs sent in another order',
    source: UNORDERED_MAP_SOURCE,
  },
  async (t, key) => {
    const plaintext = t.bytes(16);
    const blob = await sealed(t, key.KeyId, plaintext, { alpha: '1', bravo: '2', charlie: '3' });
    await expectOpens(t, blob, plaintext, { charlie: '3', alpha: '1', bravo: '2' }, 'with the pairs reordered');
  },
);
