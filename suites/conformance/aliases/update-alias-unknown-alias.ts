/** UpdateAlias: moves an alias to another key of the same type (MODEL UpdateAlias; DG alias-manage). */
import { UpdateAliasCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { unthrottled } from '../_lib/support.js';
import { givenKey } from '../_lib/prerequisites.js';
import { documented } from '../_lib/sources.js';

export default defineCase({
  id: 'aliases.update-alias-unknown-alias',
  title: 'UpdateAlias of an alias that does not exist is refused with NotFoundException',
  doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_UpdateAlias.html#API_UpdateAlias_Errors',
  source: documented('service model: UpdateAlias errors (NotFoundException)'),
  tags: ['aliases'],
  ops: ['CreateKey', 'UpdateAlias'],
  async run(t) {
    const key = await givenKey(t);
    await t.expectError(unthrottled(() => t.kms.send(new UpdateAliasCommand({ AliasName: t.aliasName('never-created'), TargetKeyId: key.KeyId }))), {
      code: 'NotFoundException',
      status: 400,
    });
  },
});
