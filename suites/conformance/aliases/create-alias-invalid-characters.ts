/** CreateAlias name rules: the alias/ prefix, the reserved alias/aws/ prefix, the character set. */
import { CreateAliasCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { unthrottled } from '../_lib/support.js';
import { givenKey } from '../_lib/prerequisites.js';

export default defineCase({
  id: 'aliases.create-alias-invalid-characters',
  title: 'CreateAlias refuses a name with a character outside [a-zA-Z0-9:/_-] (a space) with ValidationException',
  doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_CreateAlias.html#KMS-CreateAlias-request-AliasName',
  source: {
    kind: 'inferred',
    cite: 'service model: CreateAliasRequest.AliasName (only alphanumerics, /, _ and -); ValidationException by analogy with the recorded length and enum violations (spec/aws-observed.md §6.1 V9, V17)',
    verifiedAt: '2026-12-07',
  },
  tags: ['aliases', 'limits'],
  ops: ['CreateKey', 'CreateAlias'],
  async run(t) {
    // MODEL pattern ^[a-zA-Z0-9:/_-]+$; wording INFERRED (aws-observed.md §6.2): code only.
    const key = await givenKey(t);
    await t.expectError(unthrottled(() => t.kms.send(new CreateAliasCommand({ AliasName: `${t.aliasName()} space`, TargetKeyId: key.KeyId }))), {
      code: 'ValidationException',
      status: 400,
    });
  },
});
