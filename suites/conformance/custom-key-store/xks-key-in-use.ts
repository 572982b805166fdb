import { CreateKeyCommand } from '@aws-sdk/client-kms';
import { documented, MODEL, storeCallRefusalCase, XKS_DOC } from './_support.js';

export default storeCallRefusalCase({
  id: 'custom-key-store.xks-key-in-use',
  title: 'A second KMS key on the same external key of a store: XksKeyAlreadyInUseException',
  doc: XKS_DOC,
  source: documented(`${MODEL('XksKeyAlreadyInUseException')} ("the (XksKeyId) is already associated with another KMS key in this external key store")`),
  tags: ['custom-key-store'],
  type: 'EXTERNAL_KEY_STORE',
  state: 'CONNECTED',
  key: (f) => ({ Origin: 'EXTERNAL_KEY_STORE', XksKeyId: f.Xks.KeyIds[2] }),
  op: 'CreateKey',
  call: (kms, id, f) => kms.send(new CreateKeyCommand({ CustomKeyStoreId: id, Origin: 'EXTERNAL_KEY_STORE', XksKeyId: f.Xks.KeyIds[2] })),
  code: 'XksKeyAlreadyInUseException',
});
