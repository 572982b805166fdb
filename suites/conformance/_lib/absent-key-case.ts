/**
 * A call on a key id that names no key: NotFoundException, HTTP 400 (MODEL error lists; N1's
 * wording is recorded for DescribeKey only, so only the code is checked).
 *
 * Shared by the absent key cases of the key management calls (keys/_management-absent-key.ts) and
 * of the tag calls (tags/_tag-key-id-forms.ts). Not a case file: no default export.
 *
 * @module
 */
import { defineCase, type CaseContext, type CaseSource, type CaseTag, type ConformanceCase } from '../../../harness/conformance/case.js';
import type { OperationName } from '../../../common/model/model.js';
import { absentKeyId } from './support.js';

export interface AbsentKeyCase {
  id: string;
  op: OperationName;
  tags: CaseTag[];
  source: CaseSource;
  /** Sends `op` for `keyId`. */
  send(t: CaseContext, keyId: string): Promise<unknown>;
}

export const absentKeyCase = (o: AbsentKeyCase): ConformanceCase =>
  defineCase({
    id: o.id,
    title: `${o.op} of a key id that names no key is refused with NotFoundException`,
    doc: `https://docs.aws.amazon.com/kms/latest/APIReference/API_${o.op}.html#API_${o.op}_Errors`,
    source: o.source,
    tags: o.tags,
    ops: [o.op],
    async run(t) {
      await t.expectError(o.send(t, absentKeyId()), { code: 'NotFoundException', status: 400 });
    },
  });
