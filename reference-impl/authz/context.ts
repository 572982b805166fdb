/**
 * The request context: the condition keys AWS supplies for one request, lower-cased (condition
 * key names are case-insensitive), each with one or more string values. A key that does not apply
 * to the operation, or whose request parameter is absent where AWS leaves it absent, is simply
 * not in the map — so `Null` sees it as null and a plain operator sees "values do not match".
 *
 * Per-key applicability: https://docs.aws.amazon.com/kms/latest/developerguide/conditions-kms.html
 * (archived text: awsdocs/aws-kms-developer-guide doc_source/conditions-kms.md) and the API
 * reference parameter docs for the newer keys. Notable rules:
 * - "KMS key resource operations" (key policy permission on a key): kms:CallerAccount,
 *   kms:ViaService (only when a service calls), kms:KeySpec/KeyUsage/KeyOrigin/MultiRegion/
 *   MultiRegionKeyType (from the key), kms:ResourceAliases, aws:ResourceTag/*. CallerAccount
 *   also applies to custom key store operations. CreateKey takes KeySpec/KeyUsage/KeyOrigin/
 *   MultiRegion from its request, defaults included ("This type of condition works even when the
 *   parameter doesn't appear in the request, such as when you use the parameter's default value").
 * - kms:EncryptionContext:* and kms:EncryptionContextKeys: CreateGrant (the constraint's context),
 *   Encrypt, Decrypt, GenerateDataKey*, ReEncrypt; absent when the request has no context (the
 *   doc's `"Null": {"kms:EncryptionContextKeys": false}` requires one).
 * - kms:EncryptionAlgorithm: the request's value or SYMMETRIC_DEFAULT ("even when the algorithm
 *   isn't specified in the request"); data-key operations always SYMMETRIC_DEFAULT.
 * - kms:BypassPolicyLockoutSafetyCheck and kms:ExpirationModel: absent unless the parameter is sent
 *   (the doc's Null examples "allow access only when the request does not include" it).
 * - kms:RequestAlias: cryptographic operations, DescribeKey, GetPublicKey, only when KeyId is an
 *   alias name or alias ARN; the value is the alias name.
 * - aws:PrincipalArn is the role ARN for an assumed-role session
 *   (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-principalarn).
 * INFERRED (no source found): kms:GrantIsForAWSResource is "false" rather than absent for direct
 * calls; kms:RotationPeriodInDays / kms:ScheduleKeyDeletionPendingWindowInDays carry the default
 * (365 / 30) when the parameter is omitted; for ReEncrypt the source evaluation sees the source
 * encryption context/algorithm and the destination evaluation the destination ones.
 *
 * @module
 */
import type { OperationName } from '../../common/model/model.js';
import { OPERATION_PERMISSIONS } from './actions.js';
import type { CallerPrincipal } from './principal.js';

export type RequestContext = Map<string, readonly string[]>;

export interface KeyFacts {
  arn: string;
  account: string;
  keySpec: string;
  keyUsage: string;
  origin: string;
  multiRegion?: boolean;
  multiRegionKeyType?: 'PRIMARY' | 'REPLICA';
  aliases?: readonly string[];
  tags?: readonly { TagKey: string; TagValue: string }[];
}

export interface ContextExtras {
  /** Request time, epoch ms (real time, for aws:CurrentTime / aws:EpochTime). */
  now: number;
  sourceIp?: string;
  secureTransport?: boolean;
  /** `<service>.<region>.amazonaws.com` when an AWS service calls on the caller's behalf. */
  viaService?: string;
  grantIsForAWSResource?: boolean;
  /** Claims of a verified Recipient attestation document, e.g. `{ ImageSha384: '...', PCR0: '...' }`. */
  recipientAttestation?: Record<string, string>;
  /** ReEncrypt: which of the two keys this evaluation is for, and both key ARNs. */
  reEncryptSide?: 'source' | 'destination';
  sourceKeyArn?: string;
  destinationKeyArn?: string;
}

