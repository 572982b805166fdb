import { CreateKeyCommand } from '@aws-sdk/client-kms';
import { CREATE_KEY_DOC, documented, MODEL, storeCallRefusalCase } from './_support.js';

export default storeCallRefusalCase({
  id: 'custom-key-store.create-key-needs-connected',
  title: 'CreateKey in a DISCONNECTED store: CustomKeyStoreInvalidStateException',
  doc: CREATE_KEY_DOC,
  source: documented(`${MODEL('CustomKeyStoreInvalidStateException')} ("You requested the CreateKey operation in a custom key store that is not connected")`),
  tags: ['custom-key-store'],
  type: 'AWS_CLOUDHSM',
  state: 'DISCONNECTED',
  op: 'CreateKey',
  call: (kms, id) => kms.send(new CreateKeyCommand({ CustomKeyStoreId: id, Origin: 'AWS_CLOUDHSM' })),
  code: 'CustomKeyStoreInvalidStateException',
});
