import { defineCase } from '../../../harness/conformance/case.js';
import { expectRawOk, members } from '../_lib/support.js';
import { givenKey } from '../_lib/prerequisites.js';
import { documented } from '../_lib/sources.js';

export default defineCase({
  id: 'keys.list-keys-last-page',
  title: 'The last ListKeys page is {Keys, Truncated: false} with no NextMarker member',
  doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_ListKeys.html#KMS-ListKeys-response-NextMarker',
  source: documented('service model: ListKeysResponse.NextMarker ("When Truncated is true, this element is present")'),
  tags: ['semantics'],
  ops: ['CreateKey', 'ListKeys'],
  async run(t) {
    await givenKey(t);
    let marker: string | undefined;
    let page: { Keys?: unknown[]; NextMarker?: string; Truncated?: unknown } = {};
    for (let n = 0; n < 1000; n++) {
      page = expectRawOk(t, await t.raw('ListKeys', marker ? { Limit: 1000, Marker: marker } : { Limit: 1000 }), 'ListKeys');
      if (page.Truncated !== true) break;
      marker = page.NextMarker;
    }
    t.expectEqual(members(page), ['Keys', 'Truncated'], 'members of the last page');
    t.expectEqual(page.Truncated, false, 'Truncated on the last page');
  },
});
