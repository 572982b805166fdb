/**
 * Shared by the key rotation cases beside it, one case per module. Not a case file: no default export.
 *
 * @module
 */
import { DisableKeyRotationCommand, EnableKeyRotationCommand } from '@aws-sdk/client-kms';
import type { CaseContext, CaseSource, ExpectedError } from '../../../harness/conformance/case.js';
import { stateCase, type StateName } from './_support.js';

/**
 * EnableKeyRotation / DisableKeyRotation by state (aws-observed.md §2.2, KS-OLD [1], [3], [6]; S10:
 * no capture of the messages, so codes only). PendingImport: the key has imported (EXTERNAL) origin,
 * which automatic rotation does not support (MODEL EnableKeyRotation doc; R8).
 */
const refused =
  (op: 'EnableKeyRotation' | 'DisableKeyRotation', call: (t: CaseContext, keyId: string) => Promise<unknown>) =>
  (state: StateName, expected: ExpectedError, source: CaseSource) =>
    stateCase({
      state,
      behaviour: `${op === 'EnableKeyRotation' ? 'enable' : 'disable'}-key-rotation-refused`,
      title: `${op} on a ${state} key is refused with ${expected.code}`,
      doc: `https://docs.aws.amazon.com/kms/latest/APIReference/API_${op}.html#API_${op}_Errors`,
      source,
      ops: [op],
      async body(t, key) {
        await t.expectError(call(t, key.KeyId), expected);
      },
    });

export const enableRefused = refused('EnableKeyRotation', (t, KeyId) => t.kms.send(new EnableKeyRotationCommand({ KeyId })));

export const disableRefused = refused('DisableKeyRotation', (t, KeyId) => t.kms.send(new DisableKeyRotationCommand({ KeyId })));
