import { DeleteAliasCommand, DescribeKeyCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { aliasesOf, members, settle, unthrottled } from '../_lib/support.js';
import { givenAlias, givenKey } from '../_lib/prerequisites.js';
import { documented } from '../_lib/sources.js';

export default defineCase({
  id: 'aliases.delete-alias-removes-it',
  title: 'DeleteAlias answers an empty result; the alias then no longer resolves (NotFoundException) nor is listed',
  doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_DeleteAlias.html#API_DeleteAlias_ResponseElements',
  source: documented('https://docs.aws.amazon.com/kms/latest/APIReference/API_DeleteAlias.html#API_DeleteAlias_ResponseElements; an alias that does not exist: NotFoundException (spec/aws-observed.md §1 N11)'),
  tags: ['aliases'],
  ops: ['CreateKey', 'CreateAlias', 'DeleteAlias', 'DescribeKey', 'ListAliases'],
  async run(t) {
    const key = await givenKey(t);
    const name = await givenAlias(t, key.KeyId, { wait: true });
    const out = await unthrottled(() => t.kms.send(new DeleteAliasCommand({ AliasName: name })));
    t.expectEqual(members(out), [], 'DeleteAlias output members');
    const gone = await settle(
      () => t.kms.send(new DescribeKeyCommand({ KeyId: name })).then(() => undefined, (e: unknown) => e as { name?: string }),
      (e) => e?.name === 'NotFoundException',
    );
    t.expectEqual(gone?.name, 'NotFoundException', 'DescribeKey through the deleted alias');
    t.expectEqual((await aliasesOf(t, key.KeyId)).map((a) => a.AliasName), [], "the key's aliases");
  },
});
