import { ReplicateKeyCommand } from '@aws-sdk/client-kms';
import { REPLICATE_DOC, inferred, mrkCase, replicaRegion } from './_support.js';
import { givenKey } from '../_lib/prerequisites.js';

export default mrkCase({
  behaviour: 'replicate-single-region-refused',
  title: 'ReplicateKey on a single-Region key: UnsupportedOperationException',
  doc: REPLICATE_DOC,
  source: inferred(`${REPLICATE_DOC} ("creates a multi-Region replica key based on a multi-Region primary key"); the replica case is recorded (aws-observed.md §9), this one is not`),
  ops: ['CreateKey', 'ReplicateKey'],
  async run(t) {
    const key = await givenKey(t);
    await t.expectError(t.kms.send(new ReplicateKeyCommand({ KeyId: key.KeyId, ReplicaRegion: replicaRegion(t) })), { code: 'UnsupportedOperationException', status: 400 });
  },
});
