import { DescribeKeyCommand, DisableKeyCommand, EnableKeyCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { stateCase } from './_support.js';

const DOC = 'https://docs.aws.amazon.com/kms/latest/APIReference/API_DisableKey.html#API_DisableKey_Errors';

/** DisableKey / EnableKey on a key already in the target state are no-ops; other states refuse DisableKey (§2.2 [3], [5]; code only). */
export default [
  defineCase({
    id: 'key-state.enabled-enable-key-no-op',
    title: 'EnableKey on an Enabled key succeeds and leaves it Enabled',
    doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_EnableKey.html',
    tags: ['key-state'],
    ops: ['CreateKey', 'EnableKey', 'DescribeKey'],
    async run(t) {
      const key = await t.createKey();
      await t.kms.send(new EnableKeyCommand({ KeyId: key.KeyId }));
      const m = (await t.kms.send(new DescribeKeyCommand({ KeyId: key.KeyId }))).KeyMetadata!;
      t.expectEqual([m.KeyState, m.Enabled], ['Enabled', true], '[KeyState, Enabled]');
    },
  }),
  stateCase({
    state: 'Disabled',
    behaviour: 'disable-key-no-op',
    title: 'DisableKey on a Disabled key succeeds and leaves it Disabled',
    doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_DisableKey.html',
    ops: ['DescribeKey'],
    async body(t, key) {
      await t.kms.send(new DisableKeyCommand({ KeyId: key.KeyId }));
      const m = (await t.kms.send(new DescribeKeyCommand({ KeyId: key.KeyId }))).KeyMetadata!;
      t.expectEqual([m.KeyState, m.Enabled], ['Disabled', false], '[KeyState, Enabled]');
    },
  }),
  stateCase({
    state: 'PendingDeletion',
    behaviour: 'disable-key-refused',
    title: 'DisableKey on a key pending deletion is refused with KMSInvalidStateException and the key stays PendingDeletion',
    doc: DOC,
    ops: ['DescribeKey'],
    async body(t, key) {
      await t.expectError(t.kms.send(new DisableKeyCommand({ KeyId: key.KeyId })), { code: 'KMSInvalidStateException', status: 400 });
      const m = (await t.kms.send(new DescribeKeyCommand({ KeyId: key.KeyId }))).KeyMetadata!;
      t.expectEqual(m.KeyState, 'PendingDeletion', 'KeyState after the refused DisableKey');
    },
  }),
  stateCase({
    state: 'PendingImport',
    behaviour: 'disable-key-refused',
    title: 'DisableKey on a key pending import is refused with KMSInvalidStateException',
    doc: DOC,
    ops: [],
    async body(t, key) {
      await t.expectError(t.kms.send(new DisableKeyCommand({ KeyId: key.KeyId })), { code: 'KMSInvalidStateException', status: 400 });
    },
  }),
];
