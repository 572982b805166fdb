/**
 * Sign, Verify and GetPublicKey: asymmetric SIGN_VERIFY keys (and GetPublicKey for any
 * asymmetric key). The cryptography and AWS's algorithm / message-type / digest-length rules are
 * in hsm/sign.ts; here are the key checks, DryRun, and the response shapes (aws-observed.md §4.2).
 *
 * @module
 */
import { KMSInternalException, KMSInvalidSignatureException, UnsupportedOperationException, ValidationException } from '../errors.js';
import { algorithmsFor } from '../hsm/key-specs.js';
import { digestLengthFor, invalidDigestLengthMessage, signMessage, verifySignature } from '../hsm/sign.js';
import type { GetPublicKeyRequest, KeySpec, SignRequest, VerifyRequest } from '../../common/model/schemas.js';
import type { KeyRecord } from '../records/key-records.js';
import { Blob64, jsonObject } from '../reply/json-text.js';
import type { OpContext } from './context.js';
import { isAsymmetricKey } from './envelope.js';
import { dryRun, keyForUse, noteKey, noteUse, requireUsableState } from './key-use.js';
import { cryptoMsg } from './operation-messages.js';

function keyPairOf(ctx: OpContext, key: KeyRecord) {
  const pair = ctx.keyring.keyPair(key);
  if (!pair) throw new KMSInternalException('key has no key material');
  return pair;
}

export function sign(input: SignRequest, ctx: OpContext): object {
  const key = keyForUse(ctx, input.KeyId, 'Sign', 'SIGN_VERIFY');
  const keySpec = key.keySpec as KeySpec;
  let messageType = input.MessageType ?? 'RAW';
  if (ctx.faults.has('sign-ignores-digest-type') && messageType === 'DIGEST') {
    // The fault: a digest is hashed again, as if it were a RAW message (the length rule still holds).
    if (input.Message.length !== digestLengthFor(input.SigningAlgorithm)) throw new ValidationException(invalidDigestLengthMessage(input.SigningAlgorithm));
    messageType = 'RAW';
  }
  const pair = keyPairOf(ctx, key);
  // Runs every check (algorithm, message type, digest length) before DryRun answers.
  const signature = signMessage({ keySpec, privateKey: pair.privateKey, algorithm: input.SigningAlgorithm, messageType, message: input.Message });
  dryRun(input.DryRun);
  noteUse(ctx, key, 'Sign');
  return jsonObject({ KeyId: key.arn, Signature: new Blob64(signature), SigningAlgorithm: input.SigningAlgorithm });
}

export function verify(input: VerifyRequest, ctx: OpContext): object {
  const key = keyForUse(ctx, input.KeyId, 'Verify', 'SIGN_VERIFY');
  const pair = keyPairOf(ctx, key);
  const valid = verifySignature({
    keySpec: key.keySpec as KeySpec,
    publicKey: pair.publicKey,
    algorithm: input.SigningAlgorithm,
    messageType: input.MessageType ?? 'RAW',
    message: input.Message,
    signature: input.Signature,
  });
  dryRun(input.DryRun);
  if (!valid && !ctx.faults.has('verify-always-valid')) throw new KMSInvalidSignatureException('');
  noteUse(ctx, key, 'Verify');
  return jsonObject({ KeyId: key.arn, SignatureValid: true, SigningAlgorithm: input.SigningAlgorithm });
}

/**
 * GetPublicKey: the DER SubjectPublicKeyInfo with KeySpec, KeyUsage and the algorithm list of the
 * key's usage. Symmetric and HMAC keys have no public key: UnsupportedOperationException (the
 * model lists it; emulators agree, e.g. localstack/localstack#6675 "GetPublicKey in AWS doesn't
 * work for such keys"; message INFERRED). Key states as for Sign (KS-OLD table, aws-observed.md 2.2).
 */
export function getPublicKey(input: GetPublicKeyRequest, ctx: OpContext): object {
  const key = ctx.keyring.resolve(ctx.scope, input.KeyId, { aliases: true, operation: 'GetPublicKey' });
  noteKey(ctx, key);
  requireUsableState(ctx, key);
  if (!isAsymmetricKey(key)) throw new UnsupportedOperationException(cryptoMsg.noPublicKey(key.arn, key.keySpec));
  const pair = keyPairOf(ctx, key);
  return {
    KeyId: key.arn,
    PublicKey: pair.publicKeyDer.toString('base64'),
    CustomerMasterKeySpec: key.keySpec,
    KeySpec: key.keySpec,
    KeyUsage: key.keyUsage,
    ...algorithmsFor(key.keySpec as KeySpec, key.keyUsage),
  };
}
