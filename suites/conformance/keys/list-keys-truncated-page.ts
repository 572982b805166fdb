import { defineCase } from '../../../harness/conformance/case.js';
import { expectRawOk, members } from '../_lib/support.js';
import { givenKey } from '../_lib/prerequisites.js';
import { documented } from '../_lib/sources.js';

export default defineCase({
  id: 'keys.list-keys-truncated-page',
  title: 'ListKeys with Limit 1 and more keys answers exactly {Keys: [one], NextMarker: <string>, Truncated: true}',
  doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_ListKeys.html#KMS-ListKeys-request-Limit',
  source: documented('service model: ListKeysRequest.Limit, ListKeysResponse.NextMarker, Truncated'),
  tags: ['semantics'],
  ops: ['CreateKey', 'ListKeys'],
  async run(t) {
    await Promise.all([givenKey(t), givenKey(t)]);
    const page = expectRawOk<{ Keys?: unknown[]; NextMarker?: unknown; Truncated?: unknown }>(t, await t.raw('ListKeys', { Limit: 1 }), 'ListKeys');
    t.expectEqual(members(page), ['Keys', 'NextMarker', 'Truncated'], 'members of a truncated page');
    t.expectEqual(page.Keys?.length, 1, 'number of entries with Limit 1');
    t.expectEqual(page.Truncated, true, 'Truncated');
    t.check(typeof page.NextMarker === 'string' && page.NextMarker.length > 0, 'NextMarker is a non-empty string', page.NextMarker);
  },
});
