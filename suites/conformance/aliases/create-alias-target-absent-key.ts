/** What CreateAlias accepts as TargetKeyId: a key id or key ARN of a key not pending deletion. */
import { CreateAliasCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { absentKeyId, unthrottled } from '../_lib/support.js';
import { documented } from '../_lib/sources.js';

export default defineCase({
  id: 'aliases.create-alias-target-absent-key',
  title: 'CreateAlias whose TargetKeyId names no key is refused with NotFoundException',
  doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_CreateAlias.html#API_CreateAlias_Errors',
  source: documented('service model: CreateAlias errors (NotFoundException)'),
  tags: ['aliases'],
  ops: ['CreateAlias'],
  async run(t) {
    await t.expectError(unthrottled(() => t.kms.send(new CreateAliasCommand({ AliasName: t.aliasName(), TargetKeyId: absentKeyId() }))), {
      code: 'NotFoundException',
      status: 400,
    });
  },
});
