/**
 * Random operation sequences (fast-check arbitraries) over a small state model: keys of several
 * specs and states, aliases, tags, grants and ciphertexts, referred to symbolically. Argument
 * choices come from the service model (model-args.ts): mostly valid, sometimes at a bound,
 * sometimes invalid. A sequence starts with one to three CreateKey steps so that later steps have
 * keys to work on.
 *
 * @module
 */
import fc from 'fast-check';
import { OPERATIONS, type OperationName } from '../../common/model/index.js';
import { enumArg, intArg, NOT_AN_ENUM_VALUE, requiredOf, stringArg, type ShapeName } from './model-args.js';
import { ALIAS_VARIANTS, type Step, type Sym, type SymJson } from './steps.js';

/** How many distinct keys, aliases, ciphertexts and grants a sequence names (indices wrap around). */
const POOL = 4;

const index = fc.nat({ max: POOL - 1 });

const keyRef: fc.Arbitrary<Sym> = fc.oneof(
  { arbitrary: fc.record({ $key: index, form: fc.constantFrom('id' as const, 'arn' as const) }), weight: 14 },
  { arbitrary: fc.record({ $alias: index, variant: fc.constantFrom('plain' as const, 'arn' as const) }), weight: 2 },
  { arbitrary: fc.record({ $absentKey: fc.constantFrom('uuid' as const, 'arn' as const, 'malformed' as const) }), weight: 1 },
);

const aliasName: fc.Arbitrary<Sym> = fc.oneof(
  { arbitrary: fc.record({ $alias: index, variant: fc.constant('plain' as const) }), weight: 12 },
  { arbitrary: fc.record({ $alias: index, variant: fc.constantFrom(...ALIAS_VARIANTS) }), weight: 3 },
);

const plaintext: fc.Arbitrary<Sym> = fc.record({ $bytes: intArg('PlaintextType', [16, 100]), fill: fc.nat({ max: 2 }) });

const context = fc.constantFrom<Record<string, string>>({ purpose: 'diff' }, { a: '1', b: '2' }, {});

const ciphertext: fc.Arbitrary<Sym> = fc.oneof(
  { arbitrary: fc.record({ $ct: index }), weight: 10 },
  { arbitrary: fc.record({ $ct: index, mutate: fc.constantFrom('tamper' as const, 'truncate' as const) }), weight: 1 },
);

/** Decrypt-side context for ciphertext `$ct`: its own (usually), none, or another. */
const ciphertextWithContext = fc
  .tuple(ciphertext, fc.constantFrom('same', 'none', 'other'))
  .map(([ct, choice]) => ({ ct, ctx: choice === 'same' ? ({ $ctContext: (ct as { $ct: number }).$ct } as SymJson) : choice === 'other' ? { other: 'x' } : undefined }));

const tagKey = stringArg('TagKeyType', ['env', 'team', 'aws:reserved'], 'k');
const tag = fc.record({ TagKey: tagKey, TagValue: stringArg('TagValueType', ['a', 'b', ''], 'v') });
const description = stringArg('DescriptionType', ['', 'first', 'second']);
const limit = intArg('LimitType', [2, 100]);
const policyName = fc.constantFrom('default', 'other');

/** Key spec and usage together: the valid pairs mostly, then some the service refuses. */
const keySpecAndUsage: fc.Arbitrary<Record<string, SymJson>> = fc.oneof(
  { arbitrary: fc.constantFrom<Record<string, SymJson>>({}, { KeySpec: 'SYMMETRIC_DEFAULT' }, { KeyUsage: 'ENCRYPT_DECRYPT' }), weight: 12 },
  {
    arbitrary: fc.constantFrom<Record<string, SymJson>>(
      { KeySpec: 'HMAC_256', KeyUsage: 'GENERATE_VERIFY_MAC' },
      { KeySpec: 'ECC_NIST_P256', KeyUsage: 'SIGN_VERIFY' },
      { KeySpec: 'ECC_NIST_P256', KeyUsage: 'KEY_AGREEMENT' },
    ),
    weight: 3,
  },
  { arbitrary: fc.constant<Record<string, SymJson>>({ KeySpec: 'RSA_2048', KeyUsage: 'ENCRYPT_DECRYPT' }), weight: 1 },
  {
    arbitrary: fc.constantFrom<Record<string, SymJson>>(
      { KeySpec: 'HMAC_256' },
      { KeySpec: 'SYMMETRIC_DEFAULT', KeyUsage: 'SIGN_VERIFY' },
      { KeySpec: NOT_AN_ENUM_VALUE },
      { KeyUsage: NOT_AN_ENUM_VALUE },
    ),
    weight: 1,
  },
);

