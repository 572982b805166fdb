/**
 * Grants: CreateGrant, ListGrants, ListRetirableGrants, RetireGrant, RevokeGrant. What a grant
 * allows is the engine's (authz/grants.ts); using one needs no code here: the authorize stage
 * (ops/authorize.ts) reads a key's grants when its policies do not allow a request.
 *
 * Sources: the API reference of each operation (service model docs); grant constraints, child
 * grants and retiring as cited in authz/grants.ts. Grants take effect at once: the eventual
 * consistency of real KMS (a new grant may take up to five minutes to work everywhere,
 * https://docs.aws.amazon.com/kms/latest/developerguide/grants.html#terms-eventual-consistency)
 * is not simulated, so grant tokens are checked (ops/authorize.ts checkGrantTokens) but never needed.
 *
 * @module
 */
import { randomBytes } from 'node:crypto';
import {
  AccessDeniedException,
  DryRunOperationException,
  InvalidGrantIdException,
  InvalidGrantTokenException,
  LimitExceededException,
  NotFoundException,
  ValidationException,
} from '../errors.js';
import {
  accessDeniedMessage,
  childGrantWithin,
  grantRequestProblem,
  isGrantId,
  mayRetire,
  newGrantId,
  callerPrincipal,
  type CallerPrincipal,
} from '../authz/index.js';
import { requireEnabledForUse } from '../keys/key-state.js';
import { keyIdOfArn, type GrantConstraints, type GrantRecord } from '../records/grant-records.js';
import { epochSeconds, storeIdOf, type KeyRecord } from '../records/key-records.js';
import { page } from '../reply/pagination.js';
import type {
  CreateGrantRequest,
  ListGrantsRequest,
  ListRetirableGrantsRequest,
  RetireGrantRequest,
  RevokeGrantRequest,
} from '../../common/model/schemas.js';
import { issueGrantToken, openGrantToken } from './authorize.js';
import type { OpContext } from './context.js';
import { cryptoMsg, grantMsg } from './operation-messages.js';

/** Resource quota: grants per KMS key (facts sheet; the current quota page lists no per-principal limit). */
export const MAX_GRANTS_PER_KEY = 50_000;
const DEFAULT_GRANT_LIMIT = 50;

const callerOf = (ctx: OpContext): CallerPrincipal => ctx.caller ?? callerPrincipal(ctx.scope.principalArn);
const tokenKey = (ctx: OpContext): Buffer => ctx.grantTokenKey ?? (fallbackKey ??= randomBytes(32));
let fallbackKey: Buffer | undefined;

function dryRun(flag: boolean | undefined): void {
  if (flag) throw new DryRunOperationException(cryptoMsg.dryRun);
}

/** Constraints as stored: only the members given, never an empty object. */
function constraintsOf(c: CreateGrantRequest['Constraints']): GrantConstraints | undefined {
  if (c === undefined) return undefined;
  const out: GrantConstraints = {};
  if (c.EncryptionContextEquals !== undefined) out.EncryptionContextEquals = c.EncryptionContextEquals;
  if (c.EncryptionContextSubset !== undefined) out.EncryptionContextSubset = c.EncryptionContextSubset;
  return out.EncryptionContextEquals === undefined && out.EncryptionContextSubset === undefined ? undefined : out;
}

const sameSet = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((x) => b.includes(x));
const sameJson = (a: unknown, b: unknown): boolean => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** A grant with this Name and the same parameters: CreateGrant answers it again instead of a duplicate. */
function sameGrant(g: GrantRecord, want: Omit<GrantRecord, 'grantId' | 'creationDate' | 'issuingAccount'>): boolean {
  return (
    g.name === want.name &&
    g.granteePrincipal === want.granteePrincipal &&
    g.retiringPrincipal === want.retiringPrincipal &&
    sameSet(g.operations, want.operations) &&
    sameJson(g.constraints?.EncryptionContextEquals, want.constraints?.EncryptionContextEquals) &&
    sameJson(g.constraints?.EncryptionContextSubset, want.constraints?.EncryptionContextSubset)
  );
}

export function createGrant(input: CreateGrantRequest, ctx: OpContext): object {
  const key = ctx.keyring.resolve(ctx.scope, input.KeyId, { aliases: false, operation: 'CreateGrant' });
  ctx.audit.resources = [key.arn];
  requireEnabledForUse(key);
  const constraints = constraintsOf(input.Constraints);
  const problem = grantRequestProblem({ operations: input.Operations, constraints }, key.keyUsage, key.keySpec);
  if (problem !== null) throw new ValidationException(problem);
  // Permission from a grant: the new grant may not be broader than that grant (authz/grants.ts).
  if (ctx.audit.authz?.decidingStatement?.source === 'grant') {
    const parent = ctx.keyring.store.grantsForKey(storeIdOf(key)).find((g) => g.grantId === ctx.audit.grantId);
    if (parent !== undefined && !childGrantWithin(parent, { operations: input.Operations, constraints })) {
      throw new AccessDeniedException(
        accessDeniedMessage({ principalArn: callerOf(ctx).arn, action: 'kms:CreateGrant', resource: key.arn, reason: 'no-resource-allow' }),
      );
    }
  }
  const want = {
    keyArn: key.arn,
    granteePrincipal: input.GranteePrincipal,
    ...(input.RetiringPrincipal !== undefined ? { retiringPrincipal: input.RetiringPrincipal } : {}),
    operations: [...new Set(input.Operations)],
    ...(constraints !== undefined ? { constraints } : {}),
    ...(input.Name !== undefined ? { name: input.Name } : {}),
  };
  const grantId = ctx.keyring.store.write(() => {
    // Name makes a retry idempotent: the same parameters answer the grant already made.
    if (input.Name !== undefined) {
      const existing = ctx.keyring.store.grantsForKey(storeIdOf(key)).find((g) => sameGrant(g, want));
      if (existing !== undefined) {
        dryRun(input.DryRun);
        return existing.grantId;
      }
    }
    if (ctx.keyring.store.countGrantsForKey(storeIdOf(key)) >= MAX_GRANTS_PER_KEY) throw new LimitExceededException(grantMsg.tooMany(key.arn, MAX_GRANTS_PER_KEY));
    dryRun(input.DryRun);
    const grant: GrantRecord = { grantId: newGrantId(), ...want, issuingAccount: `arn:aws:iam::${callerOf(ctx).account}:root`, creationDate: ctx.scope.now };
    ctx.keyring.store.putGrant(grant);
    return grant.grantId;
  });
  // "the returned grant token is unique with every CreateGrant request, even when a duplicate GrantId is returned" (CreateGrant Name).
  return { GrantToken: issueGrantToken({ grantId, keyArn: key.arn }, tokenKey(ctx)), GrantId: grantId };
}

