/**
 * Checks that several handlers share: the customer managed key a management call names, the
 * refusal of changes to AWS managed keys, and the rules for tags and key policies about to be
 * attached (CreateKey, TagResource, PutKeyPolicy). Below every handler module; imports none.
 *
 * @module
 */
import { AccessDeniedException, LimitExceededException, TagException } from '../errors.js';
import type { KeyFacts } from '../authz/index.js';
import { callerPrincipal } from '../records/caller-principal.js';
import { msg } from '../keys/key-messages.js';
import type { KeyRecord, Tag } from '../records/key-records.js';
import { MAX_POLICY_BYTES } from '../keys/policy-document.js';
import type { OpContext } from './context.js';
import { policyMsg, tagMsg } from './operation-messages.js';
import { loadedAuthorizeStage } from './policy-engine.js';

/** A customer managed key named by key id or key ARN (no aliases), for management calls. */
export function managedKey(ctx: OpContext, keyIdText: string, operation: string): KeyRecord {
  const key = ctx.keyring.resolve(ctx.scope, keyIdText, { aliases: false, operation });
  ctx.audit.resources = [key.arn];
  return key;
}

/**
 * AWS managed keys are managed by AWS. Their key policy lets the account only describe, get and
 * list, so any change is refused as the policy would refuse it (aws-observed.md M5, INFERRED).
 */
function requireCustomerManaged(ctx: OpContext, key: KeyRecord, operation: string): void {
  if (key.keyManager === 'AWS') throw new AccessDeniedException(msg.accessDenied(ctx.scope.principalArn, operation, key.arn));
}

/** The key a change names ({@link managedKey}), refused if AWS manages it ({@link requireCustomerManaged}). */
export function customerManagedKey(ctx: OpContext, keyIdText: string, operation: string): KeyRecord {
  const key = managedKey(ctx, keyIdText, operation);
  requireCustomerManaged(ctx, key, operation);
  return key;
}

export const MAX_TAGS_PER_KEY = 50;

/**
 * Checks tags about to be added to a key that has `existing` tags; returns the merged list
 * (a new value replaces the old one for the same key, as TagResource does).
 * @throws TagException for reserved prefixes, duplicate keys in one request, or more than 50 tags.
 */
export function checkNewTags(existing: readonly Tag[], added: readonly Tag[]): Tag[] {
  const seen = new Set<string>();
  for (const t of added) {
    if (t.TagKey.toLowerCase().startsWith('aws:')) throw new TagException(tagMsg.reservedPrefix);
    if (seen.has(t.TagKey)) throw new TagException(tagMsg.duplicateKeys);
    seen.add(t.TagKey);
  }
  const merged = new Map(existing.map((t) => [t.TagKey, t.TagValue]));
  for (const t of added) merged.set(t.TagKey, t.TagValue);
  if (merged.size > MAX_TAGS_PER_KEY) throw new TagException(tagMsg.tooMany);
  return [...merged].map(([TagKey, TagValue]) => ({ TagKey, TagValue }));
}

/**
 * Size, syntax and lockout-safety checks for a policy about to be attached (CreateKey,
 * PutKeyPolicy): the engine's parser (authz/document.ts, AWS's MalformedPolicyDocumentException
 * wordings) and its lockout check (authz/lockout.ts: the new policy must let the caller call
 * PutKeyPolicy later, unless BypassPolicyLockoutSafetyCheck), through the authorize stage the
 * pipeline loaded before this handler ran (./policy-engine.ts). `key` is the key the policy is for
 * (for CreateKey, the key about to be created).
 */
export function checkNewPolicy(ctx: OpContext, policy: string, bypassLockoutSafetyCheck: boolean | undefined, key: KeyFacts): void {
  if (Buffer.byteLength(policy, 'utf8') > MAX_POLICY_BYTES) throw new LimitExceededException(policyMsg.tooLarge);
  const caller = ctx.caller ?? callerPrincipal(ctx.scope.principalArn);
  loadedAuthorizeStage().checkKeyPolicyDocument(policy, caller, key, { bypass: bypassLockoutSafetyCheck === true, now: Date.now() });
}

/** What the policy checks need to know of a key. */
export function keyFacts(key: Pick<KeyRecord, 'arn' | 'account' | 'keySpec' | 'keyUsage' | 'origin' | 'tags'>): KeyFacts {
  return { arn: key.arn, account: key.account, keySpec: key.keySpec, keyUsage: key.keyUsage, origin: key.origin, tags: key.tags };
}
