import { GetKeyRotationStatusCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { awaitOnDemandDone, ON_DEMAND_DOC } from './_support.js';
import { givenKey } from '../_lib/prerequisites.js';
import { recorded } from '../_lib/sources.js';

/** aws-observed.md 4.3: RotateKeyOnDemand answers {KeyId} with the same value GetKeyRotationStatus reports. */
export default defineCase({
  id: 'rotation.on-demand-response-key-id',
  title: 'RotateKeyOnDemand answers exactly {KeyId}, the same KeyId GetKeyRotationStatus reports',
  doc: `${ON_DEMAND_DOC}#API_RotateKeyOnDemand_ResponseSyntax`,
  source: recorded('spec/aws-observed.md §4.3 (LS-SNAP test_rotate_key_on_demand_*: {KeyId} equal to GetKeyRotationStatus.KeyId) (RotationPeriodInDays, RotateKeyOnDemand, ListKeyRotations: aws-sdk-go-v2 service/kms CHANGELOG v1.31.0, 2024-04-12)', { since: '2024-04-12' }),
  tags: ['rotation'],
  ops: ['CreateKey', 'RotateKeyOnDemand', 'GetKeyRotationStatus'],
  timeoutMs: 120_000,
  async run(t) {
    const key = await givenKey(t);
    const reply = await t.raw('RotateKeyOnDemand', { KeyId: key.KeyId });
    t.expectEqual(reply.status, 200, 'HTTP status');
    await awaitOnDemandDone(t, key.KeyId);
    const body = (reply.json ?? {}) as Record<string, unknown>;
    t.expectEqual(Object.keys(body), ['KeyId'], 'response members');
    const s = await t.kms.send(new GetKeyRotationStatusCommand({ KeyId: key.KeyId }));
    t.expectEqual(body.KeyId, s.KeyId, 'KeyId (as GetKeyRotationStatus reports it)');
  },
});
