/**
 * The authorization decision for one IAM action on one resource.
 *
 * KMS semantics (https://docs.aws.amazon.com/kms/latest/developerguide/control-access.html,
 * https://docs.aws.amazon.com/kms/latest/developerguide/determining-access.html):
 * - "No AWS principal has any permissions to a KMS key unless that permission is provided
 *   explicitly and never denied." An explicit Deny in the key policy or an identity policy wins
 *   over every Allow "and it takes precedence over all grants for this KMS key"
 *   (conditions-kms.html#conditions-kms-encryption-algorithm).
 * - Same account: a key-policy Allow that names the caller (its ARN, its role, `*`) suffices.
 *   A key-policy Allow to the account (`arn:aws:iam::ACCT:root` or the bare id) enables IAM
 *   policies: then an identity-policy Allow is required too ("To use an IAM policy to allow
 *   access to a KMS key, the key policy must explicitly allow it", control-access.html;
 *   key-policy-default.html#key-policy-default-allow-root-enable-iam). The root user has every
 *   IAM permission of its account ("all requests are implicitly denied with the exception of
 *   the AWS account root user, which has full access", IAM policy evaluation logic).
 * - Another account: the operation must allow cross-account use (actions.ts), the key policy
 *   must allow the external account or principal AND the caller's identity policies must allow
 *   it ("Neither the key policy nor the IAM policy alone is sufficient",
 *   key-policy-modifying-external-accounts.html).
 * - Grants allow (never deny) on top of policies (grants.ts).
 * - IAM-only operations (no key policy: ListKeys, CreateKey, ...): identity policies decide.
 *
 * `decidingStatement` names the statement that decided: the Deny, or the Allow that let the
 * request through (for a delegated allow, the identity-policy statement). The decision does not
 * depend on statement order; which of several equally deciding statements is named may.
 *
 * @module
 */
import { AccessDeniedException } from '../errors.js';
import type { ConditionContext } from './conditions.js';
import { statementsFor, type CompiledPolicy, type CompiledStatement } from './document.js';
import { findAllowingGrant, type GrantRecord } from './grants.js';
import { accessDeniedMessage, type DenialReason } from './messages.js';
import { matchPrincipal, type CallerPrincipal } from './principal.js';

export interface AuthzRequest {
  /** IAM action, e.g. `kms:Encrypt` (any case). */
  action: string;
  /** Key ARN for key operations, alias ARN for the IAM half of alias operations, `*` otherwise. */
  resource: string;
  /** Account that owns the resource; for IAM-only operations the caller's own account. */
  resourceAccount: string;
  principal: CallerPrincipal;
  /** From requestContextFor (context.ts). */
  context: ConditionContext;
  /** False when the operation is not allowed across accounts (actions.ts). Default true. */
  crossAccount?: boolean;
  /** Grants on the key, with the request's encryption context for their constraints. */
  grants?: readonly GrantRecord[];
  encryptionContext?: Record<string, string>;
}

export type AllowReason = 'key-policy' | 'key-policy+identity' | 'identity' | 'grant';

export interface DecidingStatement {
  source: 'key-policy' | 'identity' | 'grant';
  sid?: string;
  /** Statement index in its document (grant: index in `grants`). */
  index: number;
  /** For identity statements: which of the identity policies. */
  policyIndex?: number;
}

export interface AuthzDecision {
  decision: 'allow' | 'explicit-deny' | 'implicit-deny';
  decidingStatement?: DecidingStatement;
  reason: AllowReason | DenialReason;
}

const applies = (s: CompiledStatement, req: AuthzRequest): boolean =>
  s.resource(req.resource) && (s.condition === null || s.condition(req.context));

const fromKey = (s: CompiledStatement): DecidingStatement =>
  s.sid === undefined ? { source: 'key-policy', index: s.index } : { source: 'key-policy', sid: s.sid, index: s.index };

const fromIdentity = (s: CompiledStatement, policyIndex: number): DecidingStatement =>
  s.sid === undefined ? { source: 'identity', index: s.index, policyIndex } : { source: 'identity', sid: s.sid, index: s.index, policyIndex };

/** The first identity-policy statement with this effect that applies, or null. */
function identityStatement(
  policies: readonly CompiledPolicy[],
  action: string,
  req: AuthzRequest,
  effect: 'Allow' | 'Deny',
): DecidingStatement | null {
  for (let p = 0; p < policies.length; p++) {
    const policy = policies[p];
    if (effect === 'Deny' && !policy.hasDeny) continue;
    const list = statementsFor(policy, action);
    for (let i = 0; i < list.length; i++) {
      const s = list[i];
      if (s.effect === effect && applies(s, req)) return fromIdentity(s, p);
    }
  }
  return null;
}

