import { ListKeysCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { givenKey } from '../_lib/prerequisites.js';
import { documented } from '../_lib/sources.js';

export default defineCase({
  id: 'keys.list-keys-marker-continues',
  title: 'ListKeys with the NextMarker of a page continues after it: the next page does not repeat its keys',
  doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_ListKeys.html#KMS-ListKeys-request-Marker',
  source: documented('service model: ListKeysRequest.Marker'),
  tags: ['semantics'],
  ops: ['CreateKey', 'ListKeys'],
  async run(t) {
    await Promise.all([givenKey(t), givenKey(t), givenKey(t)]);
    const first = await t.kms.send(new ListKeysCommand({ Limit: 2 }));
    t.check(first.Truncated === true && typeof first.NextMarker === 'string', 'the first page of 2 is truncated with a NextMarker', first);
    const second = await t.kms.send(new ListKeysCommand({ Limit: 2, Marker: first.NextMarker }));
    const seen = new Set((first.Keys ?? []).map((k) => k.KeyId));
    t.check((second.Keys ?? []).length > 0, 'the page after the marker has keys', second);
    for (const k of second.Keys ?? []) t.check(!seen.has(k.KeyId), 'a key of the second page is not on the first', k.KeyId);
  },
});
