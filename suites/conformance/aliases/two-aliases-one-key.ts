import { CreateAliasCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { resolveAlias, unthrottled } from '../_lib/support.js';
import { givenKey } from '../_lib/prerequisites.js';
import { documented } from '../_lib/sources.js';

export default defineCase({
  id: 'aliases.two-aliases-one-key',
  title: 'Two aliases may name the same key, and each resolves to it',
  doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_CreateAlias.html#KMS-CreateAlias-request-TargetKeyId',
  source: documented('service model: CreateAlias doc ("a KMS key can have multiple aliases")'),
  tags: ['aliases'],
  ops: ['CreateKey', 'CreateAlias', 'DescribeKey'],
  async run(t) {
    const key = await givenKey(t);
    const [a, b] = [t.aliasName('a'), t.aliasName('b')];
    await unthrottled(() => t.kms.send(new CreateAliasCommand({ AliasName: a, TargetKeyId: key.KeyId })));
    await unthrottled(() => t.kms.send(new CreateAliasCommand({ AliasName: b, TargetKeyId: key.Arn })));
    t.expectEqual([await resolveAlias(t, a, key.KeyId), await resolveAlias(t, b, key.KeyId)], [key.KeyId, key.KeyId], 'the key each alias names');
  },
});
