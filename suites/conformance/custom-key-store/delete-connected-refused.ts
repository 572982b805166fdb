import { DeleteCustomKeyStoreCommand } from '@aws-sdk/client-kms';
import { DELETE_DOC, documented, MODEL, storeCallRefusalCase } from './_support.js';

export default storeCallRefusalCase({
  id: 'custom-key-store.delete-connected-refused',
  title: 'DeleteCustomKeyStore of a CONNECTED store: CustomKeyStoreInvalidStateException',
  doc: DELETE_DOC,
  source: documented(`${MODEL('CustomKeyStoreInvalidStateException')} ("You requested the DeleteCustomKeyStore operation on a custom key store that is not disconnected")`),
  tags: ['custom-key-store'],
  type: 'AWS_CLOUDHSM',
  state: 'CONNECTED',
  op: 'DeleteCustomKeyStore',
  call: (kms, id) => kms.send(new DeleteCustomKeyStoreCommand({ CustomKeyStoreId: id })),
  code: 'CustomKeyStoreInvalidStateException',
});
