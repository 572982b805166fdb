/**
 * Grants, the pure part: the record, which operations a grant may carry for a key, whether a
 * grant lets a principal perform an operation with a given encryption context, and who may
 * retire it. Storage and the CreateGrant/ListGrants handlers live elsewhere.
 *
 * Sources:
 * - GrantConstraints (API reference / service model): "KMS applies the grant constraints only to
 *   cryptographic operations that support an encryption context ... Grant constraints are not
 *   applied to operations that do not support an encryption context, such as ... DescribeKey or
 *   RetireGrant." and "in a grant constraint, the key in each key-value pair is not case
 *   sensitive, but the value is case sensitive."
 *   https://docs.aws.amazon.com/kms/latest/APIReference/API_GrantConstraints.html
 * - CreateGrant `Constraints`: "Grants with grant constraints can include the DescribeKey and
 *   RetireGrant operations, but the constraint doesn't apply to these operations. If a grant with
 *   a grant constraint includes the CreateGrant operation, the constraint requires that any
 *   grants created with the CreateGrant permission have an equally strict or stricter encryption
 *   context constraint. You cannot use an encryption context grant constraint for cryptographic
 *   operations with asymmetric KMS keys or HMAC KMS keys."
 *   https://docs.aws.amazon.com/kms/latest/APIReference/API_CreateGrant.html
 * - Child grants: "the child grant can add pairs to an EncryptionContextSubset constraint in the
 *   parent grant, but it cannot remove them. The child grant can change an
 *   EncryptionContextSubset constraint to an EncryptionContextEquals constraint, but not the
 *   reverse." https://docs.aws.amazon.com/kms/latest/developerguide/grants.html (archived:
 *   awsdocs/aws-kms-developer-guide doc_source/grants.md)
 * - Operations per key type (CreateGrant, API reference): grants for symmetric keys cannot allow
 *   Sign, Verify, GetPublicKey; for asymmetric keys not the data-key operations; ENCRYPT_DECRYPT
 *   asymmetric keys not Sign/Verify; SIGN_VERIFY keys not Encrypt/Decrypt. "If you try, KMS
 *   returns a ValidationError exception."
 * - Retiring: "A grant can be retired by ... The retiring principal ... The grantee principal, if
 *   the grant includes the RetireGrant operation ... The AWS account in which the grant was created."
 *   https://docs.aws.amazon.com/kms/latest/developerguide/grant-delete.html
 *
 * @module
 */
import type { GrantOperation } from '../../common/model/schemas.js';
import type { CallerPrincipal } from './principal.js';

export type { GrantOperation };

/** The GrantOperation enum of the service model. */
export const GRANT_OPERATIONS: readonly GrantOperation[] = [
  'Decrypt',
  'Encrypt',
  'GenerateDataKey',
  'GenerateDataKeyWithoutPlaintext',
  'ReEncryptFrom',
  'ReEncryptTo',
  'Sign',
  'Verify',
  'GetPublicKey',
  'CreateGrant',
  'RetireGrant',
  'DescribeKey',
  'GenerateDataKeyPair',
  'GenerateDataKeyPairWithoutPlaintext',
  'GenerateMac',
  'VerifyMac',
  'DeriveSharedSecret',
];

export type { GrantConstraints, GrantRecord } from '../records/grant-records.js';
import type { GrantConstraints, GrantRecord } from '../records/grant-records.js';

/** Grant operations that take an EncryptionContext parameter (constraints apply to these). */
export const ENCRYPTION_CONTEXT_OPERATIONS: ReadonlySet<GrantOperation> = new Set<GrantOperation>([
  'Decrypt',
  'Encrypt',
  'GenerateDataKey',
  'GenerateDataKeyWithoutPlaintext',
  'GenerateDataKeyPair',
  'GenerateDataKeyPairWithoutPlaintext',
  'ReEncryptFrom',
  'ReEncryptTo',
]);

const ALWAYS: GrantOperation[] = ['CreateGrant', 'DescribeKey', 'RetireGrant'];
/** A symmetric encryption key's own operations are exactly those that take an EncryptionContext. */
const SYMMETRIC: readonly GrantOperation[] = [...ENCRYPTION_CONTEXT_OPERATIONS];

/** The grant operations a grant on a key of this usage/spec may carry. */
export function grantOperationsFor(keyUsage: string, keySpec: string): ReadonlySet<GrantOperation> {
  const ops: GrantOperation[] = [...ALWAYS];
  if (keySpec === 'SYMMETRIC_DEFAULT') ops.push(...SYMMETRIC);
  else if (keyUsage === 'GENERATE_VERIFY_MAC') ops.push('GenerateMac', 'VerifyMac');
  else if (keyUsage === 'ENCRYPT_DECRYPT') ops.push('Decrypt', 'Encrypt', 'ReEncryptFrom', 'ReEncryptTo', 'GetPublicKey');
  else if (keyUsage === 'SIGN_VERIFY') ops.push('Sign', 'Verify', 'GetPublicKey');
  else if (keyUsage === 'KEY_AGREEMENT') ops.push('DeriveSharedSecret', 'GetPublicKey');
  return new Set(ops);
}

export const grantMsg = {
  /** aws-observed.md V19 (ValidationException, DynamoDB-wrapped capture). */
  constraintNeedsSymmetricKey: 'EncryptionContext is supported only when creating a grant for a symmetric encryption KMS key.',
  /** INFERRED: no capture of AWS's text for an operation the key does not support. */
  operationNotSupported: (op: string, keySpec: string) => `Grant operation ${op} is not supported for a KMS key with KeySpec ${keySpec}.`,
} as const;

