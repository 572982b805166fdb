import { CREATE_KEY_DOC, MODEL, inferred, storeKeyRefusalCase } from './_support.js';

export default storeKeyRefusalCase({
  id: 'custom-key-store.origin-aws-kms-refused',
  title: 'CreateKey with Origin AWS_KMS and a CustomKeyStoreId is refused',
  doc: CREATE_KEY_DOC,
  source: inferred(`${MODEL('CreateKeyRequest.Origin')} (AWS_KMS: "KMS creates the key material"; AWS_CLOUDHSM for a CloudHSM key store, with CustomKeyStoreId); code ValidationException not recorded`),
  tags: ['custom-key-store'],
  type: 'AWS_CLOUDHSM',
  input: { Origin: 'AWS_KMS' },
  code: 'ValidationException',
});
