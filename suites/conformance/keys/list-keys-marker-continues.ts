import { ListKeysCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { expectMarkerContinues } from '../_lib/marker.js';
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
    await expectMarkerContinues(t, 2, {
      list: (input) => t.kms.send(new ListKeysCommand(input)),
      entries: (page) => page.Keys,
      idOf: (k) => k.KeyId,
      plural: 'keys',
      one: 'a key',
    });
  },
});
