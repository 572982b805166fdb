import { RotateKeyOnDemandCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { keyOfSpec, ON_DEMAND_DOC } from './_support.js';
import { recorded } from '../_lib/sources.js';

/** aws-observed.md R1: 400 UnsupportedOperationException with no message. Skipped where RSA keys are not created. */
export default defineCase({
  id: 'rotation.asymmetric-on-demand-refused',
  title: 'RotateKeyOnDemand on an RSA key is refused with a bare UnsupportedOperationException',
  doc: `${ON_DEMAND_DOC}#API_RotateKeyOnDemand_Errors`,
  source: recorded('spec/aws-observed.md §8 R1 (LS-SNAP test_rotate_key_on_demand_raises_error_given_non_symmetric_key) (RotationPeriodInDays, RotateKeyOnDemand, ListKeyRotations: aws-sdk-go-v2 service/kms CHANGELOG v1.31.0, 2024-04-12)', { since: '2024-04-12', verifiedAt: '2025-03-08' }),
  tags: ['rotation'],
  ops: ['CreateKey', 'RotateKeyOnDemand'],
  async run(t) {
    const key = await keyOfSpec(t, { KeySpec: 'RSA_2048', KeyUsage: 'ENCRYPT_DECRYPT' });
    await t.expectError(t.kms.send(new RotateKeyOnDemandCommand({ KeyId: key.KeyId })), {
      code: 'UnsupportedOperationException',
      status: 400,
      message: null,
    });
  },
});
