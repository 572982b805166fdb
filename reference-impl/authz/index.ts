/**
 * Authorization for the reference server: policy documents compiled once (document.ts),
 * the decision for a request (evaluate.ts), the request context of condition keys (context.ts),
 * the operation → IAM action table (actions.ts), AWS's denial wording (messages.ts), the lockout
 * check (lockout.ts) and grants (grants.ts, grant-token.ts). Pure: no I/O, no clock of its own.
 *
 * Typical wiring for a key operation:
 *
 * ```ts
 * const perm = OPERATION_PERMISSIONS[op];
 * const context = requestContextFor(op, input, keyFacts, caller, { now: Date.now() });
 * const d = evaluate({ action: perm.actions[0], resource: key.arn, resourceAccount: key.account,
 *   principal: caller, context, crossAccount: perm.crossAccount, grants }, compiledKeyPolicy, identityPolicies);
 * if (d.decision !== 'allow') throw accessDenied(req, d);
 * ```
 *
 * @module
 */
export { CROSS_ACCOUNT_OPERATIONS, OPERATION_PERMISSIONS, type OperationPermission, type PermissionKind } from './actions.js';
export { compileConditionBlock, parseOperator, type CompiledCondition, type ConditionContext } from './conditions.js';
export { encryptionContextOf, encryptionContextValues, requestContextFor, type ContextExtras, type KeyFacts, type RequestContext } from './context.js';
export { compilePolicy, statementsFor, type CompiledPolicy, type CompiledStatement, type ParseOptions, type PolicyKind } from './document.js';
export { accessDenied, evaluate, type AuthzDecision, type AuthzRequest, type DecidingStatement } from './evaluate.js';
export { decodeGrantToken, encodeGrantToken, isGrantId, newGrantId, type GrantTokenContents } from './grant-token.js';
export {
  ENCRYPTION_CONTEXT_OPERATIONS,
  GRANT_OPERATIONS,
  childGrantWithin,
  constraintsSatisfied,
  findAllowingGrant,
  grantAllows,
  grantMsg,
  grantOperationsFor,
  grantRequestProblem,
  mayRetire,
  type GrantConstraints,
  type GrantOperation,
  type GrantRecord,
} from './grants.js';
export { allowsFuturePutKeyPolicy, checkLockout } from './lockout.js';
export { accessDeniedMessage, malformedMsg, type DenialReason } from './messages.js';
export { callerPrincipal, compilePrincipal, matchPrincipal, type CallerPrincipal, type PrincipalMatch } from './principal.js';
