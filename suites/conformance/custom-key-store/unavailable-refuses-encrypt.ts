import { EncryptCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { cloudHsmKey, fixtures, givenDisconnected, KEY_STATE_DOC, VERIFIED } from './_support.js';

export default defineCase({
  id: 'custom-key-store.unavailable-refuses-encrypt',
  title: 'Encrypt with a key of a disconnected store: KMSInvalidStateException "<arn> is unavailable."',
  doc: KEY_STATE_DOC,
  source: { kind: 'recorded', cite: 'spec/aws-observed.md §2.1 [11] (KS-OLD)', verifiedAt: VERIFIED },
  tags: ['custom-key-store', 'key-state'],
  ops: ['CreateCustomKeyStore', 'ConnectCustomKeyStore', 'DescribeCustomKeyStores', 'CreateKey', 'DisconnectCustomKeyStore', 'Encrypt'],
  needs: ['key-store-fixtures'],
  timeoutMs: 60_000,
  async run(t) {
    const { kms, id, key } = await cloudHsmKey(t);
    await givenDisconnected(t, id);
    await t.expectError(kms.send(new EncryptCommand({ KeyId: key.KeyId, Plaintext: t.bytes(8) })), { code: 'KMSInvalidStateException', message: `${key.Arn} is unavailable.` });
  },
});
