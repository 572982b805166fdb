/**
 * Which IAM action(s) each KMS operation needs, where the permission may be granted (key policy
 * or IAM policy only), and whether a principal of another account may call it.
 *
 * Source: the "Cross-account use" and "Required permissions" paragraphs of each operation in the
 * service model (spec/kms-2014-11-01.service-2.json, the text of the API reference), e.g.
 * https://docs.aws.amazon.com/kms/latest/APIReference/API_Encrypt.html; summarised in
 * https://docs.aws.amazon.com/kms/latest/developerguide/kms-api-permissions-reference.html.
 * - `key`: "kms:X (key policy)" — a key resource operation; the key policy decides, and may
 *   delegate to IAM policies.
 * - `iam`: "kms:X (IAM policy)" — no key involved, Resource `*` (or a custom key store);
 *   only identity policies decide.
 * - `alias+key`: CreateAlias / DeleteAlias: "kms:CreateAlias on the alias (IAM policy).
 *   kms:CreateAlias on the KMS key (key policy)"; UpdateAlias needs the current and the new key.
 * - ReEncrypt: "kms:ReEncryptFrom permission on the source KMS key (key policy),
 *   kms:ReEncryptTo permission on the destination KMS key (key policy)".
 * - RetireGrant: "Permission to retire a grant is determined primarily by the grant"
 *   (see grants.ts `mayRetire`); kms:RetireGrant in policies is a fallback.
 * - ListRetirableGrants: IAM policy in the caller's own account.
 *
 * @module
 */
import { OPERATION_NAMES, type OperationName } from '../../common/model/model.js';

export type PermissionKind = 'key' | 'iam' | 'alias+key';

export interface OperationPermission {
  /** IAM actions to check, in order; ReEncrypt's are [source, destination]. */
  readonly actions: readonly string[];
  readonly kind: PermissionKind;
  /** "Cross-account use: Yes" in the API reference. */
  readonly crossAccount: boolean;
}

const CROSS_ACCOUNT = new Set<OperationName>([
  'CreateGrant',
  'Decrypt',
  'DeriveSharedSecret',
  'DescribeKey',
  'Encrypt',
  'GenerateDataKey',
  'GenerateDataKeyPair',
  'GenerateDataKeyPairWithoutPlaintext',
  'GenerateDataKeyWithoutPlaintext',
  'GenerateMac',
  'GetKeyRotationStatus',
  'GetPublicKey',
  'ListGrants',
  'ReEncrypt',
  'RetireGrant',
  'RevokeGrant',
  'Sign',
  'Verify',
  'VerifyMac',
]);

const IAM_ONLY = new Set<OperationName>([
  'ConnectCustomKeyStore',
  'CreateCustomKeyStore',
  'CreateKey',
  'DeleteCustomKeyStore',
  'DescribeCustomKeyStores',
  'DisconnectCustomKeyStore',
  'GenerateRandom',
  'ListAliases',
  'ListKeys',
  'ListRetirableGrants',
  'UpdateCustomKeyStore',
]);

const ALIAS_OPS = new Set<OperationName>(['CreateAlias', 'DeleteAlias', 'UpdateAlias']);

function permissionOf(op: OperationName): OperationPermission {
  const crossAccount = CROSS_ACCOUNT.has(op);
  if (op === 'ReEncrypt') return { actions: ['kms:ReEncryptFrom', 'kms:ReEncryptTo'], kind: 'key', crossAccount };
  const kind: PermissionKind = IAM_ONLY.has(op) ? 'iam' : ALIAS_OPS.has(op) ? 'alias+key' : 'key';
  return { actions: [`kms:${op}`], kind, crossAccount };
}

/** Every operation of the model → its permission. */
export const OPERATION_PERMISSIONS: Readonly<Record<OperationName, OperationPermission>> = Object.fromEntries(
  OPERATION_NAMES.map((op) => [op, permissionOf(op)]),
) as Record<OperationName, OperationPermission>;

/** The operations a principal of another account may call on a key ("Cross-account use: Yes"). */
export const CROSS_ACCOUNT_OPERATIONS: ReadonlySet<OperationName> = CROSS_ACCOUNT;
