import { defineCase } from '../../../harness/conformance/case.js';
import { ENABLE_DOC, keyOfSpec } from './_support.js';
import { recorded } from '../_lib/sources.js';

/**
 * Automatic rotation is for symmetric encryption keys only (kms-facts.md; aws-observed.md R2:
 * UnsupportedOperationException with an empty message, as Terraform printed it: "UnsupportedOperationException: "
 * — so the message is empty or absent, as for RotateKeyOnDemand, R1). Skipped where the endpoint
 * does not create RSA keys.
 */
export default defineCase({
  id: 'rotation.asymmetric-enable-refused',
  title: 'EnableKeyRotation on an RSA key is refused with UnsupportedOperationException and an empty message',
  doc: `${ENABLE_DOC}#API_EnableKeyRotation_Errors`,
  source: recorded('spec/aws-observed.md §8 R2 (terraform-aws-modules/terraform-aws-kms#20: UnsupportedOperationException with an empty message)'),
  tags: ['rotation'],
  ops: ['CreateKey', 'EnableKeyRotation'],
  async run(t) {
    const key = await keyOfSpec(t, { KeySpec: 'RSA_2048', KeyUsage: 'ENCRYPT_DECRYPT' });
    const reply = await t.raw('EnableKeyRotation', { KeyId: key.KeyId });
    t.expectEqual([reply.status, reply.errorCode], [400, 'UnsupportedOperationException'], 'status and error code');
    t.expectEqual(reply.errorMessage ?? '', '', 'message (empty or absent)');
  },
});
