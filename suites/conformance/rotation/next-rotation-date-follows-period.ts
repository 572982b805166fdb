import { EnableKeyRotationCommand, GetKeyRotationStatusCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { endpointNow, expectDaysAfter, PERIOD_DOC } from './_support.js';

export default defineCase({
  id: 'rotation.next-rotation-date-follows-period',
  title: 'With RotationPeriodInDays 180 the NextRotationDate is about 180 days out',
  doc: PERIOD_DOC,
  tags: ['rotation'],
  ops: ['CreateKey', 'EnableKeyRotation', 'GetKeyRotationStatus'],
  async run(t) {
    const key = await t.createKey();
    const local = Date.now();
    await t.kms.send(new EnableKeyRotationCommand({ KeyId: key.KeyId, RotationPeriodInDays: 180 }));
    const s = await t.kms.send(new GetKeyRotationStatusCommand({ KeyId: key.KeyId }));
    t.expectEqual(s.RotationPeriodInDays, 180, 'RotationPeriodInDays');
    expectDaysAfter(t, s.NextRotationDate, endpointNow(key, local), 180, 'NextRotationDate');
  },
});
