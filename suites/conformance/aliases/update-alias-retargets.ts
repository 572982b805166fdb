/** UpdateAlias: moves an alias to another key of the same type (MODEL UpdateAlias; DG alias-manage). */
import { EncryptCommand, UpdateAliasCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { members, unthrottled } from '../_lib/support.js';
import { givenAlias, givenKey } from '../_lib/prerequisites.js';
import { expectAliasNames } from './_support.js';
import { documented } from '../_lib/sources.js';

export default defineCase({
  id: 'aliases.update-alias-retargets',
  title: 'UpdateAlias answers an empty result; the alias then names the new key, for DescribeKey and Encrypt',
  doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_UpdateAlias.html#KMS-UpdateAlias-request-TargetKeyId',
  source: documented('https://docs.aws.amazon.com/kms/latest/APIReference/API_UpdateAlias.html#KMS-UpdateAlias-request-TargetKeyId; empty result (EX UpdateAlias, spec/aws-observed.md §4.3)'),
  tags: ['aliases'],
  ops: ['CreateKey', 'CreateAlias', 'UpdateAlias', 'DescribeKey', 'Encrypt'],
  async run(t) {
    const [first, second] = await Promise.all([givenKey(t), givenKey(t)]);
    const name = await givenAlias(t, first.KeyId, { wait: true });
    const out = await unthrottled(() => t.kms.send(new UpdateAliasCommand({ AliasName: name, TargetKeyId: second.KeyId })));
    t.expectEqual(members(out), [], 'UpdateAlias output members');
    await expectAliasNames(t, name, second.KeyId);
    t.expectEqual((await t.kms.send(new EncryptCommand({ KeyId: name, Plaintext: t.bytes(4) }))).KeyId, second.Arn, 'Encrypt KeyId through the alias');
  },
});
