import { describe, expect, it } from 'vitest';
import { defaultKeyPolicy } from '../keys/policy-document.js';
import { compilePolicy } from './document.js';
import { checkLockout } from './lockout.js';
import { accessDeniedMessage, malformedMsg } from './messages.js';
import { callerPrincipal } from './principal.js';

const A = '111122223333';
const KEY = { arn: `arn:aws:kms:us-east-1:${A}:key/k1`, account: A, keySpec: 'SYMMETRIC_DEFAULT', keyUsage: 'ENCRYPT_DECRYPT', origin: 'AWS_KMS' };
const alice = callerPrincipal(`arn:aws:iam::${A}:user/alice`);
const kp = (...Statement: object[]) => compilePolicy({ Version: '2012-10-17', Statement }, { kind: 'key' });
const check = (p: ReturnType<typeof kp>, bypass?: boolean) => () => checkLockout(p, alice, KEY, { now: 0, bypass });

describe('lockout safety check', () => {
  it('passes the default policy and a policy naming the caller', () => {
    expect(check(compilePolicy(defaultKeyPolicy(A), { kind: 'key' }))).not.toThrow();
    expect(check(kp({ Effect: 'Allow', Principal: { AWS: alice.arn }, Action: 'kms:Put*', Resource: '*' }))).not.toThrow();
  });
  it('refuses a policy that shuts the caller out, unless bypassed', () => {
    const p = kp({ Effect: 'Allow', Principal: { AWS: alice.arn }, Action: 'kms:Encrypt', Resource: '*' });
    expect(check(p)).toThrow(malformedMsg.lockout);
    expect(check(p, true)).not.toThrow();
    const denied = kp({ Effect: 'Allow', Principal: { AWS: A }, Action: 'kms:*', Resource: '*' }, { Effect: 'Deny', Principal: '*', Action: 'kms:PutKeyPolicy', Resource: '*' });
    expect(check(denied)).toThrow(malformedMsg.lockout);
  });
  it('judges the future request without the bypass flag', () => {
    const p = kp({ Effect: 'Allow', Principal: { AWS: alice.arn }, Action: 'kms:PutKeyPolicy', Resource: '*', Condition: { Null: { 'kms:BypassPolicyLockoutSafetyCheck': true } } });
    expect(check(p)).not.toThrow();
  });
});

describe('accessDeniedMessage', () => {
  const base = { principalArn: alice.arn, action: 'kms:Decrypt', resource: KEY.arn };
  it.each([
    ['no-resource-allow', `User: ${alice.arn} is not authorized to perform: kms:Decrypt on resource: ${KEY.arn} because no resource-based policy allows the kms:Decrypt action`],
    ['no-identity-allow', `User: ${alice.arn} is not authorized to perform: kms:Decrypt on resource: ${KEY.arn} because no identity-based policy allows the kms:Decrypt action`],
    ['explicit-deny-resource', `User: ${alice.arn} is not authorized to perform: kms:Decrypt on resource: ${KEY.arn} with an explicit deny in a resource-based policy`],
    ['explicit-deny-identity', `User: ${alice.arn} is not authorized to perform: kms:Decrypt on resource: ${KEY.arn} with an explicit deny in an identity-based policy`],
    ['cross-account', `User: ${alice.arn} is not authorized to perform: kms:Decrypt on this resource because the resource does not exist in this Region, no resource-based policies allow access, or a resource-based policy explicitly denies access`],
  ] as const)('%s', (reason, text) => expect(accessDeniedMessage({ ...base, reason })).toBe(text));
  it('names the ciphertext when no KeyId was given', () => {
    expect(accessDeniedMessage({ ...base, reason: 'no-identity-allow', ciphertext: true })).toBe(
      `User: ${alice.arn} is not authorized to perform: kms:Decrypt on the resource associated with this ciphertext because no identity-based policy allows the kms:Decrypt action`,
    );
  });
});
