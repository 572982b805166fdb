import { ListGrantsCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { grant, rootArn } from './_support.js';
import { givenKey } from '../_lib/prerequisites.js';
import { documented } from '../_lib/sources.js';

export default defineCase({
  id: 'grants.create-and-list',
  title: 'CreateGrant answers a grant id that ListGrants lists with the key ARN, grantee, retiring principal, operations and issuing account',
  doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_ListGrants.html',
  source: documented('service model: ListGrantsResponse.Grants (GrantListEntry); https://docs.aws.amazon.com/kms/latest/APIReference/API_CreateGrant.html'),
  tags: ['grants'],
  ops: ['CreateKey', 'CreateGrant', 'ListGrants'],
  async run(t) {
    const key = await givenKey(t);
    const g = await grant(t, { KeyId: key.KeyId, GranteePrincipal: rootArn(t), RetiringPrincipal: rootArn(t), Operations: ['Encrypt', 'Decrypt'] });
    const listed = (await t.kms.send(new ListGrantsCommand({ KeyId: key.KeyId }))).Grants ?? [];
    const mine = listed.find((x) => x.GrantId === g.GrantId);
    t.check(mine !== undefined, 'ListGrants lists the new grant', listed);
    t.expectEqual(
      { KeyId: mine!.KeyId, GranteePrincipal: mine!.GranteePrincipal, RetiringPrincipal: mine!.RetiringPrincipal, IssuingAccount: mine!.IssuingAccount, Operations: [...(mine!.Operations ?? [])].sort() },
      { KeyId: key.Arn, GranteePrincipal: rootArn(t), RetiringPrincipal: rootArn(t), IssuingAccount: rootArn(t), Operations: ['Decrypt', 'Encrypt'] },
      'the listed grant',
    );
  },
});
