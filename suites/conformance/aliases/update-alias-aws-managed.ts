/** UpdateAlias: moves an alias to another key of the same type (MODEL UpdateAlias; DG alias-manage). */
import { UpdateAliasCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { refused, resolveAlias, unthrottled } from '../_lib/support.js';
import { givenKey } from '../_lib/prerequisites.js';
import { documented } from '../_lib/sources.js';

export default defineCase({
  id: 'aliases.update-alias-aws-managed',
  title: 'UpdateAlias refuses to move the AWS managed alias alias/aws/s3 to a customer key',
  doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_UpdateAlias.html#KMS-UpdateAlias-request-AliasName',
  source: documented('service model: UpdateAlias doc ("You cannot ... an alias that begins with alias/aws/"); the code is not recorded: any 400 refusal'),
  tags: ['aliases'],
  ops: ['CreateKey', 'UpdateAlias'],
  async run(t) {
    // MODEL: "You cannot ... an alias that begins with alias/aws/"; code not recorded: any 400 refusal.
    const key = await givenKey(t);
    // Should an endpoint wrongly allow the move, put alias/aws/s3 back where it was for the other cases.
    const original = await resolveAlias(t, 'alias/aws/s3');
    if (typeof original === 'string') {
      t.cleanup(() => t.raw('UpdateAlias', { AliasName: 'alias/aws/s3', TargetKeyId: original }));
    }
    const r = await refused(t, unthrottled(() => t.kms.send(new UpdateAliasCommand({ AliasName: 'alias/aws/s3', TargetKeyId: key.KeyId }))), 'UpdateAlias');
    t.expectEqual(r.status, 400, 'HTTP status');
  },
});
