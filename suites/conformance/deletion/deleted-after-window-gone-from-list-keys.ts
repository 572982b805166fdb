import { ListKeysCommand } from '@aws-sdk/client-kms';
import { defineCase, type CaseContext } from '../../../harness/conformance/case.js';
import { requireClock } from '../rotation/_support.js';
import { HOW_IT_WORKS_DOC, keyWithClock, givenScheduled } from './_support.js';

async function allKeyIds(t: CaseContext): Promise<Set<string>> {
  const ids = new Set<string>();
  let marker: string | undefined;
  for (let page = 0; page < 10_000; page++) {
    const out = await t.kms.send(new ListKeysCommand({ Limit: 1000, Marker: marker }));
    for (const k of out.Keys ?? []) ids.add(k.KeyId!);
    if (!out.Truncated) return ids;
    marker = out.NextMarker;
  }
  throw new Error('ListKeys did not finish paging');
}

export default defineCase({
  id: 'deletion.deleted-after-window-gone-from-list-keys',
  title: 'A key pending deletion is listed by ListKeys; once deleted it is not',
  doc: HOW_IT_WORKS_DOC,
  source: {
    kind: 'documented',
    cite: 'https://docs.aws.amazon.com/kms/latest/developerguide/key-state.html (archived table: spec/aws-observed.md §2.2, KS-OLD) (ListKeys ✓ while PendingDeletion); service model: ScheduleKeyDeletion doc (deleted after the waiting period)',
    verifiedAt: '2026-12-07',
  },
  tags: ['deletion'],
  ops: ['CreateKey', 'ScheduleKeyDeletion', 'ListKeys'],
  flags: ['needs-clock'],
  async run(t) {
    requireClock(t, 'the deletion date');
    const { key, clock } = await keyWithClock(t);
    const { DeletionDate } = await givenScheduled(t, key.KeyId, 7);
    t.check((await allKeyIds(t)).has(key.KeyId), 'ListKeys lists the key while it is pending deletion');
    await clock.advanceTo(t, DeletionDate!, 60_000);
    t.check(!(await allKeyIds(t)).has(key.KeyId), 'ListKeys no longer lists the deleted key');
  },
});
