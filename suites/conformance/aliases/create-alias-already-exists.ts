import { CreateAliasCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { aliasArn, unthrottled } from '../_lib/support.js';
import { givenAlias, givenKey } from '../_lib/prerequisites.js';

export default defineCase({
  id: 'aliases.create-alias-already-exists',
  title: 'CreateAlias of an existing name: AlreadyExistsException "An alias with the name <alias ARN> already exists" (A1)',
  doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_CreateAlias.html#API_CreateAlias_Errors',
  source: {
    kind: 'recorded',
    cite: 'spec/aws-observed.md §7 A1',
    verifiedAt: '2026-12-07',
  },
  tags: ['aliases'],
  ops: ['CreateKey', 'CreateAlias'],
  async run(t) {
    const key = await givenKey(t);
    const name = await givenAlias(t, key.KeyId);
    await t.expectError(unthrottled(() => t.kms.send(new CreateAliasCommand({ AliasName: name, TargetKeyId: key.KeyId }))), {
      code: 'AlreadyExistsException',
      status: 400,
      message: `An alias with the name ${aliasArn(t, name)} already exists`,
    });
  },
});
