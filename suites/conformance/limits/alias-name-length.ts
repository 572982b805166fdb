/** Alias names are 1..256 characters including "alias/" (facts sheet; MODEL AliasNameType). */
import { CreateAliasCommand, DescribeKeyCommand } from '@aws-sdk/client-kms';
import { defineCase, type ConformanceCase } from '../../../harness/conformance/case.js';
import { refused, settle, unthrottled } from '../_lib/support.js';

const DOC = 'https://docs.aws.amazon.com/kms/latest/APIReference/API_CreateAlias.html#KMS-CreateAlias-request-AliasName';

/** The case's own alias name, padded with "x" to exactly `length` characters. */
const padded = (base: string, length: number) => `${base}-${'x'.repeat(Math.max(0, length - base.length - 1))}`;

const cases: ConformanceCase[] = [
  defineCase({
    id: 'limits.alias-name-256-characters',
    title: 'CreateAlias accepts a 256-character alias name, which then names the key',
    doc: DOC,
    tags: ['limits', 'aliases'],
    ops: ['CreateKey', 'CreateAlias', 'DescribeKey'],
    async run(t) {
      const key = await t.createKey();
      const name = padded(t.aliasName(), 256);
      t.expectEqual(name.length, 256, 'alias name length');
      await unthrottled(() => t.kms.send(new CreateAliasCommand({ AliasName: name, TargetKeyId: key.KeyId })));
      const out = await settle(() => t.kms.send(new DescribeKeyCommand({ KeyId: name })).catch((e: unknown) => e), (r) => !(r instanceof Error));
      t.expectEqual((out as { KeyMetadata?: { KeyId?: string } }).KeyMetadata?.KeyId, key.KeyId, 'KeyId through the alias');
    },
  }),
  defineCase({
    id: 'limits.alias-name-257-characters',
    title: 'CreateAlias refuses a 257-character alias name with ValidationException',
    doc: DOC,
    tags: ['limits', 'aliases'],
    ops: ['CreateKey', 'CreateAlias'],
    async run(t) {
      // Wording INFERRED (aws-observed.md §6.2): code only.
      const key = await t.createKey();
      const r = await refused(t, unthrottled(() => t.kms.send(new CreateAliasCommand({ AliasName: padded(t.aliasName(), 257), TargetKeyId: key.KeyId }))), 'CreateAlias');
      t.expectEqual([r.code, r.status], ['ValidationException', 400], 'error code and status');
    },
  }),
];

export default cases;
