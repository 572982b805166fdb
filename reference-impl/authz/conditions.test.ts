import { describe, expect, it } from 'vitest';
import { MalformedPolicyDocumentException } from '../errors.js';
import { compileConditionBlock, parseOperator } from './conditions.js';

const ctx = (entries: Record<string, string | string[]>) =>
  new Map(Object.entries(entries).map(([k, v]) => [k.toLowerCase(), Array.isArray(v) ? v : [v]]));
const test = (block: object, c: Record<string, string | string[]>) => compileConditionBlock(block).test(ctx(c));

describe('condition operators (table)', () => {
  // [operator, key value in request, policy value(s), expected]
  const rows: [string, string, unknown, boolean][] = [
    ['StringEquals', 'Finance', 'Finance', true],
    ['StringEquals', 'finance', 'Finance', false],
    ['StringNotEquals', 'Finance', 'Finance', false],
    ['StringNotEquals', 'HR', 'Finance', true],
    ['StringEqualsIgnoreCase', 'FINANCE', 'finance', true],
    ['StringNotEqualsIgnoreCase', 'FINANCE', 'finance', false],
    ['StringLike', 'project-alpha', 'project-*', true],
    ['StringLike', 'project-a', 'project-?', true],
    ['StringLike', 'Project-a', 'project-?', false],
    ['StringNotLike', 'other', 'project-*', true],
    ['NumericEquals', '10', '10.0', true],
    ['NumericNotEquals', '10', '11', true],
    ['NumericLessThan', '9', '10', true],
    ['NumericLessThan', '10', '10', false],
    ['NumericLessThanEquals', '10', 10, true],
    ['NumericGreaterThan', '11', '10', true],
    ['NumericGreaterThanEquals', '10', '10', true],
    ['NumericEquals', 'x', '10', false],
    ['DateEquals', '2020-01-01T00:00:00Z', '1577836800', true],
    ['DateNotEquals', '2020-01-01T00:00:00Z', '2021-01-01T00:00:00Z', true],
    ['DateLessThan', '2019-12-31T23:59:59Z', '2020-01-01T00:00:00Z', true],
    ['DateLessThanEquals', '2020-01-01T00:00:00Z', '2020-01-01T00:00:00Z', true],
    ['DateGreaterThan', '2020-01-02T00:00:00Z', '2020-01-01T00:00:00Z', true],
    ['DateGreaterThanEquals', '2019-01-02T00:00:00Z', '2020-01-01T00:00:00Z', false],
    ['Bool', 'true', true, true],
    ['Bool', 'false', 'true', false],
    ['Bool', 'TRUE', 'true', true],
    ['BinaryEquals', 'QmluYXJ5', 'QmluYXJ5', true],
    ['BinaryEquals', 'QmluYXJ5', 'QmluYXJz', false],
    ['IpAddress', '203.0.113.7', '203.0.113.0/24', true],
    ['IpAddress', '203.0.114.7', '203.0.113.0/24', false],
    ['IpAddress', '203.0.113.7', '203.0.113.7', true],
    ['NotIpAddress', '198.51.100.1', '203.0.113.0/24', true],
    ['IpAddress', '2001:db8:1234:5678::1', '2001:DB8:1234:5678::/64', true],
    ['IpAddress', '2001:db8:1234:5679::1', '2001:DB8:1234:5678::/64', false],
    ['IpAddress', '::ffff:192.0.2.1', '::ffff:192.0.2.0/120', true],
    ['IpAddress', '192.0.2.1', '::/0', false],
    ['ArnEquals', 'arn:aws:iam::111122223333:role/x', 'arn:aws:iam::111122223333:role/x', true],
    ['ArnLike', 'arn:aws:iam::111122223333:role/x', 'arn:aws:iam::*:role/*', true],
    // ArnLike matches part by part: a * does not swallow colons (condition operators page example).
    ['ArnLike', 'arn:aws:someservice:us-east-2:999999999999:store/abc:111122223333:finance/document.txt', 'arn:aws:someservice:*:111122223333:finance/*', false],
    ['StringLike', 'arn:aws:someservice:us-east-2:999999999999:store/abc:111122223333:finance/document.txt', 'arn:aws:someservice:*:111122223333:finance/*', true],
    ['ArnNotLike', 'arn:aws:iam::444455556666:role/x', 'arn:aws:iam::111122223333:*', true],
    ['ArnNotEquals', 'arn:aws:iam::111122223333:role/x', 'arn:aws:iam::111122223333:role/x', false],
  ];
  it.each(rows)('%s: request %s vs policy %j → %s', (op, value, policy, expected) => {
    expect(test({ [op]: { 'aws:x': policy } }, { 'aws:x': value })).toBe(expected);
  });
});

