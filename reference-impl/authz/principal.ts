/**
 * Principals: the caller as authenticated, and the Principal / NotPrincipal element of a key
 * policy compiled into a matcher.
 *
 * Accepted Principal forms (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html):
 * `"*"`, `{"AWS": "*"}`, `{"AWS": <account id | arn:aws:iam::ACCT:root | user ARN | role ARN |
 * assumed-role session ARN | federated-user ARN>}` (string or array), `{"Service": "<name>.amazonaws.com"}`.
 * "You cannot use a wildcard to match part of a principal name or ARN" (same page), so a `*`
 * anywhere but alone is an invalid principal, answered with AWS's
 * "Policy contains a statement with one or more invalid principals." (aws-observed.md 6.4; the
 * re:Post article https://repost.aws/knowledge-center/kms-policy-error-invalid-principals lists
 * wildcards in the ARN and orphaned unique ids (AIDA...) as causes). An empty principal list is
 * "Policy contains a statement with no principal." (terraform-aws-modules/terraform-aws-eks#2163).
 *
 * Matching a caller:
 * - `direct`: the statement names the caller itself — its user ARN, its session ARN, the role
 *   of its session, `*`, or (Service) its service principal. Within the account this alone
 *   allows ("If a resource-based policy grants permission directly to the IAM user or the
 *   session principal ... an implicit deny in an identity-based policy ... does not impact the
 *   final decision"; a role ARN is limited only by permissions boundaries and session policies,
 *   which this server does not model —
 *   https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html).
 * - `account`: the statement names the caller's account (root ARN or bare id). That delegates to
 *   IAM: the caller's identity policies must allow too
 *   (https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-default.html#key-policy-default-allow-root-enable-iam).
 * - A policy role ARN matches sessions of that role by account and role name: session ARNs carry
 *   no role path (`arn:aws:sts::ACCT:assumed-role/NAME/SESSION`).
 * - NotPrincipal: AWS "might validate the account first, then the role, and then the
 *   assumed-role user", so the statement applies unless the account, the role (for a session)
 *   and the caller are all listed
 *   (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notprincipal.html).
 *
 * @module
 */
import { MalformedPolicyDocumentException } from '../errors.js';
import { PRINCIPAL_ARN, type CallerPrincipal } from '../records/caller-principal.js';
import { malformedMsg } from './messages.js';

// The caller as authenticated is read by records/caller-principal.ts (auth/ needs it without the engine).
export { callerPrincipal, type CallerPrincipal } from '../records/caller-principal.js';

const ACCOUNT = /^\d{12}$/;

export type PrincipalMatch = 'direct' | 'account' | null;

export interface PrincipalMatcher {
  readonly not: boolean;
  readonly any: boolean;
  readonly accounts: ReadonlySet<string>;
  readonly arns: ReadonlySet<string>;
  readonly roles: ReadonlySet<string>;
  readonly services: ReadonlySet<string>;
}

const invalid = (): never => {
  throw new MalformedPolicyDocumentException(malformedMsg.invalidPrincipals);
};

const asList = (v: unknown): unknown[] => (Array.isArray(v) ? v : [v]);

/**
 * Compiles a Principal (or NotPrincipal) element.
 * @param exists optional check that a named IAM principal exists ("The principals in the key
 *   policy must exist and be visible to KMS", CreateKey Policy parameter, API reference).
 */
export function compilePrincipal(raw: unknown, not: boolean, exists?: (arn: string) => boolean): PrincipalMatcher {
  const accounts = new Set<string>();
  const arns = new Set<string>();
  const roles = new Set<string>();
  const services = new Set<string>();
  let any = false;
  let count = 0;
  const addAws = (v: unknown): void => {
    if (typeof v !== 'string') return invalid();
    count++;
    if (v === '*') {
      any = true;
      return;
    }
    if (ACCOUNT.test(v)) {
      accounts.add(v);
      return;
    }
    if (v.includes('*') || v.includes('?')) return invalid();
    const m = PRINCIPAL_ARN.exec(v);
    if (m === null) return invalid();
    const [, , service, account, rest] = m;
    if (rest === 'root') {
      if (service !== 'iam') return invalid();
      accounts.add(account);
      return;
    }
    if ((rest.startsWith('user/') || rest.startsWith('role/')) !== (service === 'iam')) return invalid();
    if (exists !== undefined && !exists(v)) return invalid();
    if (rest.startsWith('role/')) roles.add(`${account}:${rest.slice(rest.lastIndexOf('/') + 1)}`);
    else arns.add(v);
  };
  if (raw === '*') {
    any = true;
    count = 1;
  } else if (typeof raw === 'object' && raw !== null && !Array.isArray(raw)) {
    for (const [type, value] of Object.entries(raw as Record<string, unknown>)) {
      if (type === 'AWS') asList(value).forEach(addAws);
      else if (type === 'Service') {
        for (const s of asList(value)) {
          if (typeof s !== 'string' || !/^[a-z0-9-]+(\.[a-z0-9-]+)*\.amazonaws\.com(\.cn)?$/.test(s)) return invalid();
          services.add(s);
          count++;
        }
      } else {
        // INFERRED: Federated / CanonicalUser principals are not meaningful for KMS keys.
        return invalid();
      }
    }
  } else {
    return invalid();
  }
  if (count === 0) throw new MalformedPolicyDocumentException(malformedMsg.noPrincipal);
  return { not, any, accounts, arns, roles, services };
}

/** How a compiled Principal/NotPrincipal element applies to the caller. */
export function matchPrincipal(p: PrincipalMatcher, c: CallerPrincipal): PrincipalMatch {
  if (!p.not) {
    if (p.any) return 'direct';
    if (c.service !== undefined) return p.services.has(c.service) ? 'direct' : null;
    if (p.arns.has(c.arn)) return 'direct';
    if (c.roleKey !== undefined && p.roles.has(c.roleKey)) return 'direct';
    if (p.accounts.has(c.account)) return c.isRoot ? 'direct' : 'account';
    return null;
  }
  if (p.any) return null;
  if (c.service !== undefined) return p.services.has(c.service) ? null : 'direct';
  const accountListed = p.accounts.has(c.account);
  const roleListed = c.roleKey === undefined || p.roles.has(c.roleKey);
  const selfListed = c.isRoot ? accountListed : p.arns.has(c.arn);
  return accountListed && roleListed && selfListed ? null : 'direct';
}