const CRYPTO = new Set<OperationName>([
  'Encrypt', 'Decrypt', 'ReEncrypt', 'GenerateDataKey', 'GenerateDataKeyWithoutPlaintext', 'GenerateDataKeyPair',
  'GenerateDataKeyPairWithoutPlaintext', 'GenerateMac', 'VerifyMac', 'Sign', 'Verify', 'DeriveSharedSecret',
]);
const EC_OPS = new Set<OperationName>([
  'CreateGrant', 'Encrypt', 'Decrypt', 'GenerateDataKey', 'GenerateDataKeyPair', 'GenerateDataKeyPairWithoutPlaintext',
  'GenerateDataKeyWithoutPlaintext', 'ReEncrypt',
]);
const DATA_KEY_OPS = new Set<OperationName>([
  'GenerateDataKey', 'GenerateDataKeyWithoutPlaintext', 'GenerateDataKeyPair', 'GenerateDataKeyPairWithoutPlaintext',
]);
const CUSTOM_KEY_STORE_OPS = new Set<OperationName>([
  'ConnectCustomKeyStore', 'CreateCustomKeyStore', 'DeleteCustomKeyStore', 'DescribeCustomKeyStores', 'DisconnectCustomKeyStore', 'UpdateCustomKeyStore',
]);
const ATTESTATION_OPS = new Set<OperationName>(['Decrypt', 'GenerateDataKey', 'GenerateDataKeyPair', 'GenerateRandom', 'DeriveSharedSecret']);

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : undefined);

/** `alias/x` for an alias name or alias ARN KeyId, else undefined. */
function aliasName(keyId: unknown): string | undefined {
  if (typeof keyId !== 'string') return undefined;
  if (keyId.startsWith('alias/')) return keyId;
  if (!keyId.includes(':alias/')) return undefined;
  const m = /^arn:aws[a-z-]*:kms:[^:]*:\d{12}:(alias\/.+)$/.exec(keyId);
  return m === null ? undefined : m[1];
}

// Lower-cased key names, memoised: most names are constants, lower-casing them per request is waste.
const LOWER = new Map<string, string>();
function lower(name: string): string {
  let l = LOWER.get(name);
  if (l === undefined) {
    l = name.toLowerCase();
    if (LOWER.size < 4096) LOWER.set(name, l);
  }
  return l;
}

function put(ctx: RequestContext, name: string, value: unknown): void {
  if (value === undefined) return;
  if (Array.isArray(value)) {
    const vs = value.map(str).filter((v): v is string => v !== undefined);
    if (vs.length > 0) ctx.set(lower(name), vs);
    return;
  }
  const v = str(value);
  if (v !== undefined) ctx.set(lower(name), [v]);
}

/** ReEncrypt reads the source or destination member; every other operation the plain one. */
function pick(operation: OperationName, input: Record<string, unknown>, side: 'source' | 'destination', plain: string, source: string, destination: string): unknown {
  return operation === 'ReEncrypt' ? input[side === 'source' ? source : destination] : input[plain];
}

// aws:CurrentTime for the last request time seen: most requests share the millisecond.
let lastNow = NaN;
let lastIso = '';
function isoTime(now: number): string {
  if (now !== lastNow) {
    lastNow = now;
    lastIso = new Date(now).toISOString();
  }
  return lastIso;
}

/**
 * The encryption context the kms:EncryptionContext:* keys see: the request's (ReEncrypt: the
 * side's), CreateGrant's constraint; undefined for operations without one.
 */
export function encryptionContextOf(operation: OperationName, input: Record<string, unknown>, side: 'source' | 'destination' = 'source'): Record<string, string> | undefined {
  if (!EC_OPS.has(operation)) return undefined;
  if (operation === 'CreateGrant') {
    const constraints = input.Constraints as Record<string, unknown> | undefined;
    return (constraints?.EncryptionContextEquals ?? constraints?.EncryptionContextSubset) as Record<string, string> | undefined;
  }
  return pick(operation, input, side, 'EncryptionContext', 'SourceEncryptionContext', 'DestinationEncryptionContext') as Record<string, string> | undefined;
}

/** The values of `kms:encryptioncontext:<contextKeyLower>` (context keys compare case-insensitively), or undefined. */
export function encryptionContextValues(ec: Record<string, string> | undefined, contextKeyLower: string): string[] | undefined {
  if (ec === undefined) return undefined;
  let out: string[] | undefined;
  for (const k in ec) if (k === contextKeyLower || k.toLowerCase() === contextKeyLower) (out ??= []).push(ec[k]!);
  return out;
}

