/** ListAliases: the KeyId filter, pagination, and the predefined AWS aliases (aws-observed.md §4.5). */
import { defineCase } from '../../../harness/conformance/case.js';
import { expectRawOk, members } from '../_lib/support.js';
import { documented } from '../_lib/sources.js';

export default defineCase({
  id: 'aliases.list-aliases-truncated-page',
  title: 'ListAliases with Limit 1 answers exactly {Aliases: [one], NextMarker: <string>, Truncated: true}',
  doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_ListAliases.html#KMS-ListAliases-request-Limit',
  source: documented('service model: ListAliasesRequest.Limit, ListAliasesResponse.NextMarker, Truncated'),
  tags: ['aliases'],
  ops: ['ListAliases'],
  async run(t) {
    // Every account lists the predefined AWS aliases, so there is always more than one.
    const body = expectRawOk<{ Aliases?: unknown[]; NextMarker?: unknown; Truncated?: unknown }>(t, await t.raw('ListAliases', { Limit: 1 }), 'ListAliases');
    t.expectEqual(members(body), ['Aliases', 'NextMarker', 'Truncated'], 'members of a truncated page');
    t.expectEqual([body.Aliases?.length, body.Truncated], [1, true], 'entries and Truncated');
    t.check(typeof body.NextMarker === 'string' && body.NextMarker.length > 0, 'NextMarker is a non-empty string', body.NextMarker);
  },
});
