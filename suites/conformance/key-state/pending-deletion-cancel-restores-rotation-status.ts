import { CancelKeyDeletionCommand, EnableKeyRotationCommand, GetKeyRotationStatusCommand } from '@aws-sdk/client-kms';
import { stateCase } from './_support.js';
import { inferred } from '../_lib/sources.js';

export default stateCase({
  state: 'PendingDeletion',
  behaviour: 'cancel-restores-rotation-status',
  title: 'After CancelKeyDeletion, GetKeyRotationStatus reports the rotation the key had before (on, same period)',
  doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_GetKeyRotationStatus.html',
  source: inferred('service model: GetKeyRotationStatus doc ("If you cancel the deletion, the original key rotation status returns to true"); that the period is kept is not stated (RotationPeriodInDays, RotateKeyOnDemand, ListKeyRotations: aws-sdk-go-v2 service/kms CHANGELOG v1.31.0, 2024-04-12)', { since: '2024-04-12' }),
  ops: ['EnableKeyRotation', 'GetKeyRotationStatus', 'CancelKeyDeletion'],
  async before(t, key) {
    await t.kms.send(new EnableKeyRotationCommand({ KeyId: key.KeyId, RotationPeriodInDays: 120 }));
  },
  async body(t, key) {
    await t.kms.send(new CancelKeyDeletionCommand({ KeyId: key.KeyId }));
    const s = await t.kms.send(new GetKeyRotationStatusCommand({ KeyId: key.KeyId }));
    t.expectEqual([s.KeyRotationEnabled, s.RotationPeriodInDays], [true, 120], '[KeyRotationEnabled, RotationPeriodInDays] after CancelKeyDeletion');
  },
});
