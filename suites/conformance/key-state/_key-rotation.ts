/**
 * Shared by the key rotation cases beside it, one case per module. Not a case file: no default export.
 *
 * @module
 */
import { DisableKeyRotationCommand, EnableKeyRotationCommand } from '@aws-sdk/client-kms';
import type { CaseSource, ExpectedError } from '../../../harness/conformance/case.js';
import { stateCase, type StateName } from './_support.js';

/**
 * EnableKeyRotation / DisableKeyRotation by state (aws-observed.md §2.2, KS-OLD [1], [3], [6]; S10:
 * no capture of the messages, so codes only). PendingImport: the key has imported (EXTERNAL) origin,
 * which automatic rotation does not support (MODEL EnableKeyRotation doc; R8).
 */
export const enableRefused = (state: StateName, expected: ExpectedError, source: CaseSource) =>
  stateCase({
    state,
    behaviour: 'enable-key-rotation-refused',
    title: `EnableKeyRotation on a ${state} key is refused with ${expected.code}`,
    doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_EnableKeyRotation.html#API_EnableKeyRotation_Errors',
    source,
    ops: ['EnableKeyRotation'],
    async body(t, key) {
      await t.expectError(t.kms.send(new EnableKeyRotationCommand({ KeyId: key.KeyId })), expected);
    },
  });

export const disableRefused = (state: StateName, expected: ExpectedError, source: CaseSource) =>
  stateCase({
    state,
    behaviour: 'disable-key-rotation-refused',
    title: `DisableKeyRotation on a ${state} key is refused with ${expected.code}`,
    doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_DisableKeyRotation.html#API_DisableKeyRotation_Errors',
    source,
    ops: ['DisableKeyRotation'],
    async body(t, key) {
      await t.expectError(t.kms.send(new DisableKeyRotationCommand({ KeyId: key.KeyId })), expected);
    },
  });
