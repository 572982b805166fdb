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
import { parseCiphertextBlob, INVALID_CIPHERTEXT_MESSAGE } from '../hsm/blob.js';
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
const SYMMETRIC_DEFAULT = 'SYMMETRIC_DEFAULT';

/** A symmetric encryption key named by `keyIdText`, ready for cryptographic use. */
function encryptionKey(ctx: OpContext, keyIdText: string, operation: string): KeyRecord {
  const key = ctx.keyring.resolve(ctx.scope, keyIdText, { aliases: true, operation });
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

function seal(ctx: OpContext, key: KeyRecord, plaintext: Buffer, context: Context | undefined): Buffer {
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
): { key: KeyRecord; version: number; plaintext: Buffer } {
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
    if (key.account !== ctx.scope.account) {
      // Cross-account decrypt without a KeyId: resolve through the ARN so access is checked.
      key = ctx.keyring.resolve(ctx.scope, key.arn, { aliases: false, operation });
    }
  }
  noteKey(ctx, key);
  checkEncryptionKey(ctx, key, operation);
  const material = ctx.keyring.material(key, parsed.backingKeyVersion);
  if (!material) throw new InvalidCiphertextException(INVALID_CIPHERTEXT_MESSAGE);
  const plaintext = decryptSymmetric({ parsed, material, contextAad: ctx.encodeContext(context) });
  return { key, version: parsed.backingKeyVersion, plaintext };
}

export function encrypt(input: EncryptRequest, ctx: OpContext): object {
  const key = encryptionKey(ctx, input.KeyId, 'Encrypt');
  ctx.audit.encryptionContext = input.EncryptionContext;
  checkAlgorithm(key, input.EncryptionAlgorithm);
  dryRun(input.DryRun);
  const blob = seal(ctx, key, input.Plaintext, input.EncryptionContext);
  return jsonObject({ CiphertextBlob: new Blob64(blob), KeyId: key.arn, EncryptionAlgorithm: SYMMETRIC_DEFAULT });
}

export function decrypt(input: DecryptRequest, ctx: OpContext): object {
  ctx.audit.encryptionContext = input.EncryptionContext;
  const { key, version, plaintext } = open(ctx, input.CiphertextBlob, input.EncryptionContext, input.KeyId, 'Decrypt');
  checkAlgorithm(key, input.EncryptionAlgorithm);
  dryRun(input.DryRun);
  const out = jsonObject({
    KeyId: key.arn,
    Plaintext: new Blob64(plaintext),
    EncryptionAlgorithm: SYMMETRIC_DEFAULT,
    KeyMaterialId: ctx.keyring.materialId(key, version),
  });
  plaintext.fill(0);
  return out;
}

export function reEncrypt(input: ReEncryptRequest, ctx: OpContext): object {
  ctx.audit.encryptionContext = input.SourceEncryptionContext;
  const source = open(ctx, input.CiphertextBlob, input.SourceEncryptionContext, input.SourceKeyId, 'ReEncryptFrom');
  checkAlgorithm(source.key, input.SourceEncryptionAlgorithm);
  const destination = encryptionKey(ctx, input.DestinationKeyId, 'ReEncryptTo');
  checkAlgorithm(destination, input.DestinationEncryptionAlgorithm);
  try {
    dryRun(input.DryRun);
    const blob = seal(ctx, destination, source.plaintext, input.DestinationEncryptionContext);
    return jsonObject({
      CiphertextBlob: new Blob64(blob),
      SourceKeyId: source.key.arn,
      KeyId: destination.arn,
      SourceEncryptionAlgorithm: SYMMETRIC_DEFAULT,
      DestinationEncryptionAlgorithm: SYMMETRIC_DEFAULT,
      SourceKeyMaterialId: ctx.keyring.materialId(source.key, source.version),
      DestinationKeyMaterialId: ctx.keyring.materialId(destination, destination.currentVersion),
    });
  } finally {
    source.plaintext.fill(0);
  }
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

function dataKey(input: DataKeyInput, ctx: OpContext, operation: string) {
  const key = encryptionKey(ctx, input.KeyId, operation);
  ctx.audit.encryptionContext = input.EncryptionContext;
  const length = dataKeyLength(input);
  dryRun(input.DryRun);
  const plaintext = generateRandom(length);
  const blob = seal(ctx, key, plaintext, input.EncryptionContext);
  return { key, plaintext, blob };
}

export function generateDataKey(input: GenerateDataKeyRequest, ctx: OpContext): object {
  const { key, plaintext, blob } = dataKey(input, ctx, 'GenerateDataKey');
  const out = jsonObject({
    CiphertextBlob: new Blob64(blob),
    Plaintext: new Blob64(plaintext),
    KeyId: key.arn,
    KeyMaterialId: ctx.keyring.materialId(key, key.currentVersion),
  });
  plaintext.fill(0);
  return out;
}

export function generateDataKeyWithoutPlaintext(input: GenerateDataKeyWithoutPlaintextRequest, ctx: OpContext): object {
  const { key, plaintext, blob } = dataKey(input, ctx, 'GenerateDataKeyWithoutPlaintext');
  plaintext.fill(0);
  return jsonObject({
    CiphertextBlob: new Blob64(blob),
    KeyId: key.arn,
    KeyMaterialId: ctx.keyring.materialId(key, key.currentVersion),
  });
}

export function generateRandomOp(input: GenerateRandomRequest, _ctx: OpContext): object {
  if (input.NumberOfBytes === undefined) throw new ValidationException(cryptoMsg.numberOfBytesRequired);
  const bytes = generateRandom(input.NumberOfBytes);
  const out = jsonObject({ Plaintext: new Blob64(bytes) });
  bytes.fill(0);
  return out;
}
