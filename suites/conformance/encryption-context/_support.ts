/**
 * Helpers for the encryption-context cases. Not a case file: it has no default export.
 *
 * Every mismatch case follows one pattern: seal a plaintext under context A, show that context A
 * opens it (so the endpoint works and the refusal below is about the context, nothing else), then
 * show that context B is refused with a bare `InvalidCiphertextException` — HTTP 400 and no
 * message at all (aws-observed.md C1; aws/aws-sdk-java#1323: "InvalidCiphertextException with null
 * message" for a context that did not match).
 *
 * @module
 */
import { DecryptCommand, EncryptCommand, ReEncryptCommand } from '@aws-sdk/client-kms';
import { defineCase, type CaseContext, type CaseSource, type ConformanceCase } from '../../../harness/conformance/case.js';
import { givenKey } from '../_lib/prerequisites.js';

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

/** Decrypts with `context` and checks the plaintext comes back unchanged. */
/** The case whose subject is sealing and opening with `context`: the Unicode round trip for a context with non-ASCII text. */
export const roundTripCase = (context: Context | undefined): string =>
  Object.entries(context ?? {}).some(([k, v]) => /[^\x00-\x7f]/.test(k + v)) ? 'encryption-context.unicode-round-trip' : 'encryption-context.round-trip';

/** `seal` as a prerequisite: a ciphertext under `context`, for a case about opening or re-encrypting it. */
export function sealed(t: CaseContext, keyId: string, plaintext: Uint8Array, context?: Context): Promise<Uint8Array> {
  return t.given(`Encrypt ${context ? 'with an encryption context ' : ''}gives a ciphertext`, () => seal(t, keyId, plaintext, context), { coveredBy: roundTripCase(context) });
}

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
export const EXACT_MATCH_SOURCE: CaseSource = {
  kind: 'documented',
  cite: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_Decrypt.html#KMS-Decrypt-request-EncryptionContext (an exact, case-sensitive match); the bare reply: spec/aws-observed.md §5 C1',
  verifiedAt: '2026-12-07',
};

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
  return defineCase({
    id: `encryption-context.${spec.behaviour}`,
    title: spec.title,
    doc: spec.doc ?? DECRYPT_CONTEXT_DOC,
    source: spec.source ?? EXACT_MATCH_SOURCE,
    tags: ['encryption-context'],
    ops: ['CreateKey', 'Encrypt', 'Decrypt'],
    async run(t) {
      const key = await givenKey(t);
      const plaintext = t.bytes(32);
      const blob = await sealed(t, key.KeyId, plaintext, spec.sealedWith);
      // That it opens with its own context is what makes the refusal below mean anything.
      await t.given('Decrypt with the context it was sealed under opens it', () => expectOpens(t, blob, plaintext, spec.sealedWith, 'with the context it was sealed under'), {
        coveredBy: roundTripCase(spec.sealedWith),
      });
      await expectRefused(t, blob, spec.openedWith);
    },
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
    source: {
      kind: 'documented',
      cite: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_ReEncrypt.html#KMS-ReEncrypt-request-SourceEncryptionContext (an exact, case-sensitive match); the bare reply: spec/aws-observed.md §5 C1',
      verifiedAt: '2026-12-07',
    },
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
