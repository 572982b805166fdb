import { GetKeyRotationStatusCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { ON_DEMAND_DOC, rotateOnDemand } from './_support.js';
import { givenKey } from '../_lib/prerequisites.js';

/** On-demand rotation works "regardless of whether or not automatic key rotation is enabled" and does not enable it. */
export default defineCase({
  id: 'rotation.on-demand-keeps-automatic-off',
  title: 'RotateKeyOnDemand on a key without automatic rotation leaves KeyRotationEnabled false',
  doc: ON_DEMAND_DOC,
  source: {
    kind: 'documented',
    cite: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_RotateKeyOnDemand.html ("regardless of whether or not automatic key rotation is enabled") (RotationPeriodInDays, RotateKeyOnDemand, ListKeyRotations: aws-sdk-go-v2 service/kms CHANGELOG v1.31.0, 2024-04-12)',
    verifiedAt: '2026-12-07',
    since: '2024-04-12',
  },
  tags: ['rotation'],
  ops: ['CreateKey', 'RotateKeyOnDemand', 'GetKeyRotationStatus'],
  timeoutMs: 120_000,
  async run(t) {
    const key = await givenKey(t);
    await rotateOnDemand(t, key.KeyId);
    const s = await t.kms.send(new GetKeyRotationStatusCommand({ KeyId: key.KeyId }));
    t.expectEqual(s.KeyRotationEnabled, false, 'KeyRotationEnabled after the on-demand rotation');
  },
});
