import { defineCase } from '../../../harness/conformance/case.js';
import { MODEL, MRK_DOC, documented, primaryKey } from './_support.js';
import { keyArn } from '../_lib/support.js';

export default defineCase({
  id: 'multi-region.create-key-mrk-id',
  title: "CreateKey MultiRegion=true: a key id 'mrk-' and 32 hex digits, MultiRegion true",
  doc: MRK_DOC,
  source: documented(`${MRK_DOC} (multi-Region key ids begin with mrk-); ${MODEL('CreateKeyRequest.MultiRegion')}`),
  tags: ['multi-region'],
  ops: ['CreateKey'],
  timeoutMs: 120_000,
  async run(t) {
    const key = await primaryKey(t);
    t.check(/^mrk-[0-9a-f]{32}$/.test(key.KeyId), 'the key id is mrk- and 32 hex digits', key.KeyId);
    t.expectEqual(key.MultiRegion, true, 'MultiRegion');
    t.expectEqual(key.Arn, keyArn(t, key.KeyId), 'the ARN names the Region');
  },
});
