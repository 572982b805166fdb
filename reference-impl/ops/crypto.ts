/**
 * Symmetric cryptographic operations: Encrypt, Decrypt, ReEncrypt, GenerateDataKey,
 * GenerateDataKeyWithoutPlaintext, GenerateRandom.
 *
 * @module
 */
import {
  AccessDeniedException,
  DryRunOperationException,
  IncorrectKeyException,
  InvalidCiphertextException,
  InvalidKeyUsageException,
  ValidationException,
} from '../errors.js';
import { CIPHERTEXT_FORMAT_STORE, parseCiphertextBlob, INVALID_CIPHERTEXT_MESSAGE } from '../hsm/blob.js';
import { generateRandomInStore, isStoreKey, openInStore, sealInStore, withStoreState } from './store-keys.js';
import { decryptSymmetric, encryptSymmetric, generateRandom } from '../hsm/symmetric.js';
import { requireEnabledForUse } from '../keys/key-state.js';
import { storeKeyId, type KeyRecord } from '../records/key-records.js';
import type {
  DecryptRequest,
  EncryptRequest,
  GenerateDataKeyRequest,
  GenerateDataKeyWithoutPlaintextRequest,
  GenerateRandomRequest,
  ReEncryptRequest,
} from '../../common/model/schemas.js';
import type { OpContext } from './context.js';
import { Blob64, jsonObject } from '../reply/json-text.js';
import { cryptoMsg } from './operation-messages.js';

type Context = Record<string, string>;
type Opened = { key: KeyRecord; version: number; plaintext: Buffer };
const SYMMETRIC_DEFAULT = 'SYMMETRIC_DEFAULT';

/** `v`, or what `v` resolves to, through `f`: the synchronous path stays synchronous (custom key store keys answer later). */
function then<T, U>(v: T | Promise<T>, f: (t: T) => U | Promise<U>): U | Promise<U> {
  return v instanceof Promise ? v.then(f) : f(v);
}

/** A symmetric encryption key named by `keyIdText`, ready for cryptographic use. */
function encryptionKey(ctx: OpContext, keyIdText: string, operation: string): KeyRecord {
  const key = withStoreState(ctx, ctx.keyring.resolve(ctx.scope, keyIdText, { aliases: true, operation }));
  noteKey(ctx, key);
  checkEncryptionKey(ctx, key, operation);
  return key;
}

/** Records the key in the audit entry (before any refusal, so refused calls name their key too). */
function noteKey(ctx: OpContext, key: KeyRecord): void {
  const resources = (ctx.audit.resources ??= []);
  if (!resources.includes(key.arn)) resources.push(key.arn);
}

function checkEncryptionKey(ctx: OpContext, key: KeyRecord, operation: string): void {
  if (!ctx.faults.has('ignore-key-state')) requireEnabledForUse(key);
  if (key.keyUsage !== 'ENCRYPT_DECRYPT') {
    throw new InvalidKeyUsageException(cryptoMsg.wrongUsage(key.arn, key.keyUsage, operation));
  }
}

function checkAlgorithm(key: KeyRecord, algorithm: string | undefined): void {
  if (algorithm !== undefined && algorithm !== SYMMETRIC_DEFAULT && key.keySpec === SYMMETRIC_DEFAULT) {
    throw new InvalidKeyUsageException(cryptoMsg.unsupportedAlgorithm(key.arn, algorithm));
  }
}

function dryRun(flag: boolean | undefined): void {
  if (flag) throw new DryRunOperationException(cryptoMsg.dryRun);
}

function seal(ctx: OpContext, key: KeyRecord, plaintext: Buffer, context: Context | undefined, operation: string): Buffer | Promise<Buffer> {
  if (isStoreKey(key)) return sealInStore(ctx, key, plaintext, ctx.encodeContext(context), operation);
  const material = ctx.keyring.material(key);
  if (!material) throw new InvalidCiphertextException(INVALID_CIPHERTEXT_MESSAGE);
  return encryptSymmetric({
    keyId: key.keyId,
    backingKeyVersion: key.currentVersion,
    material,
    plaintext,
    contextAad: ctx.encodeContext(context),
  });
}

