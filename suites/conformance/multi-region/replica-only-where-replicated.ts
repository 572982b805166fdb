import { DescribeKeyCommand } from '@aws-sdk/client-kms';
import { MRK_DOC, replicaCase, replicaRegion } from './_support.js';
import { keyArn } from '../_lib/support.js';
import { recorded } from '../_lib/sources.js';

export default replicaCase({
  behaviour: 'replica-only-where-replicated',
  title: 'A multi-Region key is not found in a Region it was not replicated to',
  doc: MRK_DOC,
  source: recorded('spec/aws-observed.md §14 M2 and §1 N8 (LS-SNAP test_replicate_key describe-key-from-different-region)', { verifiedAt: '2024-04-11' }),
  tags: ['semantics'],
  ops: [],
  async body(t, key) {
    const elsewhere = replicaRegion(t, 1);
    await t.expectError(t.kmsIn(elsewhere).send(new DescribeKeyCommand({ KeyId: key.KeyId })), {
      code: 'NotFoundException',
      message: `Key '${keyArn(t, key.KeyId, elsewhere)}' does not exist`,
    });
  },
});
