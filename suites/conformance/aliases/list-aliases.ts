/** ListAliases: the KeyId filter, pagination, and the predefined AWS aliases (aws-observed.md §4.5). */
import { CreateAliasCommand, ListAliasesCommand } from '@aws-sdk/client-kms';
import { defineCase, type ConformanceCase } from '../../../harness/conformance/case.js';
import { absentKeyId, aliasArn, aliasesOf, expectRawOk, members, settle, unthrottled } from '../_lib/support.js';

const DOC = 'https://docs.aws.amazon.com/kms/latest/APIReference/API_ListAliases.html';

const cases: ConformanceCase[] = [
  defineCase({
    id: 'aliases.list-aliases-key-id-filter',
    title: "ListAliases with KeyId lists exactly that key's aliases, not another key's",
    doc: `${DOC}#KMS-ListAliases-request-KeyId`,
    tags: ['aliases'],
    ops: ['CreateKey', 'CreateAlias', 'ListAliases'],
    async run(t) {
      const [a, b] = await Promise.all([t.createKey(), t.createKey()]);
      const [a1, a2, b1] = [t.aliasName('a1'), t.aliasName('a2'), t.aliasName('b1')];
      await unthrottled(() => t.kms.send(new CreateAliasCommand({ AliasName: a1, TargetKeyId: a.KeyId })));
      await unthrottled(() => t.kms.send(new CreateAliasCommand({ AliasName: a2, TargetKeyId: a.KeyId })));
      await unthrottled(() => t.kms.send(new CreateAliasCommand({ AliasName: b1, TargetKeyId: b.KeyId })));
      const listed = await settle(() => aliasesOf(t, a.KeyId), (all) => all.length >= 2);
      t.expectEqual(listed.map((x) => x.AliasName).sort(), [a1, a2].sort(), "aliases listed for key a");
      t.check(listed.every((x) => x.TargetKeyId === a.KeyId), 'every entry targets key a', listed);
    },
  }),
  defineCase({
    id: 'aliases.list-aliases-key-arn-filter',
    title: "ListAliases accepts the key ARN as KeyId filter",
    doc: `${DOC}#KMS-ListAliases-request-KeyId`,
    tags: ['aliases'],
    ops: ['CreateKey', 'CreateAlias', 'ListAliases'],
    async run(t) {
      const key = await t.createKey();
      const name = t.aliasName();
      await unthrottled(() => t.kms.send(new CreateAliasCommand({ AliasName: name, TargetKeyId: key.KeyId })));
      const read = () => t.kms.send(new ListAliasesCommand({ KeyId: key.Arn })).then((o) => (o.Aliases ?? []).map((x) => x.AliasName));
      t.expectEqual(await settle(read, (n) => n.length > 0), [name], 'aliases listed for the key ARN');
    },
  }),
  defineCase({
    id: 'aliases.list-aliases-key-without-aliases',
    title: 'ListAliases for a key without aliases answers exactly {Aliases: [], Truncated: false}',
    doc: `${DOC}#API_ListAliases_ResponseSyntax`,
    tags: ['aliases'],
    ops: ['CreateKey', 'ListAliases'],
    async run(t) {
      const key = await t.createKey();
      const body = expectRawOk(t, await t.raw('ListAliases', { KeyId: key.KeyId }), 'ListAliases');
      t.expectEqual(body, { Aliases: [], Truncated: false }, 'ListAliases body');
    },
  }),
  defineCase({
    id: 'aliases.list-aliases-predefined',
    title: 'ListAliases lists the predefined AWS aliases (alias/aws/...); only they may lack a TargetKeyId',
    doc: `${DOC}#API_ListAliases_ResponseElements`,
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
  }),
  defineCase({
    id: 'aliases.list-aliases-truncated-page',
    title: 'ListAliases with Limit 1 answers exactly {Aliases: [one], NextMarker: <string>, Truncated: true}',
    doc: `${DOC}#KMS-ListAliases-request-Limit`,
    tags: ['aliases'],
    ops: ['ListAliases'],
    async run(t) {
      // Every account lists the predefined AWS aliases, so there is always more than one.
      const body = expectRawOk<{ Aliases?: unknown[]; NextMarker?: unknown; Truncated?: unknown }>(t, await t.raw('ListAliases', { Limit: 1 }), 'ListAliases');
      t.expectEqual(members(body), ['Aliases', 'NextMarker', 'Truncated'], 'members of a truncated page');
      t.expectEqual([body.Aliases?.length, body.Truncated], [1, true], 'entries and Truncated');
      t.check(typeof body.NextMarker === 'string' && body.NextMarker.length > 0, 'NextMarker is a non-empty string', body.NextMarker);
    },
  }),
  defineCase({
    id: 'aliases.list-aliases-marker-continues',
    title: 'ListAliases with the NextMarker of a page continues after it, without repeating its aliases',
    doc: `${DOC}#KMS-ListAliases-request-Marker`,
    tags: ['aliases'],
    ops: ['ListAliases'],
    async run(t) {
      const first = await t.kms.send(new ListAliasesCommand({ Limit: 3 }));
      t.check(first.Truncated === true && typeof first.NextMarker === 'string', 'the first page of 3 is truncated', first);
      const second = await t.kms.send(new ListAliasesCommand({ Limit: 3, Marker: first.NextMarker }));
      const seen = new Set((first.Aliases ?? []).map((a) => a.AliasName));
      t.check((second.Aliases ?? []).length > 0, 'the page after the marker has aliases', second);
      for (const a of second.Aliases ?? []) t.check(!seen.has(a.AliasName), 'an alias of the second page is not on the first', a.AliasName);
    },
  }),
  defineCase({
    id: 'aliases.list-aliases-invalid-marker',
    title: 'ListAliases refuses a Marker it never issued with InvalidMarkerException',
    doc: `${DOC}#API_ListAliases_Errors`,
    tags: ['aliases'],
    ops: ['ListAliases'],
    async run(t) {
      await t.expectError(t.kms.send(new ListAliasesCommand({ Marker: 'kmsbench-not-a-marker' })), { code: 'InvalidMarkerException', status: 400 });
    },
  }),
  defineCase({
    id: 'aliases.list-aliases-absent-key',
    title: 'ListAliases with a KeyId that names no key is refused with NotFoundException',
    doc: `${DOC}#API_ListAliases_Errors`,
    tags: ['aliases'],
    ops: ['ListAliases'],
    async run(t) {
      await t.expectError(t.kms.send(new ListAliasesCommand({ KeyId: absentKeyId() })), { code: 'NotFoundException', status: 400 });
    },
  }),
];

export default cases;
