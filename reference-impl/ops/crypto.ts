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
import { generateRandomInStore } from './store-keys.js';
import type {
  DecryptRequest,
  EncryptionAlgorithmSpec,
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
import { checkPlaintextFits, encryptionAlgorithm, isAsymmetricKey, materialIdOf, openCiphertext, sealUnder, andThen, type Opened } from './envelope.js';
import type { KeyRecord } from '../records/key-records.js';

export function encrypt(input: EncryptRequest, ctx: OpContext): object | Promise<object> {
  const key = keyForUse(ctx, input.KeyId, 'Encrypt', 'ENCRYPT_DECRYPT');
  ctx.audit.encryptionContext = input.EncryptionContext;
  const algorithm = encryptionAlgorithm(key, input.EncryptionAlgorithm);
  checkPlaintextFits(key, algorithm, input.Plaintext);
  dryRun(input.DryRun);
  return andThen(sealUnder(ctx, key, algorithm, input.Plaintext, input.EncryptionContext, 'Encrypt'), (blob) => {
    noteUse(ctx, key, 'Encrypt');
    return jsonObject({ CiphertextBlob: new Blob64(blob), KeyId: key.arn, EncryptionAlgorithm: algorithm });
  });
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
    ...(version !== undefined ? { KeyMaterialId: materialIdOf(ctx, key, version) } : {}),
  });
  plaintext.fill(0);
  return out;
}

export function decrypt(input: DecryptRequest, ctx: OpContext): object | Promise<object> {
  ctx.audit.encryptionContext = input.EncryptionContext;
  if (input.DryRun && input.DryRunModifiers?.includes('IGNORE_CIPHERTEXT')) dryRunIgnoringCiphertext(input, ctx);
  const opening = openCiphertext(ctx, {
    blob: input.CiphertextBlob,
    context: input.EncryptionContext,
    keyIdText: input.KeyId,
    algorithm: input.EncryptionAlgorithm,
    operation: 'Decrypt',
  });
  return andThen(opening, (opened) => {
    try {
      refuseRecipient(input.Recipient);
      dryRun(input.DryRun);
    } catch (e) {
      opened.plaintext.fill(0);
      throw e;
    }
    noteUse(ctx, opened.key, 'Decrypt');
    return decryptResponse(ctx, opened);
  });
}

export function reEncrypt(input: ReEncryptRequest, ctx: OpContext): object | Promise<object> {
  ctx.audit.encryptionContext = input.SourceEncryptionContext;
  const opening = openCiphertext(ctx, {
    blob: input.CiphertextBlob,
    context: input.SourceEncryptionContext,
    keyIdText: input.SourceKeyId,
    algorithm: input.SourceEncryptionAlgorithm,
    operation: 'ReEncryptFrom',
  });
  return andThen(opening, (source) => {
    let destination: KeyRecord;
    let algorithm: EncryptionAlgorithmSpec;
    let sealing: Buffer | Promise<Buffer>;
    try {
      destination = keyForUse(ctx, input.DestinationKeyId, 'ReEncryptTo', 'ENCRYPT_DECRYPT');
      algorithm = encryptionAlgorithm(destination, input.DestinationEncryptionAlgorithm);
      checkPlaintextFits(destination, algorithm, source.plaintext);
      dryRun(input.DryRun);
      sealing = sealUnder(ctx, destination, algorithm, source.plaintext, input.DestinationEncryptionContext, 'ReEncrypt');
    } catch (e) {
      source.plaintext.fill(0);
      throw e;
    }
    const wipe = () => source.plaintext.fill(0);
    if (sealing instanceof Promise) void sealing.then(wipe, wipe);
    else wipe();
    const dest = destination;
    return andThen(sealing, (blob) => {
      noteUse(ctx, source.key, 'ReEncrypt');
      noteUse(ctx, dest, 'ReEncrypt');
      return jsonObject({
        CiphertextBlob: new Blob64(blob),
        SourceKeyId: source.key.arn,
        KeyId: dest.arn,
        SourceEncryptionAlgorithm: source.algorithm,
        DestinationEncryptionAlgorithm: algorithm,
        ...(source.version !== undefined ? { SourceKeyMaterialId: materialIdOf(ctx, source.key, source.version) } : {}),
        ...(isAsymmetricKey(dest) || materialIdOf(ctx, dest, dest.currentVersion) === undefined
          ? {}
          : { DestinationKeyMaterialId: materialIdOf(ctx, dest, dest.currentVersion) }),
      });
    });
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

/** A data key sealed under the caller's key, handed to `reply` (the plaintext is wiped after it). */
function dataKey(
  input: DataKeyInput,
  ctx: OpContext,
  operation: 'GenerateDataKey' | 'GenerateDataKeyWithoutPlaintext',
  reply: (key: KeyRecord, plaintext: Buffer, blob: Buffer) => object,
): object | Promise<object> {
  const key = keyForUse(ctx, input.KeyId, operation, 'ENCRYPT_DECRYPT');
  if (isAsymmetricKey(key)) throw new InvalidKeyUsageException(cryptoMsg.asymmetricDataKey);
  ctx.audit.encryptionContext = input.EncryptionContext;
  const length = dataKeyLength(input);
  refuseRecipient((input as GenerateDataKeyRequest).Recipient);
  dryRun(input.DryRun);
  const plaintext = generateRandom(length);
  let sealing: Buffer | Promise<Buffer>;
  try {
    sealing = sealUnder(ctx, key, 'SYMMETRIC_DEFAULT', plaintext, input.EncryptionContext, operation);
  } catch (e) {
    plaintext.fill(0);
    throw e;
  }
  const done = (blob: Buffer): object => {
    try {
      noteUse(ctx, key, operation);
      return reply(key, plaintext, blob);
    } finally {
      plaintext.fill(0);
    }
  };
  return sealing instanceof Promise
    ? sealing.then(done, (e: unknown) => {
        plaintext.fill(0);
        throw e;
      })
    : done(sealing);
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
  refuseRecipient(input.Recipient);
  const bytes = input.CustomKeyStoreId !== undefined ? generateRandomInStore(ctx, input.CustomKeyStoreId, input.NumberOfBytes) : generateRandom(input.NumberOfBytes);
  const out = jsonObject({ Plaintext: new Blob64(bytes) });
  bytes.fill(0);
  return out;
}
