import { getParametersRefused, inferred, MODEL } from './_support.js';

/** SM2 wrapping keys exist in the China Regions only. */
export default getParametersRefused({
  behaviour: 'get-parameters-sm2-refused',
  title: 'GetParametersForImport with WrappingKeySpec SM2 outside the China Regions is refused',
  source: inferred(`${MODEL('WrappingKeySpec')} ("SM2 (China Regions only)"); code UnsupportedOperationException not recorded`),
  key: 'EXTERNAL',
  wrapping: ['SM2PKE', 'SM2'],
  error: () => ({ code: 'UnsupportedOperationException', status: 400 }),
});
