import { defineCase } from '../../../harness/conformance/case.js';
import { keyWithClock } from '../deletion/_support.js';
import { allRotations, enableRotation, expectDecrypts, HOW_IT_WORKS_DOC, requireClock } from './_support.js';
import { givenCiphertext } from '../_lib/prerequisites.js';
import { documented } from '../_lib/sources.js';

/** kms-facts.md: the key rotates when its period has passed; old backing keys are kept, so old ciphertext decrypts. */
export default defineCase({
  id: 'rotation.automatic-after-period',
  title: 'Past NextRotationDate the key has rotated once (AUTOMATIC) and ciphertext from before still decrypts',
  doc: HOW_IT_WORKS_DOC,
  source: documented('https://docs.aws.amazon.com/kms/latest/developerguide/rotate-keys.html (rotated once the rotation period has passed; earlier key material kept for decryption) (RotationPeriodInDays, RotateKeyOnDemand, ListKeyRotations: aws-sdk-go-v2 service/kms CHANGELOG v1.31.0, 2024-04-12)', { since: '2024-04-12' }),
  tags: ['rotation'],
  ops: ['CreateKey', 'EnableKeyRotation', 'GetKeyRotationStatus', 'Encrypt', 'ListKeyRotations', 'Decrypt'],
  flags: ['needs-clock'],
  async run(t) {
    requireClock(t, 'an automatic rotation (90 days)');
    const { key, clock } = await keyWithClock(t);
    const NextRotationDate = await enableRotation(t, key.KeyId, 90);
    const plaintext = t.bytes(32, 21);
    const CiphertextBlob = await givenCiphertext(t, key.KeyId, { plaintext });
    await clock.advanceTo(t, NextRotationDate, 60_000);
    const { entries } = await allRotations(t, key.KeyId);
    t.expectEqual(entries.map((e) => e.RotationType), ['AUTOMATIC'], 'RotationType of the listed rotations');
    await expectDecrypts(t, CiphertextBlob, plaintext, 'pre-rotation');
  },
});
