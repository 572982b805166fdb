import { ListRetirableGrantsCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { givenGrant, grant, rootArn } from './_support.js';
import { givenKey } from '../_lib/prerequisites.js';
import { documented } from '../_lib/sources.js';

export default defineCase({
  id: 'grants.list-retirable-by-retiring-principal',
  title: 'ListRetirableGrants for a retiring principal lists the grants that name it',
  doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_ListRetirableGrants.html',
  source: documented('https://docs.aws.amazon.com/kms/latest/APIReference/API_ListRetirableGrants.html'),
  tags: ['grants'],
  ops: ['CreateKey', 'CreateGrant', 'ListRetirableGrants'],
  async run(t) {
    const key = await givenKey(t);
    const g = await givenGrant(t, { KeyId: key.KeyId, GranteePrincipal: rootArn(t), RetiringPrincipal: rootArn(t), Operations: ['Decrypt'] });
    const seen: string[] = [];
    let marker: string | undefined;
    do {
      const out = await t.kms.send(new ListRetirableGrantsCommand({ RetiringPrincipal: rootArn(t), Limit: 100, ...(marker ? { Marker: marker } : {}) }));
      for (const x of out.Grants ?? []) if (x.GrantId) seen.push(x.GrantId);
      marker = out.Truncated ? out.NextMarker : undefined;
    } while (marker && !seen.includes(g.GrantId));
    t.check(seen.includes(g.GrantId), 'ListRetirableGrants lists the grant', seen.length);
  },
});
