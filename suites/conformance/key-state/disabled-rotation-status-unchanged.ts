import { EnableKeyRotationCommand, GetKeyRotationStatusCommand } from '@aws-sdk/client-kms';
import { stateCase } from './_support.js';
import { documented } from '../_lib/sources.js';

export default stateCase({
  state: 'Disabled',
  behaviour: 'rotation-status-unchanged',
  title: 'GetKeyRotationStatus of a Disabled key still reports the rotation it had (enabled, same period)',
  doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_GetKeyRotationStatus.html',
  source: documented('service model: GetKeyRotationStatus doc ("The key rotation status does not change when you disable a KMS key") (RotationPeriodInDays, RotateKeyOnDemand, ListKeyRotations: aws-sdk-go-v2 service/kms CHANGELOG v1.31.0, 2024-04-12)', { since: '2024-04-12' }),
  ops: ['EnableKeyRotation', 'GetKeyRotationStatus'],
  async before(t, key) {
    await t.kms.send(new EnableKeyRotationCommand({ KeyId: key.KeyId, RotationPeriodInDays: 180 }));
  },
  async body(t, key) {
    const s = await t.kms.send(new GetKeyRotationStatusCommand({ KeyId: key.KeyId }));
    t.expectEqual([s.KeyRotationEnabled, s.RotationPeriodInDays], [true, 180], '[KeyRotationEnabled, RotationPeriodInDays]');
  },
});
