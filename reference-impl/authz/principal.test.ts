import { describe, expect, it } from 'vitest';
import { MalformedPolicyDocumentException } from '../errors.js';
import { malformedMsg } from './messages.js';
import { callerPrincipal, compilePrincipal, matchPrincipal } from './principal.js';

const A = '111122223333';
const B = '444455556666';
const alice = callerPrincipal(`arn:aws:iam::${A}:user/alice`);
const root = callerPrincipal(`arn:aws:iam::${A}:root`);
const session = callerPrincipal(`arn:aws:sts::${A}:assumed-role/Admin/alice-session`);
const external = callerPrincipal(`arn:aws:iam::${B}:user/bob`);

const match = (raw: unknown, who = alice, not = false) => matchPrincipal(compilePrincipal(raw, not), who);

describe('callerPrincipal', () => {
  it('reads users, roots and sessions', () => {
    expect(alice).toEqual({ arn: `arn:aws:iam::${A}:user/alice`, account: A, isRoot: false, service: undefined });
    expect(root.isRoot).toBe(true);
    expect(session.roleArn).toBe(`arn:aws:iam::${A}:role/Admin`);
    expect(session.roleKey).toBe(`${A}:Admin`);
    expect(() => callerPrincipal('alice')).toThrow();
  });
});

describe('principal forms (table)', () => {
  const rows: [string, unknown, typeof alice, 'direct' | 'account' | null][] = [
    ['"*"', '*', external, 'direct'],
    ['{"AWS":"*"}', { AWS: '*' }, external, 'direct'],
    ['account id', { AWS: A }, alice, 'account'],
    ['root ARN', { AWS: `arn:aws:iam::${A}:root` }, alice, 'account'],
    ['root ARN, root caller', { AWS: `arn:aws:iam::${A}:root` }, root, 'direct'],
    ['other account root', { AWS: `arn:aws:iam::${B}:root` }, alice, null],
    ['user ARN', { AWS: `arn:aws:iam::${A}:user/alice` }, alice, 'direct'],
    ['other user', { AWS: `arn:aws:iam::${A}:user/carol` }, alice, null],
    ['array with user', { AWS: [`arn:aws:iam::${B}:root`, `arn:aws:iam::${A}:user/alice`] }, alice, 'direct'],
    ['role ARN matches its session', { AWS: `arn:aws:iam::${A}:role/Admin` }, session, 'direct'],
    ['role ARN with path matches its session', { AWS: `arn:aws:iam::${A}:role/ops/Admin` }, session, 'direct'],
    ['other role', { AWS: `arn:aws:iam::${A}:role/Reader` }, session, null],
    ['session ARN', { AWS: `arn:aws:sts::${A}:assumed-role/Admin/alice-session` }, session, 'direct'],
    ['other session of the role', { AWS: `arn:aws:sts::${A}:assumed-role/Admin/other` }, session, null],
    ['service', { Service: 'dynamodb.amazonaws.com' }, callerPrincipal(`arn:aws:iam::${A}:root`, 'dynamodb.amazonaws.com'), 'direct'],
    ['service vs user', { Service: 'dynamodb.amazonaws.com' }, alice, null],
  ];
  it.each(rows)('%s', (_name, raw, who, expected) => expect(match(raw, who)).toBe(expected));

  it('NotPrincipal applies unless account, role and caller are all listed', () => {
    expect(match({ AWS: `arn:aws:iam::${A}:user/alice` }, alice, true)).toBe('direct');
    expect(match({ AWS: [`arn:aws:iam::${A}:user/alice`, `arn:aws:iam::${A}:root`] }, alice, true)).toBeNull();
    expect(match({ AWS: [`arn:aws:iam::${A}:user/carol`, `arn:aws:iam::${A}:root`] }, alice, true)).toBe('direct');
    expect(
      match({ AWS: [`arn:aws:sts::${A}:assumed-role/Admin/alice-session`, `arn:aws:iam::${A}:role/Admin`, `arn:aws:iam::${A}:root`] }, session, true),
    ).toBeNull();
    expect(match({ AWS: [`arn:aws:sts::${A}:assumed-role/Admin/alice-session`, `arn:aws:iam::${A}:root`] }, session, true)).toBe('direct');
    expect(match('*', alice, true)).toBeNull();
  });
});

describe('invalid principals', () => {
  it.each([
    { AWS: `arn:aws:iam::${A}:user/*` },
    { AWS: `arn:aws:iam::*:root` },
    { AWS: 'AIDACKCEVSQ6C2EXAMPLE' },
    { AWS: 'alice' },
    { AWS: `arn:aws:sts::${A}:user/alice` },
    { Service: 'not a service' },
    { Federated: 'cognito-identity.amazonaws.com' },
    42,
  ])('%j', (raw) => {
    expect(() => compilePrincipal(raw, false)).toThrow(malformedMsg.invalidPrincipals);
  });
  it('an empty list is "no principal"', () => {
    expect(() => compilePrincipal({ AWS: [] }, false)).toThrow(malformedMsg.noPrincipal);
    expect(() => compilePrincipal({}, false)).toThrow(MalformedPolicyDocumentException);
  });
  it('names that do not exist are invalid when an existence check is given', () => {
    const exists = (arn: string) => arn.endsWith('/alice');
    expect(() => compilePrincipal({ AWS: `arn:aws:iam::${A}:user/ghost` }, false, exists)).toThrow(malformedMsg.invalidPrincipals);
    expect(() => compilePrincipal({ AWS: `arn:aws:iam::${A}:user/alice` }, false, exists)).not.toThrow();
  });
});
