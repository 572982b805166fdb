/**
 * Prerequisite steps the cases share — the state a case needs before its subject runs — each run
 * through `t.given`, named as a blocked verdict shows it and pointing at the case whose subject it
 * is (`coveredBy`: the root of a cascade; in that case itself the step runs as its subject, so a
 * failure there is a `fail`). The call a case checks stays a plain call. Not a case file.
 *
 * ```ts
 * const key = await givenKey(t, { Policy: policy });          // blocked: CreateKey with a key policy …
 * const blob = await givenCiphertext(t, key.KeyId);           // blocked: Encrypt gives a ciphertext …
 * await t.expectError(t.kms.send(new DecryptCommand({ … })), { code: 'InvalidCiphertextException' });
 * ```
 *
 * @module
 */
import { CreateAliasCommand, EncryptCommand, type KMSClient } from '@aws-sdk/client-kms';
import type { CaseContext } from '../../../harness/conformance/case.js';
import type { Key } from '../key-state/_support.js';
import { keyWithClock } from '../deletion/_support.js';
import { resolveAlias, unthrottled } from './support.js';

/**
 * The case whose subject each shared step is (scripts/lint-suites checks that every one names a
 * case of the suite).
 */
export const TESTED_BY = {
  createKey: 'keys.create-key-metadata-members',
  createKeyDescription: 'keys.create-key-description-kept',
  createKeyWithPolicy: 'policy.create-key-with-policy',
  createKeyWithTags: 'tags.create-key-tags-listed',
  createMultiRegionKey: 'multi-region.create-key-mrk-id',
  createExternalKey: 'import.describe-before-import',
  importMaterial: 'import.describe-after-import',
  encrypt: 'crypto.decrypt-round-trip',
  reEncrypt: 'crypto.reencrypt-decrypts-under-destination',
  createAlias: 'aliases.create-alias-empty-result',
  putKeyPolicy: 'policy.put-get-round-trip',
  createGrant: 'grants.create-and-list',
} as const;

/** Key specs and usages with a metadata case (asymmetric/_support.ts `metadataCase`): the subject of creating such a key. */
export const KEY_SPEC_USAGES: Readonly<Record<string, readonly string[]>> = {
  RSA_2048: ['ENCRYPT_DECRYPT', 'SIGN_VERIFY'],
  RSA_3072: ['ENCRYPT_DECRYPT', 'SIGN_VERIFY'],
  RSA_4096: ['ENCRYPT_DECRYPT', 'SIGN_VERIFY'],
  ECC_NIST_P256: ['SIGN_VERIFY', 'KEY_AGREEMENT'],
  ECC_NIST_P384: ['SIGN_VERIFY', 'KEY_AGREEMENT'],
  ECC_NIST_P521: ['SIGN_VERIFY', 'KEY_AGREEMENT'],
  ECC_SECG_P256K1: ['SIGN_VERIFY'],
  ECC_NIST_EDWARDS25519: ['SIGN_VERIFY'],
  HMAC_224: ['GENERATE_VERIFY_MAC'],
  HMAC_256: ['GENERATE_VERIFY_MAC'],
  HMAC_384: ['GENERATE_VERIFY_MAC'],
  HMAC_512: ['GENERATE_VERIFY_MAC'],
};

/** `KEY_SPEC` → `key-spec`, as ids spell enum values. */
export const kebab = (s: string): string => s.toLowerCase().replace(/_/g, '-');

/** The metadata case of a key of `spec` and `usage`, where there is one. */
export function keySpecCase(spec: string, usage: string): string | undefined {
  if (!KEY_SPEC_USAGES[spec]?.includes(usage)) return undefined;
  return `${spec.startsWith('HMAC_') ? 'hmac' : 'asymmetric'}.create-${kebab(spec)}-${kebab(usage)}-metadata`;
}

