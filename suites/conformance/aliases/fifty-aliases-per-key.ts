import { CreateAliasCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { aliasesOf, refused, unthrottled } from '../_lib/support.js';
import { givenKey, TESTED_BY } from '../_lib/prerequisites.js';
import { documented } from '../_lib/sources.js';

export default defineCase({
  id: 'aliases.fifty-aliases-per-key',
  title: 'A key takes 50 aliases; CreateAlias of a 51st is refused with LimitExceededException and not made',
  doc: 'https://docs.aws.amazon.com/kms/latest/developerguide/resource-limits.html#aliases-per-key',
  source: documented('https://docs.aws.amazon.com/kms/latest/developerguide/resource-limits.html#aliases-per-key (50; over a resource quota: LimitExceededException); message not recorded (spec/aws-observed.md §7 A8)'),
  tags: ['aliases', 'limits'],
  ops: ['CreateKey', 'CreateAlias', 'ListAliases'],
  flags: ['slow'],
  timeoutMs: 180_000,
  async run(t) {
    // DG resource quotas: 50 aliases per key; over a quota → LimitExceededException (A8; message unknown).
    // CreateAlias is limited to 5 requests/s on AWS, so throttled calls are repeated.
    const key = await givenKey(t);
    const names = Array.from({ length: 50 }, () => t.aliasName());
    await t.given('CreateAlias gives the key 50 aliases', async () => {
      for (const name of names) await unthrottled(() => t.kms.send(new CreateAliasCommand({ AliasName: name, TargetKeyId: key.KeyId })));
    }, { coveredBy: TESTED_BY.createAlias });
    const extra = t.aliasName('51st');
    const r = await refused(t, unthrottled(() => t.kms.send(new CreateAliasCommand({ AliasName: extra, TargetKeyId: key.KeyId }))), '51st CreateAlias');
    t.expectEqual([r.code, r.status], ['LimitExceededException', 400], 'error code and status of the 51st');
    const listed = (await aliasesOf(t, key.KeyId)).map((a) => a.AliasName);
    t.check(!listed.includes(extra), 'the 51st alias was not made', listed.length);
  },
});
