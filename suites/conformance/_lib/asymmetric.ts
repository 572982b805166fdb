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
import {
  EncryptCommand,
  GenerateMacCommand,
  GetPublicKeyCommand,
  SignCommand,
  type EncryptionAlgorithmSpec,
  type KeySpec,
  type KeyUsageType,
  type MacAlgorithmSpec,
  type SigningAlgorithmSpec,
} from '@aws-sdk/client-kms';
import { defineCase, type CaseContext, type CaseTag, type ConformanceCase, type ExpectedError } from '../../../harness/conformance/case.js';
import type { OperationName } from '../../../common/model/model.js';
import { disabledError, pendingDeletionError, putInState, type Key } from '../key-state/_support.js';
import { givenKey } from './prerequisites.js';

export type { Key };

export const KEY_SPEC_DOC = 'https://docs.aws.amazon.com/kms/latest/developerguide/symm-asymm-choose-key-spec.html';
export const KEY_STATE_DOC = 'https://docs.aws.amazon.com/kms/latest/developerguide/key-state.html#key-state';
export const apiDoc = (op: string, anchor?: string): string =>
  `https://docs.aws.amazon.com/kms/latest/APIReference/API_${op}.html${anchor ? `#${anchor}` : ''}`;
export const requestDoc = (op: string, member: string): string => apiDoc(op, `KMS-${op}-request-${member}`);
export const errorsDoc = (op: string): string => apiDoc(op, `API_${op}_Errors`);

import { documented, inferred, recorded } from './sources.js';

export { documented, inferred, recorded };

/**
 * A key of `spec` and `usage` for this case: a prerequisite (`t.given`), so an endpoint that does
 * not create keys of that spec (UnsupportedOperationException) makes the case `unsupported`, and
 * one that refuses otherwise blocks it, naming the metadata case of that spec (where such a key's
 * creation is the subject).
 */
export async function keyOf(t: CaseContext, KeySpec: KeySpec, KeyUsage: KeyUsageType): Promise<Key> {
  return givenKey(t, { KeySpec, KeyUsage });
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

/** The key's public key (GetPublicKey, parsed): a prerequisite of cases that use it, not check it. */
export function givenPublicKey(t: CaseContext, keyId: string, coveredBy?: string): Promise<KeyObject> {
  return t.given('GetPublicKey gives a DER SubjectPublicKeyInfo public key', () => publicKeyOf(t, keyId), coveredBy ? { coveredBy } : {});
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
    error: disabledError,
    source: recorded('spec/aws-observed.md §2.3 S7 ("<key ARN> is disabled."), §2.2 (KS-OLD [1] for Sign, Verify, GetPublicKey and the other cryptographic operations)'),
  },
  PendingDeletion: {
    slug: 'pending-deletion',
    ops: ['ScheduleKeyDeletion'] as OperationName[],
    error: pendingDeletionError,
    source: recorded('spec/aws-observed.md §2.3 S4 (KMSInvalidStateException for cryptographic use), S5 ("is pending deletion"); §2.2 KS-OLD [3]'),
  },
} as const;

/**
 * Something a case makes with its key before the call it checks (a signature to verify, a MAC, a
 * ciphertext): run as a prerequisite (`t.given(step, …)`), so a target that fails there blocks
 * the case instead of failing — or, inside `expectError`, falsely passing — the refusal it checks.
 */
export interface Preparation<P = unknown> {
  /** The step as a blocked verdict names it ("Sign ECDSA_SHA_256 gives a signature"). */
  step: string;
  /** The case whose subject the step is, where there is one. */
  coveredBy?: string;
  run(t: CaseContext, key: Key): Promise<P>;
}

/** Runs a {@link Preparation} as a prerequisite. */
export function prepare<P>(t: CaseContext, key: Key, p: Preparation<P>): Promise<P> {
  return t.given(p.step, () => p.run(t, key), p.coveredBy ? { coveredBy: p.coveredBy } : {});
}

/** A preparation that makes bytes with the key (`call`), checked to be there (`pick`), or the step fails saying `what`. */
function madeBytes<O>(step: string, what: string, call: (t: CaseContext, key: Key) => Promise<O>, pick: (out: O) => Uint8Array | undefined): Preparation<Uint8Array> {
  return {
    step,
    async run(t, key) {
      const out = await call(t, key);
      const bytes = pick(out);
      t.check(bytes instanceof Uint8Array && bytes.length > 0, what, out);
      return bytes!;
    },
  };
}

/** A signature over `message` (RAW) made by the key with `alg`. */
export const signature = (alg: SigningAlgorithmSpec, message: (t: CaseContext) => Uint8Array): Preparation<Uint8Array> =>
  madeBytes(`Sign ${alg} gives a signature`, 'Sign answers a Signature', (t, key) => t.kms.send(new SignCommand({ KeyId: key.KeyId, Message: message(t), SigningAlgorithm: alg })), (o) => o.Signature);

/** A MAC of `message` made by the key with `alg`. */
export const mac = (alg: MacAlgorithmSpec, message: (t: CaseContext) => Uint8Array): Preparation<Uint8Array> =>
  madeBytes(`GenerateMac ${alg} gives a MAC`, 'GenerateMac answers a Mac', (t, key) => t.kms.send(new GenerateMacCommand({ KeyId: key.KeyId, Message: message(t), MacAlgorithm: alg })), (o) => o.Mac);

