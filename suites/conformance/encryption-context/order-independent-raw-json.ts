import { contextCase, UNORDERED_MAP_SOURCE } from './_support.js';

/**
 * The same check below the SDK: the exact JSON text of each request is fixed, so the member order on
 * the wire is known (reversed between Encrypt and Decrypt), including keys that are prefixes of
 * each other and keys that differ only after a shared prefix.
 */
export default contextCase(
  {
    behaviour: 'order-independent-raw-json',
    title: 'Decrypt accepts the sealing context written in reverse member order on the wire',
    source: UNORDERED_MAP_SOURCE,
  },
  async (t, key) => {
    const plaintext = Buffer.from(t.bytes(16)).toString('base64');
    const pairs: [string, string][] = [
      ['a', '1'],
      ['ab', '2'],
      ['abc', '3'],
      ['b', '4'],
      ['B', '5'],
      ['\u00e9', '6'],
      ['zz', '7'],
    ];
    const ctx = (order: [string, string][]) => `{${order.map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`).join(',')}}`;
    const blob = await t.given(
      'Encrypt (raw JSON) with a 7-pair encryption context gives a ciphertext',
      async () => {
        const enc = await t.raw('Encrypt', `{"KeyId":${JSON.stringify(key.KeyId)},"Plaintext":"${plaintext}","EncryptionContext":${ctx(pairs)}}`);
        t.expectEqual(enc.status, 200, 'HTTP status of Encrypt');
        return (enc.json as { CiphertextBlob: string }).CiphertextBlob;
      },
      { coveredBy: 'encryption-context.unicode-round-trip' },
    );
    const reversed = [...pairs].reverse();
    const dec = await t.raw('Decrypt', `{"CiphertextBlob":"${blob}","EncryptionContext":${ctx(reversed)}}`);
    t.expectEqual(dec.status, 200, 'HTTP status of Decrypt with the members reversed');
    t.expectEqual((dec.json as { Plaintext?: string }).Plaintext, plaintext, 'plaintext after Decrypt with the members reversed');
  },
);
