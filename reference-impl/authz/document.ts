/**
 * Policy documents (key policies and IAM identity policies): parsed, checked and compiled once,
 * so that evaluating a request costs a few map lookups and the compiled conditions.
 *
 * Elements: Version (2012-10-17 or 2008-10-17, optional), Id, Statement (object or array);
 * per statement Sid, Effect, Principal/NotPrincipal (key policies only), Action/NotAction,
 * Resource/NotResource, Condition
 * (https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-overview.html,
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements.html).
 *
 * A statement without Action or without Resource is accepted but has no effect: "If either of
 * the required Resource or Action elements are missing from a key policy statement, the policy
 * statement has no effect ... the CreateKey and PutKeyPolicy API requests succeed" (CreateKey
 * `Policy` parameter, https://docs.aws.amazon.com/kms/latest/APIReference/API_CreateKey.html).
 *
 * Action names compare case-insensitively ("kms:encrypt" = "kms:Encrypt",
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html);
 * resources case-sensitively. In a key policy, Resource `"*"` means this key ("Because a key
 * policy applies only to the KMS key that it is attached to, the value of its Resource element is
 * always "*"", kms-api-permissions-reference) — the request's resource is the key ARN, which `*` matches.
 *
 * The policy size limit (32 KiB, LimitExceededException) is checked by the caller before parsing.
 *
 * @module
 */
import { MalformedPolicyDocumentException } from '../errors.js';
import { compileConditionBlock, type CompiledCondition } from './conditions.js';
import { malformedMsg } from './messages.js';
import { compilePrincipal, type PrincipalMatcher } from './principal.js';
import { compileGlobSet, type Matcher } from './wildcard.js';

export type PolicyKind = 'key' | 'identity';

export interface CompiledStatement {
  readonly index: number;
  readonly sid?: string;
  readonly effect: 'Allow' | 'Deny';
  /** Key policies only. */
  readonly principal: PrincipalMatcher | null;
  /** Takes the lower-cased action. */
  readonly action: Matcher;
  readonly resource: Matcher;
  readonly condition: CompiledCondition | null;
}

export interface CompiledPolicy {
  readonly kind: PolicyKind;
  /** Effective statements only (those with Action and Resource), in document order. */
  readonly statements: readonly CompiledStatement[];
  readonly hasDeny: boolean;
  /**
   * Set when the document is equivalent to the default key policy: one unconditioned Allow of
   * `kms:*` (or `*`) on `*` to this account's root. Evaluation takes a fast path for it.
   */
  readonly defaultForAccount: string | null;
  /** Lazily filled: action as asked (any case) → the statements whose Action/NotAction covers it. */
  readonly byAction: Map<string, readonly CompiledStatement[]>;
}

export interface ParseOptions {
  kind: PolicyKind;
  /** Optional existence check for IAM principals named in a key policy. */
  principalExists?: (arn: string) => boolean;
}

const malformed = (msg: string): never => {
  throw new MalformedPolicyDocumentException(msg);
};

const stringList = (v: unknown, msg: string): string[] => {
  const list = Array.isArray(v) ? v : [v];
  if (list.length === 0 || !list.every((x) => typeof x === 'string')) return malformed(msg);
  return list as string[];
};

const not = (m: Matcher): Matcher => (s) => !m(s);

