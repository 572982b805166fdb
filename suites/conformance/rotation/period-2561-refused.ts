import { EnableKeyRotationCommand, GetKeyRotationStatusCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { PERIOD_DOC } from './_support.js';
import { givenKey } from '../_lib/prerequisites.js';

/**
 * RotationPeriodInDays is 90..2560 (kms-facts.md; model). The message is not recorded for AWS
 * (aws-observed.md 6.2, INFERRED), so only the code is asserted; rotation must stay off.
 */
export default defineCase({
  id: 'rotation.period-2561-refused',
  title: 'EnableKeyRotation with RotationPeriodInDays 2561 is refused with ValidationException and rotation stays off',
  doc: PERIOD_DOC,
  source: {
    kind: 'inferred',
    cite: 'service model: RotationPeriodInDaysType (max 2560); ValidationException by analogy with recorded range violations (spec/aws-observed.md §6.1 V4), wording not recorded (spec/aws-observed.md §6.2) (RotationPeriodInDays, RotateKeyOnDemand, ListKeyRotations: aws-sdk-go-v2 service/kms CHANGELOG v1.31.0, 2024-04-12)',
    verifiedAt: '2026-12-07',
    since: '2024-04-12',
  },
  tags: ['rotation', 'limits'],
  ops: ['CreateKey', 'EnableKeyRotation', 'GetKeyRotationStatus'],
  async run(t) {
    const key = await givenKey(t);
    await t.expectError(t.kms.send(new EnableKeyRotationCommand({ KeyId: key.KeyId, RotationPeriodInDays: 2561 })), {
      code: 'ValidationException',
      status: 400,
    });
    const s = await t.kms.send(new GetKeyRotationStatusCommand({ KeyId: key.KeyId }));
    t.expectEqual(s.KeyRotationEnabled, false, 'KeyRotationEnabled after the refused request');
  },
});
