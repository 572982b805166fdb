import { describe, expect, it } from 'vitest';
import { decodeGrantToken, encodeGrantToken, isGrantId, newGrantId } from './grant-token.js';
import { childGrantWithin, constraintsSatisfied, grantAllows, grantMsg, grantOperationsFor, grantRequestProblem, mayRetire, type GrantRecord } from './grants.js';
import { callerPrincipal } from './principal.js';

const A = '111122223333';
const KEY = `arn:aws:kms:us-east-1:${A}:key/k1`;
const app = callerPrincipal(`arn:aws:sts::${A}:assumed-role/App/s1`);
const alice = callerPrincipal(`arn:aws:iam::${A}:user/alice`);
const root = callerPrincipal(`arn:aws:iam::${A}:root`);
const grant = (over: Partial<GrantRecord> = {}): GrantRecord => ({
  grantId: newGrantId(),
  keyArn: KEY,
  granteePrincipal: `arn:aws:iam::${A}:role/App`,
  operations: ['Encrypt', 'Decrypt', 'DescribeKey'],
  issuingAccount: `arn:aws:iam::${A}:root`,
  creationDate: 0,
  ...over,
});

describe('grant matching', () => {
  it('needs the operation and the grantee (a role grant covers its sessions)', () => {
    expect(grantAllows(grant(), 'Encrypt', app)).toBe(true);
    expect(grantAllows(grant(), 'GenerateDataKey', app)).toBe(false);
    expect(grantAllows(grant(), 'Encrypt', alice)).toBe(false);
  });
  it('EncryptionContextSubset / Equals: keys case-insensitive, values case-sensitive', () => {
    expect(constraintsSatisfied({ EncryptionContextSubset: { Department: 'Finance', Classification: 'Public' } }, { Customer: '12345', department: 'Finance', Classification: 'Public' })).toBe(true);
    expect(constraintsSatisfied({ EncryptionContextSubset: { Department: 'Finance' } }, { Department: 'finance' })).toBe(false);
    expect(constraintsSatisfied({ EncryptionContextSubset: { Department: 'Finance' } }, undefined)).toBe(false);
    expect(constraintsSatisfied({ EncryptionContextEquals: { a: '1' } }, { A: '1' })).toBe(true);
    expect(constraintsSatisfied({ EncryptionContextEquals: { a: '1' } }, { a: '1', b: '2' })).toBe(false);
  });
  it('constraints apply only to operations that take an encryption context', () => {
    const g = grant({ constraints: { EncryptionContextEquals: { a: '1' } } });
    expect(grantAllows(g, 'Encrypt', app, { b: '2' })).toBe(false);
    expect(grantAllows(g, 'Encrypt', app, { a: '1' })).toBe(true);
    expect(grantAllows(g, 'DescribeKey', app)).toBe(true);
  });
  it('child grants are as strict or stricter', () => {
    const parent = grant({ operations: ['Decrypt', 'GenerateDataKey', 'CreateGrant'], constraints: { EncryptionContextSubset: { a: '1' } } });
    expect(childGrantWithin(parent, { operations: ['Decrypt'], constraints: { EncryptionContextSubset: { a: '1', b: '2' } } })).toBe(true);
    expect(childGrantWithin(parent, { operations: ['Decrypt'], constraints: { EncryptionContextEquals: { a: '1' } } })).toBe(true);
    expect(childGrantWithin(parent, { operations: ['Decrypt'] })).toBe(false);
    expect(childGrantWithin(parent, { operations: ['Encrypt'], constraints: { EncryptionContextSubset: { a: '1' } } })).toBe(false);
    const equals = grant({ operations: ['Decrypt', 'CreateGrant'], constraints: { EncryptionContextEquals: { a: '1' } } });
    expect(childGrantWithin(equals, { operations: ['Decrypt'], constraints: { EncryptionContextSubset: { a: '1' } } })).toBe(false);
  });
  it('retiring: retiring principal, grantee with RetireGrant, issuing account root', () => {
    expect(mayRetire(grant({ retiringPrincipal: alice.arn }), alice)).toBe(true);
    expect(mayRetire(grant(), app)).toBe(false);
    expect(mayRetire(grant({ operations: ['Encrypt', 'RetireGrant'] }), app)).toBe(true);
    expect(mayRetire(grant(), root)).toBe(true);
  });
});

describe('grant operations per key type', () => {
  it('follows the CreateGrant rules', () => {
    expect(grantOperationsFor('ENCRYPT_DECRYPT', 'SYMMETRIC_DEFAULT').has('Sign')).toBe(false);
    expect(grantOperationsFor('ENCRYPT_DECRYPT', 'SYMMETRIC_DEFAULT').has('GenerateDataKeyPair')).toBe(true);
    expect(grantOperationsFor('SIGN_VERIFY', 'RSA_2048').has('Decrypt')).toBe(false);
    expect(grantOperationsFor('SIGN_VERIFY', 'ECC_NIST_P256').has('GetPublicKey')).toBe(true);
    expect(grantOperationsFor('GENERATE_VERIFY_MAC', 'HMAC_256').has('GenerateMac')).toBe(true);
    expect(grantOperationsFor('KEY_AGREEMENT', 'ECC_NIST_P256').has('DeriveSharedSecret')).toBe(true);
    expect(grantOperationsFor('ENCRYPT_DECRYPT', 'RSA_2048').has('GenerateDataKey')).toBe(false);
  });
  it('refuses constraints on non-symmetric keys with AWS wording', () => {
    expect(grantRequestProblem({ operations: ['GenerateMac'], constraints: { EncryptionContextSubset: { a: '1' } } }, 'GENERATE_VERIFY_MAC', 'HMAC_256')).toBe(grantMsg.constraintNeedsSymmetricKey);
    expect(grantRequestProblem({ operations: ['Decrypt', 'DescribeKey'], constraints: { EncryptionContextSubset: { a: '1' } } }, 'ENCRYPT_DECRYPT', 'SYMMETRIC_DEFAULT')).toBeNull();
    expect(grantRequestProblem({ operations: ['Sign'] }, 'ENCRYPT_DECRYPT', 'SYMMETRIC_DEFAULT')).toMatch(/Sign/);
  });
});

describe('grant tokens', () => {
  const hmacKey = Buffer.alloc(32, 7);
  it('round-trips and carries the grant id', () => {
    const grantId = newGrantId();
    expect(isGrantId(grantId)).toBe(true);
    const token = encodeGrantToken({ grantId, keyArn: KEY }, hmacKey);
    expect(decodeGrantToken(token, hmacKey)).toEqual({ grantId, keyArn: KEY });
  });
  it('is tamper-evident', () => {
    const token = encodeGrantToken({ grantId: newGrantId(), keyArn: KEY }, hmacKey);
    const flipped = token.slice(0, 10) + (token[10] === 'A' ? 'B' : 'A') + token.slice(11);
    expect(decodeGrantToken(flipped, hmacKey)).toBeNull();
    expect(decodeGrantToken(token, Buffer.alloc(32, 8))).toBeNull();
    expect(decodeGrantToken('not a token!', hmacKey)).toBeNull();
    expect(decodeGrantToken('', hmacKey)).toBeNull();
    expect(decodeGrantToken(token.slice(0, 20), hmacKey)).toBeNull();
  });
});
