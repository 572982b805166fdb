/** What CreateAlias accepts as TargetKeyId: a key id or key ARN of a key not pending deletion. */
import { CreateAliasCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { unthrottled } from '../_lib/support.js';
import { disabledKey } from '../key-state/_support.js';
import { expectAliasNames } from './_support.js';
import { documented } from '../_lib/sources.js';

export default defineCase({
  id: 'aliases.create-alias-target-disabled-key',
  title: 'CreateAlias accepts a disabled key as target, and the alias then names it',
  doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_CreateAlias.html#KMS-CreateAlias-request-TargetKeyId',
  source: documented('https://docs.aws.amazon.com/kms/latest/developerguide/key-state.html (archived table: spec/aws-observed.md §2.2, KS-OLD) (CreateAlias ✓ while Disabled)'),
  tags: ['aliases', 'key-state'],
  ops: ['CreateKey', 'DisableKey', 'CreateAlias', 'DescribeKey'],
  async run(t) {
    const key = await disabledKey(t);
    const name = t.aliasName();
    await unthrottled(() => t.kms.send(new CreateAliasCommand({ AliasName: name, TargetKeyId: key.KeyId })));
    await expectAliasNames(t, name, key.KeyId);
  },
});
