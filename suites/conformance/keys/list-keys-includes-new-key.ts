import { defineCase } from '../../../harness/conformance/case.js';
import { allKeyIds, settle } from '../_lib/support.js';
import { givenKey } from '../_lib/prerequisites.js';
import { documented } from '../_lib/sources.js';

export default defineCase({
  id: 'keys.list-keys-includes-new-key',
  title: 'A key made by CreateKey appears in ListKeys (all pages) with its KeyId',
  doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_ListKeys.html#API_ListKeys_ResponseElements',
  source: documented('https://docs.aws.amazon.com/kms/latest/APIReference/API_ListKeys.html#API_ListKeys_ResponseElements'),
  tags: ['semantics'],
  ops: ['CreateKey', 'ListKeys'],
  async run(t) {
    const key = await givenKey(t);
    const ids = await settle(() => allKeyIds(t), (all) => all.includes(key.KeyId));
    t.check(ids.includes(key.KeyId), 'ListKeys lists the new key', { keyId: key.KeyId, listed: ids.length });
    t.expectEqual(new Set(ids).size, ids.length, 'number of distinct KeyIds across pages (no key listed twice)');
  },
});
