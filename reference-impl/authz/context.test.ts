import { describe, expect, it } from 'vitest';
import { OPERATION_NAMES } from '../../common/model/model.js';
import { CROSS_ACCOUNT_OPERATIONS, OPERATION_PERMISSIONS } from './actions.js';
import { requestContextFor, type KeyFacts } from './context.js';
import { callerPrincipal } from './principal.js';

const A = '111122223333';
const KEY: KeyFacts = {
  arn: `arn:aws:kms:us-east-1:${A}:key/k1`,
  account: A,
  keySpec: 'SYMMETRIC_DEFAULT',
  keyUsage: 'ENCRYPT_DECRYPT',
  origin: 'AWS_KMS',
  aliases: ['alias/finance-key'],
  tags: [{ TagKey: 'Project', TagValue: 'Alpha' }],
};
const session = callerPrincipal(`arn:aws:sts::${A}:assumed-role/App/s1`);
const now = Date.UTC(2025, 0, 2, 3, 4, 5);
const keys = (m: Map<string, readonly string[]>) => [...m.keys()].sort();

describe('requestContextFor', () => {
  it('Encrypt: key facts, encryption context, algorithm default, request alias', () => {
    const ctx = requestContextFor('Encrypt', { KeyId: 'alias/finance-key', EncryptionContext: { Tenant: 'acme', b: '2' } }, KEY, session, { now, sourceIp: '203.0.113.9', secureTransport: true });
    expect(Object.fromEntries(ctx)).toEqual({
      'aws:principalarn': [`arn:aws:iam::${A}:role/App`],
      'aws:principalaccount': [A],
      'aws:currenttime': ['2025-01-02T03:04:05.000Z'],
      'aws:epochtime': [String(Math.floor(now / 1000))],
      'aws:securetransport': ['true'],
      'aws:sourceip': ['203.0.113.9'],
      'kms:calleraccount': [A],
      'kms:keyspec': ['SYMMETRIC_DEFAULT'],
      'kms:customermasterkeyspec': ['SYMMETRIC_DEFAULT'],
      'kms:keyusage': ['ENCRYPT_DECRYPT'],
      'kms:customermasterkeyusage': ['ENCRYPT_DECRYPT'],
      'kms:keyorigin': ['AWS_KMS'],
      'kms:multiregion': ['false'],
      'kms:resourcealiases': ['alias/finance-key'],
      'aws:resourcetag/project': ['Alpha'],
      'kms:requestalias': ['alias/finance-key'],
      'kms:encryptioncontext:tenant': ['acme'],
      'kms:encryptioncontext:b': ['2'],
      'kms:encryptioncontextkeys': ['Tenant', 'b'],
      'kms:encryptionalgorithm': ['SYMMETRIC_DEFAULT'],
    });
  });

  it('leaves out keys that do not apply', () => {
    const enc = requestContextFor('Encrypt', { KeyId: KEY.arn }, KEY, session, { now });
    expect(keys(enc)).not.toContain('kms:requestalias');
    expect(keys(enc)).not.toContain('kms:encryptioncontextkeys');
    expect(keys(enc)).not.toContain('kms:viaservice');
    const list = requestContextFor('ListKeys', {}, null, session, { now });
    expect(keys(list)).toEqual(['aws:currenttime', 'aws:epochtime', 'aws:principalaccount', 'aws:principalarn']);
    const put = requestContextFor('PutKeyPolicy', { KeyId: KEY.arn, Policy: '{}' }, KEY, session, { now });
    expect(put.has('kms:bypasspolicylockoutsafetycheck')).toBe(false);
    expect(requestContextFor('PutKeyPolicy', { BypassPolicyLockoutSafetyCheck: true }, KEY, session, { now }).get('kms:bypasspolicylockoutsafetycheck')).toEqual(['true']);
  });

  it('CreateKey reads the request, defaults included', () => {
    const ctx = requestContextFor('CreateKey', { Tags: [{ TagKey: 'Team', TagValue: 'x' }] }, null, session, { now });
    expect(ctx.get('kms:keyspec')).toEqual(['SYMMETRIC_DEFAULT']);
    expect(ctx.get('kms:keyusage')).toEqual(['ENCRYPT_DECRYPT']);
    expect(ctx.get('kms:keyorigin')).toEqual(['AWS_KMS']);
    expect(ctx.get('aws:requesttag/team')).toEqual(['x']);
    expect(ctx.get('aws:tagkeys')).toEqual(['Team']);
    expect(ctx.has('kms:calleraccount')).toBe(false);
  });

  it('CreateGrant: grant keys and the constraint context', () => {
    const ctx = requestContextFor(
      'CreateGrant',
      { KeyId: KEY.arn, GranteePrincipal: 'arn:aws:iam::111122223333:role/X', Operations: ['Encrypt', 'Decrypt'], Constraints: { EncryptionContextSubset: { Dept: 'IT' } } },
      KEY,
      session,
      { now, grantIsForAWSResource: true },
    );
    expect(ctx.get('kms:grantoperations')).toEqual(['Encrypt', 'Decrypt']);
    expect(ctx.get('kms:granteeprincipal')).toEqual(['arn:aws:iam::111122223333:role/X']);
    expect(ctx.get('kms:grantconstrainttype')).toEqual(['EncryptionContextSubset']);
    expect(ctx.get('kms:grantisforawsresource')).toEqual(['true']);
    expect(ctx.get('kms:encryptioncontext:dept')).toEqual(['IT']);
    expect(ctx.has('kms:retiringprincipal')).toBe(false);
  });

  it('ReEncrypt: per side, and ReEncryptOnSameKey', () => {
    const input = { SourceKeyId: 'alias/src', DestinationKeyId: KEY.arn, SourceEncryptionContext: { a: '1' }, DestinationEncryptionContext: { b: '2' } };
    const src = requestContextFor('ReEncrypt', input, KEY, session, { now, reEncryptSide: 'source', sourceKeyArn: KEY.arn, destinationKeyArn: KEY.arn });
    const dst = requestContextFor('ReEncrypt', input, KEY, session, { now, reEncryptSide: 'destination' });
    expect(src.get('kms:requestalias')).toEqual(['alias/src']);
    expect(src.get('kms:encryptioncontextkeys')).toEqual(['a']);
    expect(src.get('kms:reencryptonsamekey')).toEqual(['true']);
    expect(dst.has('kms:requestalias')).toBe(false);
    expect(dst.get('kms:encryptioncontextkeys')).toEqual(['b']);
  });

  it('per-operation keys', () => {
    const at = (op: Parameters<typeof requestContextFor>[0], input: Record<string, unknown>) => requestContextFor(op, input, KEY, session, { now });
    expect(at('Sign', { SigningAlgorithm: 'ECDSA_SHA_256' }).get('kms:messagetype')).toEqual(['RAW']);
    expect(at('GenerateMac', { MacAlgorithm: 'HMAC_SHA_256' }).get('kms:macalgorithm')).toEqual(['HMAC_SHA_256']);
    expect(at('GenerateDataKeyPair', { KeyPairSpec: 'RSA_2048' }).get('kms:datakeypairspec')).toEqual(['RSA_2048']);
    expect(at('DeriveSharedSecret', { KeyAgreementAlgorithm: 'ECDH' }).get('kms:keyagreementalgorithm')).toEqual(['ECDH']);
    expect(at('ScheduleKeyDeletion', { PendingWindowInDays: 7 }).get('kms:schedulekeydeletionpendingwindowindays')).toEqual(['7']);
    expect(at('EnableKeyRotation', {}).get('kms:rotationperiodindays')).toEqual(['365']);
    expect(at('ImportKeyMaterial', { ValidTo: 1546257599 }).get('kms:validto')).toEqual(['1546257599']);
    expect(at('ImportKeyMaterial', {}).has('kms:expirationmodel')).toBe(false);
    expect(at('GetParametersForImport', { WrappingAlgorithm: 'RSAES_OAEP_SHA_256', WrappingKeySpec: 'RSA_2048' }).get('kms:wrappingkeyspec')).toEqual(['RSA_2048']);
    expect(at('ReplicateKey', { ReplicaRegion: 'eu-west-1' }).get('kms:replicaregion')).toEqual(['eu-west-1']);
    expect(at('UpdatePrimaryRegion', { PrimaryRegion: 'eu-west-1' }).get('kms:primaryregion')).toEqual(['eu-west-1']);
    expect(at('UntagResource', { TagKeys: ['a', 'b'] }).get('aws:tagkeys')).toEqual(['a', 'b']);
    const attested = requestContextFor('Decrypt', { Recipient: {} }, KEY, session, { now, recipientAttestation: { ImageSha384: 'abc', PCR0: 'def' } });
    expect(attested.get('kms:recipientattestation:imagesha384')).toEqual(['abc']);
  });
});

