import { GetParametersForImportCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { GET_PARAMETERS_DOC, material } from './_support.js';
import { refused } from '../_lib/support.js';
import { givenKey } from '../_lib/prerequisites.js';

/** Only keys created for imported material (Origin EXTERNAL) take import parameters. */
export default defineCase({
  id: 'import.get-parameters-aws-kms-key-refused',
  title: 'GetParametersForImport on an AWS_KMS key: UnsupportedOperationException, "<arn> origin is AWS_KMS which is not valid for this operation."',
  doc: GET_PARAMETERS_DOC,
  source: { kind: 'recorded', cite: 'spec/aws-observed.md §14 I1 (LS-SNAP test_get_parameters_for_import)', verifiedAt: '2023-10-25' },
  tags: ['import', 'key-state'],
  ops: ['CreateKey', 'GetParametersForImport'],
  async run(t) {
    const key = await givenKey(t);
    await t.expectError(t.kms.send(new GetParametersForImportCommand({ KeyId: key.KeyId, WrappingAlgorithm: 'RSAES_OAEP_SHA_256', WrappingKeySpec: 'RSA_2048' })), {
      code: 'UnsupportedOperationException',
      status: 400,
      message: `${key.Arn} origin is AWS_KMS which is not valid for this operation.`,
    });
  },
});
