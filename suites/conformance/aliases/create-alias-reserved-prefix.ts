/** CreateAlias name rules: the alias/ prefix, the reserved alias/aws/ prefix, the character set. */
import { CreateAliasCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { aliasesOf, refused, unthrottled } from '../_lib/support.js';
import { givenKey } from '../_lib/prerequisites.js';
import { documented } from '../_lib/sources.js';

export default defineCase({
  id: 'aliases.create-alias-reserved-prefix',
  title: 'CreateAlias refuses a name beginning with alias/aws/ (reserved for AWS managed keys); no alias is made',
  doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_CreateAlias.html#KMS-CreateAlias-request-AliasName',
  source: documented('service model: CreateAliasRequest.AliasName ("cannot begin with alias/aws/"); the code is not recorded (spec/aws-observed.md §7 A3): any 400 refusal'),
  tags: ['aliases'],
  ops: ['CreateKey', 'CreateAlias', 'ListAliases'],
  async run(t) {
    // DG: "cannot begin with alias/aws/". AWS's code and message are not recorded (A3): any 400 refusal.
    const key = await givenKey(t);
    const name = `alias/aws/kmsbench-${t.aliasName().split('/').slice(2).join('-')}`;
    t.cleanup(() => t.raw('DeleteAlias', { AliasName: name }));
    const r = await refused(t, unthrottled(() => t.kms.send(new CreateAliasCommand({ AliasName: name, TargetKeyId: key.KeyId }))), 'CreateAlias alias/aws/...');
    t.expectEqual(r.status, 400, 'HTTP status');
    t.expectEqual((await aliasesOf(t, key.KeyId)).map((a) => a.AliasName), [], "the key's aliases");
  },
});
