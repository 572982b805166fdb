import { DeleteAliasCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { aliasesOf, settle, unthrottled } from '../_lib/support.js';
import { givenKey } from '../_lib/prerequisites.js';
import { aliasOfDoomedKey } from './_support.js';
import { documented } from '../_lib/sources.js';

export default defineCase({
  id: 'aliases.delete-alias-of-pending-deletion-key',
  title: 'DeleteAlias works on an alias whose key is pending deletion (KS-OLD: DeleteAlias ✓ in every state)',
  doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_DeleteAlias.html#API_DeleteAlias_RequestParameters',
  source: documented('https://docs.aws.amazon.com/kms/latest/developerguide/key-state.html (archived table: spec/aws-observed.md §2.2, KS-OLD) (DeleteAlias ✓ in every state)'),
  tags: ['aliases', 'key-state'],
  ops: ['CreateKey', 'CreateAlias', 'ScheduleKeyDeletion', 'DeleteAlias', 'ListAliases'],
  async run(t) {
    const key = await givenKey(t);
    const name = await aliasOfDoomedKey(t, key);
    await unthrottled(() => t.kms.send(new DeleteAliasCommand({ AliasName: name })));
    const left = await settle(() => aliasesOf(t, key.KeyId), (all) => all.length === 0);
    t.expectEqual(left.map((a) => a.AliasName), [], "the key's aliases");
  },
});
