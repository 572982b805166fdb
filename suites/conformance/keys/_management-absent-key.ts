/**
 * Key management calls on a key id that names no key: NotFoundException, HTTP 400
 * (MODEL error lists; N1's wording is recorded for DescribeKey only, so only the code is checked).
 *
 * Shared by the management absent key cases beside it, one case per module. Not a case file: no default export.
 *
 * @module
 */
import { DisableKeyCommand, EnableKeyCommand, UpdateKeyDescriptionCommand } from '@aws-sdk/client-kms';
import { defineCase, type CaseSource, type ConformanceCase } from '../../../harness/conformance/case.js';
import type { OperationName } from '../../../common/model/model.js';
import { absentKeyId } from '../_lib/support.js';

export const absentKey = (op: OperationName, slug: string, command: (keyId: string) => EnableKeyCommand | DisableKeyCommand | UpdateKeyDescriptionCommand, source: CaseSource): ConformanceCase =>
  defineCase({
    id: `keys.${slug}-absent-key`,
    title: `${op} of a key id that names no key is refused with NotFoundException`,
    doc: `https://docs.aws.amazon.com/kms/latest/APIReference/API_${op}.html#API_${op}_Errors`,
    source,
    tags: ['semantics'],
    ops: [op],
    async run(t) {
      await t.expectError(t.kms.send(command(absentKeyId()) as never), { code: 'NotFoundException', status: 400 });
    },
  });
