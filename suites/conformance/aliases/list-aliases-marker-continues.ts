/** ListAliases: the KeyId filter, pagination, and the predefined AWS aliases (aws-observed.md §4.5). */
import { ListAliasesCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { expectMarkerContinues } from '../_lib/marker.js';
import { documented } from '../_lib/sources.js';

export default defineCase({
  id: 'aliases.list-aliases-marker-continues',
  title: 'ListAliases with the NextMarker of a page continues after it, without repeating its aliases',
  doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_ListAliases.html#KMS-ListAliases-request-Marker',
  source: documented('service model: ListAliasesRequest.Marker'),
  tags: ['aliases'],
  ops: ['ListAliases'],
  async run(t) {
    await expectMarkerContinues(t, 3, {
      list: (input) => t.kms.send(new ListAliasesCommand(input)),
      entries: (page) => page.Aliases,
      idOf: (a) => a.AliasName,
      plural: 'aliases',
      one: 'an alias',
    });
  },
});
