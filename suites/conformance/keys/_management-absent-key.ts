/**
 * Key management calls on a key id that names no key: NotFoundException, HTTP 400
 * (MODEL error lists; N1's wording is recorded for DescribeKey only, so only the code is checked).
 *
 * Shared by the management absent key cases beside it, one case per module. Not a case file: no default export.
 *
 * @module
 */
import { DisableKeyCommand, EnableKeyCommand, UpdateKeyDescriptionCommand } from '@aws-sdk/client-kms';
import type { CaseSource, ConformanceCase } from '../../../harness/conformance/case.js';
import type { OperationName } from '../../../common/model/model.js';
import { absentKeyCase } from '../_lib/absent-key-case.js';

export const absentKey = (op: OperationName, slug: string, command: (keyId: string) => EnableKeyCommand | DisableKeyCommand | UpdateKeyDescriptionCommand, source: CaseSource): ConformanceCase =>
  absentKeyCase({ id: `keys.${slug}-absent-key`, op, tags: ['semantics'], source, send: (t, keyId) => t.kms.send(command(keyId) as never) });
