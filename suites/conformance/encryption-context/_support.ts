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
import { DecryptCommand, EncryptCommand } from '@aws-sdk/client-kms';
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

export interface MismatchSpec {
  /** Behaviour part of the id (`encryption-context.<behaviour>`). */
  behaviour: string;
  title: string;
  doc?: string;
  source: CaseSource;
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
    source: spec.source,
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
