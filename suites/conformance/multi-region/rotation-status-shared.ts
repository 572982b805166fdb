import { EnableKeyRotationCommand, GetKeyRotationStatusCommand } from '@aws-sdk/client-kms';
import { documented, MRK_DOC, replicaCase, REPLICATE_DOC } from './_support.js';
import { settle } from '../_lib/support.js';

export default replicaCase({
  behaviour: 'rotation-status-shared',
  title: 'EnableKeyRotation on the primary: the replica reports automatic rotation enabled',
  doc: MRK_DOC,
  source: documented(`${REPLICATE_DOC} ("the same ... automatic key rotation status. KMS automatically synchronizes these shared properties")`),
  tags: ['rotation'],
  ops: ['EnableKeyRotation', 'GetKeyRotationStatus'],
  async body(t, key, region) {
    await t.given('EnableKeyRotation on the primary', () => t.kms.send(new EnableKeyRotationCommand({ KeyId: key.KeyId })), { coveredBy: 'rotation.enable-default-period' });
    const status = await settle(() => t.kmsIn(region).send(new GetKeyRotationStatusCommand({ KeyId: key.KeyId })), (s) => s.KeyRotationEnabled === true);
    t.expectEqual(status.KeyRotationEnabled, true, 'KeyRotationEnabled of the replica');
  },
});
