import { EnableKeyRotationCommand, GetKeyRotationStatusCommand } from '@aws-sdk/client-kms';
import { stateCase } from './_support.js';
import { documented } from '../_lib/sources.js';

export default stateCase({
  state: 'PendingDeletion',
  behaviour: 'rotation-status-false',
  title: 'GetKeyRotationStatus of a key pending deletion reports rotation off even though it was on',
  doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_GetKeyRotationStatus.html',
  source: documented('service model: GetKeyRotationStatus doc ("While a KMS key is pending deletion, its key rotation status is false")'),
  ops: ['EnableKeyRotation', 'GetKeyRotationStatus'],
  async before(t, key) {
    await t.kms.send(new EnableKeyRotationCommand({ KeyId: key.KeyId }));
  },
  async body(t, key) {
    const s = await t.kms.send(new GetKeyRotationStatusCommand({ KeyId: key.KeyId }));
    t.expectEqual(s.KeyRotationEnabled, false, 'KeyRotationEnabled while pending deletion');
  },
});
