/**
 * Bodies that are not JSON, or JSON of the wrong types for the operation's members, are refused
 * with SerializationException (HTTP 400) before any validation (facts sheet; aws-observed.md P8:
 * KMS's messages are not recorded, so only the code is checked).
 *
 * Shared by the serialization cases beside it, one case per module. Not a case file: no default export.
 *
 * @module
 */
import { defineCase, type CaseSource, type ConformanceCase } from '../../../harness/conformance/case.js';
import type { OperationName } from '../../../common/model/model.js';
import { expectRawError } from '../_lib/support.js';

export const serialization = (slug: string, title: string, op: OperationName, body: string, source: CaseSource): ConformanceCase =>
  defineCase({
    id: `protocol.serialization-${slug}`,
    title: `${op} with ${title} is refused with SerializationException`,
    doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/CommonErrors.html#CommonErrors-ValidationError',
    source,
    tags: ['protocol'],
    ops: [op],
    async run(t) {
      expectRawError(t, await t.raw(op, body), { status: 400, code: 'SerializationException' }, 'the reply');
    },
  });
