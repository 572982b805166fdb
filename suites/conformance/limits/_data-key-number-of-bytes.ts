/**
 * GenerateDataKey* NumberOfBytes is 1..1024 (facts sheet; MODEL NumberOfBytesType).
 *
 * Shared by the data key number of bytes cases beside it, one case per module. Not a case file: no default export.
 *
 * @module
 */
import { GenerateDataKeyCommand } from '@aws-sdk/client-kms';
import { defineCase, type CaseSource, type ConformanceCase } from '../../../harness/conformance/case.js';
import { expectRawError } from '../_lib/support.js';
import { givenKey } from '../_lib/prerequisites.js';

export const doc = (op: string) => `https://docs.aws.amazon.com/kms/latest/APIReference/API_${op}.html#KMS-${op}-request-NumberOfBytes`;

export const accepted = (n: number, source: CaseSource): ConformanceCase =>
  defineCase({
    id: `limits.generate-data-key-number-of-bytes-${n}`,
    title: `GenerateDataKey with NumberOfBytes ${n} returns a ${n}-byte Plaintext`,
    doc: doc('GenerateDataKey'),
    source,
    tags: ['limits'],
    ops: ['CreateKey', 'GenerateDataKey'],
    async run(t) {
      const key = await givenKey(t);
      const out = await t.kms.send(new GenerateDataKeyCommand({ KeyId: key.KeyId, NumberOfBytes: n }));
      t.expectEqual(out.Plaintext?.length, n, 'Plaintext length');
    },
  });

// Out of range: the wording is recorded for GenerateRandom only (V3/V4), so these check the code.
export const refused = (op: 'GenerateDataKey' | 'GenerateDataKeyWithoutPlaintext', n: number, source: CaseSource): ConformanceCase =>
  defineCase({
    id: `limits.${op === 'GenerateDataKey' ? 'generate-data-key' : 'generate-data-key-without-plaintext'}-number-of-bytes-${n}`,
    title: `${op} refuses NumberOfBytes ${n} with ValidationException`,
    doc: doc(op),
    source,
    tags: ['limits'],
    ops: ['CreateKey', op],
    async run(t) {
      const key = await givenKey(t);
      expectRawError(t, await t.raw(op, { KeyId: key.KeyId, NumberOfBytes: n }), { status: 400, code: 'ValidationException' }, op);
    },
  });
