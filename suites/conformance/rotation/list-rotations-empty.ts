import { ListKeyRotationsCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { LIST_DOC } from './_support.js';
import { givenKey } from '../_lib/prerequisites.js';
import { documented } from '../_lib/sources.js';

/**
 * ROTATIONS_ONLY is the default: a key never rotated lists nothing (MODEL ListKeyRotations doc;
 * the first key material is listed only with ALL_KEY_MATERIAL). No AWS capture of the exact body
 * exists (aws-observed.md 4.3), so an omitted Rotations member counts as empty.
 */
export default defineCase({
  id: 'rotation.list-rotations-empty',
  title: 'ListKeyRotations of a key never rotated lists no rotations and is not truncated',
  doc: `${LIST_DOC}#KMS-ListKeyRotations-request-IncludeKeyMaterial`,
  source: documented('service model: ListKeyRotationsRequest.IncludeKeyMaterial (default ROTATIONS_ONLY); no capture of the body (spec/aws-observed.md §4.3) (RotationPeriodInDays, RotateKeyOnDemand, ListKeyRotations: aws-sdk-go-v2 service/kms CHANGELOG v1.31.0, 2024-04-12)', { since: '2024-04-12' }),
  tags: ['rotation'],
  ops: ['CreateKey', 'ListKeyRotations'],
  async run(t) {
    const key = await givenKey(t);
    const out = await t.kms.send(new ListKeyRotationsCommand({ KeyId: key.KeyId }));
    t.expectEqual(out.Rotations ?? [], [], 'Rotations');
    t.check(out.Truncated !== true, 'Truncated is not true', out.Truncated);
    t.expectEqual(out.NextMarker, undefined, 'NextMarker');
  },
});
