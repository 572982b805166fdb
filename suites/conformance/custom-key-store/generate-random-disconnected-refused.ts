import { GenerateRandomCommand } from '@aws-sdk/client-kms';
import { CREATE_DOC, documented, MODEL, storeCallRefusalCase } from './_support.js';

export default storeCallRefusalCase({
  id: 'custom-key-store.generate-random-disconnected-refused',
  title: 'GenerateRandom with a DISCONNECTED CloudHSM key store: CustomKeyStoreInvalidStateException',
  doc: CREATE_DOC,
  source: documented(`${MODEL('GenerateRandom')} errors: CustomKeyStoreInvalidStateException ("the custom key store is not connected")`),
  tags: ['custom-key-store'],
  type: 'AWS_CLOUDHSM',
  state: 'DISCONNECTED',
  op: 'GenerateRandom',
  call: (kms, id) => kms.send(new GenerateRandomCommand({ NumberOfBytes: 8, CustomKeyStoreId: id })),
  code: 'CustomKeyStoreInvalidStateException',
});
