import { EnableKeyRotationCommand, GetKeyRotationStatusCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { PERIOD_DOC } from './_support.js';
import { givenKey } from '../_lib/prerequisites.js';

/** RotationPeriodInDays is 90..2560 (kms-facts.md; model); 90 is a bound, so it is accepted. */
export default defineCase({
  id: 'rotation.period-90-accepted',
  title: 'EnableKeyRotation with RotationPeriodInDays 90 is accepted and reported back',
  doc: PERIOD_DOC,
  source: {
    kind: 'recorded',
    cite: 'spec/aws-observed.md §4.3 (LS-SNAP test_key_enable_rotation_status[90]) (RotationPeriodInDays, RotateKeyOnDemand, ListKeyRotations: aws-sdk-go-v2 service/kms CHANGELOG v1.31.0, 2024-04-12)',
    verifiedAt: '2025-03-02',
    since: '2024-04-12',
  },
  tags: ['rotation', 'limits'],
  ops: ['CreateKey', 'EnableKeyRotation', 'GetKeyRotationStatus'],
  async run(t) {
    const key = await givenKey(t);
    await t.kms.send(new EnableKeyRotationCommand({ KeyId: key.KeyId, RotationPeriodInDays: 90 }));
    const s = await t.kms.send(new GetKeyRotationStatusCommand({ KeyId: key.KeyId }));
    t.expectEqual([s.KeyRotationEnabled, s.RotationPeriodInDays], [true, 90], '[KeyRotationEnabled, RotationPeriodInDays]');
  },
});
