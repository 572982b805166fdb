/**
 * What every cryptographic handler does with its KMS key, in AWS's order: resolve the key (all
 * four id forms), note it in the audit entry, refuse a key that is not Enabled, refuse a key of
 * another usage; and, after all the checks a real call makes, the DryRun and Recipient answers.
 * A call that succeeded records the key's last use (GetKeyLastUsage).
 *
 * @module
 */
import { DryRunOperationException, InvalidKeyUsageException, ValidationException } from '../errors.js';
import { requireEnabledForUse } from '../keys/key-state.js';
import { storeIdOf, type KeyRecord, type KeyUsage } from '../records/key-records.js';
import type { RecipientInfo } from '../../common/model/schemas.js';
import type { OpContext } from './context.js';
import { cryptoMsg } from './operation-messages.js';
import { withStoreState } from './store-keys.js';

/** Records the key in the audit entry (before any refusal, so refused calls name their key too). */
export function noteKey(ctx: OpContext, key: KeyRecord): void {
  const resources = (ctx.audit.resources ??= []);
  if (!resources.includes(key.arn)) resources.push(key.arn);
}

/** Refuses a key that is not Enabled, unless the `ignore-key-state` fault is on. */
export function requireUsableState(ctx: OpContext, key: KeyRecord): void {
  if (!ctx.faults.has('ignore-key-state')) requireEnabledForUse(key);
}

/** Refuses a key whose KeyUsage is not `usage` (aws-observed.md §9 wording). */
export function requireUsage(key: KeyRecord, usage: KeyUsage, operation: string): void {
  if (key.keyUsage !== usage) throw new InvalidKeyUsageException(cryptoMsg.wrongUsage(key.arn, key.keyUsage, operation));
}

/**
 * The key named by `keyIdText`, Enabled and of `usage`.
 * @param operation the operation name AWS puts in messages (ReEncryptFrom/ReEncryptTo for ReEncrypt).
 */
export function keyForUse(ctx: OpContext, keyIdText: string, operation: string, usage: KeyUsage): KeyRecord {
  // A key in a custom key store takes its store's state (disconnected: Unavailable).
  const key = withStoreState(ctx, ctx.keyring.resolve(ctx.scope, keyIdText, { aliases: true, operation }));
  noteKey(ctx, key);
  requireUsableState(ctx, key);
  requireUsage(key, usage, operation);
  return key;
}

/** DryRun: every check passed, so the call would have succeeded (aws-observed.md §9). */
export function dryRun(flag: boolean | undefined): void {
  if (flag) throw new DryRunOperationException(cryptoMsg.dryRun);
}

/**
 * `Recipient`: KMS answers with CiphertextForRecipient only for an attestation document signed by
 * the AWS Nitro PKI ("You cannot supply your own certificate to digitally sign the attestation
 * document", developer guide, attested-calls.html). This server has no Nitro root of trust to
 * verify one against, so every Recipient is refused, before DryRun (attestation is part of
 * authorization). Code and message: no AWS capture (INFERRED).
 */
export function refuseRecipient(recipient: RecipientInfo | undefined): void {
  if (recipient !== undefined) throw new ValidationException(cryptoMsg.attestationNotVerifiable);
}

/** Records a successful use of `key` for GetKeyLastUsage; the audit entry carries its event id. */
export function noteUse(ctx: OpContext, key: KeyRecord, operation: string): void {
  ctx.audit.eventId = ctx.keyring.lastUsage.record(storeIdOf(key), operation, ctx.scope.now, ctx.requestId ?? '');
}
