import { DescribeKeyCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { givenReplica, MRK_DOC, primaryKey, replicaRegion } from './_support.js';
import { keyArn } from '../_lib/support.js';

export default defineCase({
  id: 'multi-region.replica-only-where-replicated',
  title: 'A multi-Region key is not found in a Region it was not replicated to',
  doc: MRK_DOC,
  source: { kind: 'recorded', cite: 'spec/aws-observed.md §14 M2 and §1 N8 (LS-SNAP test_replicate_key describe-key-from-different-region)', verifiedAt: '2024-04-11' },
  tags: ['multi-region', 'semantics'],
  ops: ['CreateKey', 'ReplicateKey', 'DescribeKey'],
  timeoutMs: 120_000,
  async run(t) {
    const key = await primaryKey(t);
    await givenReplica(t, key.KeyId, replicaRegion(t, 0));
    const elsewhere = replicaRegion(t, 1);
    await t.expectError(t.kmsIn(elsewhere).send(new DescribeKeyCommand({ KeyId: key.KeyId })), {
      code: 'NotFoundException',
      message: `Key '${keyArn(t, key.KeyId, elsewhere)}' does not exist`,
    });
  },
});