/** Opens a blob: finds its key (checking an optional caller-named key), state, and context. */
function open(
  ctx: OpContext,
  blob: Buffer | undefined,
  context: Context | undefined,
  keyIdText: string | undefined,
  operation: string,
): Opened | Promise<Opened> {
  const parsed = parseCiphertextBlob(blob);
  let key: KeyRecord | undefined;
  if (keyIdText !== undefined) {
    key = ctx.keyring.resolve(ctx.scope, keyIdText, { aliases: true, operation });
    if (key.keyId !== parsed.keyId) throw new IncorrectKeyException(cryptoMsg.incorrectKey);
  } else {
    key = ctx.keyring.byId(storeKeyId(ctx.scope.region, parsed.keyId), ctx.scope.now);
    // A blob naming a key that does not exist (any more) here: AWS answers AccessDenied
    // (aws-observed.md C8, X3), the same as for a key the caller may not use.
    if (!key || key.region !== ctx.scope.region) throw new AccessDeniedException(cryptoMsg.ciphertextKeyUnavailable(ctx.scope.principalArn, operation));
    // Resolve through the ARN so access is authorized like any named key.
    key = ctx.keyring.resolve(ctx.scope, key.arn, { aliases: false, operation, ciphertext: true });
  }
  key = withStoreState(ctx, key);
  noteKey(ctx, key);
  checkEncryptionKey(ctx, key, operation);
  if (isStoreKey(key) || parsed.formatVersion === CIPHERTEXT_FORMAT_STORE) {
    const k = key;
    return openInStore(ctx, k, parsed, ctx.encodeContext(context), operation).then((plaintext) => ({ key: k, version: 0, plaintext }));
  }
  const material = ctx.keyring.material(key, parsed.backingKeyVersion);
  if (!material) throw new InvalidCiphertextException(INVALID_CIPHERTEXT_MESSAGE);
  const plaintext = decryptSymmetric({ parsed, material, contextAad: ctx.encodeContext(context) });
  return { key, version: parsed.backingKeyVersion, plaintext };
}

export function encrypt(input: EncryptRequest, ctx: OpContext): object | Promise<object> {
  const key = encryptionKey(ctx, input.KeyId, 'Encrypt');
  ctx.audit.encryptionContext = input.EncryptionContext;
  checkAlgorithm(key, input.EncryptionAlgorithm);
  dryRun(input.DryRun);
  return then(seal(ctx, key, input.Plaintext, input.EncryptionContext, 'Encrypt'), (blob) =>
    jsonObject({ CiphertextBlob: new Blob64(blob), KeyId: key.arn, EncryptionAlgorithm: SYMMETRIC_DEFAULT }),
  );
}

/** KeyMaterialId of a version: not for keys in custom key stores (KeyMetadata.CurrentKeyMaterialId doc). */
const materialIdOf = (ctx: OpContext, key: KeyRecord, version: number): string | undefined =>
  isStoreKey(key) ? undefined : ctx.keyring.materialId(key, version);

export function decrypt(input: DecryptRequest, ctx: OpContext): object | Promise<object> {
  ctx.audit.encryptionContext = input.EncryptionContext;
  return then(open(ctx, input.CiphertextBlob, input.EncryptionContext, input.KeyId, 'Decrypt'), ({ key, version, plaintext }) => {
    try {
      checkAlgorithm(key, input.EncryptionAlgorithm);
      dryRun(input.DryRun);
      return jsonObject({
        KeyId: key.arn,
        Plaintext: new Blob64(plaintext),
        EncryptionAlgorithm: SYMMETRIC_DEFAULT,
        KeyMaterialId: materialIdOf(ctx, key, version),
      });
    } finally {
      plaintext.fill(0);
    }
  });
}

