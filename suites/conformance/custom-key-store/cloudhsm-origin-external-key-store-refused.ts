import { CREATE_KEY_DOC, MODEL, inferred, storeKeyRefusalCase } from './_support.js';

export default storeKeyRefusalCase({
  id: 'custom-key-store.cloudhsm-origin-external-key-store-refused',
  title: 'CreateKey with Origin EXTERNAL_KEY_STORE in a CloudHSM key store is refused',
  doc: CREATE_KEY_DOC,
  source: inferred(`${MODEL('CreateKeyRequest.Origin')} (a key in a CloudHSM key store has Origin AWS_CLOUDHSM, in an external key store EXTERNAL_KEY_STORE); code ValidationException not recorded`),
  tags: ['custom-key-store'],
  type: 'AWS_CLOUDHSM',
  input: { Origin: 'EXTERNAL_KEY_STORE' },
  code: 'ValidationException',
});