describe('operation permissions', () => {
  it('covers every operation of the model', () => {
    for (const op of OPERATION_NAMES) expect(OPERATION_PERMISSIONS[op].actions.length).toBeGreaterThan(0);
  });
  it('follows the API reference', () => {
    expect(OPERATION_PERMISSIONS.ReEncrypt.actions).toEqual(['kms:ReEncryptFrom', 'kms:ReEncryptTo']);
    expect(OPERATION_PERMISSIONS.ListKeys.kind).toBe('iam');
    expect(OPERATION_PERMISSIONS.CreateKey.kind).toBe('iam');
    expect(OPERATION_PERMISSIONS.GenerateRandom.kind).toBe('iam');
    expect(OPERATION_PERMISSIONS.CreateAlias.kind).toBe('alias+key');
    expect(OPERATION_PERMISSIONS.Encrypt).toEqual({ actions: ['kms:Encrypt'], kind: 'key', crossAccount: true });
    expect(OPERATION_PERMISSIONS.ScheduleKeyDeletion.crossAccount).toBe(false);
    expect([...CROSS_ACCOUNT_OPERATIONS].sort()).toEqual(
      ['CreateGrant', 'Decrypt', 'DeriveSharedSecret', 'DescribeKey', 'Encrypt', 'GenerateDataKey', 'GenerateDataKeyPair', 'GenerateDataKeyPairWithoutPlaintext', 'GenerateDataKeyWithoutPlaintext', 'GenerateMac', 'GetKeyRotationStatus', 'GetPublicKey', 'ListGrants', 'ReEncrypt', 'RetireGrant', 'RevokeGrant', 'Sign', 'Verify', 'VerifyMac'].sort(),
    );
  });
});