/** Allow through a grant, or null. (Top-level rather than a closure: no allocation per request.) */
function grantDecision(req: AuthzRequest): AuthzDecision | null {
  if (req.grants === undefined || req.grants.length === 0) return null;
  const i = findAllowingGrant(req.grants, req.action.slice(req.action.indexOf(':') + 1), req.principal, req.encryptionContext);
  return i < 0 ? null : { decision: 'allow', decidingStatement: { source: 'grant', index: i }, reason: 'grant' };
}

/**
 * Decides one request. `keyPolicy` is null for IAM-only operations; `identityPolicies` are the
 * caller's (they are ignored for a service principal, which has none).
 */
export function evaluate(req: AuthzRequest, keyPolicy: CompiledPolicy | null, identityPolicies: readonly CompiledPolicy[]): AuthzDecision {
  const action = req.action;
  const caller = req.principal;
  // A service principal is named by the key policy itself; account boundaries do not apply to it.
  const sameAccount = caller.service !== undefined || caller.account === req.resourceAccount;
  const identities = caller.service === undefined ? identityPolicies : [];

  // 1. Explicit denies, anywhere.
  if (keyPolicy !== null && keyPolicy.hasDeny) {
    for (const s of statementsFor(keyPolicy, action)) {
      if (s.effect === 'Deny' && s.principal !== null && matchPrincipal(s.principal, caller) !== null && applies(s, req)) {
        return { decision: 'explicit-deny', decidingStatement: fromKey(s), reason: sameAccount ? 'explicit-deny-resource' : 'cross-account' };
      }
    }
  }
  const deny = identityStatement(identities, action, req, 'Deny');
  if (deny !== null) return { decision: 'explicit-deny', decidingStatement: deny, reason: 'explicit-deny-identity' };

  // 2. IAM-only operations.
  if (keyPolicy === null) {
    if (caller.isRoot && sameAccount) return { decision: 'allow', reason: 'identity' };
    const allow = sameAccount ? identityStatement(identities, action, req, 'Allow') : null;
    return allow !== null ? { decision: 'allow', decidingStatement: allow, reason: 'identity' } : { decision: 'implicit-deny', reason: 'no-identity-allow' };
  }

  if (!sameAccount && req.crossAccount === false) return grantDecision(req) ?? { decision: 'implicit-deny', reason: 'cross-account' };

  // 3. Key-policy allows: one naming the caller directly, or one delegating to the caller's account.
  let direct: CompiledStatement | undefined;
  let delegated: CompiledStatement | undefined;
  if (keyPolicy.defaultForAccount !== null) {
    if (keyPolicy.defaultForAccount === caller.account && caller.service === undefined && statementsFor(keyPolicy, action).length === 1) {
      const s = keyPolicy.statements[0];
      if (caller.isRoot) direct = s;
      else delegated = s;
    }
  } else {
    for (const s of statementsFor(keyPolicy, action)) {
      if (s.effect !== 'Allow' || s.principal === null) continue;
      const m = matchPrincipal(s.principal, caller);
      if (m === null || (m === 'account' && delegated !== undefined) || !applies(s, req)) continue;
      if (m === 'direct') {
        direct = s;
        break;
      }
      delegated = s;
    }
  }

  // 4. Combine.
  if (sameAccount && direct !== undefined) return { decision: 'allow', decidingStatement: fromKey(direct), reason: 'key-policy' };
  const keyAllows = direct ?? delegated;
  if (keyAllows !== undefined && caller.service === undefined) {
    if (caller.isRoot) return { decision: 'allow', decidingStatement: fromKey(keyAllows), reason: 'key-policy' };
    const allow = identityStatement(identities, action, req, 'Allow');
    if (allow !== null) return { decision: 'allow', decidingStatement: allow, reason: 'key-policy+identity' };
  }
  const viaGrant = grantDecision(req);
  if (viaGrant !== null) return viaGrant;
  if (!sameAccount) return { decision: 'implicit-deny', reason: keyAllows === undefined ? 'cross-account' : 'no-identity-allow' };
  return { decision: 'implicit-deny', reason: delegated !== undefined ? 'no-identity-allow' : 'no-resource-allow' };
}

/** The AccessDeniedException for a refused request (messages.ts has the shapes and sources). */
export function accessDenied(req: Pick<AuthzRequest, 'action' | 'resource' | 'principal'>, d: AuthzDecision, options?: { ciphertext?: boolean }): InstanceType<typeof AccessDeniedException> {
  const reason = d.reason as DenialReason;
  return new AccessDeniedException(
    accessDeniedMessage({ principalArn: req.principal.arn, action: req.action, resource: req.resource, reason, ciphertext: options?.ciphertext }),
  );
}
