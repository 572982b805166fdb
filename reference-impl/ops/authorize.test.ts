/**
 * The authorize stage in-process (ops/authorize.ts): every request goes through SigV4 and the
 * pipeline as over HTTP, signed by one of several principals (test/support/identities.ts).
 *
 * Sources: evaluation rules as cited in authz/evaluate.ts; messages as in authz/messages.ts
 * (aws-observed.md X1, X2, X3, X4).
 */
import {
  CreateAliasCommand,
  DecryptCommand,
  DescribeKeyCommand,
  EncryptCommand,
  GenerateDataKeyCommand,
  ListKeysCommand,
  PutKeyPolicyCommand,
  ReEncryptCommand,
  ScheduleKeyDeletionCommand,
  type KMSClient,
} from '@aws-sdk/client-kms';
import { beforeAll, describe, expect, it } from 'vitest';
import { IDENTITIES, IDENTITIES_CONFIG, OTHER_ACCOUNT } from '../../test/support/identities.js';
import { ACCOUNT, refusal, ROOT, inProcessKmsForFile } from '../../test/support/in-process-kms.js';

const t = inProcessKmsForFile({ audit: true, credentials: IDENTITIES_CONFIG });
let alice: KMSClient;
let bob: KMSClient;
let carol: KMSClient;
let otherRoot: KMSClient;
beforeAll(async () => {
  alice = t.clientFor(IDENTITIES.alice);
  bob = t.clientFor(IDENTITIES.bob);
  carol = t.clientFor(IDENTITIES.carol);
  otherRoot = t.clientFor(IDENTITIES.otherRoot);
});

const doc = (...statements: object[]) => JSON.stringify({ Version: '2012-10-17', Statement: statements });
const allow = (principal: string | string[], action: string | string[], extra: object = {}) => ({ Effect: 'Allow', Principal: { AWS: principal }, Action: action, Resource: '*', ...extra });
const ADMIN = { Sid: 'Admin', ...allow(ROOT, 'kms:*') };
const pt = Buffer.from('secret');

async function keyWith(policy: string) {
  return (await t.createKey({ Policy: policy })).Arn!;
}

