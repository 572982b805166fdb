import { getParametersRefused, IMPORT_DOC, inferred } from './_support.js';

/** "As of October 10, 2023, AWS KMS does not support the RSAES_PKCS1_V1_5 wrapping algorithm." */
export default getParametersRefused({
  behaviour: 'get-parameters-pkcs1-refused',
  title: 'GetParametersForImport with RSAES_PKCS1_V1_5 is refused (withdrawn 2023-10-10)',
  source: inferred(`${IMPORT_DOC} (RSAES_PKCS1_V1_5 withdrawn 2023-10-10); the code UnsupportedOperationException is in the operation's error list, not recorded`, { since: '2023-10-10' }),
  key: 'EXTERNAL',
  wrapping: ['RSAES_PKCS1_V1_5', 'RSA_2048'],
  error: () => ({ code: 'UnsupportedOperationException', status: 400 }),
});
