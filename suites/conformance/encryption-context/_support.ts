/**
 * Helpers for the encryption-context cases. Not a case file: it has no default export.
 *
 * Every mismatch case follows one pattern: seal a plaintext under context A, show that context A
 * opens it (so the endpoint works and the refusal below is about the context, nothing else), then
 * show that context B is refused with a bare `InvalidCiphertextException` — HTTP 400 and no
 * message at all (aws-observed.md C1; aws/aws-sdk-java#1323: "InvalidCiphertextException with null
 * message" for a context that did not match).
 *
 * The cases are made by the factories here: `contextCase` (one fresh key; the others build on it),
 * `mismatchCase`, `dataKeyCase`, `sourceMismatchCase` and `destinationContextCase` (ReEncrypt).
 *
 * @module
 */
import { DecryptCommand, EncryptCommand, GenerateDataKeyCommand, GenerateDataKeyWithoutPlaintextCommand, ReEncryptCommand } from '@aws-sdk/client-kms';
import { defineCase, type CaseContext, type CaseSource, type ConformanceCase } from '../../../harness/conformance/case.js';
import type { OperationName } from '../../../common/model/model.js';
import { givenKey } from '../_lib/prerequisites.js';
import type { Key } from '../key-state/_support.js';
import { documented, recorded } from '../_lib/sources.js';

export type Context = Record<string, string>;

export const DECRYPT_CONTEXT_DOC =
  'https://docs.aws.amazon.com/kms/latest/APIReference/API_Decrypt.html#KMS-Decrypt-request-EncryptionContext';
export const ENCRYPT_CONTEXT_DOC =
  'https://docs.aws.amazon.com/kms/latest/APIReference/API_Encrypt.html#KMS-Encrypt-request-EncryptionContext';

/** What KMS answers when the context does not match: the bare code, no message member (C1). */
export const CONTEXT_MISMATCH = { code: 'InvalidCiphertextException', status: 400, message: null } as const;

/** Encrypts `plaintext` under `keyId` with `context` (omitted from the request when undefined). */
export async function seal(t: CaseContext, keyId: string, plaintext: Uint8Array, context?: Context): Promise<Uint8Array> {
  const out = await t.kms.send(new EncryptCommand({ KeyId: keyId, Plaintext: plaintext, EncryptionContext: context }));
  t.check(out.CiphertextBlob instanceof Uint8Array && out.CiphertextBlob.length > 0, 'Encrypt returns a CiphertextBlob', out.CiphertextBlob);
  return out.CiphertextBlob!;
}

/** The case whose subject is sealing and opening with `context`: the Unicode round trip for a context with non-ASCII text. */
export const roundTripCase = (context: Context | undefined): string =>
  Object.entries(context ?? {}).some(([k, v]) => /[^\x00-\x7f]/.test(k + v)) ? 'encryption-context.unicode-round-trip' : 'encryption-context.round-trip';

/** `seal` as a prerequisite: a ciphertext under `context`, for a case about opening or re-encrypting it. */
export function sealed(t: CaseContext, keyId: string, plaintext: Uint8Array, context?: Context): Promise<Uint8Array> {
  return t.given(`Encrypt ${context ? 'with an encryption context ' : ''}gives a ciphertext`, () => seal(t, keyId, plaintext, context), { coveredBy: roundTripCase(context) });
}

/** Decrypts with `context` and checks the plaintext comes back unchanged. */
export async function expectOpens(t: CaseContext, blob: Uint8Array, plaintext: Uint8Array, context: Context | undefined, what: string): Promise<void> {
  const out = await t.kms.send(new DecryptCommand({ CiphertextBlob: blob, EncryptionContext: context }));
  t.expectEqual(Buffer.from(out.Plaintext ?? new Uint8Array()).toString('hex'), Buffer.from(plaintext).toString('hex'), `plaintext after Decrypt ${what}`);
}

/** Decrypt with `context` must be refused as a context mismatch. */
export async function expectRefused(t: CaseContext, blob: Uint8Array, context: Context | undefined): Promise<void> {
  await t.expectError(t.kms.send(new DecryptCommand({ CiphertextBlob: blob, EncryptionContext: context })), CONTEXT_MISMATCH);
}

/**
 * What every mismatch case rests on unless it cites a capture of its own: Decrypt needs the exact,
 * case-sensitive context, and AWS refuses any other with the bare code (C1).
 */
