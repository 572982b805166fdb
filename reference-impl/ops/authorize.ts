/**
 * The authorize stage: every request is evaluated for the principal that signed it, against the
 * key policy, the caller's identity policies and the key's grants (the pure engine: authz/).
 *
 * Where it runs (README "request path"): IAM-only operations (CreateKey, ListKeys, ListAliases,
 * GenerateRandom, ListRetirableGrants, the custom key store operations) and the alias half of
 * CreateAlias / UpdateAlias / DeleteAlias are decided before the handler ({@link
 * RequestAuthorizer.beforeOperation}); everything about a key is decided when the handler
 * resolves the key (keys/keyring.ts calls `scope.authorize`), so a handler gets authorization
 * by resolving its key and needs no code of its own. The IAM action comes from the operation
 * (authz/actions.ts); ReEncrypt resolves its source as `ReEncryptFrom` and its destination as
 * `ReEncryptTo`.
 *
 * Cost on the hot path: key policies are compiled once per key and policy text
 * ({@link PolicyCache}); the default key policy takes the engine's fast path; the request
 * context (condition keys) is built only when a condition asks for it, and the key's aliases
 * only when a condition names kms:ResourceAliases; grants are read only when the policies do
 * not allow.
 *
 * Deliberate faults (faults.ts) live here too: `policy-ignored`, `deny-not-winning`,
 * `condition-keys-ignored`, `grant-constraints-ignored`, `cross-account-open`.
 *
 * @module
 */
import { randomBytes } from 'node:crypto';
import type { OperationName } from '../../common/model/model.js';
import {
  OPERATION_PERMISSIONS,
  accessDenied,
  checkLockout,
  compilePolicy,
  decodeGrantToken,
  encodeGrantToken,
  encryptionContextOf,
  encryptionContextValues,
  evaluate,
  requestContextFor,
  type AuthzDecision,
  type AuthzRequest,
  type CallerPrincipal,
  type CompiledPolicy,
  type ConditionContext,
  type GrantRecord,
  type GrantTokenContents,
  type KeyFacts,
  type RequestContext,
} from '../authz/index.js';
import { InvalidGrantTokenException } from '../errors.js';
import type { FaultSet } from '../faults.js';
import type { KeyAuthorizer } from '../keys/keyring.js';
import { aliasArn, isMultiRegionKeyId, storeIdOf, type KeyRecord } from '../records/key-records.js';
import type { KeyStore } from '../store/store.js';
import type { AuditNotes } from './context.js';
import { grantMsg } from './operation-messages.js';

/** Key policies compiled once per key id and policy text. */
export class PolicyCache {
  private readonly byKey = new Map<string, { text: string; compiled: CompiledPolicy }>();

  get(key: Pick<KeyRecord, 'keyId' | 'policy'>): CompiledPolicy {
    const hit = this.byKey.get(key.keyId);
    if (hit !== undefined && hit.text === key.policy) return hit.compiled;
    let compiled: CompiledPolicy;
    try {
      compiled = compilePolicy(key.policy, { kind: 'key' });
    } catch {
      // A stored policy the engine cannot read (written before policies were checked as strictly):
      // it allows nothing; the account root can still replace it with PutKeyPolicy's bypass flag.
      compiled = EMPTY_POLICY;
    }
    if (this.byKey.size >= 100_000) this.byKey.clear();
    this.byKey.set(key.keyId, { text: key.policy, compiled });
    return compiled;
  }
}

const EMPTY_POLICY: CompiledPolicy = { kind: 'key', statements: [], hasDeny: false, defaultForAccount: null, byAction: new Map() };

/** What the stage needs to know about one request. */
export interface AuthzRequestInfo {
  operation: string;
  input: Record<string, unknown>;
  caller: CallerPrincipal;
  identityPolicies: readonly CompiledPolicy[];
  notes: AuditNotes;
  region: string;
  sourceIp?: string;
}

const EC_PREFIX = 'kms:encryptioncontext:';

/**
 * One authorization request: the engine's {@link AuthzRequest}, whose condition keys (`context`)
 * are built only when a condition reads one — most evaluations never do — and whose grants are
 * read only when the engine asks (after the policies). A kms:EncryptionContext:* key is answered
 * from the request's context without building the rest; kms:ResourceAliases (a store read) only
 * when asked for. A class, not a Map subclass or an object literal with getters: both cost
 * microseconds per request in V8.
 */
class KeyRequest implements AuthzRequest {
  readonly principal: CallerPrincipal;
  readonly context: ConditionContext;
  readonly encryptionContext: Record<string, string> | undefined;
  private map: RequestContext | undefined;
  private aliasesLoaded = false;

