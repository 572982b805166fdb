/**
 * GenerateMac and VerifyMac with HMAC keys (hsm/hmac.ts). HMAC keys take no encryption context
 * and refuse every other cryptographic operation with InvalidKeyUsageException (their KeyUsage is
 * GENERATE_VERIFY_MAC; aws-observed.md §9). Response shapes: aws-observed.md §4.2.
 *
 * @module
 */
import { KMSInternalException, KMSInvalidMacException } from '../errors.js';
import { generateMac, macMatches } from '../hsm/hmac.js';
import type { GenerateMacRequest, KeySpec, VerifyMacRequest } from '../../common/model/schemas.js';
import type { KeyRecord } from '../records/key-records.js';
import { Blob64, jsonObject } from '../reply/json-text.js';
import type { OpContext } from './context.js';
import { dryRun, keyForUse, noteUse } from './key-use.js';

/** The `mac-truncated` fault: tags cut to half their length. */
const TRUNCATED_MAC_BYTES = 16;

function hmacKey(ctx: OpContext, key: KeyRecord): Buffer {
  const material = ctx.keyring.material(key);
  if (!material) throw new KMSInternalException('key has no key material');
  return material;
}

export function generateMacOp(input: GenerateMacRequest, ctx: OpContext): object {
  const key = keyForUse(ctx, input.KeyId, 'GenerateMac', 'GENERATE_VERIFY_MAC');
  let mac = generateMac({ keySpec: key.keySpec as KeySpec, key: hmacKey(ctx, key), algorithm: input.MacAlgorithm, message: input.Message });
  dryRun(input.DryRun);
  if (ctx.faults.has('mac-truncated')) mac = mac.subarray(0, TRUNCATED_MAC_BYTES);
  noteUse(ctx, key, 'GenerateMac');
  return jsonObject({ Mac: new Blob64(mac), MacAlgorithm: input.MacAlgorithm, KeyId: key.arn });
}

export function verifyMacOp(input: VerifyMacRequest, ctx: OpContext): object {
  const key = keyForUse(ctx, input.KeyId, 'VerifyMac', 'GENERATE_VERIFY_MAC');
  const valid = macMatches({ keySpec: key.keySpec as KeySpec, key: hmacKey(ctx, key), algorithm: input.MacAlgorithm, message: input.Message, mac: input.Mac });
  dryRun(input.DryRun);
  if (!valid) throw new KMSInvalidMacException('');
  noteUse(ctx, key, 'VerifyMac');
  return jsonObject({ KeyId: key.arn, MacValid: true, MacAlgorithm: input.MacAlgorithm });
}
