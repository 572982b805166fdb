/**
 * What CreateAlias accepts as TargetKeyId: a key id or key ARN of a key not pending deletion.
 *
 * Shared by the create alias target cases beside it, one case per module. Not a case file: no default export.
 *
 * @module
 */
import { CreateAliasCommand } from '@aws-sdk/client-kms';
import { defineCase, type CaseSource, type ConformanceCase } from '../../../harness/conformance/case.js';
import { aliasArn, aliasesOf, refused, resolveAlias, unthrottled } from '../_lib/support.js';

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
      const key = await t.createKey();
      const first = t.aliasName('first');
      await unthrottled(() => t.kms.send(new CreateAliasCommand({ AliasName: first, TargetKeyId: key.KeyId })));
      await resolveAlias(t, first, key.KeyId);
      const second = t.aliasName('second');
      const target = form === 'alias-name' ? first : aliasArn(t, first);
      const r = await refused(t, unthrottled(() => t.kms.send(new CreateAliasCommand({ AliasName: second, TargetKeyId: target }))), 'CreateAlias');
      t.expectEqual(r.status, 400, 'HTTP status');
      t.expectEqual((await aliasesOf(t, key.KeyId)).map((a) => a.AliasName), [first], "the key's aliases");
    },
  });