  constructor(
    private readonly authorizer: Authorizer,
    private readonly r: AuthzRequestInfo,
    readonly action: string,
    readonly resource: string,
    readonly resourceAccount: string,
    readonly crossAccount: boolean,
    private readonly key: KeyRecord | null,
    private readonly side: 'source' | 'destination' | undefined,
  ) {
    this.principal = r.caller;
    this.context = this as unknown as ConditionContext;
    this.encryptionContext = encryptionContextOf(this.operation, r.input, side);
  }

  private get operation(): OperationName {
    return (this.side !== undefined ? 'ReEncrypt' : this.r.operation) as OperationName;
  }

  get grants(): readonly GrantRecord[] | undefined {
    return this.key === null ? undefined : this.authorizer.grantsOf(this.key);
  }

  /** The condition key `name` (lower-cased), as authz/conditions.ts reads it. */
  get(name: string): readonly string[] | undefined {
    if (this.map === undefined && name.startsWith(EC_PREFIX)) return encryptionContextValues(this.encryptionContext, name.slice(EC_PREFIX.length));
    const map = (this.map ??= this.build());
    if (name === 'kms:resourcealiases' && !this.aliasesLoaded && this.key !== null) {
      this.aliasesLoaded = true;
      const list = this.authorizer.aliasesOf(this.key);
      if (list.length > 0) map.set(name, list);
      else map.delete(name);
    }
    return map.get(name);
  }

  private build(): RequestContext {
    const { r, key, side } = this;
    return requestContextFor(this.operation, r.input, key === null ? null : keyFactsOf(key), r.caller, {
      now: Date.now(),
      secureTransport: false,
      ...(r.sourceIp !== undefined ? { sourceIp: r.sourceIp } : {}),
      ...(side !== undefined ? { reEncryptSide: side } : {}),
    });
  }
}

const REENCRYPT_SIDES: Record<string, 'source' | 'destination'> = { ReEncryptFrom: 'source', ReEncryptTo: 'destination' };

const keyFactsOf = (key: KeyRecord): KeyFacts => ({
  arn: key.arn,
  account: key.account,
  keySpec: key.keySpec,
  keyUsage: key.keyUsage,
  origin: key.origin,
  tags: key.tags,
  // kms:MultiRegion / kms:MultiRegionKeyType (a multi-Region key's record in this Region).
  multiRegion: isMultiRegionKeyId(key.keyId),
  ...(isMultiRegionKeyId(key.keyId) ? { multiRegionKeyType: key.primaryRegion === key.region ? ('PRIMARY' as const) : ('REPLICA' as const) } : {}),
});

/** Policy variants for the deliberate faults, made once per compiled policy. */
const withoutDenies = new WeakMap<CompiledPolicy, CompiledPolicy>();
const withoutConditions = new WeakMap<CompiledPolicy, CompiledPolicy>();
function variant(p: CompiledPolicy, faults: FaultSet): CompiledPolicy {
  let out = p;
  if (faults.has('deny-not-winning')) {
    let v = withoutDenies.get(out);
    if (v === undefined) {
      const src = out;
      v = { ...src, statements: src.statements.filter((s) => s.effect === 'Allow'), hasDeny: false, byAction: new Map() };
      withoutDenies.set(src, v);
    }
    out = v;
  }
  if (faults.has('condition-keys-ignored')) {
    let v = withoutConditions.get(out);
    if (v === undefined) {
      const src = out;
      v = { ...src, statements: src.statements.map((s) => ({ ...s, condition: null })), byAction: new Map() };
      withoutConditions.set(src, v);
    }
    out = v;
  }
  return out;
}

/** Decisions for the requests of one serving process. */
export class Authorizer {
  readonly policies = new PolicyCache();
  private readonly faulty: boolean;

  constructor(
    private readonly store: KeyStore,
    private readonly faults: FaultSet,
    /** Seals grant tokens (hsm/master-key.ts deriveGrantTokenKey: every worker agrees). */
    readonly grantTokenKey: Buffer,
  ) {
    this.faulty = faults.has('deny-not-winning') || faults.has('condition-keys-ignored');
  }

  /** The compiled policy of `key`, as this server (with its faults) evaluates it. */
  keyPolicy(key: KeyRecord): CompiledPolicy {
    const p = this.policies.get(key);
    return this.faulty ? variant(p, this.faults) : p;
  }

  private identities(r: AuthzRequestInfo): readonly CompiledPolicy[] {
    return this.faulty && r.identityPolicies.length > 0 ? r.identityPolicies.map((p) => variant(p, this.faults)) : r.identityPolicies;
  }

  /** The names of the key's aliases (kms:ResourceAliases). */
  aliasesOf(key: KeyRecord): string[] {
    return this.store.aliasesForKey(key.keyId).map((a) => a.name);
  }

