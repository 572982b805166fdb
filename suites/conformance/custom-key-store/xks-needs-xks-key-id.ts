import { CreateKeyCommand } from '@aws-sdk/client-kms';
import { inferred, MODEL, storeCallRefusalCase, XKS_DOC } from './_support.js';

export default storeCallRefusalCase({
  id: 'custom-key-store.xks-needs-xks-key-id',
  title: 'CreateKey in an external key store without XksKeyId is refused',
  doc: XKS_DOC,
  source: inferred(`${MODEL('CreateKeyRequest.XksKeyId')} ("This parameter is required for a KMS key with an Origin value of EXTERNAL_KEY_STORE"); code ValidationException not recorded`),
  tags: ['custom-key-store'],
  type: 'EXTERNAL_KEY_STORE',
  state: 'CONNECTED',
  op: 'CreateKey',
  call: (kms, id) => kms.send(new CreateKeyCommand({ CustomKeyStoreId: id, Origin: 'EXTERNAL_KEY_STORE' })),
  code: 'ValidationException',
});