/** An optional member: present with probability about `p` (absent is what shrinking moves to). */
export interface Optional {
  optional: fc.Arbitrary<SymJson>;
  p: number;
}
const sometimes = (arbitrary: fc.Arbitrary<SymJson>, p = 1 / 3): Optional => ({ optional: arbitrary, p });

type MemberArbitraries = Record<string, fc.Arbitrary<SymJson> | Optional>;

const ABSENT = Symbol('absent');

/**
 * An input record. Members the model requires are present (nearly always: now and then one is
 * left out, which the service must refuse); optional ones are present with their probability.
 */
function step(op: OperationName, members: MemberArbitraries, extra?: fc.Arbitrary<Record<string, SymJson>>): fc.Arbitrary<Step> {
  const required = new Set(requiredOf(OPERATIONS[op].input as ShapeName));
  const entries = Object.entries(members).map(([name, m]) => {
    if ('optional' in m) {
      const absentWeight = Math.max(1, Math.round((1 - m.p) * 20));
      const presentWeight = Math.max(1, Math.round(m.p * 20));
      return [name, fc.oneof({ arbitrary: fc.constant(ABSENT), weight: absentWeight }, { arbitrary: m.optional, weight: presentWeight })] as const;
    }
    const arbitrary = required.has(name) ? fc.oneof({ arbitrary: m, weight: 40 }, { arbitrary: fc.constant(ABSENT), weight: 1 }) : m;
    return [name, arbitrary] as const;
  });
  const record = fc.record(Object.fromEntries(entries)).map((r) => {
    const out: Record<string, SymJson> = {};
    for (const [k, v] of Object.entries(r)) if (v !== ABSENT) out[k] = v as SymJson;
    return out;
  });
  const full = extra ? fc.tuple(extra, record).map(([e, r]) => ({ ...e, ...r })) : record;
  return full.map((input) => ({ op, input }));
}

const createKey = step(
  'CreateKey',
  {
    Description: sometimes(description),
    Tags: sometimes(fc.array(tag, { minLength: 1, maxLength: 2 }), 0.2),
    Policy: sometimes(fc.record({ $policy: fc.constantFrom('root' as const, 'lockout' as const, 'malformed' as const) }), 0.1),
    Origin: sometimes(fc.constant('EXTERNAL'), 0.05),
  },
  keySpecAndUsage,
);

const dataKeySize: fc.Arbitrary<Record<string, SymJson>> = fc.oneof(
  { arbitrary: fc.record({ KeySpec: enumArg('DataKeySpec', ['AES_256']) }), weight: 6 },
  { arbitrary: fc.record({ NumberOfBytes: intArg('NumberOfBytesType', [32, 64]) }), weight: 3 },
  { arbitrary: fc.constantFrom<Record<string, SymJson>>({}, { KeySpec: 'AES_256', NumberOfBytes: 32 }), weight: 1 },
);

const withContext = (ct: { ct: Sym; ctx: SymJson | undefined }, name: string) => (ct.ctx === undefined ? {} : { [name]: ct.ctx });

