/**
 * Helpers for the import cases. Not a case file: it has no default export.
 *
 * @module
 */
import { randomBytes } from 'node:crypto';
import { DescribeKeyCommand, EncryptCommand, DecryptCommand, ListKeyRotationsCommand } from '@aws-sdk/client-kms';
import type { CaseContext, CaseSource } from '../../../harness/conformance/case.js';
import { externalKey, importMaterial } from '../_lib/import-material.js';

export { DELETE_IMPORTED_DOC, GET_PARAMETERS_DOC, IMPORT_API_DOC, IMPORT_DOC, externalKey, importMaterial, wrapKeyMaterial } from '../_lib/import-material.js';

export const EXPIRATION_DOC = 'https://docs.aws.amazon.com/kms/latest/developerguide/importing-keys-set-expiration.html';
export const ROTATE_IMPORTED_DOC = 'https://docs.aws.amazon.com/kms/latest/developerguide/rotate-keys-import.html';
export const KEY_STATE_DOC = 'https://docs.aws.amazon.com/kms/latest/developerguide/key-state.html';
export const DAY_MS = 86_400_000;

/** The model docs these cases cite most. */
export const MODEL = (member: string): string => `service model: ${member}`;

export const VERIFIED = '2026-12-07';
/** On-demand rotation of imported material and KeyMaterialId (aws-observed.md §13). */
export const SINCE_MULTI_MATERIAL = '2025-06-05';

export const documented = (cite: string, since?: string): CaseSource => ({ kind: 'documented', cite, verifiedAt: VERIFIED, ...(since ? { since } : {}) });
export const inferred = (cite: string, since?: string): CaseSource => ({ kind: 'inferred', cite, verifiedAt: VERIFIED, ...(since ? { since } : {}) });

/** 32 random bytes: symmetric key material. */
export const material = (): Buffer => randomBytes(32);

/** An EXTERNAL symmetric key with `m` imported (does not expire). */
export async function importedKey(t: CaseContext, m: Buffer = material(), extra: Record<string, unknown> = {}) {
  const key = await externalKey(t);
  const out = await importMaterial(t, key.KeyId, m, { extra });
  return { key, material: m, materialId: out.KeyMaterialId };
}

export async function describe(t: CaseContext, keyId: string) {
  return (await t.kms.send(new DescribeKeyCommand({ KeyId: keyId }))).KeyMetadata!;
}

export async function encrypt(t: CaseContext, keyId: string, text = 'imported material') {
  return (await t.kms.send(new EncryptCommand({ KeyId: keyId, Plaintext: Buffer.from(text) }))).CiphertextBlob!;
}

export async function decryptText(t: CaseContext, blob: Uint8Array): Promise<string> {
  return Buffer.from((await t.kms.send(new DecryptCommand({ CiphertextBlob: blob }))).Plaintext!).toString();
}

export async function rotations(t: CaseContext, keyId: string, all = true) {
  return (await t.kms.send(new ListKeyRotationsCommand({ KeyId: keyId, ...(all ? { IncludeKeyMaterial: 'ALL_KEY_MATERIAL' } : {}) }))).Rotations ?? [];
}

/** The endpoint's clock now (ms), from a key it just created. */
export async function endpointNow(t: CaseContext): Promise<number> {
  const started = Date.now();
  const k = await t.createKey({ Description: 'kmsbench clock reading' });
  return k.CreationDate!.getTime() + (Date.now() - started);
}
