/**
 * GetKeyPolicy, PutKeyPolicy, ListKeyPolicies. Policies are stored and checked here;
 * enforcing them on requests is the authorization stage's job.
 *
 * @module
 */
import { LimitExceededException, MalformedPolicyDocumentException, NotFoundException } from '../errors.js';
import { MAX_POLICY_BYTES, parseKeyPolicy, type PolicyDocument } from '../keys/policy.js';
import type { OpContext } from './context.js';
import { managedKey, requireCustomerManaged } from './keys.js';
import { policyMsg } from './messages.js';

const DEFAULT_POLICY_NAME = 'default';

function checkPolicyName(name: string | undefined): void {
  if (name !== undefined && name !== DEFAULT_POLICY_NAME) throw new NotFoundException(policyMsg.onlyDefault);
}

const asList = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined ? [] : [v]);

/** Whether an Allow statement lets `principalArn` (or its account root) call kms:PutKeyPolicy. */
export function allowsFuturePolicyUpdates(policy: PolicyDocument, principalArn: string, account: string): boolean {
  const callers = new Set([principalArn, `arn:aws:iam::${account}:root`, account, '*']);
  return policy.Statement.some((s) => {
    if (s.Effect !== 'Allow' || s.Action === undefined) return false;
    const principals = typeof s.Principal === 'string' ? [s.Principal] : asList((s.Principal as { AWS?: unknown } | undefined)?.AWS);
    if (!principals.some((p) => typeof p === 'string' && callers.has(p))) return false;
    return asList(s.Action).some((a) => a === '*' || a === 'kms:*' || a === 'kms:PutKeyPolicy' || a === 'kms:Put*');
  });
}

/** Size, syntax and lockout-safety checks for a policy about to be attached (CreateKey, PutKeyPolicy). */
export function checkNewPolicy(ctx: OpContext, policy: string, bypassLockoutSafetyCheck: boolean | undefined): void {
  if (Buffer.byteLength(policy, 'utf8') > MAX_POLICY_BYTES) throw new LimitExceededException(policyMsg.tooLarge);
  const doc = parseKeyPolicy(policy);
  if (!bypassLockoutSafetyCheck && !allowsFuturePolicyUpdates(doc, ctx.scope.principalArn, ctx.scope.account)) {
    throw new MalformedPolicyDocumentException(policyMsg.lockout);
  }
}

export function getKeyPolicy(input: { KeyId: string; PolicyName?: string }, ctx: OpContext): object {
  const key = managedKey(ctx, input.KeyId, 'GetKeyPolicy');
  checkPolicyName(input.PolicyName);
  return { Policy: key.policy, PolicyName: DEFAULT_POLICY_NAME };
}

export function putKeyPolicy(
  input: { KeyId: string; PolicyName?: string; Policy: string; BypassPolicyLockoutSafetyCheck?: boolean },
  ctx: OpContext,
): object {
  const key = managedKey(ctx, input.KeyId, 'PutKeyPolicy');
  requireCustomerManaged(ctx, key, 'PutKeyPolicy');
  // No key-state check: PutKeyPolicy succeeds in every key state, PendingDeletion included (KS-OLD).
  checkPolicyName(input.PolicyName);
  checkNewPolicy(ctx, input.Policy, input.BypassPolicyLockoutSafetyCheck);
  ctx.keyring.update(key.keyId, (k) => {
    k.policy = input.Policy;
  });
  return {};
}

export function listKeyPolicies(input: { KeyId: string; Limit?: number; Marker?: string }, ctx: OpContext): object {
  managedKey(ctx, input.KeyId, 'ListKeyPolicies');
  return { PolicyNames: [DEFAULT_POLICY_NAME], Truncated: false };
}