/** Every operation the generator knows, with how its inputs are chosen and how often it comes. */
export const STEP_ARBITRARIES: Partial<Record<OperationName, { arbitrary: fc.Arbitrary<Step>; weight: number }>> = {
  CreateKey: { arbitrary: createKey, weight: 3 },
  DescribeKey: { arbitrary: step('DescribeKey', { KeyId: keyRef }), weight: 2 },
  EnableKey: { arbitrary: step('EnableKey', { KeyId: keyRef }), weight: 2 },
  DisableKey: { arbitrary: step('DisableKey', { KeyId: keyRef }), weight: 2 },
  ScheduleKeyDeletion: {
    arbitrary: step('ScheduleKeyDeletion', { KeyId: keyRef, PendingWindowInDays: sometimes(intArg('PendingWindowInDaysType', [7, 30], [6, 31]), 0.7) }),
    weight: 1,
  },
  CancelKeyDeletion: { arbitrary: step('CancelKeyDeletion', { KeyId: keyRef }), weight: 1 },
  Encrypt: {
    arbitrary: step('Encrypt', {
      KeyId: keyRef,
      Plaintext: plaintext,
      EncryptionContext: sometimes(context, 0.5),
      EncryptionAlgorithm: sometimes(enumArg('EncryptionAlgorithmSpec', ['SYMMETRIC_DEFAULT', 'RSAES_OAEP_SHA_256']), 0.2),
    }),
    weight: 4,
  },
  Decrypt: {
    arbitrary: fc
      .tuple(ciphertextWithContext, step('Decrypt', { KeyId: sometimes(keyRef), EncryptionAlgorithm: sometimes(enumArg('EncryptionAlgorithmSpec', ['SYMMETRIC_DEFAULT']), 0.2) }))
      .map(([c, s]) => ({ op: s.op, input: { CiphertextBlob: c.ct, ...withContext(c, 'EncryptionContext'), ...s.input } })),
    weight: 3,
  },
  ReEncrypt: {
    arbitrary: fc
      .tuple(ciphertextWithContext, step('ReEncrypt', { DestinationKeyId: keyRef, DestinationEncryptionContext: sometimes(context, 0.5), SourceKeyId: sometimes(keyRef, 0.2) }))
      .map(([c, s]) => ({ op: s.op, input: { CiphertextBlob: c.ct, ...withContext(c, 'SourceEncryptionContext'), ...s.input } })),
    weight: 2,
  },
  GenerateDataKey: { arbitrary: step('GenerateDataKey', { KeyId: keyRef, EncryptionContext: sometimes(context, 0.5) }, dataKeySize), weight: 2 },
  GenerateDataKeyWithoutPlaintext: {
    arbitrary: step('GenerateDataKeyWithoutPlaintext', { KeyId: keyRef, EncryptionContext: sometimes(context, 0.5) }, dataKeySize),
    weight: 1,
  },
  GenerateDataKeyPair: {
    arbitrary: step('GenerateDataKeyPair', { KeyId: keyRef, KeyPairSpec: enumArg('DataKeyPairSpec', ['ECC_NIST_P256']), EncryptionContext: sometimes(context, 0.5) }),
    weight: 1,
  },
  GenerateRandom: { arbitrary: step('GenerateRandom', { NumberOfBytes: sometimes(intArg('NumberOfBytesType', [16, 32]), 0.9) }), weight: 1 },
  CreateAlias: { arbitrary: step('CreateAlias', { AliasName: aliasName, TargetKeyId: keyRef }), weight: 3 },
  UpdateAlias: { arbitrary: step('UpdateAlias', { AliasName: aliasName, TargetKeyId: keyRef }), weight: 2 },
  DeleteAlias: { arbitrary: step('DeleteAlias', { AliasName: aliasName }), weight: 1 },
  ListAliases: { arbitrary: step('ListAliases', { KeyId: sometimes(keyRef, 0.5), Limit: sometimes(limit), Marker: sometimes(fc.constant('not-a-marker'), 0.05) }), weight: 2 },
  TagResource: { arbitrary: step('TagResource', { KeyId: keyRef, Tags: fc.array(tag, { maxLength: 3 }) }), weight: 2 },
  UntagResource: { arbitrary: step('UntagResource', { KeyId: keyRef, TagKeys: fc.array(tagKey, { maxLength: 2 }) }), weight: 1 },
  ListResourceTags: { arbitrary: step('ListResourceTags', { KeyId: keyRef, Limit: sometimes(limit), Marker: sometimes(fc.constant('not-a-marker'), 0.05) }), weight: 2 },
  ListKeys: { arbitrary: step('ListKeys', { Limit: sometimes(intArg('LimitType', [100, 1000])), Marker: sometimes(fc.constant('not-a-marker'), 0.05) }), weight: 1 },
  EnableKeyRotation: {
    arbitrary: step('EnableKeyRotation', { KeyId: keyRef, RotationPeriodInDays: sometimes(intArg('RotationPeriodInDaysType', [365, 180]), 0.5) }),
    weight: 1,
  },
  DisableKeyRotation: { arbitrary: step('DisableKeyRotation', { KeyId: keyRef }), weight: 1 },
  GetKeyRotationStatus: { arbitrary: step('GetKeyRotationStatus', { KeyId: keyRef }), weight: 1 },
  RotateKeyOnDemand: { arbitrary: step('RotateKeyOnDemand', { KeyId: keyRef }), weight: 1 },
  ListKeyRotations: { arbitrary: step('ListKeyRotations', { KeyId: keyRef, Limit: sometimes(limit) }), weight: 1 },
  PutKeyPolicy: {
    arbitrary: step('PutKeyPolicy', {
      KeyId: keyRef,
      Policy: fc.record({ $policy: fc.constantFrom('root' as const, 'lockout' as const, 'malformed' as const) }),
      PolicyName: sometimes(policyName, 0.5),
      BypassPolicyLockoutSafetyCheck: sometimes(fc.boolean(), 0.2),
    }),
    weight: 1,
  },
  GetKeyPolicy: { arbitrary: step('GetKeyPolicy', { KeyId: keyRef, PolicyName: sometimes(policyName, 0.7) }), weight: 1 },
  UpdateKeyDescription: { arbitrary: step('UpdateKeyDescription', { KeyId: keyRef, Description: description }), weight: 1 },
  CreateGrant: {
    arbitrary: step('CreateGrant', {
      KeyId: keyRef,
      GranteePrincipal: fc.record({ $principal: fc.constantFrom('role' as const, 'root' as const) }),
      Operations: fc.uniqueArray(enumArg('GrantOperation', ['Encrypt', 'Decrypt', 'DescribeKey']), { maxLength: 3 }),
      Name: sometimes(stringArg('GrantNameType', ['diff-grant'], 'g'), 0.5),
    }),
    weight: 1,
  },
  ListGrants: { arbitrary: step('ListGrants', { KeyId: keyRef, Limit: sometimes(limit) }), weight: 1 },
  RevokeGrant: { arbitrary: step('RevokeGrant', { KeyId: keyRef, GrantId: fc.record({ $grant: index }) }), weight: 1 },
};

export const GENERATED_OPERATIONS = Object.keys(STEP_ARBITRARIES) as OperationName[];

export class UnknownOperationError extends Error {
  override readonly name = 'UnknownOperationError';
}

/**
 * Sequences of 1 to `maxLength` steps (plus the leading CreateKey steps) using `ops` (default:
 * all the generator knows). CreateKey is always part of the setup, whatever `ops` says.
 */
export function sequenceArbitrary(ops: readonly OperationName[] = GENERATED_OPERATIONS, maxLength = 16): fc.Arbitrary<Step[]> {
  for (const op of ops) if (!STEP_ARBITRARIES[op]) throw new UnknownOperationError(`the diff generator has no model of ${op} (it knows ${GENERATED_OPERATIONS.join(', ')})`);
  const chosen = ops.map((op) => STEP_ARBITRARIES[op]!);
  const anyStep = fc.oneof(...chosen);
  return fc
    .tuple(fc.array(createKey, { minLength: 1, maxLength: 3 }), fc.array(anyStep, { minLength: 0, maxLength }))
    .map(([setup, rest]) => [...setup, ...rest]);
}
