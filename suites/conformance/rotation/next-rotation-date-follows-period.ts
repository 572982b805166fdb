import { EnableKeyRotationCommand, GetKeyRotationStatusCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { endpointNow, expectDaysAfter, PERIOD_DOC } from './_support.js';
import { givenKey } from '../_lib/prerequisites.js';

export default defineCase({
  id: 'rotation.next-rotation-date-follows-period',
  title: 'With RotationPeriodInDays 180 the NextRotationDate is about 180 days out',
  doc: PERIOD_DOC,
  source: {
    kind: 'recorded',
    cite: 'spec/aws-observed.md §4.3 (LS-SNAP test_key_enable_rotation_status[180]) (RotationPeriodInDays, RotateKeyOnDemand, ListKeyRotations: aws-sdk-go-v2 service/kms CHANGELOG v1.31.0, 2024-04-12)',
    verifiedAt: '2025-03-02',
    since: '2024-04-12',
  },
  tags: ['rotation'],
  ops: ['CreateKey', 'EnableKeyRotation', 'GetKeyRotationStatus'],
  async run(t) {
    const key = await givenKey(t);
    const local = Date.now();
    await t.kms.send(new EnableKeyRotationCommand({ KeyId: key.KeyId, RotationPeriodInDays: 180 }));
    const s = await t.kms.send(new GetKeyRotationStatusCommand({ KeyId: key.KeyId }));
    t.expectEqual(s.RotationPeriodInDays, 180, 'RotationPeriodInDays');
    expectDaysAfter(t, s.NextRotationDate, endpointNow(key, local), 180, 'NextRotationDate');
  },
});
