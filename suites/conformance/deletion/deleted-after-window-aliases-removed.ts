import { ListAliasesCommand } from '@aws-sdk/client-kms';
import type { CaseContext } from '../../../harness/conformance/case.js';
import { givenAlias } from '../_lib/prerequisites.js';
import { allPages } from './_support.js';
import { deletionDateCase } from './_deletion-date.js';
import { documented } from '../_lib/sources.js';

async function allAliasNames(t: CaseContext): Promise<Set<string>> {
  const pages = await allPages('ListAliases', (marker) => t.kms.send(new ListAliasesCommand({ Limit: 100, Marker: marker })));
  return new Set(pages.flatMap((out) => out.Aliases ?? []).map((a) => a.AliasName!));
}

/** "KMS deletes the KMS key ... including all aliases that refer to it" (ScheduleKeyDeletion API reference). */
export default deletionDateCase<string[]>({
  behaviour: 'deleted-after-window-aliases-removed',
  title: 'When the key is deleted, ListAliases no longer lists the aliases that pointed to it',
  doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_ScheduleKeyDeletion.html',
  source: documented('service model: ScheduleKeyDeletion doc ("KMS deletes the KMS key ... including all aliases that refer to it")'),
  tags: ['deletion', 'aliases'],
  ops: ['CreateKey', 'CreateAlias', 'ScheduleKeyDeletion', 'ListAliases'],
  async before(t, key) {
    const aliases = [t.aliasName('a'), t.aliasName('b')];
    for (const name of aliases) await givenAlias(t, key.KeyId, { name });
    return aliases;
  },
  async pending(t, _key, aliases) {
    const listed = await allAliasNames(t);
    t.check(aliases.every((a) => listed.has(a)), 'ListAliases lists both aliases while the key is pending deletion', aliases);
  },
  async after(t, _key, aliases) {
    const after = await allAliasNames(t);
    t.expectEqual(aliases.filter((a) => after.has(a)), [], 'aliases of the deleted key still listed');
  },
});
