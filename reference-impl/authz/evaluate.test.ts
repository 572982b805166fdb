import { describe, expect, it } from 'vitest';
import { AccessDeniedException } from '../errors.js';
import { defaultKeyPolicy } from '../keys/policy-document.js';
import { OPERATION_PERMISSIONS } from './actions.js';
import { requestContextFor, type KeyFacts } from './context.js';
import { compilePolicy, type CompiledPolicy } from './document.js';
import { accessDenied, evaluate, type AuthzRequest } from './evaluate.js';
import type { GrantRecord } from './grants.js';
import { callerPrincipal, type CallerPrincipal } from './principal.js';

const A = '111122223333';
const B = '444455556666';
const KEY: KeyFacts = { arn: `arn:aws:kms:us-east-1:${A}:key/1234abcd-12ab-34cd-56ef-1234567890ab`, account: A, keySpec: 'SYMMETRIC_DEFAULT', keyUsage: 'ENCRYPT_DECRYPT', origin: 'AWS_KMS' };
const alice = callerPrincipal(`arn:aws:iam::${A}:user/alice`);
const root = callerPrincipal(`arn:aws:iam::${A}:root`);
const appSession = callerPrincipal(`arn:aws:sts::${A}:assumed-role/App/i-0123`);
const bob = callerPrincipal(`arn:aws:iam::${B}:user/bob`);

const keyPolicy = (...statements: object[]) => compilePolicy({ Version: '2012-10-17', Statement: statements }, { kind: 'key' });
const identity = (...statements: object[]) => compilePolicy({ Version: '2012-10-17', Statement: statements }, { kind: 'identity' });
const allowIam = (Action: string | string[] = 'kms:*', Resource: string | string[] = '*') => identity({ Effect: 'Allow', Action, Resource });

function request(op: 'Encrypt' | 'ScheduleKeyDeletion' | 'ListKeys' | 'Decrypt', who: CallerPrincipal, input: Record<string, unknown> = {}, extra: Partial<AuthzRequest> = {}): AuthzRequest {
  const perm = OPERATION_PERMISSIONS[op];
  const iamOnly = perm.kind === 'iam';
  return {
    action: perm.actions[0],
    resource: iamOnly ? '*' : KEY.arn,
    resourceAccount: iamOnly ? who.account : KEY.account,
    principal: who,
    context: requestContextFor(op, { KeyId: KEY.arn, ...input }, iamOnly ? null : KEY, who, { now: Date.UTC(2025, 0, 1) }),
    crossAccount: perm.crossAccount,
    ...extra,
  };
}
const decide = (req: AuthzRequest, kp: CompiledPolicy | null, ids: CompiledPolicy[] = []) => evaluate(req, kp, ids);

describe('default key policy (root delegates to IAM)', () => {
  const kp = compilePolicy(defaultKeyPolicy(A), { kind: 'key' });
  it('needs an identity-policy allow in the same account', () => {
    expect(decide(request('Encrypt', alice), kp, [allowIam('kms:Encrypt', KEY.arn)])).toMatchObject({ decision: 'allow', reason: 'key-policy+identity', decidingStatement: { source: 'identity', index: 0, policyIndex: 0 } });
    expect(decide(request('Encrypt', alice), kp, [])).toEqual({ decision: 'implicit-deny', reason: 'no-identity-allow' });
    expect(decide(request('Encrypt', alice), kp, [allowIam('kms:Decrypt')]).decision).toBe('implicit-deny');
  });
  it('lets the account root in without identity policies', () => {
    expect(decide(request('Encrypt', root), kp)).toMatchObject({ decision: 'allow', reason: 'key-policy' });
  });
  it('keeps other accounts out', () => {
    expect(decide(request('Encrypt', bob), kp, [allowIam()])).toEqual({ decision: 'implicit-deny', reason: 'cross-account' });
  });
});

