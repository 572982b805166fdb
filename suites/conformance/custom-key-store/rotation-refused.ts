import { EnableKeyRotationCommand } from '@aws-sdk/client-kms';
import { cloudHsmKey, CREATE_KEY_DOC, recorded, storeCase } from './_support.js';

export default storeCase({
  id: 'custom-key-store.rotation-refused',
  title: 'EnableKeyRotation on a key in a custom key store: UnsupportedOperationException',
  doc: CREATE_KEY_DOC,
  source: recorded('spec/aws-observed.md §2.1 [7] (KS-OLD: "If the CMK has imported key material or is in a custom key store: UnsupportedOperationException")'),
  tags: ['custom-key-store', 'rotation'],
  ops: ['CreateCustomKeyStore', 'ConnectCustomKeyStore', 'DescribeCustomKeyStores', 'CreateKey', 'EnableKeyRotation'],
  async run(t) {
    const { kms, id, key } = await cloudHsmKey(t);
    await t.expectError(kms.send(new EnableKeyRotationCommand({ KeyId: key.KeyId })), { code: 'UnsupportedOperationException', status: 400 });
  },
});
