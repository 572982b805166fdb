import { GenerateDataKeyPairCommand } from '@aws-sdk/client-kms';
import { inferred, refusalCase, requestDoc } from '../_lib/asymmetric.js';

export default refusalCase({
  id: 'asymmetric.data-key-pair-sm2-refused',
  title: 'GenerateDataKeyPair with KeyPairSpec SM2 outside the China Regions is refused with UnsupportedOperationException',
  doc: requestDoc('GenerateDataKeyPair', 'KeyPairSpec'),
  source: inferred('service model: GenerateDataKeyPairRequest.KeyPairSpec ("The SM2 key spec is only available in China Regions") and errors (UnsupportedOperationException); message not recorded'),
  tags: ['asymmetric'],
  ops: ['GenerateDataKeyPair'],
  spec: 'SYMMETRIC_DEFAULT',
  usage: 'ENCRYPT_DECRYPT',
  call: (t, key) => t.region.startsWith('cn-') ? t.skip('SM2 is offered in the China Regions') : t.kms.send(new GenerateDataKeyPairCommand({ KeyId: key.KeyId, KeyPairSpec: 'SM2' })),
  expected: () => ({ code: 'UnsupportedOperationException', status: 400 }),
});
