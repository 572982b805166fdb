import { describe, expect, it } from 'vitest';
import { MalformedPolicyDocumentException } from '../errors.js';
import { defaultKeyPolicy } from '../keys/policy-document.js';
import { compilePolicy, statementsFor } from './document.js';
import { malformedMsg } from './messages.js';

const A = '111122223333';
const key = (statements: unknown, extra: object = {}) => JSON.stringify({ Version: '2012-10-17', Statement: statements, ...extra });
const stmt = (over: object = {}) => ({ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${A}:root` }, Action: 'kms:*', Resource: '*', ...over });
const refuse = (text: string, msg: string, kind: 'key' | 'identity' = 'key') => {
  let err: unknown;
  try {
    compilePolicy(text, { kind });
  } catch (e) {
    err = e;
  }
  expect(err).toBeInstanceOf(MalformedPolicyDocumentException);
  expect((err as Error).message).toBe(msg);
};

describe('compilePolicy', () => {
  it('recognises the default key policy', () => {
    const p = compilePolicy(defaultKeyPolicy(A), { kind: 'key' });
    expect(p.defaultForAccount).toBe(A);
    expect(p.statements).toHaveLength(1);
    expect(p.hasDeny).toBe(false);
    expect(compilePolicy(key([stmt({ Condition: { Bool: { 'aws:SecureTransport': true } } })]), { kind: 'key' }).defaultForAccount).toBeNull();
    expect(compilePolicy(key([stmt(), stmt({ Effect: 'Deny', Action: 'kms:Decrypt' })]), { kind: 'key' }).defaultForAccount).toBeNull();
  });

  it('accepts a single Statement object, 2008-10-17 and no Version', () => {
    expect(compilePolicy(JSON.stringify({ Statement: stmt() }), { kind: 'key' }).statements).toHaveLength(1);
    expect(compilePolicy(key([stmt()], { Version: '2008-10-17' }), { kind: 'key' }).statements).toHaveLength(1);
  });

  it('matches actions case-insensitively with wildcards, and NotAction as the complement', () => {
    const p = compilePolicy(
      key([stmt({ Action: ['kms:Describe*', 'KMS:ENCRYPT'] }), stmt({ Action: undefined, NotAction: 'kms:Decrypt' }), stmt({ Action: 'kms:?et*' })]),
      { kind: 'key' },
    );
    expect(statementsFor(p, 'kms:describekey').map((s) => s.index)).toEqual([0, 1]);
    expect(statementsFor(p, 'kms:encrypt').map((s) => s.index)).toEqual([0, 1]);
    expect(statementsFor(p, 'kms:decrypt').map((s) => s.index)).toEqual([]);
    expect(statementsFor(p, 'kms:getkeypolicy').map((s) => s.index)).toEqual([1, 2]);
  });

  it('keeps statements without Action or Resource but gives them no effect (API reference)', () => {
    const p = compilePolicy(key([stmt({ Action: undefined }), stmt({ Resource: undefined }), stmt()]), { kind: 'key' });
    expect(p.statements.map((s) => s.index)).toEqual([2]);
  });

  it('answers AWS wording for bad documents', () => {
    refuse('not a real policy statement', '');
    refuse('[]', malformedMsg.notObject);
    refuse(key([stmt()], { Version: '2020-01-01' }), malformedMsg.version);
    refuse(key([]), malformedMsg.noStatement);
    refuse(key([stmt({ Effect: 'Maybe' })]), malformedMsg.effect);
    refuse(key([stmt({ NotAction: 'kms:Decrypt' })]), malformedMsg.actionAndNotAction);
    refuse(key([stmt({ Principal: undefined })]), malformedMsg.noPrincipal);
    refuse(key([stmt({ NotPrincipal: { AWS: A } })]), malformedMsg.principalAndNotPrincipal);
    refuse(key([stmt({ Principal: { AWS: 'arn:aws:iam::111122223333:user/a*' } })]), malformedMsg.invalidPrincipals);
    refuse(key([stmt({ Condition: { StringMaybe: { a: 'b' } } })]), malformedMsg.conditionOperator('StringMaybe'));
    refuse(key([stmt({ Action: [] })]), malformedMsg.action);
    refuse(key([stmt()]), malformedMsg.principalInIdentityPolicy, 'identity');
  });

  it('refuses ForAllValues with kms:EncryptionContext:* in a key policy (conditions-kms)', () => {
    refuse(key([stmt({ Condition: { 'ForAllValues:StringEquals': { 'kms:EncryptionContext:Dept': 'IT' } } })]), malformedMsg.forAllValuesEncryptionContext);
    expect(() =>
      compilePolicy(key([stmt({ Condition: { 'ForAllValues:StringEquals': { 'kms:EncryptionContextKeys': ['Dept'] } } })]), { kind: 'key' }),
    ).not.toThrow();
  });

  it('compiles identity policies without Principal', () => {
    const p = compilePolicy(key([{ Effect: 'Allow', Action: 'kms:Encrypt', Resource: `arn:aws:kms:*:${A}:key/*` }]), { kind: 'identity' });
    const [s] = statementsFor(p, 'kms:encrypt');
    expect(s.resource(`arn:aws:kms:us-east-1:${A}:key/abc`)).toBe(true);
    expect(s.resource(`arn:aws:kms:us-east-1:444455556666:key/abc`)).toBe(false);
    expect(s.resource('*')).toBe(false);
  });
});
