import { ReplicateKeyCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { givenReplica, primaryKey, replicaRegion, replicate, REPLICATE_DOC } from './_support.js';
import { keyArn, refused } from '../_lib/support.js';

export default defineCase({
  id: 'multi-region.replicate-replica-refused',
  title: 'ReplicateKey on a replica: UnsupportedOperationException "<arn> is not a multi-region primary key."',
  doc: REPLICATE_DOC,
  source: { kind: 'recorded', cite: 'spec/aws-observed.md §9 (LS-SNAP test_replicate_replica_key_should_fail)', verifiedAt: '2025-09-08' },
  tags: ['multi-region'],
  ops: ['CreateKey', 'ReplicateKey', 'DescribeKey'],
  timeoutMs: 120_000,
  async run(t) {
    const key = await primaryKey(t);
    const region = replicaRegion(t);
    await givenReplica(t, key.KeyId, region);
    await t.expectError(t.kmsIn(region).send(new ReplicateKeyCommand({ KeyId: key.KeyId, ReplicaRegion: replicaRegion(t, 1) })), {
      code: 'UnsupportedOperationException',
      message: `${keyArn(t, key.KeyId, region)} is not a multi-region primary key.`,
    });
  },
});
