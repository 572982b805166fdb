import { DeleteAliasCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { unthrottled } from '../_lib/support.js';
import { documented } from '../_lib/sources.js';

export default defineCase({
  id: 'aliases.delete-alias-unknown',
  title: 'DeleteAlias of an alias that does not exist is refused with NotFoundException',
  doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_DeleteAlias.html#API_DeleteAlias_Errors',
  source: documented('service model: DeleteAlias errors (NotFoundException); message not recorded (spec/aws-observed.md §1 N13)'),
  tags: ['aliases'],
  ops: ['DeleteAlias'],
  async run(t) {
    // N13: AWS's message is not recorded; code only.
    await t.expectError(unthrottled(() => t.kms.send(new DeleteAliasCommand({ AliasName: t.aliasName('never-created') }))), { code: 'NotFoundException', status: 400 });
  },
});
