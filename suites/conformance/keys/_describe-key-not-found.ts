/**
 * DescribeKey of a key that does not exist, or of a malformed key id: NotFoundException (HTTP 400)
 * in AWS's wording for each form of the name (aws-observed.md §1, N1-N12).
 *
 * Shared by the describe key not found cases beside it, one case per module. Not a case file: no default export.
 *
 * @module
 */
import { DescribeKeyCommand } from '@aws-sdk/client-kms';
import { defineCase, type CaseContext, type CaseSource, type ConformanceCase } from '../../../harness/conformance/case.js';

export interface Row {
  behaviour: string;
  title: string;
  source: CaseSource;
  /** The KeyId sent and the message expected (undefined: the message is not known for AWS, check the code only). */
  input(t: CaseContext): Promise<{ keyId: string; message?: string }> | { keyId: string; message?: string };
}

export const notFound = (row: Row): ConformanceCase =>
  defineCase({
    id: `keys.describe-key-not-found-${row.behaviour}`,
    title: `DescribeKey refuses ${row.title}`,
    doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_DescribeKey.html#API_DescribeKey_Errors',
    source: row.source,
    tags: ['semantics'],
    ops: row.behaviour === 'key-arn-of-other-region' ? ['CreateKey', 'DescribeKey'] : ['DescribeKey'],
    async run(t) {
      const { keyId, message } = await row.input(t);
      await t.expectError(t.kms.send(new DescribeKeyCommand({ KeyId: keyId })), {
        code: 'NotFoundException',
        status: 400,
        ...(message !== undefined ? { message } : {}),
      });
    },
  });