/** How a CreateKey input reads in a step's name: `CreateKey KeySpec=RSA_2048 MultiRegion=true with a key policy`. */
export function createKeyStep(input: Record<string, unknown>): string {
  const parts = Object.entries(input)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => {
      if (k === 'Policy') return 'with a key policy';
      if (k === 'Tags' && Array.isArray(v)) return `with ${v.length} tag${v.length === 1 ? '' : 's'}`;
      const shown = typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? String(v) : '…';
      return `${k}=${shown.length > 40 ? `${shown.slice(0, 37)}…` : shown}`;
    });
  return ['CreateKey', ...parts].join(' ');
}

/** The case whose subject creating a key with `input` is. */
export function createKeyTestedBy(input: Record<string, unknown>): string {
  if (typeof input.KeySpec === 'string' && input.Origin === undefined) {
    const usage = typeof input.KeyUsage === 'string' ? input.KeyUsage : 'ENCRYPT_DECRYPT';
    const c = keySpecCase(input.KeySpec, usage);
    if (c) return c;
  }
  if (input.Origin === 'EXTERNAL') return TESTED_BY.createExternalKey;
  if (input.MultiRegion === true) return TESTED_BY.createMultiRegionKey;
  if (input.Policy !== undefined) return TESTED_BY.createKeyWithPolicy;
  if (input.Tags !== undefined) return TESTED_BY.createKeyWithTags;
  if (input.Description !== undefined) return TESTED_BY.createKeyDescription;
  return TESTED_BY.createKey;
}

/**
 * A fresh key for the case (`t.createKey(input)`), as a prerequisite: where the endpoint refuses
 * it the case is `blocked` (or `unsupported`, for UnsupportedOperationException), naming the case
 * that tests such a CreateKey.
 */
export function givenKey(t: CaseContext, input: Record<string, unknown> = {}, options: { what?: string; coveredBy?: string } = {}): Promise<Key> {
  return t.given(options.what ?? createKeyStep(input), () => t.createKey(input), { coveredBy: options.coveredBy ?? createKeyTestedBy(input) });
}

/** A ciphertext made under `keyId` (Encrypt), as a prerequisite of a case about using it. */
export function givenCiphertext(
  t: CaseContext,
  keyId: string,
  options: { plaintext?: Uint8Array; context?: Record<string, string>; kms?: KMSClient; what?: string; coveredBy?: string | false } = {},
): Promise<Uint8Array> {
  return t.given(
    options.what ?? 'Encrypt gives a ciphertext under the key',
    async () => {
      const out = await (options.kms ?? t.kms).send(
        new EncryptCommand({ KeyId: keyId, Plaintext: options.plaintext ?? t.bytes(16), ...(options.context ? { EncryptionContext: options.context } : {}) }),
      );
      t.check(out.CiphertextBlob instanceof Uint8Array && out.CiphertextBlob.length > 0, 'Encrypt answers a CiphertextBlob', out);
      return out.CiphertextBlob!;
    },
    options.coveredBy === false ? {} : { coveredBy: options.coveredBy ?? TESTED_BY.encrypt },
  );
}

/**
 * The endpoint's clock now (ms), read from the CreationDate of a key it just made
 * (deletion/_support.ts `keyWithClock`): a prerequisite of cases that compute dates relative to
 * the endpoint's time.
 */
export async function givenEndpointNow(t: CaseContext): Promise<number> {
  const { clock } = await keyWithClock(t, { Description: 'kmsbench clock reading' });
  return clock.now();
}

/**
 * An alias `name` (default: a fresh one) naming `keyId` (CreateAlias), as a prerequisite of a case
 * about using or refusing it; `wait` also waits briefly until the alias resolves (without judging
 * that: where resolving is the subject, the case checks it). Answers the alias name.
 */
export async function givenAlias(t: CaseContext, keyId: string, options: { name?: string; wait?: boolean; what?: string } = {}): Promise<string> {
  const name = options.name ?? t.aliasName();
  await t.given(
    options.what ?? 'CreateAlias names the key',
    async () => {
      await unthrottled(() => t.kms.send(new CreateAliasCommand({ AliasName: name, TargetKeyId: keyId })));
      if (options.wait) await resolveAlias(t, name, keyId);
    },
    { coveredBy: TESTED_BY.createAlias },
  );
  return name;
}