/** What CreateGrant refuses with ValidationException; null when the request is acceptable. */
export function grantRequestProblem(req: { operations: readonly GrantOperation[]; constraints?: GrantConstraints }, keyUsage: string, keySpec: string): string | null {
  const allowed = grantOperationsFor(keyUsage, keySpec);
  const bad = req.operations.find((op) => !allowed.has(op));
  if (bad !== undefined) return grantMsg.operationNotSupported(bad, keySpec);
  const c = req.constraints;
  if (c !== undefined && (c.EncryptionContextEquals !== undefined || c.EncryptionContextSubset !== undefined) && keySpec !== 'SYMMETRIC_DEFAULT') {
    return grantMsg.constraintNeedsSymmetricKey;
  }
  return null;
}

const roleArnKey = (arn: string): string | null => {
  const m = /^arn:aws[a-z-]*:iam::(\d{12}):role\/(?:.*\/)?([^/]+)$/.exec(arn);
  return m === null ? null : `${m[1]}:${m[2]}`;
};

/**
 * Whether a principal named in a grant (grantee or retiring principal) is the caller: the same
 * ARN, the role of the caller's session, or — INFERRED — an account root ARN matches only that
 * account's root user (delegation to IAM users of the account is not modelled).
 */
export function grantPrincipalIs(named: string, caller: CallerPrincipal): boolean {
  if (named === caller.arn) return true;
  if (caller.roleKey !== undefined && roleArnKey(named) === caller.roleKey) return true;
  return false;
}

/** Constraint pair present in the request: key case-insensitively, value exactly. */
function hasPair(ctx: Record<string, string>, key: string, value: string): boolean {
  if (ctx[key] === value) return true;
  const lk = key.toLowerCase();
  for (const k in ctx) if (k.toLowerCase() === lk && ctx[k] === value) return true;
  return false;
}

/** Whether the request's encryption context satisfies the grant's constraints. */
export function constraintsSatisfied(c: GrantConstraints | undefined, ctx: Record<string, string> | undefined): boolean {
  if (c === undefined) return true;
  const req = ctx ?? {};
  if (c.EncryptionContextEquals !== undefined) {
    const want = c.EncryptionContextEquals;
    if (Object.keys(want).length !== Object.keys(req).length) return false;
    for (const k in want) if (!hasPair(req, k, want[k])) return false;
    for (const k in req) if (!hasPair(want, k, req[k])) return false;
  }
  if (c.EncryptionContextSubset !== undefined) {
    const want = c.EncryptionContextSubset;
    for (const k in want) if (!hasPair(req, k, want[k])) return false;
  }
  return true;
}

/** Whether `grant` lets `caller` perform `operation` (a grant operation name) with `encryptionContext`. */
export function grantAllows(
  grant: GrantRecord,
  operation: string,
  caller: CallerPrincipal,
  encryptionContext?: Record<string, string>,
): boolean {
  if (!(grant.operations as string[]).includes(operation)) return false;
  if (!grantPrincipalIs(grant.granteePrincipal, caller)) return false;
  // Constraints apply only to operations that take an encryption context; CreateGrant's
  // constraint is checked against the child grant (childGrantWithin), not here.
  if (!ENCRYPTION_CONTEXT_OPERATIONS.has(operation as GrantOperation)) return true;
  return constraintsSatisfied(grant.constraints, encryptionContext);
}

/** Index of the first grant that allows the operation, or -1. */
export function findAllowingGrant(
  grants: readonly GrantRecord[],
  operation: string,
  caller: CallerPrincipal,
  encryptionContext?: Record<string, string>,
): number {
  return grants.findIndex((g) => grantAllows(g, operation, caller, encryptionContext));
}

/** CreateGrant through a grant: the child must be equally or more restrictive than the parent. */
export function childGrantWithin(parent: GrantRecord, child: { operations: readonly GrantOperation[]; constraints?: GrantConstraints }): boolean {
  if (!child.operations.every((op) => parent.operations.includes(op))) return false;
  const p = parent.constraints;
  if (p === undefined || (p.EncryptionContextEquals === undefined && p.EncryptionContextSubset === undefined)) return true;
  const c = child.constraints ?? {};
  if (p.EncryptionContextEquals !== undefined) {
    // Equals cannot be relaxed to Subset; the child must carry the same Equals pairs.
    return c.EncryptionContextEquals !== undefined && constraintsSatisfied({ EncryptionContextEquals: p.EncryptionContextEquals }, c.EncryptionContextEquals);
  }
  const need = { EncryptionContextSubset: p.EncryptionContextSubset };
  if (c.EncryptionContextEquals !== undefined && constraintsSatisfied(need, c.EncryptionContextEquals)) return true;
  return c.EncryptionContextSubset !== undefined && constraintsSatisfied(need, c.EncryptionContextSubset);
}

/** Whether the caller may retire the grant by virtue of the grant itself (see module doc). */
export function mayRetire(grant: GrantRecord, caller: CallerPrincipal): boolean {
  if (grant.retiringPrincipal !== undefined && grantPrincipalIs(grant.retiringPrincipal, caller)) return true;
  if (grant.operations.includes('RetireGrant') && grantPrincipalIs(grant.granteePrincipal, caller)) return true;
  return caller.isRoot && grant.issuingAccount === caller.arn;
}
