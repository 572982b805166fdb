import { getParametersRefused } from './_support.js';
import { recorded } from '../_lib/sources.js';

/** Only keys created for imported material (Origin EXTERNAL) take import parameters. */
export default getParametersRefused({
  behaviour: 'get-parameters-aws-kms-key-refused',
  title: 'GetParametersForImport on an AWS_KMS key: UnsupportedOperationException, "<arn> origin is AWS_KMS which is not valid for this operation."',
  source: recorded('spec/aws-observed.md §14 I1 (LS-SNAP test_get_parameters_for_import)', { verifiedAt: '2023-10-25' }),
  tags: ['key-state'],
  key: 'AWS_KMS',
  error: (arn) => ({ code: 'UnsupportedOperationException', status: 400, message: `${arn} origin is AWS_KMS which is not valid for this operation.` }),
});
