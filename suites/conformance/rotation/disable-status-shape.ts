import { DisableKeyRotationCommand, EnableKeyRotationCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { STATUS_DOC } from './_support.js';

/** aws-observed.md 4.3 (LS-SNAP, 2025-03): after DisableKeyRotation exactly {KeyId, KeyRotationEnabled: false}. */
export default defineCase({
  id: 'rotation.disable-status-shape',
  title: 'After DisableKeyRotation the status is exactly {KeyId, KeyRotationEnabled: false}, no period or date',
  doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_DisableKeyRotation.html',
  source: {
    kind: 'inferred',
    cite: 'the exact shape {KeyId, KeyRotationEnabled: false} is recorded only for a key that never had rotation on (spec/aws-observed.md §4.3); after DisableKeyRotation any members of the model\'s GetKeyRotationStatusResponse are accepted (RotationPeriodInDays, RotateKeyOnDemand, ListKeyRotations: aws-sdk-go-v2 service/kms CHANGELOG v1.31.0, 2024-04-12)',
    verifiedAt: '2026-12-07',
    since: '2024-04-12',
  },
  tags: ['rotation'],
  ops: ['CreateKey', 'EnableKeyRotation', 'DisableKeyRotation', 'GetKeyRotationStatus'],
  async run(t) {
    const key = await t.createKey();
    await t.kms.send(new EnableKeyRotationCommand({ KeyId: key.KeyId, RotationPeriodInDays: 200 }));
    await t.kms.send(new DisableKeyRotationCommand({ KeyId: key.KeyId }));
    const reply = await t.raw('GetKeyRotationStatus', { KeyId: key.KeyId });
    t.expectEqual(reply.status, 200, `HTTP status (${STATUS_DOC})`);
    const body = (reply.json ?? {}) as Record<string, unknown>;
    t.expectEqual(Object.keys(body).sort(), ['KeyId', 'KeyRotationEnabled'], 'response members');
    t.expectEqual(body.KeyRotationEnabled, false, 'KeyRotationEnabled');
  },
});
