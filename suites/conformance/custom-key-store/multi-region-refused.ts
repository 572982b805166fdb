import { CreateKeyCommand } from '@aws-sdk/client-kms';
import { CREATE_KEY_DOC, inferred, MODEL, storeCallRefusalCase } from './_support.js';

export default storeCallRefusalCase({
  id: 'custom-key-store.multi-region-refused',
  title: 'CreateKey MultiRegion=true in a custom key store is refused',
  doc: CREATE_KEY_DOC,
  source: inferred(`${MODEL('CreateKeyRequest.MultiRegion')} ("you cannot create a multi-Region key in a custom key store"); code UnsupportedOperationException not recorded`),
  tags: ['custom-key-store', 'multi-region'],
  type: 'AWS_CLOUDHSM',
  state: 'CONNECTED',
  op: 'CreateKey',
  call: (kms, id) => kms.send(new CreateKeyCommand({ CustomKeyStoreId: id, Origin: 'AWS_CLOUDHSM', MultiRegion: true })),
  code: 'UnsupportedOperationException',
});
