import { EnableKeyRotationCommand, GetKeyRotationStatusCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { documented, givenReplica, MRK_DOC, primaryKey, replicaRegion, REPLICATE_DOC } from './_support.js';
import { settle } from '../_lib/support.js';

export default defineCase({
  id: 'multi-region.rotation-status-shared',
  title: 'EnableKeyRotation on the primary: the replica reports automatic rotation enabled',
  doc: MRK_DOC,
  source: documented(`${REPLICATE_DOC} ("the same ... automatic key rotation status. KMS automatically synchronizes these shared properties")`),
  tags: ['multi-region', 'rotation'],
  ops: ['CreateKey', 'ReplicateKey', 'DescribeKey', 'EnableKeyRotation', 'GetKeyRotationStatus'],
  timeoutMs: 120_000,
  async run(t) {
    const key = await primaryKey(t);
    const region = replicaRegion(t);
    await givenReplica(t, key.KeyId, region);
    await t.given('EnableKeyRotation on the primary', () => t.kms.send(new EnableKeyRotationCommand({ KeyId: key.KeyId })), { coveredBy: 'rotation.enable-default-period' });
    const status = await settle(() => t.kmsIn(region).send(new GetKeyRotationStatusCommand({ KeyId: key.KeyId })), (s) => s.KeyRotationEnabled === true);
    t.expectEqual(status.KeyRotationEnabled, true, 'KeyRotationEnabled of the replica');
  },
});
