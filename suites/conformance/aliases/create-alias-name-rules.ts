/** CreateAlias name rules: the alias/ prefix, the reserved alias/aws/ prefix, the character set. */
import { CreateAliasCommand } from '@aws-sdk/client-kms';
import { defineCase, type ConformanceCase } from '../../../harness/conformance/case.js';
import { aliasesOf, refused, unthrottled } from '../_lib/support.js';

const DOC = 'https://docs.aws.amazon.com/kms/latest/APIReference/API_CreateAlias.html#KMS-CreateAlias-request-AliasName';

const cases: ConformanceCase[] = [
  defineCase({
    id: 'aliases.create-alias-without-prefix',
    title: 'CreateAlias refuses a name without "alias/": ValidationException \'Alias must start with the prefix "alias/". ...\' (V7)',
    doc: DOC,
    tags: ['aliases'],
    ops: ['CreateKey', 'CreateAlias'],
    async run(t) {
      const key = await t.createKey();
      const name = t.aliasName().slice('alias/'.length);
      await t.expectError(unthrottled(() => t.kms.send(new CreateAliasCommand({ AliasName: name, TargetKeyId: key.KeyId }))), {
        code: 'ValidationException',
        status: 400,
        message: 'Alias must start with the prefix "alias/". Please see https://docs.aws.amazon.com/kms/latest/developerguide/kms-alias.html',
      });
    },
  }),
  defineCase({
    id: 'aliases.create-alias-reserved-prefix',
    title: 'CreateAlias refuses a name beginning with alias/aws/ (reserved for AWS managed keys); no alias is made',
    doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_CreateAlias.html#KMS-CreateAlias-request-AliasName',
    tags: ['aliases'],
    ops: ['CreateKey', 'CreateAlias', 'ListAliases'],
    async run(t) {
      // DG: "cannot begin with alias/aws/". AWS's code and message are not recorded (A3): any 400 refusal.
      const key = await t.createKey();
      const name = `alias/aws/kmsbench-${t.aliasName().split('/').slice(2).join('-')}`;
      t.cleanup(() => t.raw('DeleteAlias', { AliasName: name }));
      const r = await refused(t, unthrottled(() => t.kms.send(new CreateAliasCommand({ AliasName: name, TargetKeyId: key.KeyId }))), 'CreateAlias alias/aws/...');
      t.expectEqual(r.status, 400, 'HTTP status');
      t.expectEqual((await aliasesOf(t, key.KeyId)).map((a) => a.AliasName), [], "the key's aliases");
    },
  }),
  defineCase({
    id: 'aliases.create-alias-invalid-characters',
    title: 'CreateAlias refuses a name with a character outside [a-zA-Z0-9:/_-] (a space) with ValidationException',
    doc: DOC,
    tags: ['aliases', 'limits'],
    ops: ['CreateKey', 'CreateAlias'],
    async run(t) {
      // MODEL pattern ^[a-zA-Z0-9:/_-]+$; wording INFERRED (aws-observed.md §6.2): code only.
      const key = await t.createKey();
      await t.expectError(unthrottled(() => t.kms.send(new CreateAliasCommand({ AliasName: `${t.aliasName()} space`, TargetKeyId: key.KeyId }))), {
        code: 'ValidationException',
        status: 400,
      });
    },
  }),
];

export default cases;
