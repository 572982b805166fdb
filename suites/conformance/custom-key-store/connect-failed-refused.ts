import { ConnectCustomKeyStoreCommand } from '@aws-sdk/client-kms';
import { CONNECT_DOC, documented, MODEL, storeCallRefusalCase } from './_support.js';

export default storeCallRefusalCase({
  id: 'custom-key-store.connect-failed-refused',
  title: 'ConnectCustomKeyStore on a FAILED store: CustomKeyStoreInvalidStateException (disconnect first)',
  doc: CONNECT_DOC,
  source: documented(`${MODEL('CustomKeyStoreInvalidStateException')} ("You requested the ConnectCustomKeyStore operation on a custom key store with a ConnectionState of DISCONNECTING or FAILED")`),
  tags: ['custom-key-store'],
  type: 'AWS_CLOUDHSM',
  state: 'FAILED',
  op: 'ConnectCustomKeyStore',
  call: (kms, id) => kms.send(new ConnectCustomKeyStoreCommand({ CustomKeyStoreId: id })),
  code: 'CustomKeyStoreInvalidStateException',
});