/** A ciphertext of 16 bytes made by the (RSA) key with `alg`. */
export const ciphertext = (alg: EncryptionAlgorithmSpec): Preparation<Uint8Array> =>
  madeBytes(
    `Encrypt ${alg} gives a ciphertext`,
    'Encrypt answers a CiphertextBlob',
    (t, key) => t.kms.send(new EncryptCommand({ KeyId: key.KeyId, Plaintext: t.bytes(16), EncryptionAlgorithm: alg })),
    (o) => o.CiphertextBlob,
  );

export interface StateRefusal {
  area: string;
  tags: CaseTag[];
  state: KeyStateName;
  /** Lower-kebab operation name in the id. */
  op: string;
  ops: OperationName[];
  spec: KeySpec;
  usage: KeyUsageType;
  /** Anything to prepare while the key is still Enabled (a signature, a MAC): a prerequisite. */
  prepare?: Preparation;
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
      const prepared = r.prepare ? await prepare(t, key, r.prepare) : undefined;
      await putInState(t, key, r.state);
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
export interface RefusalSpec extends Pick<ConformanceCase, 'id' | 'title' | 'doc' | 'source' | 'tags' | 'ops' | 'flags'> {
  spec: KeySpec | 'SYMMETRIC_DEFAULT';
  usage: KeyUsageType;
  /** What the refused call needs made with the key first (a signature, a MAC, a ciphertext): a prerequisite. */
  prepare?: Preparation;
  /** The refused call; `key` is Enabled and of `spec` / `usage`; `prepared` is what `prepare` made. */
  call(t: CaseContext, key: Key, prepared: unknown): Promise<unknown>;
  /** What the refusal must be (may depend on the key's ARN). */
  expected(key: Key): ExpectedError;
}

export function refusalCase(r: RefusalSpec): ConformanceCase {
  return defineCase({
    ...oneKeyCaseMeta(r),
    ...(r.flags ? { flags: r.flags } : {}),
    async run(t) {
      const key = r.spec === 'SYMMETRIC_DEFAULT' && r.usage === 'ENCRYPT_DECRYPT' ? await givenKey(t) : await keyOf(t, r.spec as KeySpec, r.usage);
      const prepared = r.prepare ? await prepare(t, key, r.prepare) : undefined;
      await t.expectError(r.call(t, key, prepared), r.expected(key));
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
      { since: '2023-07-05' },
    ),
    expected: () => DRY_RUN_ERROR,
  });
}

/** A call made with a key of the wrong usage, as {@link wrongUsageCase} takes it. */
export interface WrongUsage extends Pick<RefusalSpec, 'id' | 'source' | 'tags' | 'spec' | 'usage' | 'call'> {
  /** The refused operation: the case's doc (its errors) and operations, and the `<op>` of the wording. */
  op: OperationName;
  /** The key as the title names it after the operation ("with an HMAC key", "naming an ECC SIGN_VERIFY key"). */
  keyText: string;
}

/** `<op>` with a key of another usage is refused: `<key ARN> key usage is <usage> which is not valid for <op>.` (aws-observed.md §9). */
export function wrongUsageCase(w: WrongUsage): ConformanceCase {
  const { op, keyText, ...refusal } = w;
  return refusalCase({
    ...refusal,
    title: `${op} ${keyText} is refused: "<arn> key usage is ${w.usage} which is not valid for ${op}."`,
    doc: errorsDoc(op),
    ops: [op],
    expected: (key) => wrongUsage(key.Arn, w.usage, op),
  });
}

/** The metadata of a case about calls with one key it creates: CreateKey first among its operations. */
function oneKeyCaseMeta(r: Pick<RefusalSpec, 'id' | 'title' | 'doc' | 'source' | 'tags' | 'ops'>) {
  return {
    id: r.id,
    title: r.title,
    doc: r.doc,
    source: r.source,
    tags: r.tags,
    ops: [...new Set<OperationName>(['CreateKey', ...r.ops])],
  };
}

/** A case that makes one call with its key twice, with the same input, and compares the two answers' bytes. */
export interface RepeatedCall<I, O> extends Pick<RefusalSpec, 'id' | 'title' | 'doc' | 'source' | 'tags' | 'ops'> {
  spec: KeySpec;
  usage: KeyUsageType;
  /** What both calls take (a message, a plaintext, a peer's public key). */
  input(t: CaseContext): I;
  call(t: CaseContext, key: Key, input: I): Promise<O>;
  /** The bytes of an answer that are compared (the MAC, the signature, the ciphertext). */
  bytes(out: O): Uint8Array | undefined;
  /** Whether the two must be equal (a deterministic scheme) or differ (a randomised one). */
  equal: boolean;
  /** The comparison's label ("the two MACs are equal"). */
  label: string;
  /** A further check of the first answer. */
  also?(t: CaseContext, first: O): void;
}

/** The same call twice: equal answers for a deterministic scheme, different ones for a randomised one. */
export function repeatedCallCase<I, O>(r: RepeatedCall<I, O>): ConformanceCase {
  return defineCase({
    ...oneKeyCaseMeta(r),
    async run(t) {
      const key = await keyOf(t, r.spec, r.usage);
      const input = r.input(t);
      const a = await r.call(t, key, input);
      const b = await r.call(t, key, input);
      t.check(Buffer.from(r.bytes(a)!).equals(Buffer.from(r.bytes(b)!)) === r.equal, r.label);
      r.also?.(t, a);
    },
  });
}