export const EXACT_MATCH_SOURCE: CaseSource = documented('https://docs.aws.amazon.com/kms/latest/APIReference/API_Decrypt.html#KMS-Decrypt-request-EncryptionContext (an exact, case-sensitive match); the bare reply: spec/aws-observed.md §5 C1');

export interface ContextCase {
  /** Behaviour part of the id (`encryption-context.<behaviour>`). */
  behaviour: string;
  title: string;
  /** Default: DECRYPT_CONTEXT_DOC. */
  doc?: string;
  source: CaseSource;
  /** Default: CreateKey, Encrypt, Decrypt. */
  ops?: OperationName[];
}

/** A case of this area: `run` gets a fresh symmetric key (a prerequisite) to seal and open under. */
export function contextCase(about: ContextCase, run: (t: CaseContext, key: Key) => Promise<void>): ConformanceCase {
  return defineCase({
    id: `encryption-context.${about.behaviour}`,
    title: about.title,
    doc: about.doc ?? DECRYPT_CONTEXT_DOC,
    source: about.source,
    tags: ['encryption-context'],
    ops: about.ops ?? ['CreateKey', 'Encrypt', 'Decrypt'],
    async run(t) {
      await run(t, await givenKey(t));
    },
  });
}

/** What a data key case asks for: the key's length (KeySpec or NumberOfBytes) and its context. */
export type DataKeyRequest = ({ KeySpec: 'AES_256' } | { NumberOfBytes: number }) & { EncryptionContext: Context };

/**
 * A case about a data key `op` makes under a context (`request`, under a fresh key): `check` reads
 * the answer and says what opens its CiphertextBlob. Its doc and operations follow from `op`.
 */
export const dataKeyCase = (
  op: 'GenerateDataKey' | 'GenerateDataKeyWithoutPlaintext',
  about: Omit<ContextCase, 'doc' | 'ops'>,
  request: DataKeyRequest,
  check: (t: CaseContext, dataKey: { CiphertextBlob?: Uint8Array; Plaintext?: Uint8Array }) => Promise<void>,
): ConformanceCase =>
  contextCase(
    { ...about, doc: `https://docs.aws.amazon.com/kms/latest/APIReference/API_${op}.html#KMS-${op}-request-EncryptionContext`, ops: ['CreateKey', op, 'Decrypt'] },
    async (t, key) => {
      const input = { KeyId: key.KeyId, ...request };
      await check(t, await t.kms.send(op === 'GenerateDataKey' ? new GenerateDataKeyCommand(input) : new GenerateDataKeyWithoutPlaintextCommand(input)));
    },
  );

/** Why the order of the pairs carries nothing: a context is a map. */
export const UNORDERED_MAP_SOURCE: CaseSource = documented('https://docs.aws.amazon.com/kms/latest/APIReference/API_Decrypt.html#KMS-Decrypt-request-EncryptionContext (a collection of key-value pairs: a map, so member order carries nothing)');

/** The capture of data keys bound to their context: the same bare refusal as for an Encrypt blob (C1). */
export const DATA_KEY_SOURCE: CaseSource = recorded('spec/aws-observed.md §5 C1 (LS-SNAP test_encryption_context_generate_data_key*)');

export interface MismatchSpec {
  /** Behaviour part of the id (`encryption-context.<behaviour>`). */
  behaviour: string;
  title: string;
  doc?: string;
  /** Default: EXACT_MATCH_SOURCE. */
  source?: CaseSource;
  /** Context given to Encrypt (undefined: none). */
  sealedWith: Context | undefined;
  /** Context given to Decrypt, which must not open the blob. */
  openedWith: Context | undefined;
}

/** A case: a blob sealed under `sealedWith` opens with it, and is refused under `openedWith`. */
export function mismatchCase(spec: MismatchSpec): ConformanceCase {
  const { sealedWith, openedWith, ...about } = spec;
  return contextCase({ ...about, source: spec.source ?? EXACT_MATCH_SOURCE }, async (t, key) => {
    const plaintext = t.bytes(32);
    const blob = await sealed(t, key.KeyId, plaintext, sealedWith);
    // That it opens with its own context is what makes the refusal below mean anything.
    await t.given('Decrypt with the context it was sealed under opens it', () => expectOpens(t, blob, plaintext, sealedWith, 'with the context it was sealed under'), {
      coveredBy: roundTripCase(sealedWith),
    });
    await expectRefused(t, blob, openedWith);
  });
}

