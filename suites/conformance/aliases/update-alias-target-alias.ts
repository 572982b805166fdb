/** UpdateAlias: moves an alias to another key of the same type (MODEL UpdateAlias; DG alias-manage). */
import { CreateAliasCommand, UpdateAliasCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { refused, resolveAlias, unthrottled } from '../_lib/support.js';

export default defineCase({
  id: 'aliases.update-alias-target-alias',
  title: 'UpdateAlias refuses another alias as the new TargetKeyId; the alias stays put',
  doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_UpdateAlias.html#KMS-UpdateAlias-request-TargetKeyId',
  source: {
    kind: 'documented',
    cite: 'service model: UpdateAliasRequest.TargetKeyId ("Specify the key ID or key ARN"); the code is not recorded: any 400 refusal',
    verifiedAt: '2026-12-07',
  },
  tags: ['aliases'],
  ops: ['CreateKey', 'CreateAlias', 'UpdateAlias', 'DescribeKey'],
  async run(t) {
    // MODEL: "Specify the key ID or key ARN"; AWS's code is not recorded: any 400 refusal.
    const [a, b] = await Promise.all([t.createKey(), t.createKey()]);
    const [x, y] = [t.aliasName('x'), t.aliasName('y')];
    await unthrottled(() => t.kms.send(new CreateAliasCommand({ AliasName: x, TargetKeyId: a.KeyId })));
    await unthrottled(() => t.kms.send(new CreateAliasCommand({ AliasName: y, TargetKeyId: b.KeyId })));
    await resolveAlias(t, y, b.KeyId);
    const r = await refused(t, unthrottled(() => t.kms.send(new UpdateAliasCommand({ AliasName: x, TargetKeyId: y }))), 'UpdateAlias');
    t.expectEqual(r.status, 400, 'HTTP status');
    t.expectEqual(await resolveAlias(t, x, a.KeyId), a.KeyId, 'the key alias x names');
  },
});
