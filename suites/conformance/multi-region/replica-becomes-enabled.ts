import { defineCase } from '../../../harness/conformance/case.js';
import { REPLICATE_DOC, documented, primaryKey, replicaRegion, replicate } from './_support.js';

export default defineCase({
  id: 'multi-region.replica-becomes-enabled',
  title: 'A new replica leaves Creating for Enabled within seconds',
  doc: REPLICATE_DOC,
  source: documented(`${REPLICATE_DOC} ("the new replica key has a transient key state of Creating. This key state changes to Enabled (or PendingImport) after a few seconds")`),
  tags: ['multi-region', 'key-state'],
  ops: ['CreateKey', 'ReplicateKey', 'DescribeKey'],
  timeoutMs: 120_000,
  async run(t) {
    const key = await primaryKey(t);
    const { ready } = await replicate(t, key.KeyId, replicaRegion(t));
    t.expectEqual([ready.KeyState, ready.Enabled], ['Enabled', true], 'KeyState, Enabled of the ready replica');
  },
});
