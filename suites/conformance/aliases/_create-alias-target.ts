/**
 * What CreateAlias accepts as TargetKeyId: a key id or key ARN of a key not pending deletion.
 *
 * Shared by the create alias target cases beside it, one case per module. Not a case file: no default export.
 *
 * @module
 */
import { CreateAliasCommand } from '@aws-sdk/client-kms';
import { defineCase, type CaseSource, type ConformanceCase } from '../../../harness/conformance/case.js';
import { aliasArn, aliasesOf, refused, unthrottled } from '../_lib/support.js';
import { givenAlias, givenKey } from '../_lib/prerequisites.js';

export const DOC = 'https://docs.aws.amazon.com/kms/latest/APIReference/API_CreateAlias.html#KMS-CreateAlias-request-TargetKeyId';

export const aliasAsTarget = (form: 'alias-name' | 'alias-arn', source: CaseSource): ConformanceCase =>
  defineCase({
    id: `aliases.create-alias-target-${form}`,
    title: `CreateAlias refuses an ${form.replace('-', ' ')} as TargetKeyId (an alias must name a key)`,
    doc: DOC,
    source,
    tags: ['aliases'],
    ops: ['CreateKey', 'CreateAlias', 'ListAliases'],
    async run(t) {
      // MODEL/DG: "You cannot use another alias". AWS's code is not recorded (A4): any 400 refusal.
      const key = await givenKey(t);
      const first = await givenAlias(t, key.KeyId, { name: t.aliasName('first'), wait: true });
      const second = t.aliasName('second');
      const target = form === 'alias-name' ? first : aliasArn(t, first);
      const r = await refused(t, unthrottled(() => t.kms.send(new CreateAliasCommand({ AliasName: second, TargetKeyId: target }))), 'CreateAlias');
      t.expectEqual(r.status, 400, 'HTTP status');
      t.expectEqual((await aliasesOf(t, key.KeyId)).map((a) => a.AliasName), [first], "the key's aliases");
    },
  });
