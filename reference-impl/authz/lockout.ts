/**
 * The key policy lockout safety check of CreateKey and PutKeyPolicy.
 *
 * "If you don't set BypassPolicyLockoutSafetyCheck to True, the key policy must allow the
 * principal that is making the CreateKey request to make a subsequent PutKeyPolicy request on the
 * KMS key. This reduces the risk that the KMS key becomes unmanageable."
 * (CreateKey / PutKeyPolicy `Policy`, https://docs.aws.amazon.com/kms/latest/APIReference/API_PutKeyPolicy.html)
 * Refusal: MalformedPolicyDocumentException "The new key policy will not allow you to update the
 * key policy in the future." (aws-observed.md 6.4).
 *
 * The check evaluates the new policy for a plain PutKeyPolicy by the caller (no bypass flag in
 * that future request). Only the key policy is judged: a statement that lets the caller's
 * account in (delegation to IAM) passes, as the default key policy does for any IAM caller —
 * unless the caller passes its identity policies, in which case they must allow it too.
 *
 * @module
 */
import { MalformedPolicyDocumentException } from '../errors.js';
import { requestContextFor, type KeyFacts } from './context.js';
import { compilePolicy, type CompiledPolicy } from './document.js';
import { evaluate } from './evaluate.js';
import { malformedMsg } from './messages.js';
import type { CallerPrincipal } from './principal.js';

const ALLOW_ALL: CompiledPolicy = compilePolicy({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] }, { kind: 'identity' });

/** Whether `policy` lets `caller` call kms:PutKeyPolicy on `key` later. */
export function allowsFuturePutKeyPolicy(policy: CompiledPolicy, caller: CallerPrincipal, key: KeyFacts, now: number, identityPolicies?: readonly CompiledPolicy[]): boolean {
  const context = requestContextFor('PutKeyPolicy', { KeyId: key.arn }, key, caller, { now });
  const d = evaluate(
    { action: 'kms:PutKeyPolicy', resource: key.arn, resourceAccount: key.account, principal: caller, context, crossAccount: false },
    policy,
    identityPolicies ?? [ALLOW_ALL],
  );
  return d.decision === 'allow';
}

/** @throws MalformedPolicyDocumentException (lockout) unless `bypass` or the policy passes. */
export function checkLockout(
  policy: CompiledPolicy,
  caller: CallerPrincipal,
  key: KeyFacts,
  options: { bypass?: boolean; now: number; identityPolicies?: readonly CompiledPolicy[] },
): void {
  if (options.bypass === true) return;
  if (!allowsFuturePutKeyPolicy(policy, caller, key, options.now, options.identityPolicies)) {
    throw new MalformedPolicyDocumentException(malformedMsg.lockout);
  }
}
