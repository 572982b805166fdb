import { ListKeysCommand } from '@aws-sdk/client-kms';
import type { CaseContext } from '../../../harness/conformance/case.js';
import { allPages, HOW_IT_WORKS_DOC } from './_support.js';
import { deletionDateCase } from './_deletion-date.js';
import { documented } from '../_lib/sources.js';

async function allKeyIds(t: CaseContext): Promise<Set<string>> {
  const pages = await allPages('ListKeys', (marker) => t.kms.send(new ListKeysCommand({ Limit: 1000, Marker: marker })));
  return new Set(pages.flatMap((out) => out.Keys ?? []).map((k) => k.KeyId!));
}

export default deletionDateCase({
  behaviour: 'deleted-after-window-gone-from-list-keys',
  title: 'A key pending deletion is listed by ListKeys; once deleted it is not',
  doc: HOW_IT_WORKS_DOC,
  source: documented('https://docs.aws.amazon.com/kms/latest/developerguide/key-state.html (archived table: spec/aws-observed.md §2.2, KS-OLD) (ListKeys ✓ while PendingDeletion); service model: ScheduleKeyDeletion doc (deleted after the waiting period)'),
  ops: ['CreateKey', 'ScheduleKeyDeletion', 'ListKeys'],
  async pending(t, key) {
    t.check((await allKeyIds(t)).has(key.KeyId), 'ListKeys lists the key while it is pending deletion');
  },
  async after(t, key) {
    t.check(!(await allKeyIds(t)).has(key.KeyId), 'ListKeys no longer lists the deleted key');
  },
});
