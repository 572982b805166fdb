import { EnableKeyRotationCommand, GetKeyRotationStatusCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { endpointNow, expectDaysAfter, ENABLE_DOC } from './_support.js';
import { givenKey } from '../_lib/prerequisites.js';

/** aws-observed.md 4.3: rotation enabled by default → RotationPeriodInDays 365 and a NextRotationDate a year out. */
export default defineCase({
  id: 'rotation.enable-default-period',
  title: 'EnableKeyRotation without a period gives RotationPeriodInDays 365 and a NextRotationDate about 365 days out',
  doc: ENABLE_DOC,
  source: {
    kind: 'recorded',
    cite: 'spec/aws-observed.md §4.3 (LS-SNAP …automatic_rotation_enabled: RotationPeriodInDays 365, NextRotationDate) (RotationPeriodInDays, RotateKeyOnDemand, ListKeyRotations: aws-sdk-go-v2 service/kms CHANGELOG v1.31.0, 2024-04-12)',
    verifiedAt: '2025-03-12',
    since: '2024-04-12',
  },
  tags: ['rotation'],
  ops: ['CreateKey', 'EnableKeyRotation', 'GetKeyRotationStatus'],
  async run(t) {
    const key = await givenKey(t);
    const local = Date.now();
    await t.kms.send(new EnableKeyRotationCommand({ KeyId: key.KeyId }));
    const s = await t.kms.send(new GetKeyRotationStatusCommand({ KeyId: key.KeyId }));
    t.expectEqual([s.KeyRotationEnabled, s.RotationPeriodInDays], [true, 365], '[KeyRotationEnabled, RotationPeriodInDays]');
    expectDaysAfter(t, s.NextRotationDate, endpointNow(key, local), 365, 'NextRotationDate');
  },
});
