import { GetKeyRotationStatusCommand } from '@aws-sdk/client-kms';
import { ON_DEMAND_DOC } from './_support.js';
import { onDemandCase } from './_on-demand.js';
import { documented } from '../_lib/sources.js';

/** On-demand rotation works "regardless of whether or not automatic key rotation is enabled" and does not enable it. */
export default onDemandCase({
  behaviour: 'keeps-automatic-off',
  title: 'RotateKeyOnDemand on a key without automatic rotation leaves KeyRotationEnabled false',
  doc: ON_DEMAND_DOC,
  source: documented('https://docs.aws.amazon.com/kms/latest/APIReference/API_RotateKeyOnDemand.html ("regardless of whether or not automatic key rotation is enabled") (RotationPeriodInDays, RotateKeyOnDemand, ListKeyRotations: aws-sdk-go-v2 service/kms CHANGELOG v1.31.0, 2024-04-12)', { since: '2024-04-12' }),
  ops: ['CreateKey', 'RotateKeyOnDemand', 'GetKeyRotationStatus'],
  async after(t, key) {
    const s = await t.kms.send(new GetKeyRotationStatusCommand({ KeyId: key.KeyId }));
    t.expectEqual(s.KeyRotationEnabled, false, 'KeyRotationEnabled after the on-demand rotation');
  },
});
