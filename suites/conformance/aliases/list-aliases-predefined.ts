/** ListAliases: the KeyId filter, pagination, and the predefined AWS aliases (aws-observed.md §4.5). */
import { defineCase } from '../../../harness/conformance/case.js';
import { aliasArn, expectRawOk } from '../_lib/support.js';
import { documented } from '../_lib/sources.js';

export default defineCase({
  id: 'aliases.list-aliases-predefined',
  title: 'ListAliases lists the predefined AWS aliases (alias/aws/...); only they may lack a TargetKeyId',
  doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_ListAliases.html#API_ListAliases_ResponseElements',
  source: documented('https://docs.aws.amazon.com/kms/latest/APIReference/API_ListAliases.html#API_ListAliases_ResponseElements (predefined aliases without TargetKeyId; spec/aws-observed.md §4.5)'),
  tags: ['aliases'],
  ops: ['ListAliases'],
  async run(t) {
    const all: Array<Record<string, unknown>> = [];
    let marker: string | undefined;
    for (let n = 0; n < 1000; n++) {
      const body = expectRawOk<{ Aliases?: Array<Record<string, unknown>>; Truncated?: boolean; NextMarker?: string }>(
        t,
        await t.raw('ListAliases', marker ? { Limit: 100, Marker: marker } : { Limit: 100 }),
        'ListAliases',
      );
      all.push(...(body.Aliases ?? []));
      marker = body.Truncated ? body.NextMarker : undefined;
      if (!marker) break;
    }
    const aws = all.filter((a) => String(a.AliasName).startsWith('alias/aws/'));
    t.check(aws.length > 0, 'at least one alias/aws/ alias is listed', all.length);
    for (const a of all.filter((x) => !('TargetKeyId' in x))) {
      t.check(String(a.AliasName).startsWith('alias/aws/'), 'an alias without TargetKeyId is a predefined AWS alias', a);
      t.expectEqual(a.AliasArn, aliasArn(t, String(a.AliasName)), `AliasArn of predefined alias ${String(a.AliasName)}`);
    }
  },
});
