import { MODEL, REPLICATE_DOC, describeIn, documented, primaryCase, replicate } from './_support.js';

export default primaryCase({
  behaviour: 'replicate-description-not-shared',
  title: 'The replica has its own description; the primary keeps its own',
  doc: REPLICATE_DOC,
  source: documented(`${MODEL('ReplicateKeyRequest.Description')} ("The description is not a shared property of multi-Region keys")`),
  ops: ['ReplicateKey', 'DescribeKey'],
  primary: { Description: 'primary' },
  async body(t, key, region) {
    const { ready } = await replicate(t, key.KeyId, region, { Description: 'replica' });
    t.expectEqual(ready.Description, 'replica', 'Description of the replica');
    t.expectEqual((await describeIn(t, t.kms, key.KeyId)).Description, 'primary', 'Description of the primary');
  },
});
