/** What CreateAlias answers and what ListAliases then shows for the new alias (aws-observed.md §4.5, DG alias-manage). */
import { CreateAliasCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { members, unthrottled } from '../_lib/support.js';
import { givenKey } from '../_lib/prerequisites.js';
import { documented } from '../_lib/sources.js';

export default defineCase({
  id: 'aliases.create-alias-empty-result',
  title: 'CreateAlias answers an empty result',
  doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_CreateAlias.html#API_CreateAlias_ResponseElements',
  source: documented('https://docs.aws.amazon.com/kms/latest/APIReference/API_CreateAlias.html#API_CreateAlias_ResponseElements (HTTP 200, empty body)'),
  tags: ['aliases'],
  ops: ['CreateKey', 'CreateAlias'],
  async run(t) {
    const key = await givenKey(t);
    const out = await unthrottled(() => t.kms.send(new CreateAliasCommand({ AliasName: t.aliasName(), TargetKeyId: key.KeyId })));
    t.expectEqual(members(out), [], 'CreateAlias output members');
  },
});
