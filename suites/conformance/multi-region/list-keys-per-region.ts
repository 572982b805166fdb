import { ListKeysCommand } from '@aws-sdk/client-kms';
import { documented, givenKeyIn, MODEL, perRegionCase } from './_support.js';

export default perRegionCase({
  behaviour: 'list-keys-per-region',
  title: "ListKeys lists a Region's own keys only",
  source: documented(`${MODEL('ListKeys')} ("Gets a list of all KMS keys in the caller's Amazon Web Services account and Region")`),
  tags: ['semantics'],
  ops: ['CreateKey', 'ListKeys'],
  async body(t, region) {
    const key = await givenKeyIn(t, region);
    const ids: string[] = [];
    let marker: string | undefined;
    for (let page = 0; page < 200; page++) {
      const out = await t.kms.send(new ListKeysCommand({ Limit: 1000, Marker: marker }));
      ids.push(...(out.Keys ?? []).map((k) => k.KeyId!));
      if (!out.Truncated) break;
      marker = out.NextMarker;
    }
    t.check(!ids.includes(key.KeyId!), 'the other Region\'s key is not listed here', key.KeyId);
  },
});
