import { DeleteCustomKeyStoreCommand } from '@aws-sdk/client-kms';
import { DELETE_DOC, documented, MODEL, storeCallRefusalCase } from './_support.js';

export default storeCallRefusalCase({
  id: 'custom-key-store.delete-with-keys-refused',
  title: 'DeleteCustomKeyStore of a store that has keys: CustomKeyStoreHasCMKsException',
  doc: DELETE_DOC,
  source: documented(`${MODEL('CustomKeyStoreHasCMKsException')} ("the custom key store contains KMS keys. After verifying that you do not need to use the KMS keys, use the ScheduleKeyDeletion operation to delete the KMS keys")`),
  tags: ['custom-key-store'],
  type: 'AWS_CLOUDHSM',
  state: 'DISCONNECTED',
  key: () => ({ Origin: 'AWS_CLOUDHSM' }),
  op: 'DeleteCustomKeyStore',
  call: (kms, id) => kms.send(new DeleteCustomKeyStoreCommand({ CustomKeyStoreId: id })),
  code: 'CustomKeyStoreHasCMKsException',
});
