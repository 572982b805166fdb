import {
  CancelKeyDeletionCommand,
  DisableKeyRotationCommand,
  EnableKeyRotationCommand,
  GetKeyRotationStatusCommand,
} from '@aws-sdk/client-kms';
import type { ExpectedError } from '../../../harness/conformance/case.js';
import { stateCase, type StateName } from './_support.js';

const statusDoc = 'https://docs.aws.amazon.com/kms/latest/APIReference/API_GetKeyRotationStatus.html';

/**
 * EnableKeyRotation / DisableKeyRotation by state (aws-observed.md §2.2, KS-OLD [1], [3], [6]; S10:
 * no capture of the messages, so codes only). PendingImport: the key has imported (EXTERNAL) origin,
 * which automatic rotation does not support (MODEL EnableKeyRotation doc; R8).
 */
const enableRefused = (state: StateName, expected: ExpectedError) =>
  stateCase({
    state,
    behaviour: 'enable-key-rotation-refused',
    title: `EnableKeyRotation on a ${state} key is refused with ${expected.code}`,
    doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_EnableKeyRotation.html#API_EnableKeyRotation_Errors',
    ops: ['EnableKeyRotation'],
    async body(t, key) {
      await t.expectError(t.kms.send(new EnableKeyRotationCommand({ KeyId: key.KeyId })), expected);
    },
  });

const disableRefused = (state: StateName, expected: ExpectedError) =>
  stateCase({
    state,
    behaviour: 'disable-key-rotation-refused',
    title: `DisableKeyRotation on a ${state} key is refused with ${expected.code}`,
    doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_DisableKeyRotation.html#API_DisableKeyRotation_Errors',
    ops: ['DisableKeyRotation'],
    async body(t, key) {
      await t.expectError(t.kms.send(new DisableKeyRotationCommand({ KeyId: key.KeyId })), expected);
    },
  });

export default [
  enableRefused('Disabled', { code: 'DisabledException', status: 400 }),
  enableRefused('PendingDeletion', { code: 'KMSInvalidStateException', status: 400 }),
  enableRefused('PendingImport', { code: 'UnsupportedOperationException', status: 400 }),
  disableRefused('Disabled', { code: 'DisabledException', status: 400 }),
  disableRefused('PendingDeletion', { code: 'KMSInvalidStateException', status: 400 }),
  disableRefused('PendingImport', { code: 'UnsupportedOperationException', status: 400 }),
  stateCase({
    state: 'Disabled',
    behaviour: 'rotation-status-unchanged',
    title: 'GetKeyRotationStatus of a Disabled key still reports the rotation it had (enabled, same period)',
    doc: statusDoc,
    ops: ['EnableKeyRotation', 'GetKeyRotationStatus'],
    async before(t, key) {
      await t.kms.send(new EnableKeyRotationCommand({ KeyId: key.KeyId, RotationPeriodInDays: 180 }));
    },
    async body(t, key) {
      const s = await t.kms.send(new GetKeyRotationStatusCommand({ KeyId: key.KeyId }));
      t.expectEqual([s.KeyRotationEnabled, s.RotationPeriodInDays], [true, 180], '[KeyRotationEnabled, RotationPeriodInDays]');
    },
  }),
  stateCase({
    state: 'PendingDeletion',
    behaviour: 'rotation-status-false',
    title: 'GetKeyRotationStatus of a key pending deletion reports rotation off even though it was on',
    doc: statusDoc,
    ops: ['EnableKeyRotation', 'GetKeyRotationStatus'],
    async before(t, key) {
      await t.kms.send(new EnableKeyRotationCommand({ KeyId: key.KeyId }));
    },
    async body(t, key) {
      const s = await t.kms.send(new GetKeyRotationStatusCommand({ KeyId: key.KeyId }));
      t.expectEqual(s.KeyRotationEnabled, false, 'KeyRotationEnabled while pending deletion');
    },
  }),
  stateCase({
    state: 'PendingDeletion',
    behaviour: 'cancel-restores-rotation-status',
    title: 'After CancelKeyDeletion, GetKeyRotationStatus reports the rotation the key had before (on, same period)',
    doc: statusDoc,
    ops: ['EnableKeyRotation', 'GetKeyRotationStatus', 'CancelKeyDeletion'],
    async before(t, key) {
      await t.kms.send(new EnableKeyRotationCommand({ KeyId: key.KeyId, RotationPeriodInDays: 120 }));
    },
    async body(t, key) {
      await t.kms.send(new CancelKeyDeletionCommand({ KeyId: key.KeyId }));
      const s = await t.kms.send(new GetKeyRotationStatusCommand({ KeyId: key.KeyId }));
      t.expectEqual([s.KeyRotationEnabled, s.RotationPeriodInDays], [true, 120], '[KeyRotationEnabled, RotationPeriodInDays] after CancelKeyDeletion');
    },
  }),
];
