import { CreateKeyCommand } from '@aws-sdk/client-kms';
import { documented, MODEL, storeCallRefusalCase, XKS_DOC } from './_support.js';

export default storeCallRefusalCase({
  id: 'custom-key-store.xks-key-not-found',
  title: 'CreateKey on an external key the proxy does not have: XksKeyNotFoundException',
  doc: XKS_DOC,
  source: documented(`${MODEL('XksKeyNotFoundException')} ("the external key store proxy could not find the external key")`),
  tags: ['custom-key-store'],
  type: 'EXTERNAL_KEY_STORE',
  state: 'CONNECTED',
  op: 'CreateKey',
  call: (kms, id) => kms.send(new CreateKeyCommand({ CustomKeyStoreId: id, Origin: 'EXTERNAL_KEY_STORE', XksKeyId: 'kmsbench-no-such-external-key' })),
  code: 'XksKeyNotFoundException',
});