describe('key policy statements', () => {
  it('an explicit Deny wins over the Allow, for the root too (with-explicit-deny message)', async () => {
    const key = await keyWith(doc(ADMIN, { Sid: 'NoEncrypt', Effect: 'Deny', Principal: { AWS: ROOT }, Action: 'kms:Encrypt', Resource: '*' }));
    expect(await refusal(t.kms.send(new EncryptCommand({ KeyId: key, Plaintext: pt })))).toEqual({
      name: 'AccessDeniedException',
      status: 400,
      message: `User: ${ROOT} is not authorized to perform: kms:Encrypt on resource: ${key} with an explicit deny in a resource-based policy`,
    });
    await t.kms.send(new DescribeKeyCommand({ KeyId: key }));
  });

  it('a Deny conditioned on kms:EncryptionContext:tenant applies to that tenant only; the key name is case-insensitive', async () => {
    const deny = { Sid: 'NotTenantX', Effect: 'Deny', Principal: { AWS: '*' }, Action: 'kms:Encrypt', Resource: '*', Condition: { StringEquals: { 'kms:EncryptionContext:Tenant': 'x' } } };
    const key = await keyWith(doc(ADMIN, deny));
    expect((await refusal(t.kms.send(new EncryptCommand({ KeyId: key, Plaintext: pt, EncryptionContext: { tenant: 'x' } })))).name).toBe('AccessDeniedException');
    await t.kms.send(new EncryptCommand({ KeyId: key, Plaintext: pt, EncryptionContext: { tenant: 'y' } }));
    await t.kms.send(new EncryptCommand({ KeyId: key, Plaintext: pt }));
  });

  it('the default policy delegates to IAM: alice (identity policy) may, bob (none) may not', async () => {
    const key = (await t.createKey()).Arn!;
    await alice.send(new EncryptCommand({ KeyId: key, Plaintext: pt }));
    expect((await refusal(bob.send(new EncryptCommand({ KeyId: key, Plaintext: pt })))).message).toBe(
      `User: ${IDENTITIES.bob.arn} is not authorized to perform: kms:Encrypt on resource: ${key} because no identity-based policy allows the kms:Encrypt action`,
    );
  });

  it('a statement naming bob\'s role lets bob in without an identity policy; other actions stay refused', async () => {
    const key = await keyWith(doc(ADMIN, allow(IDENTITIES.bob.role, ['kms:Encrypt', 'kms:Decrypt'])));
    const { CiphertextBlob } = await bob.send(new EncryptCommand({ KeyId: key, Plaintext: pt }));
    await bob.send(new DecryptCommand({ CiphertextBlob }));
    expect((await refusal(bob.send(new DescribeKeyCommand({ KeyId: key })))).message).toMatch(/because no identity-based policy allows the kms:DescribeKey action$/);
  });

  it('Decrypt without a KeyId names "the resource associated with this ciphertext"', async () => {
    const key = await keyWith(doc(ADMIN, { Effect: 'Deny', Principal: { AWS: ROOT }, Action: 'kms:Decrypt', Resource: '*' }));
    const { CiphertextBlob } = await t.kms.send(new EncryptCommand({ KeyId: key, Plaintext: pt }));
    expect((await refusal(t.kms.send(new DecryptCommand({ CiphertextBlob })))).message).toBe(
      `User: ${ROOT} is not authorized to perform: kms:Decrypt on the resource associated with this ciphertext with an explicit deny in a resource-based policy`,
    );
  });

  it('ReEncrypt needs kms:ReEncryptFrom on the source and kms:ReEncryptTo on the destination', async () => {
    const source = await keyWith(doc(ADMIN, { Effect: 'Deny', Principal: { AWS: ROOT }, Action: 'kms:ReEncryptTo', Resource: '*' }));
    const destination = await keyWith(doc(ADMIN, { Effect: 'Deny', Principal: { AWS: ROOT }, Action: 'kms:ReEncryptFrom', Resource: '*' }));
    const { CiphertextBlob } = await t.kms.send(new EncryptCommand({ KeyId: source, Plaintext: pt }));
    await t.kms.send(new ReEncryptCommand({ CiphertextBlob, DestinationKeyId: destination }));
    expect((await refusal(t.kms.send(new ReEncryptCommand({ CiphertextBlob, DestinationKeyId: source })))).message).toMatch(/kms:ReEncryptTo on resource: .* with an explicit deny/);
  });
});

describe('cross-account', () => {
  it('needs the key policy and the identity policy to agree', async () => {
    const closed = (await t.createKey()).Arn!;
    expect((await refusal(carol.send(new EncryptCommand({ KeyId: closed, Plaintext: pt })))).message).toBe(
      `User: ${IDENTITIES.carol.arn} is not authorized to perform: kms:Encrypt on this resource because the resource does not exist in this Region, no resource-based policies allow access, or a resource-based policy explicitly denies access`,
    );
    const open = await keyWith(doc(ADMIN, allow(`arn:aws:iam::${OTHER_ACCOUNT}:root`, ['kms:Encrypt', 'kms:GenerateDataKey'])));
    await carol.send(new EncryptCommand({ KeyId: open, Plaintext: pt }));
    expect((await refusal(carol.send(new GenerateDataKeyCommand({ KeyId: open, KeySpec: 'AES_256' })))).message).toMatch(/because no identity-based policy allows the kms:GenerateDataKey action$/);
    expect((await refusal(carol.send(new DecryptCommand({ KeyId: open, CiphertextBlob: (await t.kms.send(new EncryptCommand({ KeyId: open, Plaintext: pt }))).CiphertextBlob })))).name).toBe(
      'AccessDeniedException',
    );
    await otherRoot.send(new GenerateDataKeyCommand({ KeyId: open, KeySpec: 'AES_256' }));
  });

  it('refuses operations AWS never allows across accounts, whatever the key policy says', async () => {
    const key = await keyWith(doc(ADMIN, allow(`arn:aws:iam::${OTHER_ACCOUNT}:root`, 'kms:*')));
    expect((await refusal(otherRoot.send(new ScheduleKeyDeletionCommand({ KeyId: key, PendingWindowInDays: 7 })))).name).toBe('AccessDeniedException');
    expect((await refusal(otherRoot.send(new PutKeyPolicyCommand({ KeyId: key, PolicyName: 'default', Policy: doc(ADMIN) })))).name).toBe('AccessDeniedException');
    await otherRoot.send(new DescribeKeyCommand({ KeyId: key }));
  });
});

