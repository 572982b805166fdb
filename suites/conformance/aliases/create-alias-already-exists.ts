import { CreateAliasCommand } from '@aws-sdk/client-kms';
import { defineCase, type ConformanceCase } from '../../../harness/conformance/case.js';
import { aliasArn, resolveAlias, unthrottled } from '../_lib/support.js';

const DOC = 'https://docs.aws.amazon.com/kms/latest/APIReference/API_CreateAlias.html#API_CreateAlias_Errors';

const cases: ConformanceCase[] = [
  defineCase({
    id: 'aliases.create-alias-already-exists',
    title: 'CreateAlias of an existing name: AlreadyExistsException "An alias with the name <alias ARN> already exists" (A1)',
    doc: DOC,
    tags: ['aliases'],
    ops: ['CreateKey', 'CreateAlias'],
    async run(t) {
      const key = await t.createKey();
      const name = t.aliasName();
      await unthrottled(() => t.kms.send(new CreateAliasCommand({ AliasName: name, TargetKeyId: key.KeyId })));
      await t.expectError(unthrottled(() => t.kms.send(new CreateAliasCommand({ AliasName: name, TargetKeyId: key.KeyId }))), {
        code: 'AlreadyExistsException',
        status: 400,
        message: `An alias with the name ${aliasArn(t, name)} already exists`,
      });
    },
  }),
  defineCase({
    id: 'aliases.create-alias-already-exists-other-key',
    title: 'CreateAlias of an existing name for another key is refused and the alias keeps pointing at its key',
    doc: DOC,
    tags: ['aliases'],
    ops: ['CreateKey', 'CreateAlias', 'DescribeKey'],
    async run(t) {
      const [first, second] = await Promise.all([t.createKey(), t.createKey()]);
      const name = t.aliasName();
      await unthrottled(() => t.kms.send(new CreateAliasCommand({ AliasName: name, TargetKeyId: first.KeyId })));
      await t.expectError(unthrottled(() => t.kms.send(new CreateAliasCommand({ AliasName: name, TargetKeyId: second.KeyId }))), {
        code: 'AlreadyExistsException',
        status: 400,
      });
      t.expectEqual(await resolveAlias(t, name, first.KeyId), first.KeyId, 'the key the alias names');
    },
  }),
];

export default cases;