/** Builds the request context for one authorization (ReEncrypt: one per key, see `reEncryptSide`). */
export function requestContextFor(
  operation: OperationName,
  input: Record<string, unknown>,
  key: KeyFacts | null,
  principal: CallerPrincipal,
  extras: ContextExtras,
): RequestContext {
  const ctx: RequestContext = new Map();

  // Global keys.
  if (principal.service === undefined) {
    put(ctx, 'aws:PrincipalArn', principal.roleArn ?? principal.arn);
    put(ctx, 'aws:PrincipalAccount', principal.account);
  }
  put(ctx, 'aws:CurrentTime', isoTime(extras.now));
  put(ctx, 'aws:EpochTime', Math.floor(extras.now / 1000));
  put(ctx, 'aws:SecureTransport', extras.secureTransport);
  put(ctx, 'aws:SourceIp', extras.sourceIp);

  const keyResourceOp = OPERATION_PERMISSIONS[operation].kind !== 'iam' && key !== null;
  if (keyResourceOp || CUSTOM_KEY_STORE_OPS.has(operation)) put(ctx, 'kms:CallerAccount', principal.account);
  if (keyResourceOp && key !== null) {
    put(ctx, 'kms:ViaService', extras.viaService);
    put(ctx, 'kms:KeySpec', key.keySpec);
    put(ctx, 'kms:CustomerMasterKeySpec', key.keySpec);
    put(ctx, 'kms:KeyUsage', key.keyUsage);
    put(ctx, 'kms:CustomerMasterKeyUsage', key.keyUsage);
    put(ctx, 'kms:KeyOrigin', key.origin);
    put(ctx, 'kms:MultiRegion', key.multiRegion ?? false);
    if (key.multiRegion) put(ctx, 'kms:MultiRegionKeyType', key.multiRegionKeyType);
    put(ctx, 'kms:ResourceAliases', key.aliases ?? []);
    for (const t of key.tags ?? []) put(ctx, `aws:ResourceTag/${t.TagKey}`, t.TagValue);
  }

  const side = extras.reEncryptSide ?? 'source';

  if (CRYPTO.has(operation) || operation === 'DescribeKey' || operation === 'GetPublicKey') {
    put(ctx, 'kms:RequestAlias', aliasName(pick(operation, input, side, 'KeyId', 'SourceKeyId', 'DestinationKeyId')));
  }
  if (EC_OPS.has(operation)) {
    const ec = encryptionContextOf(operation, input, side);
    if (ec !== undefined && Object.keys(ec).length > 0) {
      for (const [k, v] of Object.entries(ec)) {
        const name = `kms:encryptioncontext:${k.toLowerCase()}`;
        const prev = ctx.get(name);
        ctx.set(name, prev === undefined ? [v] : [...prev, v]);
      }
      put(ctx, 'kms:EncryptionContextKeys', Object.keys(ec));
    }
  }
  if (EC_OPS.has(operation) && operation !== 'CreateGrant') {
    const alg = DATA_KEY_OPS.has(operation) ? undefined : pick(operation, input, side, 'EncryptionAlgorithm', 'SourceEncryptionAlgorithm', 'DestinationEncryptionAlgorithm');
    put(ctx, 'kms:EncryptionAlgorithm', alg ?? 'SYMMETRIC_DEFAULT');
  }
  if (ATTESTATION_OPS.has(operation) && input.Recipient !== undefined && extras.recipientAttestation !== undefined) {
    for (const [claim, value] of Object.entries(extras.recipientAttestation)) put(ctx, `kms:RecipientAttestation:${claim}`, value);
  }

  switch (operation) {
    case 'CreateKey':
      put(ctx, 'kms:KeySpec', input.KeySpec ?? input.CustomerMasterKeySpec ?? 'SYMMETRIC_DEFAULT');
      put(ctx, 'kms:CustomerMasterKeySpec', input.KeySpec ?? input.CustomerMasterKeySpec ?? 'SYMMETRIC_DEFAULT');
      put(ctx, 'kms:KeyUsage', input.KeyUsage ?? 'ENCRYPT_DECRYPT');
      put(ctx, 'kms:CustomerMasterKeyUsage', input.KeyUsage ?? 'ENCRYPT_DECRYPT');
      put(ctx, 'kms:KeyOrigin', input.Origin ?? 'AWS_KMS');
      put(ctx, 'kms:MultiRegion', input.MultiRegion ?? false);
      if (input.MultiRegion === true) put(ctx, 'kms:MultiRegionKeyType', 'PRIMARY');
      put(ctx, 'kms:BypassPolicyLockoutSafetyCheck', input.BypassPolicyLockoutSafetyCheck);
      putTags(ctx, input.Tags);
      break;
    case 'PutKeyPolicy':
      put(ctx, 'kms:BypassPolicyLockoutSafetyCheck', input.BypassPolicyLockoutSafetyCheck);
      break;
    case 'TagResource':
      putTags(ctx, input.Tags);
      break;
    case 'UntagResource':
      put(ctx, 'aws:TagKeys', input.TagKeys);
      break;
    case 'CreateGrant': {
      put(ctx, 'kms:GrantOperations', input.Operations);
      put(ctx, 'kms:GranteePrincipal', input.GranteePrincipal);
      put(ctx, 'kms:RetiringPrincipal', input.RetiringPrincipal);
      const c = input.Constraints as Record<string, unknown> | undefined;
      put(ctx, 'kms:GrantConstraintType', ['EncryptionContextEquals', 'EncryptionContextSubset'].filter((t) => c?.[t] !== undefined));
      put(ctx, 'kms:GrantIsForAWSResource', extras.grantIsForAWSResource ?? false);
      break;
    }
    case 'ListGrants':
    case 'RevokeGrant':
      put(ctx, 'kms:GrantIsForAWSResource', extras.grantIsForAWSResource ?? false);
      break;
    case 'GenerateDataKeyPair':
    case 'GenerateDataKeyPairWithoutPlaintext':
      put(ctx, 'kms:DataKeyPairSpec', input.KeyPairSpec);
      break;
    case 'Sign':
    case 'Verify':
      put(ctx, 'kms:SigningAlgorithm', input.SigningAlgorithm);
      put(ctx, 'kms:MessageType', input.MessageType ?? 'RAW');
      break;
    case 'GenerateMac':
    case 'VerifyMac':
      put(ctx, 'kms:MacAlgorithm', input.MacAlgorithm);
      break;
    case 'DeriveSharedSecret':
      put(ctx, 'kms:KeyAgreementAlgorithm', input.KeyAgreementAlgorithm);
      break;
    case 'ReEncrypt':
      if (extras.sourceKeyArn !== undefined && extras.destinationKeyArn !== undefined) {
        put(ctx, 'kms:ReEncryptOnSameKey', extras.sourceKeyArn === extras.destinationKeyArn);
      }
      break;
    case 'ImportKeyMaterial':
      put(ctx, 'kms:ExpirationModel', input.ExpirationModel);
      put(ctx, 'kms:ValidTo', typeof input.ValidTo === 'number' ? input.ValidTo : undefined);
      break;
    case 'GetParametersForImport':
      put(ctx, 'kms:WrappingAlgorithm', input.WrappingAlgorithm);
      put(ctx, 'kms:WrappingKeySpec', input.WrappingKeySpec);
      break;
    case 'UpdatePrimaryRegion':
      put(ctx, 'kms:PrimaryRegion', input.PrimaryRegion);
      break;
    case 'ReplicateKey':
      put(ctx, 'kms:ReplicaRegion', input.ReplicaRegion);
      break;
    case 'EnableKeyRotation':
      put(ctx, 'kms:RotationPeriodInDays', input.RotationPeriodInDays ?? 365);
      break;
    case 'ScheduleKeyDeletion':
      put(ctx, 'kms:ScheduleKeyDeletionPendingWindowInDays', input.PendingWindowInDays ?? 30);
      break;
    default:
      break;
  }
  return ctx;
}

function putTags(ctx: RequestContext, tags: unknown): void {
  if (!Array.isArray(tags)) return;
  const list = tags as { TagKey?: string; TagValue?: string }[];
  for (const t of list) if (t.TagKey !== undefined) put(ctx, `aws:RequestTag/${t.TagKey}`, t.TagValue ?? '');
  put(ctx, 'aws:TagKeys', list.map((t) => t.TagKey));
}
