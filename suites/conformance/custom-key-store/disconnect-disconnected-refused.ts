import { DisconnectCustomKeyStoreCommand } from '@aws-sdk/client-kms';
import { DISCONNECT_DOC, documented, MODEL, storeCallRefusalCase } from './_support.js';

export default storeCallRefusalCase({
  id: 'custom-key-store.disconnect-disconnected-refused',
  title: 'DisconnectCustomKeyStore on a DISCONNECTED store: CustomKeyStoreInvalidStateException',
  doc: DISCONNECT_DOC,
  source: documented(`${MODEL('CustomKeyStoreInvalidStateException')} ("You requested the DisconnectCustomKeyStore operation on a custom key store with a ConnectionState of DISCONNECTING or DISCONNECTED")`),
  tags: ['custom-key-store'],
  type: 'AWS_CLOUDHSM',
  state: 'DISCONNECTED',
  op: 'DisconnectCustomKeyStore',
  call: (kms, id) => kms.send(new DisconnectCustomKeyStoreCommand({ CustomKeyStoreId: id })),
  code: 'CustomKeyStoreInvalidStateException',
});
