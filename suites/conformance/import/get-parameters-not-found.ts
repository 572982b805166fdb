import { GetParametersForImportCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { GET_PARAMETERS_DOC } from './_support.js';
import { absentKeyId, keyArn } from '../_lib/support.js';

/** A key that does not exist: NotFoundException with the caller's Region and account (N1). */
export default defineCase({
  id: 'import.get-parameters-not-found',
  title: "GetParametersForImport for a key that does not exist: NotFoundException \"Key '<arn>' does not exist\"",
  doc: GET_PARAMETERS_DOC,
  source: { kind: 'recorded', cite: 'spec/aws-observed.md §1 N1 (same wording for every operation that names a key)', verifiedAt: '2025-09-08' },
  tags: ['import'],
  ops: ['GetParametersForImport'],
  async run(t) {
    const id = absentKeyId();
    await t.expectError(t.kms.send(new GetParametersForImportCommand({ KeyId: id, WrappingAlgorithm: 'RSAES_OAEP_SHA_256', WrappingKeySpec: 'RSA_2048' })), {
      code: 'NotFoundException',
      message: `Key '${keyArn(t, id)}' does not exist`,
    });
  },
});
