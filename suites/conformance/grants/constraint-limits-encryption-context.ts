import { EncryptCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { givenGrant, grant } from './_support.js';
import { givenKey } from '../_lib/prerequisites.js';
import { documented } from '../_lib/sources.js';

export default defineCase({
  id: 'grants.constraint-limits-encryption-context',
  title: 'A grant with an EncryptionContextSubset constraint lets bob encrypt with a context that contains the pair, not with another',
  doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_GrantConstraints.html',
  source: documented('https://docs.aws.amazon.com/kms/latest/APIReference/API_GrantConstraints.html (EncryptionContextSubset)'),
  tags: ['grants', 'encryption-context'],
  ops: ['CreateKey', 'CreateGrant', 'Encrypt'],
  needs: ['identities'],
  async run(t) {
    const bob = t.as('bob');
    const key = await givenKey(t);
    const g = await givenGrant(t, { KeyId: key.KeyId, GranteePrincipal: bob.arn, Operations: ['Encrypt'], Constraints: { EncryptionContextSubset: { purpose: 'billing' } } });
    const send = (EncryptionContext: Record<string, string>) => bob.kms.send(new EncryptCommand({ KeyId: key.Arn, Plaintext: t.bytes(16), EncryptionContext, GrantTokens: [g.GrantToken] }));
    await send({ purpose: 'billing', tenant: 'a' });
    await t.expectError(send({ purpose: 'marketing' }), { code: 'AccessDeniedException' });
  },
});
