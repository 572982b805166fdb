import { ReplicateKeyCommand } from '@aws-sdk/client-kms';
import { replicaCase, replicaRegion, REPLICATE_DOC } from './_support.js';
import { keyArn } from '../_lib/support.js';
import { recorded } from '../_lib/sources.js';

export default replicaCase({
  behaviour: 'replicate-replica-refused',
  title: 'ReplicateKey on a replica: UnsupportedOperationException "<arn> is not a multi-region primary key."',
  doc: REPLICATE_DOC,
  source: recorded('spec/aws-observed.md §9 (LS-SNAP test_replicate_replica_key_should_fail)', { verifiedAt: '2025-09-08' }),
  ops: [],
  async body(t, key, region) {
    await t.expectError(t.kmsIn(region).send(new ReplicateKeyCommand({ KeyId: key.KeyId, ReplicaRegion: replicaRegion(t, 1) })), {
      code: 'UnsupportedOperationException',
      message: `${keyArn(t, key.KeyId, region)} is not a multi-region primary key.`,
    });
  },
});
