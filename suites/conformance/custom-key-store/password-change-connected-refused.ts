import { UpdateCustomKeyStoreCommand } from '@aws-sdk/client-kms';
import { documented, storeCallRefusalCase, UPDATE_DOC } from './_support.js';

export default storeCallRefusalCase({
  id: 'custom-key-store.password-change-connected-refused',
  title: 'UpdateCustomKeyStore of the KeyStorePassword while CONNECTED: CustomKeyStoreInvalidStateException',
  doc: UPDATE_DOC,
  source: documented(`${UPDATE_DOC} ("To update most properties ... the ConnectionState ... must be DISCONNECTED")`),
  tags: ['custom-key-store'],
  type: 'AWS_CLOUDHSM',
  state: 'CONNECTED',
  op: 'UpdateCustomKeyStore',
  call: (kms, id) => kms.send(new UpdateCustomKeyStoreCommand({ CustomKeyStoreId: id, KeyStorePassword: 'another-password' })),
  code: 'CustomKeyStoreInvalidStateException',
});
