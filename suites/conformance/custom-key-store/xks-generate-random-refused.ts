import { GenerateRandomCommand } from '@aws-sdk/client-kms';
import { documented, MODEL, storeCallRefusalCase, XKS_DOC } from './_support.js';

export default storeCallRefusalCase({
  id: 'custom-key-store.xks-generate-random-refused',
  title: 'GenerateRandom with an external key store: UnsupportedOperationException',
  doc: XKS_DOC,
  source: documented(`${MODEL('GenerateRandomRequest.CustomKeyStoreId')} ("External key store IDs are not valid for this parameter"); ${MODEL('GenerateRandom')} errors: UnsupportedOperationException`),
  tags: ['custom-key-store'],
  type: 'EXTERNAL_KEY_STORE',
  state: 'CONNECTED',
  op: 'GenerateRandom',
  call: (kms, id) => kms.send(new GenerateRandomCommand({ NumberOfBytes: 8, CustomKeyStoreId: id })),
  code: 'UnsupportedOperationException',
});
