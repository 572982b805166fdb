/**
 * Properties of the decision over randomly generated key policies, identity policies and requests.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileConditionBlock } from './conditions.js';
import { compilePolicy, statementsFor } from './document.js';
import { evaluate, type AuthzRequest } from './evaluate.js';
import { callerPrincipal } from './principal.js';

const A = '111122223333';
const B = '444455556666';
const KEY = `arn:aws:kms:us-east-1:${A}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;
const CALLERS = [`arn:aws:iam::${A}:user/alice`, `arn:aws:iam::${A}:root`, `arn:aws:sts::${A}:assumed-role/App/s1`, `arn:aws:iam::${B}:user/bob`];
const PRINCIPALS = ['*', { AWS: A }, { AWS: `arn:aws:iam::${A}:user/alice` }, { AWS: `arn:aws:iam::${A}:role/App` }, { AWS: `arn:aws:iam::${B}:root` }, { AWS: [`arn:aws:iam::${A}:user/carol`, B] }];
const ACTIONS = ['kms:*', 'kms:Encrypt', 'kms:Decrypt', 'kms:Re*', 'kms:Describe*', '*', 'kms:GenerateDataKey*'];
const REQUEST_ACTIONS = ['kms:Encrypt', 'kms:Decrypt', 'kms:ReEncryptFrom', 'kms:DescribeKey', 'kms:GenerateDataKey'];
const CONDITIONS = [
  undefined,
  { StringEquals: { 'kms:EncryptionContext:tenant': 'acme' } },
  { StringNotEquals: { 'kms:EncryptionContext:tenant': ['acme', 'beta'] } },
  { 'ForAllValues:StringEquals': { 'kms:EncryptionContextKeys': ['tenant'] } },
  { Null: { 'kms:ViaService': 'true' } },
  { StringEqualsIfExists: { 'kms:ViaService': 'ec2.us-east-1.amazonaws.com' } },
  { Bool: { 'aws:SecureTransport': 'true' } },
];

const keyStatement = fc.record({
  Effect: fc.constantFrom('Allow', 'Deny'),
  Principal: fc.constantFrom(...PRINCIPALS),
  Action: fc.constantFrom(...ACTIONS),
  Resource: fc.constant('*'),
  Condition: fc.constantFrom(...CONDITIONS),
});
const identityStatement = fc.record({
  Effect: fc.constantFrom('Allow', 'Deny'),
  Action: fc.constantFrom(...ACTIONS),
  Resource: fc.constantFrom('*', KEY, `arn:aws:kms:*:${A}:key/*`, `arn:aws:kms:*:${B}:key/*`),
  Condition: fc.constantFrom(...CONDITIONS),
});
const contextArb = fc.record({
  ec: fc.constantFrom(undefined, { tenant: 'acme' }, { tenant: 'beta' }, { tenant: 'acme', x: '1' }, { other: 'z' }),
  secure: fc.boolean(),
  via: fc.constantFrom(undefined, 'ec2.us-east-1.amazonaws.com'),
});
const scenario = fc.record({
  keyStatements: fc.array(keyStatement, { minLength: 1, maxLength: 5 }),
  identityStatements: fc.array(identityStatement, { maxLength: 4 }),
  caller: fc.constantFrom(...CALLERS),
  action: fc.constantFrom(...REQUEST_ACTIONS),
  ctx: contextArb,
});

type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never;

const clean = (s: object) => Object.fromEntries(Object.entries(s).filter(([, v]) => v !== undefined));
function decide(s: Scenario, keyStatements = s.keyStatements, identityStatements = s.identityStatements) {
  const principal = callerPrincipal(s.caller);
  const context = new Map<string, string[]>([['aws:securetransport', [String(s.ctx.secure)]]]);
  if (s.ctx.via !== undefined) context.set('kms:viaservice', [s.ctx.via]);
  if (s.ctx.ec !== undefined) {
    for (const [k, v] of Object.entries(s.ctx.ec)) context.set(`kms:encryptioncontext:${k.toLowerCase()}`, [v]);
    context.set('kms:encryptioncontextkeys', Object.keys(s.ctx.ec));
  }
  const req: AuthzRequest = { action: s.action, resource: KEY, resourceAccount: A, principal, context };
  const kp = compilePolicy({ Version: '2012-10-17', Statement: keyStatements.map(clean) }, { kind: 'key' });
  const ids = identityStatements.length === 0 ? [] : [compilePolicy({ Version: '2012-10-17', Statement: identityStatements.map(clean) }, { kind: 'identity' })];
  return evaluate(req, kp, ids);
}

describe('evaluation properties', () => {
  it('adding an Allow statement never turns a Deny into an Allow', () => {
    fc.assert(
      fc.property(scenario, keyStatement, identityStatement, (s, extraKey, extraId) => {
        const before = decide(s);
        if (before.decision !== 'explicit-deny') return;
        const allowKey = { ...extraKey, Effect: 'Allow' as const };
        const allowId = { ...extraId, Effect: 'Allow' as const };
        expect(decide(s, [...s.keyStatements, allowKey], [...s.identityStatements, allowId]).decision).toBe('explicit-deny');
      }),
      { numRuns: 400 },
    );
  });

  it('an applicable explicit Deny always wins', () => {
    fc.assert(
      fc.property(scenario, fc.boolean(), (s, inKeyPolicy) => {
        const d = inKeyPolicy
          ? decide(s, [...s.keyStatements, { Effect: 'Deny' as const, Principal: '*', Action: 'kms:*', Resource: '*' as const, Condition: undefined }])
          : decide(s, s.keyStatements, [...s.identityStatements, { Effect: 'Deny' as const, Action: '*', Resource: '*', Condition: undefined }]);
        expect(d.decision).toBe('explicit-deny');
      }),
      { numRuns: 300 },
    );
  });

  it('does not depend on statement order', () => {
    fc.assert(
      fc.property(scenario, fc.nat(), (s, seed) => {
        const shuffle = <T>(xs: T[]) => xs.map((x, i) => ({ x, k: (i * 7919 + seed) % 101 })).sort((a, b) => a.k - b.k).map((e) => e.x);
        const a = decide(s);
        const b = decide(s, shuffle([...s.keyStatements]).reverse(), shuffle([...s.identityStatements]));
        expect(b.decision).toBe(a.decision);
        expect(b.reason).toBe(a.reason);
      }),
      { numRuns: 400 },
    );
  });
});

describe('condition properties', () => {
  const ops = ['StringEquals', 'StringNotEquals', 'StringLike', 'NumericLessThan', 'DateGreaterThan', 'Bool', 'IpAddress', 'ArnLike', 'StringEqualsIgnoreCase', 'BinaryEquals'];
  it('…IfExists is true when the key is absent', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ops), fc.constantFrom('', 'ForAnyValue:', 'ForAllValues:'), fc.string(), fc.array(fc.string(), { minLength: 1, maxLength: 3 }), (op, set, key, values) => {
        const { test } = compileConditionBlock({ [`${set}${op}IfExists`]: { [`aws:k${key}`]: values } });
        expect(test(new Map())).toBe(true);
      }),
    );
  });
  it('ForAllValues is true for an absent key, whatever the operator', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ops), fc.array(fc.string(), { minLength: 1, maxLength: 3 }), (op, values) => {
        expect(compileConditionBlock({ [`ForAllValues:${op}`]: { 'aws:TagKeys': values } }).test(new Map())).toBe(true);
      }),
    );
  });
  it('a negated operator is the complement of its positive twin on a present key', () => {
    const pairs = [['StringEquals', 'StringNotEquals'], ['StringLike', 'StringNotLike'], ['ArnLike', 'ArnNotLike'], ['IpAddress', 'NotIpAddress']];
    fc.assert(
      fc.property(fc.constantFrom(...pairs), fc.array(fc.constantFrom('a', 'b*', '10.0.0.0/8', 'arn:aws:iam::1:*', '?'), { minLength: 1 }), fc.array(fc.constantFrom('a', 'bc', '10.1.2.3', 'arn:aws:iam::1:x', 'z'), { minLength: 1, maxLength: 3 }), ([pos, neg], values, request) => {
        const ctx = new Map([['aws:k', request]]);
        expect(compileConditionBlock({ [neg]: { 'aws:k': values } }).test(ctx)).toBe(!compileConditionBlock({ [pos]: { 'aws:k': values } }).test(ctx));
      }),
    );
  });
});

describe('NotAction', () => {
  it('matches exactly the actions Action does not', () => {
    const actionArb = fc.stringMatching(/^kms:[A-Za-z*?]{1,8}$/);
    fc.assert(
      fc.property(fc.array(actionArb, { minLength: 1, maxLength: 4 }), fc.stringMatching(/^kms:[A-Za-z]{1,10}$/), (patterns, action) => {
        const mk = (el: 'Action' | 'NotAction') =>
          compilePolicy({ Statement: [{ Effect: 'Allow', Principal: '*', [el]: patterns, Resource: '*' }] }, { kind: 'key' });
        const lc = action.toLowerCase();
        expect(statementsFor(mk('NotAction'), lc).length).toBe(1 - statementsFor(mk('Action'), lc).length);
      }),
    );
  });
});
