import { EnableKeyRotationCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { CREATE_KEY_DOC, VERIFIED, cloudHsmKey, fixtures } from './_support.js';
import { refused } from '../_lib/support.js';

export default defineCase({
  id: 'custom-key-store.rotation-refused',
  title: 'EnableKeyRotation on a key in a custom key store: UnsupportedOperationException',
  doc: CREATE_KEY_DOC,
  source: { kind: 'recorded', cite: 'spec/aws-observed.md §2.1 [7] (KS-OLD: "If the CMK has imported key material or is in a custom key store: UnsupportedOperationException")', verifiedAt: VERIFIED },
  tags: ['custom-key-store', 'rotation'],
  ops: ['CreateCustomKeyStore', 'ConnectCustomKeyStore', 'DescribeCustomKeyStores', 'CreateKey', 'EnableKeyRotation'],
  needs: ['key-store-fixtures'],
  timeoutMs: 60_000,
  async run(t) {
    const { kms, id, key } = await cloudHsmKey(t);
    await t.expectError(kms.send(new EnableKeyRotationCommand({ KeyId: key.KeyId })), { code: 'UnsupportedOperationException', status: 400 });
  },
});
