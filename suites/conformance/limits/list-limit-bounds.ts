/**
 * List operations take Limit 1..1000 in the model (ListKeys 1..1000; aws-observed.md §4.5).
 * Outside the range: ValidationException (wording INFERRED, code only).
 */
import { ListKeysCommand } from '@aws-sdk/client-kms';
import { defineCase, type ConformanceCase } from '../../../harness/conformance/case.js';
import { expectRawError } from '../_lib/support.js';

const doc = (op: string) => `https://docs.aws.amazon.com/kms/latest/APIReference/API_${op}.html#KMS-${op}-request-Limit`;

const refusedLimit = (op: 'ListKeys' | 'ListAliases' | 'ListResourceTags', limit: number): ConformanceCase =>
  defineCase({
    id: `limits.${op.replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase()}-limit-${limit}`,
    title: `${op} refuses Limit ${limit} with ValidationException`,
    doc: doc(op),
    tags: ['limits'],
    ops: op === 'ListResourceTags' ? ['CreateKey', op] : [op],
    async run(t) {
      const body: Record<string, unknown> = { Limit: limit };
      if (op === 'ListResourceTags') body.KeyId = (await t.createKey()).KeyId;
      expectRawError(t, await t.raw(op, body), { status: 400, code: 'ValidationException' }, op);
    },
  });

const cases: ConformanceCase[] = [
  refusedLimit('ListKeys', 0),
  refusedLimit('ListKeys', 1001),
  refusedLimit('ListAliases', 0),
  refusedLimit('ListResourceTags', 0),
  defineCase({
    id: 'limits.list-keys-limit-1000',
    title: 'ListKeys accepts Limit 1000 and returns at most 1000 keys',
    doc: doc('ListKeys'),
    tags: ['limits'],
    ops: ['ListKeys'],
    async run(t) {
      const out = await t.kms.send(new ListKeysCommand({ Limit: 1000 }));
      t.check((out.Keys?.length ?? 0) <= 1000, 'at most 1000 keys', out.Keys?.length);
      t.check(typeof out.Truncated === 'boolean', 'Truncated is a boolean', out.Truncated);
    },
  }),
];

export default cases;
