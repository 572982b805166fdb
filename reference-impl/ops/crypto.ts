/**
 * Encryption operations: Encrypt, Decrypt, ReEncrypt (symmetric and RSA keys), GenerateDataKey,
 * GenerateDataKeyWithoutPlaintext, GenerateRandom.
 *
 * Symmetric ciphertext names its key (hsm/blob.ts); RSA ciphertext is the bare RSAES-OAEP output,
 * so Decrypt (and ReEncrypt's source) needs KeyId and EncryptionAlgorithm for it (DecryptRequest
 * KeyId / EncryptionAlgorithm docs in the model). See ./envelope.ts for the two kinds.
 *
 * @module
 */
import { InvalidKeyUsageException, ValidationException } from '../errors.js';
import { generateRandom } from '../hsm/symmetric.js';
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
import { dryRun, keyForUse, noteUse, refuseRecipient } from './key-use.js';
import { checkPlaintextFits, encryptionAlgorithm, isAsymmetricKey, openCiphertext, sealUnder, type Opened } from './envelope.js';

export function encrypt(input: EncryptRequest, ctx: OpContext): object {
  const key = keyForUse(ctx, input.KeyId, 'Encrypt', 'ENCRYPT_DECRYPT');
  ctx.audit.encryptionContext = input.EncryptionContext;
  const algorithm = encryptionAlgorithm(key, input.EncryptionAlgorithm);
  checkPlaintextFits(key, algorithm, input.Plaintext);
  dryRun(input.DryRun);
  const blob = sealUnder(ctx, key, algorithm, input.Plaintext, input.EncryptionContext);
  noteUse(ctx, key, 'Encrypt');
  return jsonObject({ CiphertextBlob: new Blob64(blob), KeyId: key.arn, EncryptionAlgorithm: algorithm });
}

/**
 * DryRun with `DryRunModifiers: [IGNORE_CIPHERTEXT]`: "KMS performs only authorization validation
 * without ciphertext validation", and KeyId is then required (model, DecryptRequest).
 */
function dryRunIgnoringCiphertext(input: DecryptRequest, ctx: OpContext): never {
  if (input.KeyId === undefined) throw new ValidationException(cryptoMsg.keyIdRequiredToIgnoreCiphertext);
  const key = keyForUse(ctx, input.KeyId, 'Decrypt', 'ENCRYPT_DECRYPT');
  if (input.EncryptionAlgorithm !== undefined) encryptionAlgorithm(key, input.EncryptionAlgorithm);
  refuseRecipient(input.Recipient);
  return dryRun(true) as never;
}

function decryptResponse(ctx: OpContext, opened: Opened): object {
  const { key, plaintext, algorithm, version } = opened;
  const out = jsonObject({
    KeyId: key.arn,
    Plaintext: new Blob64(plaintext),
    EncryptionAlgorithm: algorithm,
    ...(version !== undefined ? { KeyMaterialId: ctx.keyring.materialId(key, version) } : {}),
  });
  plaintext.fill(0);
  return out;
}

export function decrypt(input: DecryptRequest, ctx: OpContext): object {
  ctx.audit.encryptionContext = input.EncryptionContext;
  if (input.DryRun && input.DryRunModifiers?.includes('IGNORE_CIPHERTEXT')) dryRunIgnoringCiphertext(input, ctx);
  const opened = openCiphertext(ctx, {
    blob: input.CiphertextBlob,
    context: input.EncryptionContext,
    keyIdText: input.KeyId,
    algorithm: input.EncryptionAlgorithm,
    operation: 'Decrypt',
  });
  try {
    refuseRecipient(input.Recipient);
    dryRun(input.DryRun);
  } catch (e) {
    opened.plaintext.fill(0);
    throw e;
  }
  noteUse(ctx, opened.key, 'Decrypt');
  return decryptResponse(ctx, opened);
}

export function reEncrypt(input: ReEncryptRequest, ctx: OpContext): object {
  ctx.audit.encryptionContext = input.SourceEncryptionContext;
  const source = openCiphertext(ctx, {
    blob: input.CiphertextBlob,
    context: input.SourceEncryptionContext,
    keyIdText: input.SourceKeyId,
    algorithm: input.SourceEncryptionAlgorithm,
    operation: 'ReEncryptFrom',
  });
  try {
    const destination = keyForUse(ctx, input.DestinationKeyId, 'ReEncryptTo', 'ENCRYPT_DECRYPT');
    const algorithm = encryptionAlgorithm(destination, input.DestinationEncryptionAlgorithm);
    checkPlaintextFits(destination, algorithm, source.plaintext);
    dryRun(input.DryRun);
    const blob = sealUnder(ctx, destination, algorithm, source.plaintext, input.DestinationEncryptionContext);
    noteUse(ctx, source.key, 'ReEncrypt');
    noteUse(ctx, destination, 'ReEncrypt');
    return jsonObject({
      CiphertextBlob: new Blob64(blob),
      SourceKeyId: source.key.arn,
      KeyId: destination.arn,
      SourceEncryptionAlgorithm: source.algorithm,
      DestinationEncryptionAlgorithm: algorithm,
      ...(source.version !== undefined ? { SourceKeyMaterialId: ctx.keyring.materialId(source.key, source.version) } : {}),
      ...(isAsymmetricKey(destination) ? {} : { DestinationKeyMaterialId: ctx.keyring.materialId(destination, destination.currentVersion) }),
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

function dataKey(input: DataKeyInput, ctx: OpContext, operation: 'GenerateDataKey' | 'GenerateDataKeyWithoutPlaintext') {
  const key = keyForUse(ctx, input.KeyId, operation, 'ENCRYPT_DECRYPT');
  if (isAsymmetricKey(key)) throw new InvalidKeyUsageException(cryptoMsg.asymmetricDataKey);
  ctx.audit.encryptionContext = input.EncryptionContext;
  const length = dataKeyLength(input);
  refuseRecipient((input as GenerateDataKeyRequest).Recipient);
  dryRun(input.DryRun);
  const plaintext = generateRandom(length);
  const blob = sealUnder(ctx, key, 'SYMMETRIC_DEFAULT', plaintext, input.EncryptionContext);
  noteUse(ctx, key, operation);
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
  refuseRecipient(input.Recipient);
  const bytes = generateRandom(input.NumberOfBytes);
  const out = jsonObject({ Plaintext: new Blob64(bytes) });
  bytes.fill(0);
  return out;
}
