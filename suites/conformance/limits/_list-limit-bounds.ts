/**
 * List operations take Limit 1..1000 in the model (ListKeys 1..1000; aws-observed.md §4.5).
 * Outside the range: ValidationException (wording INFERRED, code only).
 *
 * Shared by the list limit bounds cases beside it, one case per module. Not a case file: no default export.
 *
 * @module
 */
import { defineCase, type CaseSource, type ConformanceCase } from '../../../harness/conformance/case.js';
import { expectRawError } from '../_lib/support.js';
import { givenKey } from '../_lib/prerequisites.js';

export const doc = (op: string) => `https://docs.aws.amazon.com/kms/latest/APIReference/API_${op}.html#KMS-${op}-request-Limit`;

export const refusedLimit = (op: 'ListKeys' | 'ListAliases' | 'ListResourceTags', limit: number, source: CaseSource): ConformanceCase =>
  defineCase({
    id: `limits.${op.replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase()}-limit-${limit}`,
    title: `${op} refuses Limit ${limit} with ValidationException`,
    doc: doc(op),
    source,
    tags: ['limits'],
    ops: op === 'ListResourceTags' ? ['CreateKey', op] : [op],
    async run(t) {
      const body: Record<string, unknown> = { Limit: limit };
      if (op === 'ListResourceTags') body.KeyId = (await givenKey(t)).KeyId;
      expectRawError(t, await t.raw(op, body), { status: 400, code: 'ValidationException' }, op);
    },
  });