describe('IAM-only operations and the alias half', () => {
  it('ListKeys follows identity policies', async () => {
    await alice.send(new ListKeysCommand({}));
    expect((await refusal(bob.send(new ListKeysCommand({})))).message).toBe(
      `User: ${IDENTITIES.bob.arn} is not authorized to perform: kms:ListKeys on resource: * because no identity-based policy allows the kms:ListKeys action`,
    );
  });

  it('CreateAlias needs kms:CreateAlias on the alias (IAM) and on the key (key policy)', async () => {
    const key = await keyWith(doc(ADMIN, allow(IDENTITIES.bob.role, 'kms:CreateAlias')));
    expect((await refusal(bob.send(new CreateAliasCommand({ AliasName: 'alias/authz/bob', TargetKeyId: key })))).message).toMatch(
      /kms:CreateAlias on resource: arn:aws:kms:us-east-1:111122223333:alias\/authz\/bob because no identity-based policy allows/,
    );
    const plain = (await t.createKey()).Arn!;
    await alice.send(new CreateAliasCommand({ AliasName: 'alias/authz/alice', TargetKeyId: plain }));
  });
});

describe('policy writes and the audit log', () => {
  it('refuses a malformed policy with the engine\'s wording and a lockout unless bypassed', async () => {
    const key = (await t.createKey()).KeyId!;
    const put = (Policy: string, BypassPolicyLockoutSafetyCheck?: boolean) => t.kms.send(new PutKeyPolicyCommand({ KeyId: key, PolicyName: 'default', Policy, BypassPolicyLockoutSafetyCheck }));
    expect(await refusal(put(doc({ Effect: 'Allow', Action: 'kms:*', Resource: '*' })))).toEqual({
      name: 'MalformedPolicyDocumentException',
      status: 400,
      message: 'Policy contains a statement with no principal.',
    });
    // No Action: accepted, without effect (CreateKey Policy doc); the lockout check then refuses it.
    expect((await refusal(put(doc({ Effect: 'Allow', Principal: { AWS: ROOT }, Resource: '*' })))).message).toBe(
      'The new key policy will not allow you to update the key policy in the future.',
    );
    await put(doc(ADMIN, { Effect: 'Allow', Principal: { AWS: ROOT }, Resource: '*' }));
    await put(doc(allow(IDENTITIES.bob.role, 'kms:*')), true);
    expect((await refusal(t.kms.send(new DescribeKeyCommand({ KeyId: key })))).message).toMatch(/because no resource-based policy allows the kms:DescribeKey action$/);
  });

  it('names the principal, the decision and the deciding statement', async () => {
    const key = await keyWith(doc(ADMIN, { Sid: 'NoEncrypt', Effect: 'Deny', Principal: { AWS: ROOT }, Action: 'kms:Encrypt', Resource: '*' }));
    const described = await t.kms.send(new DescribeKeyCommand({ KeyId: key }));
    expect(await t.auditEntry(described.$metadata.requestId!)).toMatchObject({ principalArn: ROOT, recipientAccountId: ACCOUNT, decision: 'allow', decidedBy: 'key-policy:Admin' });
    const denied = await t.kms.send(new EncryptCommand({ KeyId: key, Plaintext: pt })).catch((e: { $metadata: { requestId: string } }) => e);
    expect(await t.auditEntry((denied as { $metadata: { requestId: string } }).$metadata.requestId)).toMatchObject({
      decision: 'explicit-deny',
      decidedBy: 'key-policy:NoEncrypt',
      errorCode: 'AccessDeniedException',
    });
    const viaIam = await alice.send(new DescribeKeyCommand({ KeyId: (await t.createKey()).KeyId }));
    expect(await t.auditEntry(viaIam.$metadata.requestId!)).toMatchObject({ principalArn: IDENTITIES.alice.arn, decision: 'allow', decidedBy: 'identity[0]:KmsAll' });
  });
});
