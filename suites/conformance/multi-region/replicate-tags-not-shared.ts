import { ListResourceTagsCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { MODEL, REPLICATE_DOC, awaitReplica, documented, primaryKey, replicaRegion, replicate, replicateOnly } from './_support.js';

export default defineCase({
  id: 'multi-region.replicate-tags-not-shared',
  title: "Tags given to ReplicateKey are the replica's; the primary's tags are not copied",
  doc: REPLICATE_DOC,
  source: documented(`${MODEL('ReplicateKeyRequest.Tags')} ("Tags are not a shared property of multi-Region keys")`),
  tags: ['multi-region', 'tags'],
  ops: ['CreateKey', 'ReplicateKey', 'ListResourceTags'],
  timeoutMs: 120_000,
  async run(t) {
    const key = await primaryKey(t, { Tags: [{ TagKey: 'side', TagValue: 'primary' }] });
    const region = replicaRegion(t);
    const out = await replicateOnly(t, key.KeyId, region, { Tags: [{ TagKey: 'side', TagValue: 'replica' }] });
    t.expectEqual(out.ReplicaTags, [{ TagKey: 'side', TagValue: 'replica' }], 'ReplicaTags');
    await awaitReplica(t, key.KeyId, region);
    const tags = (await t.kmsIn(region).send(new ListResourceTagsCommand({ KeyId: key.KeyId }))).Tags;
    t.expectEqual(tags, [{ TagKey: 'side', TagValue: 'replica' }], 'tags of the replica');
  },
});