function compileStatement(raw: unknown, index: number, opts: ParseOptions): CompiledStatement | null {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return malformed(malformedMsg.statementNotObject);
  const st = raw as Record<string, unknown>;
  if (st.Effect !== 'Allow' && st.Effect !== 'Deny') return malformed(malformedMsg.effect);
  if (st.Action !== undefined && st.NotAction !== undefined) return malformed(malformedMsg.actionAndNotAction);
  if (st.Resource !== undefined && st.NotResource !== undefined) return malformed(malformedMsg.resourceAndNotResource);

  let principal: PrincipalMatcher | null = null;
  if (opts.kind === 'key') {
    if (st.Principal !== undefined && st.NotPrincipal !== undefined) return malformed(malformedMsg.principalAndNotPrincipal);
    if (st.Principal === undefined && st.NotPrincipal === undefined) return malformed(malformedMsg.noPrincipal);
    const notP = st.NotPrincipal !== undefined;
    principal = compilePrincipal(notP ? st.NotPrincipal : st.Principal, notP, opts.principalExists);
  } else if (st.Principal !== undefined || st.NotPrincipal !== undefined) {
    return malformed(malformedMsg.principalInIdentityPolicy);
  }

  const compiled = st.Condition === undefined ? null : compileConditionBlock(st.Condition);
  if (compiled !== null && opts.kind === 'key') {
    for (const { op, key } of compiled.entries) {
      if (op.set !== 'all') continue;
      if (key.startsWith('kms:encryptioncontext:')) malformed(malformedMsg.forAllValuesEncryptionContext);
      if (key.startsWith('aws:requesttag/')) malformed(malformedMsg.forAllValuesRequestTag);
    }
  }

  const actionRaw = st.Action ?? st.NotAction;
  const resourceRaw = st.Resource ?? st.NotResource;
  const actions = actionRaw === undefined ? null : stringList(actionRaw, malformedMsg.action).map((a) => a.toLowerCase());
  const resources = resourceRaw === undefined ? null : stringList(resourceRaw, malformedMsg.resource);
  if (st.Sid !== undefined && typeof st.Sid !== 'string') return malformed(malformedMsg.statementNotObject);
  // Missing Action or Resource: accepted, but the statement has no effect (module doc).
  if (actions === null || resources === null) return null;

  const actionMatch = compileGlobSet(actions);
  const resourceMatch = compileGlobSet(resources);
  return {
    index,
    sid: st.Sid as string | undefined,
    effect: st.Effect,
    principal,
    action: st.NotAction !== undefined ? not(actionMatch) : actionMatch,
    resource: st.NotResource !== undefined ? not(resourceMatch) : resourceMatch,
    condition: compiled?.test ?? null,
  };
}

function defaultAccount(statements: readonly unknown[], compiled: readonly CompiledStatement[]): string | null {
  if (statements.length !== 1 || compiled.length !== 1) return null;
  const st = statements[0] as Record<string, unknown>;
  const p = compiled[0].principal;
  if (st.Effect !== 'Allow' || st.Condition !== undefined || p === null || p.not || p.any) return null;
  if (p.accounts.size !== 1 || p.arns.size + p.roles.size + p.services.size !== 0) return null;
  const actions = Array.isArray(st.Action) ? st.Action : [st.Action];
  const resources = Array.isArray(st.Resource) ? st.Resource : [st.Resource];
  if (!actions.some((a) => a === '*' || (typeof a === 'string' && a.toLowerCase() === 'kms:*'))) return null;
  if (!resources.includes('*')) return null;
  return [...p.accounts][0];
}

/**
 * Parses, checks and compiles a policy document (JSON text or an already-parsed object).
 * @throws MalformedPolicyDocumentException with AWS's message where one is known (messages.ts).
 */
export function compilePolicy(doc: string | object, opts: ParseOptions): CompiledPolicy {
  let parsed: unknown = doc;
  if (typeof doc === 'string') {
    try {
      parsed = JSON.parse(doc);
    } catch {
      return malformed(malformedMsg.notJson);
    }
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return malformed(malformedMsg.notObject);
  const d = parsed as Record<string, unknown>;
  if (d.Version !== undefined && d.Version !== '2012-10-17' && d.Version !== '2008-10-17') return malformed(malformedMsg.version);
  const raw = Array.isArray(d.Statement) ? d.Statement : d.Statement === undefined ? [] : [d.Statement];
  if (raw.length === 0) return malformed(malformedMsg.noStatement);
  const statements: CompiledStatement[] = [];
  raw.forEach((s, i) => {
    const c = compileStatement(s, i, opts);
    if (c !== null) statements.push(c);
  });
  return {
    kind: opts.kind,
    statements,
    hasDeny: statements.some((s) => s.effect === 'Deny'),
    defaultForAccount: opts.kind === 'key' ? defaultAccount(raw, statements) : null,
    byAction: new Map(),
  };
}

/**
 * Statements whose Action/NotAction covers `action` (compared case-insensitively), cached per
 * policy under the action string as given — callers pass the constant strings of actions.ts, so
 * the hot path is one Map lookup without lower-casing.
 */
export function statementsFor(policy: CompiledPolicy, action: string): readonly CompiledStatement[] {
  let list = policy.byAction.get(action);
  if (list === undefined) {
    const lc = action.toLowerCase();
    list = policy.statements.filter((s) => s.action(lc));
    // Bounded by the number of distinct actions asked about; guard against arbitrary input anyway.
    if (policy.byAction.size < 512) policy.byAction.set(action, list);
  }
  return list;
}
