/** ListAliases: the KeyId filter, pagination, and the predefined AWS aliases (aws-observed.md §4.5). */
import { ListAliasesCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { settle } from '../_lib/support.js';
import { givenAlias, givenKey } from '../_lib/prerequisites.js';
import { documented } from '../_lib/sources.js';

export default defineCase({
  id: 'aliases.list-aliases-key-arn-filter',
  title: "ListAliases accepts the key ARN as KeyId filter",
  doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_ListAliases.html#KMS-ListAliases-request-KeyId',
  source: documented('service model: ListAliasesRequest.KeyId ("key ID or key ARN")'),
  tags: ['aliases'],
  ops: ['CreateKey', 'CreateAlias', 'ListAliases'],
  async run(t) {
    const key = await givenKey(t);
    const name = await givenAlias(t, key.KeyId);
    const read = () => t.kms.send(new ListAliasesCommand({ KeyId: key.Arn })).then((o) => (o.Aliases ?? []).map((x) => x.AliasName));
    t.expectEqual(await settle(read, (n) => n.length > 0), [name], 'aliases listed for the key ARN');
  },
});
