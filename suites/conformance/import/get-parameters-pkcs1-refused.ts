import { GetParametersForImportCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { GET_PARAMETERS_DOC, IMPORT_DOC, externalKey, inferred } from './_support.js';
import { refused } from '../_lib/support.js';

/** "As of October 10, 2023, AWS KMS does not support the RSAES_PKCS1_V1_5 wrapping algorithm." */
export default defineCase({
  id: 'import.get-parameters-pkcs1-refused',
  title: 'GetParametersForImport with RSAES_PKCS1_V1_5 is refused (withdrawn 2023-10-10)',
  doc: GET_PARAMETERS_DOC,
  source: inferred(`${IMPORT_DOC} (RSAES_PKCS1_V1_5 withdrawn 2023-10-10); the code UnsupportedOperationException is in the operation's error list, not recorded`, '2023-10-10'),
  tags: ['import'],
  ops: ['CreateKey', 'GetParametersForImport'],
  async run(t) {
    const key = await externalKey(t);
    await t.expectError(t.kms.send(new GetParametersForImportCommand({ KeyId: key.KeyId, WrappingAlgorithm: 'RSAES_PKCS1_V1_5', WrappingKeySpec: 'RSA_2048' })), {
      code: 'UnsupportedOperationException',
      status: 400,
    });
  },
});
