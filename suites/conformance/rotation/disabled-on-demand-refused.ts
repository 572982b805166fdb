import { RotateKeyOnDemandCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { disabledError, disabledKey } from '../key-state/_support.js';
import { ON_DEMAND_DOC } from './_support.js';

/** aws-observed.md S6 / R5: DisabledException "<key ARN> is disabled." */
export default defineCase({
  id: 'rotation.disabled-on-demand-refused',
  title: 'RotateKeyOnDemand on a Disabled key is refused with DisabledException "<arn> is disabled."',
  doc: `${ON_DEMAND_DOC}#API_RotateKeyOnDemand_Errors`,
  source: {
    kind: 'recorded',
    cite: 'spec/aws-observed.md §2.3 S6 (LS-SNAP test_rotate_key_on_demand_raises_error_given_key_is_disabled) (RotationPeriodInDays, RotateKeyOnDemand, ListKeyRotations: aws-sdk-go-v2 service/kms CHANGELOG v1.31.0, 2024-04-12)',
    verifiedAt: '2025-03-08',
    since: '2024-04-12',
  },
  tags: ['rotation', 'key-state'],
  ops: ['CreateKey', 'DisableKey', 'RotateKeyOnDemand'],
  async run(t) {
    const key = await disabledKey(t);
    await t.expectError(t.kms.send(new RotateKeyOnDemandCommand({ KeyId: key.KeyId })), disabledError(key.Arn));
  },
});
