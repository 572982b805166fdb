import { RotateKeyOnDemandCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { givenOnDemandRotations, ON_DEMAND_DOC } from './_support.js';
import { onDemandRotationLimit } from '../_lib/aws-profile.js';
import { givenKey } from '../_lib/prerequisites.js';
import { documented } from '../_lib/sources.js';

/**
 * 25 on-demand rotations per key (API reference; DG quotas, not adjustable) — 10 for an
 * `--aws-as-of` profile up to 2025-04-03, when AWS was recorded at 10 (_lib/aws-profile.ts: the
 * date of the change is unknown, it came after that recording); the next is refused
 * with LimitExceededException and the recorded message (aws-observed.md R4, which does not name
 * the number). On AWS each rotation completes asynchronously, so the case waits for each one:
 * minutes there, milliseconds against the reference server (hence the long timeout, not `slow`).
 */
export default defineCase({
  id: 'rotation.on-demand-limit',
  title: 'A key allows 25 on-demand rotations (10 as of 2025-04-03); the next is refused with LimitExceededException',
  doc: ON_DEMAND_DOC,
  source: documented('service model: RotateKeyOnDemand doc ("a maximum of 25 times per KMS key"; https://docs.aws.amazon.com/kms/latest/developerguide/resource-limits.html#on-demand-rotation-resource-quota); message: spec/aws-observed.md §8 R4 (recorded 2025-04-03, when the limit was 10); the date of the change from 10 to 25 was not found (on-demand rotation itself: 2024-04-12)', { since: '2024-04-12' }),
  tags: ['rotation', 'limits'],
  ops: ['CreateKey', 'RotateKeyOnDemand', 'GetKeyRotationStatus'],
  timeoutMs: 1_800_000,
  async run(t) {
    const key = await givenKey(t);
    await givenOnDemandRotations(t, key.KeyId, onDemandRotationLimit(t));
    await t.expectError(t.kms.send(new RotateKeyOnDemandCommand({ KeyId: key.KeyId })), {
      code: 'LimitExceededException',
      status: 400,
      message: `The on-demand rotations limit has been reached for the given keyId. No more on-demand rotations can be performed for this key: ${key.Arn}`,
    });
  },
});
