import { CreateKeyCommand } from '@aws-sdk/client-kms';
import { documented, MODEL, storeCallRefusalCase, XKS_DOC, XKS_SPEC } from './_support.js';

export default storeCallRefusalCase({
  id: 'custom-key-store.xks-key-disabled',
  title: 'CreateKey on a disabled external key: XksKeyInvalidConfigurationException',
  doc: XKS_DOC,
  source: documented(`${MODEL('XksKeyInvalidConfigurationException')} ("the external key specified by the XksKeyId parameter did not meet the configuration requirements"); ${XKS_SPEC} (GetKeyMetadata: keyStatus must be ENABLED)`),
  tags: ['custom-key-store'],
  type: 'EXTERNAL_KEY_STORE',
  state: 'CONNECTED',
  op: 'CreateKey',
  call: (kms, id, f) => kms.send(new CreateKeyCommand({ CustomKeyStoreId: id, Origin: 'EXTERNAL_KEY_STORE', XksKeyId: f.Xks.DisabledKeyId })),
  code: 'XksKeyInvalidConfigurationException',
});
