import { DescribeKeyCommand } from '@aws-sdk/client-kms';
import { cloudHsmKey, documented, givenDisconnected, KEY_STATE_DOC, storeCase } from './_support.js';

export default storeCase({
  id: 'custom-key-store.disconnected-key-unavailable',
  title: 'Keys of a disconnected store are Unavailable in DescribeKey',
  doc: KEY_STATE_DOC,
  source: documented(`${KEY_STATE_DOC} ("A KMS key in an AWS CloudHSM key store is Unavailable when the custom key store is intentionally disconnected")`),
  tags: ['custom-key-store', 'key-state'],
  ops: ['CreateCustomKeyStore', 'ConnectCustomKeyStore', 'DescribeCustomKeyStores', 'CreateKey', 'DisconnectCustomKeyStore', 'DescribeKey'],
  async run(t) {
    const { kms, id, key } = await cloudHsmKey(t);
    await givenDisconnected(t, id);
    const md = (await kms.send(new DescribeKeyCommand({ KeyId: key.KeyId }))).KeyMetadata!;
    t.expectEqual([md.KeyState, md.Enabled], ['Unavailable', false], 'KeyState, Enabled');
  },
});
