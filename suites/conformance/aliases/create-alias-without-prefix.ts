/** CreateAlias name rules: the alias/ prefix, the reserved alias/aws/ prefix, the character set. */
import { CreateAliasCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { unthrottled } from '../_lib/support.js';
import { givenKey } from '../_lib/prerequisites.js';

export default defineCase({
  id: 'aliases.create-alias-without-prefix',
  title: 'CreateAlias refuses a name without "alias/": ValidationException \'Alias must start with the prefix "alias/". ...\' (V7)',
  doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_CreateAlias.html#KMS-CreateAlias-request-AliasName',
  source: {
    kind: 'recorded',
    cite: 'spec/aws-observed.md §6.1 V7',
    verifiedAt: '2026-12-07',
  },
  tags: ['aliases'],
  ops: ['CreateKey', 'CreateAlias'],
  async run(t) {
    const key = await givenKey(t);
    const name = t.aliasName().slice('alias/'.length);
    await t.expectError(unthrottled(() => t.kms.send(new CreateAliasCommand({ AliasName: name, TargetKeyId: key.KeyId }))), {
      code: 'ValidationException',
      status: 400,
      message: 'Alias must start with the prefix "alias/". Please see https://docs.aws.amazon.com/kms/latest/developerguide/kms-alias.html',
    });
  },
});
