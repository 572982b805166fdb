/**
 * DeriveSharedSecret: ECDH with a KEY_AGREEMENT key (hsm/key-agreement.ts). Response members per
 * the model: KeyId (ARN), SharedSecret, KeyAgreementAlgorithm, KeyOrigin. A `Recipient`
 * (CiphertextForRecipient instead of SharedSecret) needs a Nitro-signed attestation document,
 * which this server cannot verify: refused (./key-use.ts).
 *
 * @module
 */
import { KMSInternalException } from '../errors.js';
import { deriveSharedSecret } from '../hsm/key-agreement.js';
import type { DeriveSharedSecretRequest, KeySpec } from '../../common/model/schemas.js';
import { Blob64, jsonObject } from '../reply/json-text.js';
import type { OpContext } from './context.js';
import { dryRun, keyForUse, noteUse, refuseRecipient } from './key-use.js';

export function deriveSharedSecretOp(input: DeriveSharedSecretRequest, ctx: OpContext): object {
  const key = keyForUse(ctx, input.KeyId, 'DeriveSharedSecret', 'KEY_AGREEMENT');
  const pair = ctx.keyring.keyPair(key);
  if (!pair) throw new KMSInternalException('key has no key material');
  const secret = deriveSharedSecret({
    keySpec: key.keySpec as KeySpec,
    privateKey: pair.privateKey,
    algorithm: input.KeyAgreementAlgorithm,
    peerPublicKey: input.PublicKey,
  });
  try {
    refuseRecipient(input.Recipient);
    dryRun(input.DryRun);
    noteUse(ctx, key, 'DeriveSharedSecret');
    return jsonObject({
      KeyId: key.arn,
      SharedSecret: new Blob64(secret),
      KeyAgreementAlgorithm: input.KeyAgreementAlgorithm,
      KeyOrigin: key.origin,
    });
  } finally {
    secret.fill(0);
  }
}
