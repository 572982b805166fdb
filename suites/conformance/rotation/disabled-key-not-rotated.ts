import { DisableKeyCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { DAY_MS, keyWithClock } from '../deletion/_support.js';
import { allRotations, enableRotation, requireClock, STATUS_DOC } from './_support.js';
import { documented } from '../_lib/sources.js';

/** MODEL GetKeyRotationStatus doc: "while the KMS key is disabled, KMS does not rotate the key material". */
export default defineCase({
  id: 'rotation.disabled-key-not-rotated',
  title: 'A Disabled key with rotation on is not rotated when its NextRotationDate passes',
  doc: STATUS_DOC,
  source: documented('service model: GetKeyRotationStatus doc ("while the KMS key is disabled, KMS does not rotate the key material") (RotationPeriodInDays, RotateKeyOnDemand, ListKeyRotations: aws-sdk-go-v2 service/kms CHANGELOG v1.31.0, 2024-04-12)', { since: '2024-04-12' }),
  tags: ['rotation', 'key-state'],
  ops: ['CreateKey', 'EnableKeyRotation', 'GetKeyRotationStatus', 'DisableKey', 'ListKeyRotations'],
  flags: ['needs-clock'],
  async run(t) {
    requireClock(t, 'a day past an automatic rotation date (90 days)');
    const { key, clock } = await keyWithClock(t);
    const NextRotationDate = await enableRotation(t, key.KeyId, 90);
    await t.given('DisableKey puts the key in Disabled', () => t.kms.send(new DisableKeyCommand({ KeyId: key.KeyId })), { coveredBy: 'key-state.disabled-describe-key' });
    await clock.advanceTo(t, NextRotationDate, DAY_MS);
    const { entries } = await allRotations(t, key.KeyId);
    t.expectEqual(entries.length, 0, 'rotations of the Disabled key a day after NextRotationDate');
  },
});