export interface SourceMismatchSpec {
  /** Behaviour part of the id (`encryption-context.<behaviour>`). */
  behaviour: string;
  title: string;
  /** Context given to Encrypt. */
  sealedWith: Context;
  /** SourceEncryptionContext given to ReEncrypt, which must be refused (undefined: none). */
  reEncryptedWith: Context | undefined;
  /** Show first that ReEncrypt with the sealing context succeeds (a prerequisite). */
  control?: boolean;
}

/** A case: ReEncrypt of a blob sealed under `sealedWith`, given `reEncryptedWith` as its source context, is refused as a mismatch. */
export function sourceMismatchCase(spec: SourceMismatchSpec): ConformanceCase {
  return defineCase({
    id: `encryption-context.${spec.behaviour}`,
    title: spec.title,
    doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_ReEncrypt.html#KMS-ReEncrypt-request-SourceEncryptionContext',
    source: documented('https://docs.aws.amazon.com/kms/latest/APIReference/API_ReEncrypt.html#KMS-ReEncrypt-request-SourceEncryptionContext (an exact, case-sensitive match); the bare reply: spec/aws-observed.md §5 C1'),
    tags: ['encryption-context'],
    ops: ['CreateKey', 'Encrypt', 'ReEncrypt'],
    async run(t) {
      const source = await givenKey(t);
      const destination = await givenKey(t);
      const blob = await sealed(t, source.KeyId, t.bytes(16), spec.sealedWith);
      const reEncrypt = (context: Context | undefined) =>
        t.kms.send(new ReEncryptCommand({ CiphertextBlob: blob, SourceEncryptionContext: context, DestinationKeyId: destination.KeyId }));
      if (spec.control) {
        await t.given('ReEncrypt with the source context the blob was sealed under succeeds', () => reEncrypt(spec.sealedWith), {
          coveredBy: 'encryption-context.reencrypt-destination-context-not-inherited',
        });
      }
      await t.expectError(reEncrypt(spec.reEncryptedWith), CONTEXT_MISMATCH);
    },
  });
}

/** ReEncrypt of `blob` (sealed under `sourceContext`) to `destinationKeyId` with `destinationContext` (none when undefined): the new blob. */
export async function reEncrypted(
  t: CaseContext,
  blob: Uint8Array,
  sourceContext: Context,
  destinationKeyId: string,
  destinationContext?: Context,
): Promise<Uint8Array> {
  const out = await t.kms.send(
    new ReEncryptCommand({
      CiphertextBlob: blob,
      SourceEncryptionContext: sourceContext,
      DestinationKeyId: destinationKeyId,
      DestinationEncryptionContext: destinationContext,
    }),
  );
  return out.CiphertextBlob!;
}

export interface DestinationContextSpec {
  /** Behaviour part of the id (`encryption-context.<behaviour>`). */
  behaviour: string;
  title: string;
  source: CaseSource;
  /** Bytes of plaintext sealed. */
  plaintextBytes: number;
  /** DestinationEncryptionContext given to ReEncrypt (undefined: none). */
  destinationContext: Context | undefined;
  /** What must open the new blob and what must not. */
  check(t: CaseContext, moved: Uint8Array, plaintext: Uint8Array): Promise<void>;
}

/**
 * A case: a blob sealed under {stage:"source"} (a prerequisite) is re-encrypted to a second key
 * with `destinationContext`; `check` says which contexts open the new blob.
 */
export function destinationContextCase(spec: DestinationContextSpec): ConformanceCase {
  return defineCase({
    id: `encryption-context.${spec.behaviour}`,
    title: spec.title,
    doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_ReEncrypt.html#KMS-ReEncrypt-request-DestinationEncryptionContext',
    source: spec.source,
    tags: ['encryption-context'],
    ops: ['CreateKey', 'Encrypt', 'ReEncrypt', 'Decrypt'],
    async run(t) {
      const source = await givenKey(t);
      const destination = await givenKey(t);
      const plaintext = t.bytes(spec.plaintextBytes);
      const blob = await sealed(t, source.KeyId, plaintext, { stage: 'source' });
      await spec.check(t, await reEncrypted(t, blob, { stage: 'source' }, destination.KeyId, spec.destinationContext), plaintext);
    },
  });
}
