import { defineCase } from '../../../harness/conformance/case.js';
import { STATUS_DOC } from './_support.js';
import { givenKey } from '../_lib/prerequisites.js';
import { recorded } from '../_lib/sources.js';

/** aws-observed.md 4.3: a new key has rotation off; the answer is exactly {KeyId, KeyRotationEnabled: false}. */
export default defineCase({
  id: 'rotation.status-new-key-off',
  title: 'GetKeyRotationStatus of a new key is exactly {KeyId, KeyRotationEnabled: false}',
  doc: `${STATUS_DOC}#API_GetKeyRotationStatus_ResponseSyntax`,
  source: recorded('spec/aws-observed.md §4.3 (LS-SNAP …automatic_rotation_disabled, a key that never had rotation on; GetKeyRotationStatusResponse.KeyId is newer than 2021, first seen with the 2024-04-12 rotation release)', { since: '2024-04-12', verifiedAt: '2025-03-12' }),
  tags: ['rotation'],
  ops: ['CreateKey', 'GetKeyRotationStatus'],
  async run(t) {
    const key = await givenKey(t);
    const reply = await t.raw('GetKeyRotationStatus', { KeyId: key.KeyId });
    t.expectEqual(reply.status, 200, 'HTTP status');
    const body = (reply.json ?? {}) as Record<string, unknown>;
    t.expectEqual(Object.keys(body).sort(), ['KeyId', 'KeyRotationEnabled'], 'response members');
    t.expectEqual(body.KeyRotationEnabled, false, 'KeyRotationEnabled');
  },
});
