import { REPLICATE_DOC, documented, primaryCase, replicate } from './_support.js';

export default primaryCase({
  behaviour: 'replica-becomes-enabled',
  title: 'A new replica leaves Creating for Enabled within seconds',
  doc: REPLICATE_DOC,
  source: documented(`${REPLICATE_DOC} ("the new replica key has a transient key state of Creating. This key state changes to Enabled (or PendingImport) after a few seconds")`),
  tags: ['key-state'],
  ops: ['ReplicateKey', 'DescribeKey'],
  async body(t, key, region) {
    const { ready } = await replicate(t, key.KeyId, region);
    t.expectEqual([ready.KeyState, ready.Enabled], ['Enabled', true], 'KeyState, Enabled of the ready replica');
  },
});
