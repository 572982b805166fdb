/**
 * Grants in-process (ops/grants.ts with the authorize stage): created by the key's account, used
 * by the grantee's own credentials, listed, retired and revoked.
 *
 * Sources: CreateGrant / RetireGrant / RevokeGrant / ListGrants API reference (service model
 * docs); grant constraints and child grants as cited in authz/grants.ts. Error messages are
 * INFERRED (ops/operation-messages.ts grantMsg); the codes are the model's.
 */
import {
  CreateGrantCommand,
  DecryptCommand,
  DescribeKeyCommand,
  EncryptCommand,
  ListGrantsCommand,
  ListRetirableGrantsCommand,
  RetireGrantCommand,
  RevokeGrantCommand,
  type KMSClient,
} from '@aws-sdk/client-kms';
import { beforeAll, describe, expect, it } from 'vitest';
import { IDENTITIES, IDENTITIES_CONFIG } from '../../test/support/identities.js';
import { refusal, ROOT, inProcessKmsForFile } from '../../test/support/in-process-kms.js';

const t = inProcessKmsForFile({ credentials: IDENTITIES_CONFIG });
let bob: KMSClient;
let carol: KMSClient;
beforeAll(async () => {
  bob = t.clientFor(IDENTITIES.bob);
  carol = t.clientFor(IDENTITIES.carol);
});

const pt = Buffer.from('secret');

describe('CreateGrant and using the grant', () => {
  it('lets the grantee use the key within the constraint, at once, and only for the granted operations', async () => {
    const key = (await t.createKey()).Arn!;
    expect((await refusal(bob.send(new EncryptCommand({ KeyId: key, Plaintext: pt })))).name).toBe('AccessDeniedException');
    const { GrantId, GrantToken } = await t.kms.send(
      new CreateGrantCommand({ KeyId: key, GranteePrincipal: IDENTITIES.bob.role, Operations: ['Encrypt'], Constraints: { EncryptionContextSubset: { app: 'a' } } }),
    );
    expect(GrantId).toMatch(/^[0-9a-f]{64}$/);
    await bob.send(new EncryptCommand({ KeyId: key, Plaintext: pt, EncryptionContext: { App: 'a', more: 'x' }, GrantTokens: [GrantToken!] }));
    expect((await refusal(bob.send(new EncryptCommand({ KeyId: key, Plaintext: pt, EncryptionContext: { app: 'b' } })))).name).toBe('AccessDeniedException');
    expect((await refusal(bob.send(new DescribeKeyCommand({ KeyId: key })))).name).toBe('AccessDeniedException');
    const ct = (await t.kms.send(new EncryptCommand({ KeyId: key, Plaintext: pt, EncryptionContext: { app: 'a' } }))).CiphertextBlob;
    expect((await refusal(bob.send(new DecryptCommand({ CiphertextBlob: ct, EncryptionContext: { app: 'a' } })))).name).toBe('AccessDeniedException');
  });

  it('answers a retry with the same Name and parameters with the same grant id, and a new token', async () => {
    const key = (await t.createKey()).KeyId!;
    const input = { KeyId: key, GranteePrincipal: IDENTITIES.bob.role, Operations: ['Decrypt' as const], Name: 'retry-me' };
    const a = await t.kms.send(new CreateGrantCommand(input));
    const b = await t.kms.send(new CreateGrantCommand(input));
    expect(b.GrantId).toBe(a.GrantId);
    expect(b.GrantToken).not.toBe(a.GrantToken);
    const c = await t.kms.send(new CreateGrantCommand({ ...input, Operations: ['Encrypt'] }));
    expect(c.GrantId).not.toBe(a.GrantId);
    expect((await t.kms.send(new ListGrantsCommand({ KeyId: key }))).Grants!.map((g) => g.GrantId)).toEqual([a.GrantId, c.GrantId]);
  });

  it('refuses operations the key type does not support, and tokens this server did not issue', async () => {
    const key = (await t.createKey()).KeyId!;
    expect((await refusal(t.kms.send(new CreateGrantCommand({ KeyId: key, GranteePrincipal: ROOT, Operations: ['Sign'] })))).name).toBe('ValidationException');
    expect((await refusal(t.kms.send(new EncryptCommand({ KeyId: key, Plaintext: pt, GrantTokens: ['not-a-token'] })))).name).toBe('InvalidGrantTokenException');
  });

  it('a grant with CreateGrant lets the grantee create only grants as strict as its own', async () => {
    const key = (await t.createKey()).Arn!;
    await t.kms.send(
      new CreateGrantCommand({ KeyId: key, GranteePrincipal: IDENTITIES.bob.role, Operations: ['CreateGrant', 'Encrypt'], Constraints: { EncryptionContextEquals: { app: 'a' } } }),
    );
    await bob.send(new CreateGrantCommand({ KeyId: key, GranteePrincipal: IDENTITIES.carol.role, Operations: ['Encrypt'], Constraints: { EncryptionContextEquals: { app: 'a' } } }));
    expect((await refusal(bob.send(new CreateGrantCommand({ KeyId: key, GranteePrincipal: IDENTITIES.carol.role, Operations: ['Encrypt'] })))).name).toBe('AccessDeniedException');
    expect((await refusal(bob.send(new CreateGrantCommand({ KeyId: key, GranteePrincipal: IDENTITIES.carol.role, Operations: ['Decrypt'], Constraints: { EncryptionContextEquals: { app: 'a' } } })))).name).toBe(
      'AccessDeniedException',
    );
  });
});

