/**
 * GetKeyPolicy, PutKeyPolicy, ListKeyPolicies. Policies are stored and checked here;
 * enforcing them on requests is the authorize stage's job (ops/authorize.ts).
 *
 * @module
 */
import { NotFoundException } from '../errors.js';
import type { GetKeyPolicyRequest, ListKeyPoliciesRequest, PutKeyPolicyRequest } from '../../common/model/schemas.js';
import type { OpContext } from './context.js';
import { checkNewPolicy, customerManagedKey, keyFacts, managedKey } from './guards.js';
import { policyMsg } from './operation-messages.js';

const DEFAULT_POLICY_NAME = 'default';

function checkPolicyName(name: string | undefined): void {
  if (name !== undefined && name !== DEFAULT_POLICY_NAME) throw new NotFoundException(policyMsg.onlyDefault);
}

export function getKeyPolicy(input: GetKeyPolicyRequest, ctx: OpContext): object {
  const key = managedKey(ctx, input.KeyId, 'GetKeyPolicy');
  checkPolicyName(input.PolicyName);
  return { Policy: key.policy, PolicyName: DEFAULT_POLICY_NAME };
}

export function putKeyPolicy(input: PutKeyPolicyRequest, ctx: OpContext): object {
  const key = customerManagedKey(ctx, input.KeyId, 'PutKeyPolicy');
  // No key-state check: PutKeyPolicy succeeds in every key state, PendingDeletion included (KS-OLD).
  checkPolicyName(input.PolicyName);
  checkNewPolicy(ctx, input.Policy, input.BypassPolicyLockoutSafetyCheck, keyFacts(key));
  ctx.keyring.update(key, (k) => {
    k.policy = input.Policy;
  });
  return {};
}

export function listKeyPolicies(input: ListKeyPoliciesRequest, ctx: OpContext): object {
  managedKey(ctx, input.KeyId, 'ListKeyPolicies');
  return { PolicyNames: [DEFAULT_POLICY_NAME], Truncated: false };
}
