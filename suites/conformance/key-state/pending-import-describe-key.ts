/** DescribeKey works in every state (aws-observed.md §2.2) and shows it (L1, L6). */
import { DescribeKeyCommand } from '@aws-sdk/client-kms';
import { stateCase } from './_support.js';
import { recorded } from '../_lib/sources.js';

export default stateCase({
  state: 'PendingImport',
  behaviour: 'describe-key',
  title: 'DescribeKey of an EXTERNAL key without material shows PendingImport, Enabled false, Origin EXTERNAL',
  doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_KeyMetadata.html#KMS-Type-KeyMetadata-KeyState',
  source: recorded('spec/aws-observed.md §3 L6 (LS-SNAP test_import_key_symmetric)', { verifiedAt: '2024-01-24' }),
  ops: ['DescribeKey'],
  async body(t, key) {
    const m = (await t.kms.send(new DescribeKeyCommand({ KeyId: key.KeyId }))).KeyMetadata!;
    t.expectEqual(m.KeyState, 'PendingImport', 'KeyState');
    t.expectEqual(m.Enabled, false, 'Enabled');
    t.expectEqual(m.Origin, 'EXTERNAL', 'Origin');
    t.expectEqual(m.ExpirationModel, undefined, 'ExpirationModel (none before import, L6)');
  },
});
