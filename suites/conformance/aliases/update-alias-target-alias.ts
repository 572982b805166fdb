/** UpdateAlias: moves an alias to another key of the same type (MODEL UpdateAlias; DG alias-manage). */
import { UpdateAliasCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { refused, resolveAlias, unthrottled } from '../_lib/support.js';
import { givenAlias, givenKey } from '../_lib/prerequisites.js';
import { documented } from '../_lib/sources.js';

export default defineCase({
  id: 'aliases.update-alias-target-alias',
  title: 'UpdateAlias refuses another alias as the new TargetKeyId; the alias stays put',
  doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_UpdateAlias.html#KMS-UpdateAlias-request-TargetKeyId',
  source: documented('service model: UpdateAliasRequest.TargetKeyId ("Specify the key ID or key ARN"); the code is not recorded: any 400 refusal'),
  tags: ['aliases'],
  ops: ['CreateKey', 'CreateAlias', 'UpdateAlias', 'DescribeKey'],
  async run(t) {
    // MODEL: "Specify the key ID or key ARN"; AWS's code is not recorded: any 400 refusal.
    const [a, b] = await Promise.all([givenKey(t), givenKey(t)]);
    const x = await givenAlias(t, a.KeyId, { name: t.aliasName('x') });
    const y = await givenAlias(t, b.KeyId, { name: t.aliasName('y'), wait: true });
    const r = await refused(t, unthrottled(() => t.kms.send(new UpdateAliasCommand({ AliasName: x, TargetKeyId: y }))), 'UpdateAlias');
    t.expectEqual(r.status, 400, 'HTTP status');
    t.expectEqual(await resolveAlias(t, x, a.KeyId), a.KeyId, 'the key alias x names');
  },
});
