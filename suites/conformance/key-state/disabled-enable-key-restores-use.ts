/** EnableKey: Disabled → Enabled; PendingDeletion [3] and PendingImport [5] are refused (§2.2; code only, S9). */
import { DecryptCommand, DescribeKeyCommand, EnableKeyCommand, EncryptCommand } from '@aws-sdk/client-kms';
import { stateCase } from './_support.js';
import { recorded } from '../_lib/sources.js';

export default stateCase({
  state: 'Disabled',
  behaviour: 'enable-key-restores-use',
  title: 'EnableKey on a Disabled key makes it Enabled, and its old ciphertext decrypts again',
  doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_EnableKey.html',
  source: recorded('spec/aws-observed.md §3 L2 (LS-TEST test_disable_and_enable_key)'),
  ops: ['EnableKey', 'DescribeKey', 'Encrypt', 'Decrypt'],
  async before(t, key) {
    return (await t.kms.send(new EncryptCommand({ KeyId: key.KeyId, Plaintext: t.bytes(16, 7) }))).CiphertextBlob!;
  },
  async body(t, key, old) {
    await t.kms.send(new EnableKeyCommand({ KeyId: key.KeyId }));
    const m = (await t.kms.send(new DescribeKeyCommand({ KeyId: key.KeyId }))).KeyMetadata!;
    t.expectEqual([m.KeyState, m.Enabled], ['Enabled', true], '[KeyState, Enabled] after EnableKey');
    const out = await t.kms.send(new DecryptCommand({ CiphertextBlob: old }));
    t.expectEqual(Buffer.from(out.Plaintext!).toString('hex'), Buffer.from(t.bytes(16, 7)).toString('hex'), 'plaintext of the old ciphertext');
  },
});