/** The GrantListEntry of a grant (ListGrants, ListRetirableGrants). */
function entry(g: GrantRecord): Record<string, unknown> {
  const out: Record<string, unknown> = {
    KeyId: g.keyArn,
    GrantId: g.grantId,
    Name: g.name ?? '',
    CreationDate: epochSeconds(g.creationDate),
    GranteePrincipal: g.granteePrincipal,
  };
  if (g.retiringPrincipal !== undefined) out.RetiringPrincipal = g.retiringPrincipal;
  out.IssuingAccount = g.issuingAccount;
  out.Operations = g.operations;
  if (g.constraints !== undefined) out.Constraints = g.constraints;
  return out;
}

/** Grants in creation order, paginated by their position in that order. */
function listed(grants: readonly GrantRecord[], limit: number | undefined, marker: string | undefined): object {
  const numbered = grants.map((g, i) => ({ g, pos: i.toString().padStart(10, '0') }));
  const p = page(numbered, (x) => x.pos, limit ?? DEFAULT_GRANT_LIMIT, marker);
  const Grants = p.items.map((x) => entry(x.g));
  return p.truncated ? { Grants, NextMarker: p.nextMarker, Truncated: true } : { Grants, Truncated: false };
}

export function listGrants(input: ListGrantsRequest, ctx: OpContext): object {
  const key = ctx.keyring.resolve(ctx.scope, input.KeyId, { aliases: false, operation: 'ListGrants' });
  ctx.audit.resources = [key.arn];
  const grants = ctx.keyring.store
    .grantsForKey(storeIdOf(key))
    .filter((g) => (input.GrantId === undefined || g.grantId === input.GrantId) && (input.GranteePrincipal === undefined || g.granteePrincipal === input.GranteePrincipal));
  return listed(grants, input.Limit, input.Marker);
}

export function listRetirableGrants(input: ListRetirableGrantsRequest, ctx: OpContext): object {
  return listed(ctx.keyring.store.grantsByRetiringPrincipal(input.RetiringPrincipal), input.Limit, input.Marker);
}

/** The grant a RetireGrant/RevokeGrant names by key and grant id. */
function grantOnKey(ctx: OpContext, key: KeyRecord, grantId: string): GrantRecord {
  if (!isGrantId(grantId)) throw new InvalidGrantIdException(grantMsg.invalidGrantId);
  const grant = ctx.keyring.store.grantsForKey(storeIdOf(key)).find((g) => g.grantId === grantId);
  if (grant === undefined) throw new NotFoundException(grantMsg.notFound(grantId));
  return grant;
}

export function retireGrant(input: RetireGrantRequest, ctx: OpContext): object {
  let grant: GrantRecord | undefined;
  let key: KeyRecord | undefined;
  if (input.GrantToken !== undefined) {
    const contents = openGrantToken(input.GrantToken, tokenKey(ctx));
    if (contents === null) throw new InvalidGrantTokenException(grantMsg.invalidToken);
    grant = ctx.keyring.store.getGrant(contents.grantId);
    if (grant === undefined) throw new NotFoundException(grantMsg.notFound(contents.grantId));
    key = ctx.keyring.byId(keyIdOfArn(grant.keyArn), ctx.scope.now);
    if (key === undefined) throw new NotFoundException(grantMsg.notFound(contents.grantId));
  } else {
    if (input.KeyId === undefined || input.GrantId === undefined) throw new ValidationException(grantMsg.retireNeedsTokenOrIds);
    // Find the key without authorizing: the grant itself decides who may retire it.
    key = ctx.keyring.resolve(ctx.scope, input.KeyId, { aliases: false, operation: 'RetireGrant', authorize: false });
    grant = grantOnKey(ctx, key, input.GrantId);
  }
  ctx.audit.resources = [key.arn];
  // The retiring principal, a grantee with RetireGrant, or the issuing account; else kms:RetireGrant in the policies.
  if (!mayRetire(grant, callerOf(ctx))) ctx.keyring.resolve(ctx.scope, key.arn, { aliases: false, operation: 'RetireGrant' });
  dryRun(input.DryRun);
  const gone = grant;
  ctx.keyring.store.write(() => ctx.keyring.store.deleteGrant(gone));
  return {};
}

export function revokeGrant(input: RevokeGrantRequest, ctx: OpContext): object {
  const key = ctx.keyring.resolve(ctx.scope, input.KeyId, { aliases: false, operation: 'RevokeGrant' });
  ctx.audit.resources = [key.arn];
  const grant = grantOnKey(ctx, key, input.GrantId);
  dryRun(input.DryRun);
  ctx.keyring.store.write(() => ctx.keyring.store.deleteGrant(grant));
  return {};
}
