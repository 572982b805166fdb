/** ListAliases: the KeyId filter, pagination, and the predefined AWS aliases (aws-observed.md §4.5). */
import { defineCase } from '../../../harness/conformance/case.js';
import { expectRawOk } from '../_lib/support.js';
import { givenKey } from '../_lib/prerequisites.js';
import { documented } from '../_lib/sources.js';

export default defineCase({
  id: 'aliases.list-aliases-key-without-aliases',
  title: 'ListAliases for a key without aliases answers exactly {Aliases: [], Truncated: false}',
  doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_ListAliases.html#API_ListAliases_ResponseSyntax',
  source: documented('https://docs.aws.amazon.com/kms/latest/APIReference/API_ListAliases.html#API_ListAliases_ResponseSyntax (Aliases, Truncated; NextMarker only when truncated)'),
  tags: ['aliases'],
  ops: ['CreateKey', 'ListAliases'],
  async run(t) {
    const key = await givenKey(t);
    const body = expectRawOk(t, await t.raw('ListAliases', { KeyId: key.KeyId }), 'ListAliases');
    t.expectEqual(body, { Aliases: [], Truncated: false }, 'ListAliases body');
  },
});
