/**
 * Shared by the RotationPeriodInDays bound cases beside it (period-<days>-accepted,
 * period-<days>-refused), one case per module. Not a case file: no default export.
 *
 * RotationPeriodInDays is 90..2560 (kms-facts.md; model). For a refused period the message is not
 * recorded for AWS (aws-observed.md 6.2, INFERRED), so only the code is asserted; rotation must stay off.
 *
 * @module
 */
import { EnableKeyRotationCommand, GetKeyRotationStatusCommand } from '@aws-sdk/client-kms';
import { defineCase, type CaseSource, type ConformanceCase } from '../../../harness/conformance/case.js';
import { givenKey } from '../_lib/prerequisites.js';
import { PERIOD_DOC } from './_support.js';

/**
 * EnableKeyRotation with RotationPeriodInDays `days`: at a bound it is `accepted` and
 * GetKeyRotationStatus reports the period back; just past one it is `refused` with
 * ValidationException and rotation stays off.
 */
export function periodCase(days: number, outcome: 'accepted' | 'refused', source: CaseSource): ConformanceCase {
  return defineCase({
    id: `rotation.period-${days}-${outcome}`,
    title: `EnableKeyRotation with RotationPeriodInDays ${days} is ${outcome === 'accepted' ? 'accepted and reported back' : 'refused with ValidationException and rotation stays off'}`,
    doc: PERIOD_DOC,
    source,
    tags: ['rotation', 'limits'],
    ops: ['CreateKey', 'EnableKeyRotation', 'GetKeyRotationStatus'],
    async run(t) {
      const key = await givenKey(t);
      const enable = t.kms.send(new EnableKeyRotationCommand({ KeyId: key.KeyId, RotationPeriodInDays: days }));
      if (outcome === 'accepted') await enable;
      else await t.expectError(enable, { code: 'ValidationException', status: 400 });
      const s = await t.kms.send(new GetKeyRotationStatusCommand({ KeyId: key.KeyId }));
      if (outcome === 'accepted') t.expectEqual([s.KeyRotationEnabled, s.RotationPeriodInDays], [true, days], '[KeyRotationEnabled, RotationPeriodInDays]');
      else t.expectEqual(s.KeyRotationEnabled, false, 'KeyRotationEnabled after the refused request');
    },
  });
}