describe('absent keys', () => {
  it('plain positive operator: false; negated: true; IfExists: true; Null: by presence', () => {
    expect(test({ StringEquals: { 'kms:ViaService': 'a' } }, {})).toBe(false);
    expect(test({ StringNotEquals: { 'kms:ViaService': 'a' } }, {})).toBe(true);
    expect(test({ ArnNotLike: { 'aws:PrincipalArn': 'arn:*' } }, {})).toBe(true);
    expect(test({ StringEqualsIfExists: { 'kms:ViaService': 'a' } }, {})).toBe(true);
    expect(test({ StringNotEqualsIfExists: { 'kms:ViaService': 'a' } }, {})).toBe(true);
    expect(test({ Null: { 'kms:ViaService': 'true' } }, {})).toBe(true);
    expect(test({ Null: { 'kms:ViaService': false } }, {})).toBe(false);
    expect(test({ Null: { 'kms:ViaService': 'false' } }, { 'kms:ViaService': 'x' })).toBe(true);
  });
  it('ForAllValues is true and ForAnyValue false when the key is absent', () => {
    expect(test({ 'ForAllValues:StringEquals': { 'kms:EncryptionContextKeys': 'A' } }, {})).toBe(true);
    expect(test({ 'ForAnyValue:StringEquals': { 'kms:EncryptionContextKeys': 'A' } }, {})).toBe(false);
    expect(test({ 'ForAllValues:StringNotLike': { 'aws:TagKeys': 'key1*' } }, {})).toBe(true);
  });
  it('IfExists applies the operator when the key is present', () => {
    expect(test({ StringEqualsIfExists: { 'kms:ViaService': 'a' } }, { 'kms:ViaService': 'b' })).toBe(false);
  });
});

describe('multiple keys and values', () => {
  it('ORs values, ANDs keys and operators', () => {
    const block = { StringEquals: { 'kms:EncryptionContext:Dept': ['IT', 'HR'], 'kms:CallerAccount': '111122223333' }, Bool: { 'aws:SecureTransport': 'true' } };
    const base = { 'kms:EncryptionContext:Dept': 'HR', 'kms:CallerAccount': '111122223333', 'aws:SecureTransport': 'true' };
    expect(test(block, base)).toBe(true);
    expect(test(block, { ...base, 'kms:EncryptionContext:Dept': 'Ops' })).toBe(false);
    expect(test(block, { ...base, 'aws:SecureTransport': 'false' })).toBe(false);
  });
  it('NORs the values of a negated operator', () => {
    const block = { StringNotEquals: { 'aws:x': ['audit', 'security'] } };
    expect(test(block, { 'aws:x': 'audit' })).toBe(false);
    expect(test(block, { 'aws:x': 'security' })).toBe(false);
    expect(test(block, { 'aws:x': 'dev' })).toBe(true);
  });
  it('set operators over a multi-valued key', () => {
    const all = { 'ForAllValues:StringEquals': { 'kms:GrantOperations': ['Encrypt', 'ReEncryptTo'] } };
    expect(test(all, { 'kms:GrantOperations': ['Encrypt'] })).toBe(true);
    expect(test(all, { 'kms:GrantOperations': ['Encrypt', 'Decrypt'] })).toBe(false);
    const any = { 'ForAnyValue:StringEquals': { 'kms:GrantOperations': ['Encrypt', 'ReEncryptTo'] } };
    expect(test(any, { 'kms:GrantOperations': ['Encrypt', 'Decrypt'] })).toBe(true);
    expect(test(any, { 'kms:GrantOperations': ['Decrypt'] })).toBe(false);
    const anyNot = { 'ForAnyValue:StringNotEquals': { 'aws:TagKeys': ['a'] } };
    expect(test(anyNot, { 'aws:TagKeys': ['a', 'b'] })).toBe(true);
    expect(test(anyNot, { 'aws:TagKeys': ['a'] })).toBe(false);
  });
  it('condition key names are case-insensitive (encryption context key included)', () => {
    expect(test({ StringEquals: { 'KMS:ENCRYPTIONCONTEXT:APPNAME': 'ExampleApp' } }, { 'kms:EncryptionContext:appname': 'ExampleApp' })).toBe(true);
    expect(test({ StringEquals: { 'kms:EncryptionContext:AppName': 'ExampleApp' } }, { 'kms:encryptioncontext:appname': 'exampleapp' })).toBe(false);
  });
});

describe('parsing', () => {
  it('reads set prefixes and IfExists', () => {
    expect(parseOperator('ForAllValues:StringLikeIfExists')).toEqual({ set: 'all', ifExists: true, base: 'StringLike', negated: false });
    expect(parseOperator('Null')).toEqual({ set: 'none', ifExists: false, base: null, negated: false });
    expect(parseOperator('NullIfExists')).toBeNull();
    expect(parseOperator('StringFancy')).toBeNull();
  });
  it('refuses unknown operators and bad values', () => {
    expect(() => compileConditionBlock({ StringFancy: { a: 'b' } })).toThrow(MalformedPolicyDocumentException);
    expect(() => compileConditionBlock({ StringEquals: { a: { nested: true } } })).toThrow(MalformedPolicyDocumentException);
    expect(() => compileConditionBlock({ StringEquals: { a: [] } })).toThrow(MalformedPolicyDocumentException);
    expect(() => compileConditionBlock('x')).toThrow(MalformedPolicyDocumentException);
  });
});
