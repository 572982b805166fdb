import { ReplicateKeyCommand } from '@aws-sdk/client-kms';
import { REPLICATE_DOC, documented, primaryCase, replicateOnly } from './_support.js';

export default primaryCase({
  behaviour: 'replicate-twice-already-exists',
  title: 'ReplicateKey into a Region that already has the replica: AlreadyExistsException',
  doc: REPLICATE_DOC,
  source: documented(`${REPLICATE_DOC} ("If the Region already includes a replica of the key you're trying to replicate, ReplicateKey returns an AlreadyExistsException error")`),
  ops: ['ReplicateKey'],
  async body(t, key, region) {
    await t.given(`ReplicateKey into ${region}`, () => replicateOnly(t, key.KeyId, region), { coveredBy: 'multi-region.replicate-same-key-id' });
    await t.expectError(t.kms.send(new ReplicateKeyCommand({ KeyId: key.KeyId, ReplicaRegion: region })), { code: 'AlreadyExistsException', status: 400 });
  },
});
