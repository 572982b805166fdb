import { GetParametersForImportCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { GET_PARAMETERS_DOC, MODEL, externalKey, inferred } from './_support.js';
import { refused } from '../_lib/support.js';

/** SM2 wrapping keys exist in the China Regions only. */
export default defineCase({
  id: 'import.get-parameters-sm2-refused',
  title: 'GetParametersForImport with WrappingKeySpec SM2 outside the China Regions is refused',
  doc: GET_PARAMETERS_DOC,
  source: inferred(`${MODEL('WrappingKeySpec')} ("SM2 (China Regions only)"); code UnsupportedOperationException not recorded`),
  tags: ['import'],
  ops: ['CreateKey', 'GetParametersForImport'],
  async run(t) {
    if (t.region.startsWith('cn-')) t.skip('SM2 is offered in the China Regions');
    const key = await externalKey(t);
    await t.expectError(t.kms.send(new GetParametersForImportCommand({ KeyId: key.KeyId, WrappingAlgorithm: 'SM2PKE', WrappingKeySpec: 'SM2' })), {
      code: 'UnsupportedOperationException',
      status: 400,
    });
  },
});
