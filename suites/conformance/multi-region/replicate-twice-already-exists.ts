import { ReplicateKeyCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { REPLICATE_DOC, documented, primaryKey, replicaRegion, replicate, replicateOnly } from './_support.js';

export default defineCase({
  id: 'multi-region.replicate-twice-already-exists',
  title: 'ReplicateKey into a Region that already has the replica: AlreadyExistsException',
  doc: REPLICATE_DOC,
  source: documented(`${REPLICATE_DOC} ("If the Region already includes a replica of the key you're trying to replicate, ReplicateKey returns an AlreadyExistsException error")`),
  tags: ['multi-region'],
  ops: ['CreateKey', 'ReplicateKey'],
  timeoutMs: 120_000,
  async run(t) {
    const key = await primaryKey(t);
    const region = replicaRegion(t);
    await t.given(`ReplicateKey into ${region}`, () => replicateOnly(t, key.KeyId, region), { coveredBy: 'multi-region.replicate-same-key-id' });
    await t.expectError(t.kms.send(new ReplicateKeyCommand({ KeyId: key.KeyId, ReplicaRegion: region })), { code: 'AlreadyExistsException', status: 400 });
  },
});
