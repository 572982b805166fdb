import { ListKeysCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { documented, givenKeyIn, MODEL, REGIONS_DOC, replicaRegion } from './_support.js';

export default defineCase({
  id: 'multi-region.list-keys-per-region',
  title: "ListKeys lists a Region's own keys only",
  doc: REGIONS_DOC,
  source: documented(`${MODEL('ListKeys')} ("Gets a list of all KMS keys in the caller's Amazon Web Services account and Region")`),
  tags: ['multi-region', 'semantics'],
  ops: ['CreateKey', 'ListKeys'],
  timeoutMs: 120_000,
  async run(t) {
    const region = replicaRegion(t);
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
