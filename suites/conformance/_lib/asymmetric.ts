/**
 * Helpers for the asymmetric, sign-verify, hmac and key-agreement cases: keys of a spec, the
 * public key as a Node KeyObject, local signature checks (Node / OpenSSL on what the endpoint
 * returned), AWS's key-usage wordings, and a factory for key-state refusals of the new
 * operations. Not a case file: it has no default export.
 *
 * Wordings (spec/aws-observed.md §9): `<key ARN> key usage is <usage> which is not valid for <op>.`
 * and `Algorithm <alg> is incompatible with key spec <spec>.` (InvalidKeyUsageException, 400).
 *
 * @module
 */
import { constants, createPublicKey, verify as nodeVerify, type KeyObject } from 'node:crypto';
import { GetPublicKeyCommand, type KeySpec, type KeyUsageType, type SigningAlgorithmSpec } from '@aws-sdk/client-kms';
import { defineCase, type CaseContext, type CaseSource, type CaseTag, type ConformanceCase, type ExpectedError } from '../../../harness/conformance/case.js';
import type { OperationName } from '../../../common/model/model.js';
import { disabledError, pendingDeletionError, schedule, type Key } from '../key-state/_support.js';
import { unthrottled } from './support.js';
import { DisableKeyCommand } from '@aws-sdk/client-kms';

export type { Key };

export const KEY_SPEC_DOC = 'https://docs.aws.amazon.com/kms/latest/developerguide/symm-asymm-choose-key-spec.html';
export const KEY_STATE_DOC = 'https://docs.aws.amazon.com/kms/latest/developerguide/key-state.html#key-state';
export const apiDoc = (op: string, anchor?: string): string =>
  `https://docs.aws.amazon.com/kms/latest/APIReference/API_${op}.html${anchor ? `#${anchor}` : ''}`;
export const requestDoc = (op: string, member: string): string => apiDoc(op, `KMS-${op}-request-${member}`);
export const errorsDoc = (op: string): string => apiDoc(op, `API_${op}_Errors`);

/** The date every source below was last checked. */
export const VERIFIED = '2026-12-07';
export const documented = (cite: string, since?: string): CaseSource => ({ kind: 'documented', cite, verifiedAt: VERIFIED, ...(since ? { since } : {}) });
export const recorded = (cite: string): CaseSource => ({ kind: 'recorded', cite, verifiedAt: VERIFIED });
export const inferred = (cite: string): CaseSource => ({ kind: 'inferred', cite, verifiedAt: VERIFIED });

/**
 * A key of `spec` and `usage` for this case: a prerequisite (`t.given`), so an endpoint that does
 * not create keys of that spec (UnsupportedOperationException) makes the case `unsupported`.
 */
export async function keyOf(t: CaseContext, KeySpec: KeySpec, KeyUsage: KeyUsageType): Promise<Key> {
  return t.given(`CreateKey KeySpec=${KeySpec} KeyUsage=${KeyUsage}`, () => t.createKey({ KeySpec, KeyUsage }));
}

/** GetPublicKey's DER SubjectPublicKeyInfo, parsed by Node (fails the case if it does not parse). */
export async function publicKeyOf(t: CaseContext, keyId: string): Promise<KeyObject> {
  const out = await t.kms.send(new GetPublicKeyCommand({ KeyId: keyId }));
  t.check(out.PublicKey instanceof Uint8Array && out.PublicKey.length > 0, 'GetPublicKey returns PublicKey bytes', out);
  try {
    return createPublicKey({ key: Buffer.from(out.PublicKey!), format: 'der', type: 'spki' });
  } catch (e) {
    t.check(false, 'PublicKey is a DER SubjectPublicKeyInfo', (e as Error).message);
    throw e;
  }
}

/** Hash and padding of each signing algorithm, as Node's crypto.verify takes them. */
const LOCAL: Partial<Record<SigningAlgorithmSpec, { hash: string | null; pss?: boolean; der?: boolean }>> = {
  RSASSA_PKCS1_V1_5_SHA_256: { hash: 'sha256' },
  RSASSA_PKCS1_V1_5_SHA_384: { hash: 'sha384' },
  RSASSA_PKCS1_V1_5_SHA_512: { hash: 'sha512' },
  RSASSA_PSS_SHA_256: { hash: 'sha256', pss: true },
  RSASSA_PSS_SHA_384: { hash: 'sha384', pss: true },
  RSASSA_PSS_SHA_512: { hash: 'sha512', pss: true },
  ECDSA_SHA_256: { hash: 'sha256', der: true },
  ECDSA_SHA_384: { hash: 'sha384', der: true },
  ECDSA_SHA_512: { hash: 'sha512', der: true },
  ED25519_SHA_512: { hash: null },
};

/** The hash a signing algorithm applies to a RAW message (Node name). */
export const hashOf = (alg: SigningAlgorithmSpec): string => LOCAL[alg]?.hash ?? 'sha512';

/**
 * Whether Node/OpenSSL accepts `signature` as `alg` over the RAW `message` (PSS with salt = hash
 * length, ECDSA DER-encoded: Key spec reference, "Signing algorithms").
 */
export function verifiesLocally(alg: SigningAlgorithmSpec, key: KeyObject, message: Uint8Array, signature: Uint8Array): boolean {
  const p = LOCAL[alg];
  if (!p) throw new Error(`no local verifier for ${alg}`);
  const opts = p.pss
    ? { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: constants.RSA_PSS_SALTLEN_DIGEST }
    : p.der
      ? { key, dsaEncoding: 'der' as const }
      : key;
  return nodeVerify(p.hash, message, opts, signature);
}

