import { RotateKeyOnDemandCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { absentKeyId, keyArn } from '../_lib/support.js';
import { recorded } from '../_lib/sources.js';

export default defineCase({
  id: 'keys.rotate-key-on-demand-absent-key',
  title: "RotateKeyOnDemand of an absent key id: NotFoundException \"Key '<key ARN>' does not exist\" (N10)",
  doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_RotateKeyOnDemand.html#API_RotateKeyOnDemand_Errors',
  source: recorded('spec/aws-observed.md §1 N10 (LS-SNAP test_rotate_key_on_demand_raises_error_given_key_that_does_not_exist) (RotationPeriodInDays, RotateKeyOnDemand, ListKeyRotations: aws-sdk-go-v2 service/kms CHANGELOG v1.31.0, 2024-04-12)', { since: '2024-04-12' }),
  tags: ['semantics'],
  ops: ['RotateKeyOnDemand'],
  async run(t) {
    // N10: LS-SNAP test_rotate_key_on_demand_raises_error_given_key_that_does_not_exist.
    const id = absentKeyId();
    await t.expectError(t.kms.send(new RotateKeyOnDemandCommand({ KeyId: id })), {
      code: 'NotFoundException',
      status: 400,
      message: `Key '${keyArn(t, id)}' does not exist`,
    });
  },
});
