import { CREATE_KEY_DOC, MODEL, inferred, storeKeyRefusalCase } from './_support.js';

export default storeKeyRefusalCase({
  id: 'custom-key-store.xks-origin-cloudhsm-refused',
  title: 'CreateKey with Origin AWS_CLOUDHSM in an external key store is refused',
  doc: CREATE_KEY_DOC,
  source: inferred(`${MODEL('CreateKeyRequest.Origin')} (EXTERNAL_KEY_STORE for a key in an external key store); ${MODEL('CreateKeyRequest.XksKeyId')} ("It is not valid for KMS keys with any other Origin value"); code ValidationException not recorded`),
  tags: ['custom-key-store'],
  type: 'EXTERNAL_KEY_STORE',
  input: { Origin: 'AWS_CLOUDHSM' },
  code: 'ValidationException',
});