  /** The key's grants, as this server (with its faults) reads them. */
  grantsOf(key: KeyRecord): readonly GrantRecord[] {
    const grants = this.store.grantsForKey(storeIdOf(key));
    if (!this.faults.has('grant-constraints-ignored') || grants.length === 0) return grants;
    return grants.map((g) => ({ ...g, constraints: undefined }));
  }

  /** IAM-only operations, and the alias half of alias operations: identity policies decide. */
  beforeOperation(r: AuthzRequestInfo): void {
    checkGrantTokens(r.input.GrantTokens, this.grantTokenKey);
    if (this.faults.has('policy-ignored')) return;
    const perm = OPERATION_PERMISSIONS[r.operation as OperationName];
    if (perm === undefined || perm.kind === 'key') return;
    let resource = '*';
    if (perm.kind === 'alias+key') {
      const name = r.input.AliasName;
      if (typeof name !== 'string') return;
      resource = aliasArn(r.region, r.caller.account, name);
    }
    const req = new KeyRequest(this, r, perm.actions[0]!, resource, r.caller.account, true, null, undefined);
    this.decide(req, evaluate(req, null, this.identities(r)), r.notes, false);
  }

  /** The authorizer key resolution calls for this request. */
  keyAuthorizer(r: AuthzRequestInfo): KeyAuthorizer {
    return (key, operation, options) => this.authorizeKey(r, key, operation, options.ciphertext === true);
  }

  private authorizeKey(r: AuthzRequestInfo, key: KeyRecord, operation: string, ciphertext: boolean): void {
    if (this.faults.has('policy-ignored')) return;
    if (this.faults.has('cross-account-open') && key.account !== r.caller.account) return;
    const side = REENCRYPT_SIDES[operation];
    // A handler names its operation when it resolves a key; a name that is no operation falls back
    // to the request's own, so a key is never resolved unauthorized.
    const named = OPERATION_PERMISSIONS[(side !== undefined ? 'ReEncrypt' : operation) as OperationName];
    const perm = named ?? OPERATION_PERMISSIONS[r.operation as OperationName];
    if (perm === undefined || perm.kind === 'iam') return; // e.g. ListAliases with a KeyId: decided before the handler
    const action = side === 'destination' ? perm.actions[1]! : perm.actions[0]!;
    const req = new KeyRequest(this, r, action, key.arn, key.account, perm.crossAccount, key, side);
    this.decide(req, evaluate(req, this.keyPolicy(key), this.identities(r)), r.notes, ciphertext);
  }

  private decide(req: AuthzRequest, d: AuthzDecision, notes: AuditNotes, ciphertext: boolean): void {
    notes.authz = d;
    if (d.decidingStatement?.source === 'grant') notes.grantId = req.grants?.[d.decidingStatement.index]?.grantId;
    if (d.decision !== 'allow') throw accessDenied(req, d, ciphertext ? { ciphertext } : undefined);
  }
}

/**
 * A grant token this server issued: the sealed part (authz/grant-token.ts), then `.` and a nonce
 * that makes every CreateGrant answer's token unique. Its contents, or null when it is not ours.
 */
export function openGrantToken(token: string, hmacKey: Buffer): GrantTokenContents | null {
  const dot = token.indexOf('.');
  return decodeGrantToken(dot < 0 ? token : token.slice(0, dot), hmacKey);
}

/** A token for a new grant (see {@link openGrantToken}). */
export function issueGrantToken(contents: GrantTokenContents, hmacKey: Buffer): string {
  return `${encodeGrantToken(contents, hmacKey)}.${randomBytes(6).toString('base64url')}`;
}

/**
 * Grant tokens, on every operation that takes them: each must be one this server issued, else
 * InvalidGrantTokenException. Grants take effect at once here (no eventual consistency is
 * simulated), so a valid token adds nothing the stored grant does not.
 */
export function checkGrantTokens(tokens: unknown, hmacKey: Buffer): void {
  if (!Array.isArray(tokens)) return;
  for (const t of tokens) {
    if (typeof t !== 'string' || openGrantToken(t, hmacKey) === null) throw new InvalidGrantTokenException(grantMsg.invalidToken);
  }
}

/**
 * A key policy about to be attached (CreateKey, PutKeyPolicy, ReplicateKey): parsed by the engine
 * (MalformedPolicyDocumentException, authz/document.ts) and checked for lockout (authz/lockout.ts:
 * it must let `caller` call PutKeyPolicy later, unless `bypass`). ops/guards.ts checks the size first.
 */
export function checkKeyPolicyDocument(policy: string, caller: CallerPrincipal, key: KeyFacts, options: { bypass: boolean; now: number }): void {
  checkLockout(compilePolicy(policy, { kind: 'key' }), caller, key, options);
}