describe('key policy naming principals', () => {
  it('a statement naming the user suffices without identity policies', () => {
    const kp = keyPolicy({ Sid: 'Alice', Effect: 'Allow', Principal: { AWS: alice.arn }, Action: 'kms:Encrypt', Resource: '*' });
    expect(decide(request('Encrypt', alice), kp)).toEqual({ decision: 'allow', reason: 'key-policy', decidingStatement: { source: 'key-policy', sid: 'Alice', index: 0 } });
    expect(decide(request('ScheduleKeyDeletion', alice), kp)).toEqual({ decision: 'implicit-deny', reason: 'no-resource-allow' });
  });
  it('a role ARN covers its sessions; "*" covers everyone in the account', () => {
    expect(decide(request('Encrypt', appSession), keyPolicy({ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${A}:role/App` }, Action: 'kms:Encrypt', Resource: '*' })).decision).toBe('allow');
    expect(decide(request('Encrypt', alice), keyPolicy({ Effect: 'Allow', Principal: '*', Action: 'kms:*', Resource: '*' })).decision).toBe('allow');
  });
  it('honours encryption-context conditions', () => {
    const kp = keyPolicy({ Effect: 'Allow', Principal: { AWS: alice.arn }, Action: 'kms:Encrypt', Resource: '*', Condition: { StringEquals: { 'kms:EncryptionContext:tenant': 'acme' } } });
    expect(decide(request('Encrypt', alice, { EncryptionContext: { tenant: 'acme' } }), kp).decision).toBe('allow');
    expect(decide(request('Encrypt', alice, { EncryptionContext: { Tenant: 'acme' } }), kp).decision).toBe('allow');
    expect(decide(request('Encrypt', alice, { EncryptionContext: { tenant: 'other' } }), kp).decision).toBe('implicit-deny');
    expect(decide(request('Encrypt', alice), kp).decision).toBe('implicit-deny');
  });
});

describe('explicit deny', () => {
  const allowAll = { Effect: 'Allow', Principal: { AWS: A }, Action: 'kms:*', Resource: '*' };
  it('in the key policy beats every allow and every grant', () => {
    const kp = keyPolicy(allowAll, { Sid: 'NoEncrypt', Effect: 'Deny', Principal: '*', Action: 'kms:Encrypt', Resource: '*' });
    const grant: GrantRecord = { grantId: 'a'.repeat(64), keyArn: KEY.arn, granteePrincipal: alice.arn, operations: ['Encrypt'], issuingAccount: `arn:aws:iam::${A}:root`, creationDate: 0 };
    expect(decide(request('Encrypt', alice, {}, { grants: [grant] }), kp, [allowIam()])).toEqual({
      decision: 'explicit-deny',
      reason: 'explicit-deny-resource',
      decidingStatement: { source: 'key-policy', sid: 'NoEncrypt', index: 1 },
    });
    expect(decide(request('Encrypt', root), kp).decision).toBe('explicit-deny');
  });
  it('in an identity policy', () => {
    const kp = keyPolicy({ Effect: 'Allow', Principal: { AWS: alice.arn }, Action: 'kms:*', Resource: '*' });
    const deny = identity({ Effect: 'Deny', Action: 'kms:*', Resource: '*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } });
    expect(decide(request('Encrypt', alice, {}, { context: new Map([['aws:securetransport', ['false']]]) }), kp, [deny]).reason).toBe('explicit-deny-identity');
    expect(decide(request('Encrypt', alice, {}, { context: new Map([['aws:securetransport', ['true']]]) }), kp, [deny]).decision).toBe('allow');
  });
});

describe('cross-account', () => {
  const kp = keyPolicy(
    { Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${A}:root` }, Action: 'kms:*', Resource: '*' },
    { Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${B}:root` }, Action: ['kms:Encrypt', 'kms:Decrypt', 'kms:ScheduleKeyDeletion'], Resource: '*' },
  );
  it('needs the key policy and the caller’s identity policy', () => {
    expect(decide(request('Encrypt', bob), kp, [allowIam('kms:Encrypt', KEY.arn)]).decision).toBe('allow');
    expect(decide(request('Encrypt', bob), kp, [])).toEqual({ decision: 'implicit-deny', reason: 'no-identity-allow' });
  });
  it('even when the key policy names the external user', () => {
    const named = keyPolicy({ Effect: 'Allow', Principal: { AWS: bob.arn }, Action: 'kms:Encrypt', Resource: '*' });
    expect(decide(request('Encrypt', bob), named).decision).toBe('implicit-deny');
    expect(decide(request('Encrypt', bob), named, [allowIam()]).decision).toBe('allow');
  });
  it('refuses operations without cross-account use', () => {
    expect(decide(request('ScheduleKeyDeletion', bob), kp, [allowIam()])).toEqual({ decision: 'implicit-deny', reason: 'cross-account' });
  });
});

describe('IAM-only operations and grants', () => {
  it('ListKeys is decided by identity policies on Resource "*"', () => {
    expect(decide(request('ListKeys', alice), null, [allowIam('kms:ListKeys')]).decision).toBe('allow');
    expect(decide(request('ListKeys', alice), null, [allowIam('kms:ListKeys', `arn:aws:kms:*:${A}:key/*`)]).decision).toBe('implicit-deny');
    expect(decide(request('ListKeys', root), null).decision).toBe('allow');
  });
  it('a grant allows what policies do not, within its constraints', () => {
    const kp = keyPolicy({ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${A}:root` }, Action: 'kms:*', Resource: '*' });
    const grant: GrantRecord = {
      grantId: 'b'.repeat(64),
      keyArn: KEY.arn,
      granteePrincipal: `arn:aws:iam::${A}:role/App`,
      operations: ['Decrypt'],
      constraints: { EncryptionContextSubset: { Dept: 'IT' } },
      issuingAccount: `arn:aws:iam::${A}:root`,
      creationDate: 0,
    };
    const req = (ec: Record<string, string>) => request('Decrypt', appSession, {}, { grants: [grant], encryptionContext: ec });
    expect(decide(req({ dept: 'IT', x: 'y' }), kp)).toEqual({ decision: 'allow', reason: 'grant', decidingStatement: { source: 'grant', index: 0 } });
    expect(decide(req({ Dept: 'it' }), kp).decision).toBe('implicit-deny');
  });
});

describe('accessDenied', () => {
  it('renders AWS shapes', () => {
    const kp = compilePolicy(defaultKeyPolicy(A), { kind: 'key' });
    const req = request('Encrypt', alice);
    const e = accessDenied(req, decide(req, kp));
    expect(e).toBeInstanceOf(AccessDeniedException);
    expect(e.message).toBe(`User: ${alice.arn} is not authorized to perform: kms:Encrypt on resource: ${KEY.arn} because no identity-based policy allows the kms:Encrypt action`);
  });
});