export function reEncrypt(input: ReEncryptRequest, ctx: OpContext): object | Promise<object> {
  ctx.audit.encryptionContext = input.SourceEncryptionContext;
  return then(open(ctx, input.CiphertextBlob, input.SourceEncryptionContext, input.SourceKeyId, 'ReEncryptFrom'), (source) => {
    let sealed: Buffer | Promise<Buffer>;
    let destination: KeyRecord;
    try {
      checkAlgorithm(source.key, input.SourceEncryptionAlgorithm);
      destination = encryptionKey(ctx, input.DestinationKeyId, 'ReEncryptTo');
      checkAlgorithm(destination, input.DestinationEncryptionAlgorithm);
      dryRun(input.DryRun);
      sealed = seal(ctx, destination, source.plaintext, input.DestinationEncryptionContext, 'ReEncrypt');
    } catch (e) {
      source.plaintext.fill(0);
      throw e;
    }
    if (sealed instanceof Promise) sealed = sealed.finally(() => source.plaintext.fill(0));
    else source.plaintext.fill(0);
    return then(sealed, (blob) =>
      jsonObject({
        CiphertextBlob: new Blob64(blob),
        SourceKeyId: source.key.arn,
        KeyId: destination.arn,
        SourceEncryptionAlgorithm: SYMMETRIC_DEFAULT,
        DestinationEncryptionAlgorithm: SYMMETRIC_DEFAULT,
        SourceKeyMaterialId: materialIdOf(ctx, source.key, source.version),
        DestinationKeyMaterialId: materialIdOf(ctx, destination, destination.currentVersion),
      }),
    );
  });
}

type DataKeyInput = GenerateDataKeyRequest | GenerateDataKeyWithoutPlaintextRequest;

function dataKeyLength(input: DataKeyInput): number {
  if (input.NumberOfBytes !== undefined && input.KeySpec !== undefined) {
    throw new ValidationException(cryptoMsg.exactlyOneOfNumberOfBytesOrKeySpec);
  }
  if (input.NumberOfBytes !== undefined) return input.NumberOfBytes;
  if (input.KeySpec === 'AES_256') return 32;
  if (input.KeySpec === 'AES_128') return 16;
  throw new ValidationException(cryptoMsg.exactlyOneOfNumberOfBytesOrKeySpec);
}

/** A data key and its blob, handed to `reply` (the plaintext is wiped after it). */
function dataKey<T>(input: DataKeyInput, ctx: OpContext, operation: string, reply: (key: KeyRecord, plaintext: Buffer, blob: Buffer) => T): T | Promise<T> {
  const key = encryptionKey(ctx, input.KeyId, operation);
  ctx.audit.encryptionContext = input.EncryptionContext;
  const length = dataKeyLength(input);
  dryRun(input.DryRun);
  const plaintext = generateRandom(length);
  let sealed: Buffer | Promise<Buffer>;
  try {
    sealed = seal(ctx, key, plaintext, input.EncryptionContext, operation);
  } catch (e) {
    plaintext.fill(0);
    throw e;
  }
  const done = (blob: Buffer): T => {
    try {
      return reply(key, plaintext, blob);
    } finally {
      plaintext.fill(0);
    }
  };
  return sealed instanceof Promise ? sealed.then(done, (e: unknown) => {
    plaintext.fill(0);
    throw e;
  }) : done(sealed);
}

export function generateDataKey(input: GenerateDataKeyRequest, ctx: OpContext): object | Promise<object> {
  return dataKey(input, ctx, 'GenerateDataKey', (key, plaintext, blob) =>
    jsonObject({
      CiphertextBlob: new Blob64(blob),
      Plaintext: new Blob64(plaintext),
      KeyId: key.arn,
      KeyMaterialId: materialIdOf(ctx, key, key.currentVersion),
    }),
  );
}

export function generateDataKeyWithoutPlaintext(input: GenerateDataKeyWithoutPlaintextRequest, ctx: OpContext): object | Promise<object> {
  return dataKey(input, ctx, 'GenerateDataKeyWithoutPlaintext', (key, _plaintext, blob) =>
    jsonObject({
      CiphertextBlob: new Blob64(blob),
      KeyId: key.arn,
      KeyMaterialId: materialIdOf(ctx, key, key.currentVersion),
    }),
  );
}

export function generateRandomOp(input: GenerateRandomRequest, ctx: OpContext): object {
  if (input.NumberOfBytes === undefined) throw new ValidationException(cryptoMsg.numberOfBytesRequired);
  const bytes = input.CustomKeyStoreId !== undefined ? generateRandomInStore(ctx, input.CustomKeyStoreId, input.NumberOfBytes) : generateRandom(input.NumberOfBytes);
  const out = jsonObject({ Plaintext: new Blob64(bytes) });
  bytes.fill(0);
  return out;
}