describe('listing, retiring and revoking', () => {
  it('lists grants with their fields, filters by grantee, pages with Limit/Marker', async () => {
    const key = (await t.createKey()).Arn!;
    const ids: string[] = [];
    for (const grantee of [IDENTITIES.bob.role, IDENTITIES.carol.role, IDENTITIES.bob.role]) {
      ids.push((await t.kms.send(new CreateGrantCommand({ KeyId: key, GranteePrincipal: grantee, RetiringPrincipal: ROOT, Operations: ['Encrypt', 'Decrypt'] }))).GrantId!);
    }
    const first = await t.kms.send(new ListGrantsCommand({ KeyId: key, Limit: 2 }));
    expect(first.Truncated).toBe(true);
    expect(first.Grants![0]).toMatchObject({ KeyId: key, GrantId: ids[0], GranteePrincipal: IDENTITIES.bob.role, RetiringPrincipal: ROOT, IssuingAccount: ROOT, Operations: ['Encrypt', 'Decrypt'] });
    const rest = await t.kms.send(new ListGrantsCommand({ KeyId: key, Limit: 2, Marker: first.NextMarker }));
    expect(rest.Grants!.map((g) => g.GrantId)).toEqual([ids[2]]);
    expect((await t.kms.send(new ListGrantsCommand({ KeyId: key, GranteePrincipal: IDENTITIES.carol.role }))).Grants!.map((g) => g.GrantId)).toEqual([ids[1]]);
    const retirable = (await t.kms.send(new ListRetirableGrantsCommand({ RetiringPrincipal: ROOT }))).Grants!.map((g) => g.GrantId);
    expect(retirable).toEqual(expect.arrayContaining(ids));
  });

  it('RetireGrant: the retiring principal may (by token), the grantee without RetireGrant may not; RevokeGrant by key and id', async () => {
    const key = (await t.createKey()).Arn!;
    const g = await t.kms.send(new CreateGrantCommand({ KeyId: key, GranteePrincipal: IDENTITIES.bob.role, RetiringPrincipal: IDENTITIES.carol.role, Operations: ['Encrypt'] }));
    expect((await refusal(bob.send(new RetireGrantCommand({ KeyId: key, GrantId: g.GrantId })))).name).toBe('AccessDeniedException');
    await carol.send(new RetireGrantCommand({ GrantToken: g.GrantToken }));
    expect((await refusal(bob.send(new EncryptCommand({ KeyId: key, Plaintext: pt })))).name).toBe('AccessDeniedException');
    expect((await refusal(carol.send(new RetireGrantCommand({ GrantToken: g.GrantToken })))).name).toBe('NotFoundException');

    const h = await t.kms.send(new CreateGrantCommand({ KeyId: key, GranteePrincipal: IDENTITIES.bob.role, Operations: ['Encrypt', 'RetireGrant'] }));
    await bob.send(new EncryptCommand({ KeyId: key, Plaintext: pt }));
    await t.kms.send(new RevokeGrantCommand({ KeyId: key, GrantId: h.GrantId }));
    expect((await refusal(bob.send(new EncryptCommand({ KeyId: key, Plaintext: pt })))).name).toBe('AccessDeniedException');
    expect((await refusal(t.kms.send(new RevokeGrantCommand({ KeyId: key, GrantId: h.GrantId })))).name).toBe('NotFoundException');
    expect((await refusal(t.kms.send(new RevokeGrantCommand({ KeyId: key, GrantId: 'not-a-grant-id' })))).name).toBe('InvalidGrantIdException');
  });
});
