import { EnableKeyRotationCommand, GetKeyRotationStatusCommand } from '@aws-sdk/client-kms';
import { stateCase } from './_support.js';

export default stateCase({
  state: 'Disabled',
  behaviour: 'rotation-status-unchanged',
  title: 'GetKeyRotationStatus of a Disabled key still reports the rotation it had (enabled, same period)',
  doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_GetKeyRotationStatus.html',
  ops: ['EnableKeyRotation', 'GetKeyRotationStatus'],
  async before(t, key) {
    await t.kms.send(new EnableKeyRotationCommand({ KeyId: key.KeyId, RotationPeriodInDays: 180 }));
  },
  async body(t, key) {
    const s = await t.kms.send(new GetKeyRotationStatusCommand({ KeyId: key.KeyId }));
    t.expectEqual([s.KeyRotationEnabled, s.RotationPeriodInDays], [true, 180], '[KeyRotationEnabled, RotationPeriodInDays]');
  },
});
