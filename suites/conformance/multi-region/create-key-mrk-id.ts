import { MODEL, MRK_DOC, documented, primaryCase } from './_support.js';
import { keyArn } from '../_lib/support.js';

export default primaryCase({
  behaviour: 'create-key-mrk-id',
  title: "CreateKey MultiRegion=true: a key id 'mrk-' and 32 hex digits, MultiRegion true",
  doc: MRK_DOC,
  source: documented(`${MRK_DOC} (multi-Region key ids begin with mrk-); ${MODEL('CreateKeyRequest.MultiRegion')}`),
  ops: [],
  async body(t, key) {
    t.check(/^mrk-[0-9a-f]{32}$/.test(key.KeyId), 'the key id is mrk- and 32 hex digits', key.KeyId);
    t.expectEqual(key.MultiRegion, true, 'MultiRegion');
    t.expectEqual(key.Arn, keyArn(t, key.KeyId), 'the ARN names the Region');
  },
});
