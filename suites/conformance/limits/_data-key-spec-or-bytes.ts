/**
 * GenerateDataKey* need exactly one of KeySpec / NumberOfBytes (facts sheet). AWS's message for
 * both/neither is not recorded (aws-observed.md V20), so these check the code.
 *
 * Shared by the data key spec or bytes cases beside it, one case per module. Not a case file: no default export.
 *
 * @module
 */
import { defineCase, type CaseSource, type ConformanceCase } from '../../../harness/conformance/case.js';
import { expectRawError } from '../_lib/support.js';
import { givenKey } from '../_lib/prerequisites.js';

export const specOrBytes = (op: 'GenerateDataKey' | 'GenerateDataKeyWithoutPlaintext', slug: string, title: string, input: Record<string, unknown>, source: CaseSource): ConformanceCase =>
  defineCase({
    id: `limits.${op === 'GenerateDataKey' ? 'generate-data-key' : 'generate-data-key-without-plaintext'}-key-spec-${slug}`,
    title: `${op} with ${title} is refused with ValidationException`,
    doc: `https://docs.aws.amazon.com/kms/latest/APIReference/API_${op}.html#KMS-${op}-request-KeySpec`,
    source,
    tags: ['limits'],
    ops: ['CreateKey', op],
    async run(t) {
      const key = await givenKey(t);
      expectRawError(t, await t.raw(op, { KeyId: key.KeyId, ...input }), { status: 400, code: 'ValidationException' }, op);
    },
  });
