/**
 * GenerateDataKeyPair and GenerateDataKeyPairWithoutPlaintext: a fresh key pair of `KeyPairSpec`
 * (hsm/data-key-pair.ts), its private key (PKCS#8 DER) encrypted under a symmetric encryption KMS
 * key with the encryption context bound — an ordinary symmetric blob, so Decrypt with the same
 * context returns the PKCS#8 bytes. Response members per the model; DryRun answered as recorded
 * (aws-observed.md §9, LS-SNAP `test_generate_data_key_pair_dry_run`).
 *
 * @module
 */
import { InvalidKeyUsageException, UnsupportedOperationException } from '../errors.js';
import { DATA_KEY_PAIR_GENERATORS } from '../hsm/data-key-pair.js';
import { notInRegionMessage, type AsymmetricKeyPair } from '../hsm/asymmetric-keys.js';
import type { KeyRecord } from '../records/key-records.js';
import type { GenerateDataKeyPairRequest, GenerateDataKeyPairWithoutPlaintextRequest, KeySpec } from '../../common/model/schemas.js';
import { Blob64, jsonObject } from '../reply/json-text.js';
import type { OpContext } from './context.js';
import { isAsymmetricKey, materialIdOf, sealUnder } from './envelope.js';
import { dryRun, keyForUse, noteUse, refuseRecipient } from './key-use.js';
import { cryptoMsg } from './operation-messages.js';

type Operation = 'GenerateDataKeyPair' | 'GenerateDataKeyPairWithoutPlaintext';

function dataKeyPair(input: GenerateDataKeyPairRequest | GenerateDataKeyPairWithoutPlaintextRequest, ctx: OpContext, operation: Operation) {
  const key = keyForUse(ctx, input.KeyId, operation, 'ENCRYPT_DECRYPT');
  if (isAsymmetricKey(key)) throw new InvalidKeyUsageException(cryptoMsg.asymmetricDataKey);
  ctx.audit.encryptionContext = input.EncryptionContext;
  // SM2 is offered in China Regions only (GenerateDataKeyPairRequest.KeyPairSpec doc).
  if (DATA_KEY_PAIR_GENERATORS[input.KeyPairSpec] === undefined) throw new UnsupportedOperationException(notInRegionMessage('KeyPairSpec', input.KeyPairSpec));
  refuseRecipient((input as GenerateDataKeyPairRequest).Recipient);
  dryRun(input.DryRun);
  // KeyPairSpec names are KeySpec names (SM2 refused above); the pair comes from the server's source (fresh: RSA made on the thread pool).
  return ctx.keyring.keyPairs.next(input.KeyPairSpec as KeySpec).then(async (pair): Promise<Made> => {
    const blob = await sealUnder(ctx, key, 'SYMMETRIC_DEFAULT', pair.privateKey, input.EncryptionContext, operation);
    noteUse(ctx, key, operation);
    return { key, pair, blob };
  });
}

interface Made {
  key: KeyRecord;
  pair: AsymmetricKeyPair;
  blob: Buffer;
}

export async function generateDataKeyPairOp(input: GenerateDataKeyPairRequest, ctx: OpContext): Promise<object> {
  const { key, pair, blob } = await dataKeyPair(input, ctx, 'GenerateDataKeyPair');
  const out = jsonObject({
    PrivateKeyCiphertextBlob: new Blob64(blob),
    PrivateKeyPlaintext: new Blob64(pair.privateKey),
    PublicKey: new Blob64(pair.publicKey),
    KeyId: key.arn,
    KeyPairSpec: input.KeyPairSpec,
    KeyMaterialId: materialIdOf(ctx, key, key.currentVersion),
  });
  pair.privateKey.fill(0);
  return out;
}

export async function generateDataKeyPairWithoutPlaintextOp(input: GenerateDataKeyPairWithoutPlaintextRequest, ctx: OpContext): Promise<object> {
  const { key, pair, blob } = await dataKeyPair(input, ctx, 'GenerateDataKeyPairWithoutPlaintext');
  pair.privateKey.fill(0);
  return jsonObject({
    PrivateKeyCiphertextBlob: new Blob64(blob),
    PublicKey: new Blob64(pair.publicKey),
    KeyId: key.arn,
    KeyPairSpec: input.KeyPairSpec,
    KeyMaterialId: materialIdOf(ctx, key, key.currentVersion),
  });
}
