import { CreateKeyCommand } from '@aws-sdk/client-kms';
import { inferred, refusalCase, requestDoc } from '../_lib/asymmetric.js';

export default refusalCase({
  id: 'asymmetric.sm2-key-refused-outside-china',
  title: 'CreateKey SM2 outside the China Regions is refused with UnsupportedOperationException "KeySpec SM2 is not supported in this Region"',
  doc: requestDoc('CreateKey', 'KeySpec'),
  source: inferred('real-KMS output reported in floci-io/floci#3026 ("KeySpec SM2 is not supported in this Region"); service model: CreateKeyRequest.KeySpec ("SM2 ... China Regions only")'),
  tags: ['asymmetric'],
  ops: ['CreateKey'],
  spec: 'SYMMETRIC_DEFAULT',
  usage: 'ENCRYPT_DECRYPT',
  call: (t, _key) => t.region.startsWith('cn-') ? t.skip('SM2 is offered in the China Regions') : t.kms.send(new CreateKeyCommand({ KeySpec: 'SM2', KeyUsage: 'SIGN_VERIFY' })),
  expected: () => ({ code: 'UnsupportedOperationException', status: 400, message: 'KeySpec SM2 is not supported in this Region' }),
});