/** `<key ARN> key usage is <usage> which is not valid for <op>.` (aws-observed.md §9). */
export const wrongUsage = (arn: string, usage: string, op: string): ExpectedError => ({
  code: 'InvalidKeyUsageException',
  status: 400,
  message: `${arn} key usage is ${usage} which is not valid for ${op}.`,
});

/** `Algorithm <alg> is incompatible with key spec <spec>.` (aws-observed.md §9). */
export const incompatible = (alg: string, spec: string): ExpectedError => ({
  code: 'InvalidKeyUsageException',
  status: 400,
  message: `Algorithm ${alg} is incompatible with key spec ${spec}.`,
});

export type KeyStateName = 'Disabled' | 'PendingDeletion';

const STATE = {
  Disabled: {
    slug: 'disabled',
    ops: ['DisableKey'] as OperationName[],
    enter: (t: CaseContext, key: Key) => unthrottled(() => t.kms.send(new DisableKeyCommand({ KeyId: key.KeyId }))),
    error: disabledError,
    source: recorded('spec/aws-observed.md §2.3 S7 ("<key ARN> is disabled."), §2.2 (KS-OLD [1] for Sign, Verify, GetPublicKey and the other cryptographic operations)'),
  },
  PendingDeletion: {
    slug: 'pending-deletion',
    ops: ['ScheduleKeyDeletion'] as OperationName[],
    enter: (t: CaseContext, key: Key) => schedule(t, key),
    error: pendingDeletionError,
    source: recorded('spec/aws-observed.md §2.3 S4 (KMSInvalidStateException for cryptographic use), S5 ("is pending deletion"); §2.2 KS-OLD [3]'),
  },
} as const;

export interface StateRefusal {
  area: string;
  tags: CaseTag[];
  state: KeyStateName;
  /** Lower-kebab operation name in the id. */
  op: string;
  ops: OperationName[];
  spec: KeySpec;
  usage: KeyUsageType;
  /** Anything to prepare while the key is still Enabled (a signature, a MAC). */
  prepare?(t: CaseContext, key: Key): Promise<unknown>;
  call(t: CaseContext, key: Key, prepared: unknown): Promise<unknown>;
}

/** `<op>` on a key of `spec` in `state` is refused with that state's error naming the key ARN. */
export function stateRefusal(r: StateRefusal): ConformanceCase {
  const s = STATE[r.state];
  const label = r.ops[r.ops.length - 1]!;
  return defineCase({
    id: `${r.area}.${s.slug}-refuses-${r.op}`,
    title: `${label} with a ${r.state} ${r.spec} key is refused with ${s.error('').code}`,
    doc: KEY_STATE_DOC,
    source: s.source,
    tags: [...r.tags, 'key-state'],
    ops: [...new Set<OperationName>(['CreateKey', ...r.ops, ...s.ops])],
    async run(t) {
      const key = await keyOf(t, r.spec, r.usage);
      const prepared = await r.prepare?.(t, key);
      await s.enter(t, key);
      await t.expectError(r.call(t, key, prepared), s.error(key.Arn));
    },
  });
}

/** DryRun: DryRunOperationException, HTTP 400, with AWS's text (aws-observed.md §9). */
export const DRY_RUN_ERROR: ExpectedError = {
  code: 'DryRunOperationException',
  status: 400,
  message: 'The request would have succeeded, but the DryRun option is set.',
};

/** A case whose whole point is one refused call with a key of `spec` / `usage`. */
export interface RefusalSpec {
  id: string;
  title: string;
  doc: string;
  source: CaseSource;
  tags: CaseTag[];
  ops: OperationName[];
  spec: KeySpec | 'SYMMETRIC_DEFAULT';
  usage: KeyUsageType;
  flags?: ConformanceCase['flags'];
  /** The refused call; `key` is Enabled and of `spec` / `usage`. */
  call(t: CaseContext, key: Key): Promise<unknown>;
  /** What the refusal must be (may depend on the key's ARN). */
  expected(key: Key): ExpectedError;
}

export function refusalCase(r: RefusalSpec): ConformanceCase {
  return defineCase({
    id: r.id,
    title: r.title,
    doc: r.doc,
    source: r.source,
    tags: r.tags,
    ops: [...new Set<OperationName>(['CreateKey', ...r.ops])],
    ...(r.flags ? { flags: r.flags } : {}),
    async run(t) {
      const key = r.spec === 'SYMMETRIC_DEFAULT' && r.usage === 'ENCRYPT_DECRYPT' ? await t.createKey() : await keyOf(t, r.spec as KeySpec, r.usage);
      await t.expectError(r.call(t, key), r.expected(key));
    },
  });
}

/** `<op>` with DryRun true on a call that would succeed: DryRunOperationException (aws-observed.md §9). */
export function dryRunCase(r: Omit<RefusalSpec, 'title' | 'doc' | 'source' | 'expected'> & { op: string }): ConformanceCase {
  return refusalCase({
    ...r,
    title: `${r.op} with DryRun true on a ${r.spec} key is answered DryRunOperationException (HTTP 400, AWS's text) instead of a result`,
    doc: requestDoc(r.op, 'DryRun'),
    source: documented(
      `service model: ${r.op}Request.DryRun and DryRunOperationException; the code and text recorded for GenerateDataKeyPair (spec/aws-observed.md §9)`,
      '2023-07-05',
    ),
    expected: () => DRY_RUN_ERROR,
  });
}
