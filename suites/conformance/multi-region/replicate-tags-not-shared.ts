import { ListResourceTagsCommand } from '@aws-sdk/client-kms';
import { MODEL, REPLICATE_DOC, awaitReplica, documented, primaryCase, replicateOnly } from './_support.js';

export default primaryCase({
  behaviour: 'replicate-tags-not-shared',
  title: "Tags given to ReplicateKey are the replica's; the primary's tags are not copied",
  doc: REPLICATE_DOC,
  source: documented(`${MODEL('ReplicateKeyRequest.Tags')} ("Tags are not a shared property of multi-Region keys")`),
  tags: ['tags'],
  ops: ['ReplicateKey', 'ListResourceTags'],
  primary: { Tags: [{ TagKey: 'side', TagValue: 'primary' }] },
  async body(t, key, region) {
    const out = await replicateOnly(t, key.KeyId, region, { Tags: [{ TagKey: 'side', TagValue: 'replica' }] });
    t.expectEqual(out.ReplicaTags, [{ TagKey: 'side', TagValue: 'replica' }], 'ReplicaTags');
    await awaitReplica(t, key.KeyId, region);
    const tags = (await t.kmsIn(region).send(new ListResourceTagsCommand({ KeyId: key.KeyId }))).Tags;
    t.expectEqual(tags, [{ TagKey: 'side', TagValue: 'replica' }], 'tags of the replica');
  },
});
