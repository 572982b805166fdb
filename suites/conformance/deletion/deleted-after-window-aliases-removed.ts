import { ListAliasesCommand } from '@aws-sdk/client-kms';
import { defineCase, type CaseContext } from '../../../harness/conformance/case.js';
import { requireClock } from '../rotation/_support.js';
import { keyWithClock, givenScheduled } from './_support.js';
import { givenAlias } from '../_lib/prerequisites.js';

async function allAliasNames(t: CaseContext): Promise<Set<string>> {
  const names = new Set<string>();
  let marker: string | undefined;
  for (let page = 0; page < 10_000; page++) {
    const out = await t.kms.send(new ListAliasesCommand({ Limit: 100, Marker: marker }));
    for (const a of out.Aliases ?? []) names.add(a.AliasName!);
    if (!out.Truncated) return names;
    marker = out.NextMarker;
  }
  throw new Error('ListAliases did not finish paging');
}

/** "KMS deletes the KMS key ... including all aliases that refer to it" (ScheduleKeyDeletion API reference). */
export default defineCase({
  id: 'deletion.deleted-after-window-aliases-removed',
  title: 'When the key is deleted, ListAliases no longer lists the aliases that pointed to it',
  doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_ScheduleKeyDeletion.html',
  source: {
    kind: 'documented',
    cite: 'service model: ScheduleKeyDeletion doc ("KMS deletes the KMS key ... including all aliases that refer to it")',
    verifiedAt: '2026-12-07',
  },
  tags: ['deletion', 'aliases'],
  ops: ['CreateKey', 'CreateAlias', 'ScheduleKeyDeletion', 'ListAliases'],
  flags: ['needs-clock'],
  async run(t) {
    requireClock(t, 'the deletion date');
    const { key, clock } = await keyWithClock(t);
    const aliases = [t.aliasName('a'), t.aliasName('b')];
    for (const name of aliases) await givenAlias(t, key.KeyId, { name });
    const { DeletionDate } = await givenScheduled(t, key.KeyId, 7);
    const before = await allAliasNames(t);
    t.check(aliases.every((a) => before.has(a)), 'ListAliases lists both aliases while the key is pending deletion', aliases);
    await clock.advanceTo(t, DeletionDate!, 60_000);
    const after = await allAliasNames(t);
    t.expectEqual(aliases.filter((a) => after.has(a)), [], 'aliases of the deleted key still listed');
  },
});
