import { DisableKeyRotationCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { SHAPES } from '../../../common/model/model.js';
import { givenRotationEnabled, STATUS_DOC } from './_support.js';
import { givenKey } from '../_lib/prerequisites.js';
import { inferred } from '../_lib/sources.js';

/**
 * aws-observed.md 4.3 (LS-SNAP, 2025-03) recorded exactly {KeyId, KeyRotationEnabled: false} for a
 * key that never had rotation on. Whether a key whose rotation was on and then disabled still
 * reports its period (or a date) is not recorded: any member of the model's response is accepted,
 * as long as KeyId is there and KeyRotationEnabled is false, and no on-demand rotation shows.
 */
export default defineCase({
  id: 'rotation.disable-status-shape',
  title: 'After DisableKeyRotation the status has KeyId and KeyRotationEnabled false, and only members of the model',
  doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_DisableKeyRotation.html',
  source: inferred('the exact shape {KeyId, KeyRotationEnabled: false} is recorded only for a key that never had rotation on (spec/aws-observed.md §4.3); after DisableKeyRotation any members of the model\'s GetKeyRotationStatusResponse are accepted (RotationPeriodInDays, RotateKeyOnDemand, ListKeyRotations: aws-sdk-go-v2 service/kms CHANGELOG v1.31.0, 2024-04-12)', { since: '2024-04-12' }),
  tags: ['rotation'],
  ops: ['CreateKey', 'EnableKeyRotation', 'DisableKeyRotation', 'GetKeyRotationStatus'],
  async run(t) {
    const key = await givenKey(t);
    await givenRotationEnabled(t, key.KeyId, 200);
    await t.kms.send(new DisableKeyRotationCommand({ KeyId: key.KeyId }));
    const reply = await t.raw('GetKeyRotationStatus', { KeyId: key.KeyId });
    t.expectEqual(reply.status, 200, `HTTP status (${STATUS_DOC})`);
    const body = (reply.json ?? {}) as Record<string, unknown>;
    const model = Object.keys(SHAPES.GetKeyRotationStatusResponse.members);
    const got = Object.keys(body).sort();
    t.check(got.includes('KeyId') && got.includes('KeyRotationEnabled'), 'KeyId and KeyRotationEnabled are answered', got);
    t.check(got.every((m) => model.includes(m)), `every member is one of the model's (${model.join(', ')})`, got);
    t.check(!got.includes('OnDemandRotationStartDate'), 'no on-demand rotation is reported', got);
    t.expectEqual(body.KeyRotationEnabled, false, 'KeyRotationEnabled');
  },
});
