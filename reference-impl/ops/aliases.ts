/**
 * CreateAlias, UpdateAlias, DeleteAlias, ListAliases.
 *
 * @module
 */
import {
  AlreadyExistsException,
  InvalidAliasNameException,
  LimitExceededException,
  NotFoundException,
  ValidationException,
} from '../errors.js';
import { AWS_ALIAS_PREFIX, AWS_MANAGED_SERVICES } from '../keys/aws-managed.js';
import { requireNotPendingDeletion } from '../keys/key-state.js';
import { aliasArn, epochSeconds, keyIdOfStoreId, storeIdOf, type AliasRecord, type KeyRecord } from '../records/key-records.js';
import type { CreateAliasRequest, DeleteAliasRequest, ListAliasesRequest, UpdateAliasRequest } from '../../common/model/schemas.js';
import type { OpContext } from './context.js';
import { aliasMsg } from './operation-messages.js';
import { page } from '../reply/pagination.js';

export const MAX_ALIASES_PER_KEY = 50;

/** Checks a customer alias name: `alias/` prefix, not `alias/aws/`. */
function checkCustomerAliasName(name: string): void {
  if (!name.startsWith('alias/')) throw new ValidationException(aliasMsg.mustStartWithAlias);
  if (name.startsWith(AWS_ALIAS_PREFIX)) throw new InvalidAliasNameException(aliasMsg.reserved);
  if (name.length === 'alias/'.length) throw new InvalidAliasNameException('Alias name must not be empty after "alias/"');
}

/** The target key of CreateAlias/UpdateAlias: key id or key ARN only, customer managed. */
function targetKey(ctx: OpContext, text: string, operation: string): KeyRecord {
  if (text.startsWith('alias/') || /^arn:[^:]*:kms:[^:]*:[^:]*:alias\//.test(text)) {
    throw new ValidationException(aliasMsg.targetIsAlias);
  }
  const key = ctx.keyring.resolve(ctx.scope, text, { aliases: false, operation });
  requireNotPendingDeletion(key);
  return key;
}

/** Authorizes `operation` on the key an alias points to (a key that is gone needs nothing). */
function authorizeAliasKey(ctx: OpContext, keyId: string, operation: string): void {
  const key = ctx.keyring.byId(keyId, ctx.scope.now);
  if (key) ctx.keyring.resolve(ctx.scope, key.arn, { aliases: false, operation });
}

export function createAlias(input: CreateAliasRequest, ctx: OpContext): object {
  checkCustomerAliasName(input.AliasName);
  const key = targetKey(ctx, input.TargetKeyId, 'CreateAlias');
  const { account, region, now } = ctx.scope;
  const arn = aliasArn(region, account, input.AliasName);
  ctx.audit.resources = [arn, key.arn];
  ctx.keyring.store.write(() => {
    if (ctx.keyring.store.getAlias(account, region, input.AliasName)) {
      throw new AlreadyExistsException(aliasMsg.alreadyExists(arn));
    }
    if (ctx.keyring.store.countAliasesForKey(storeIdOf(key)) >= MAX_ALIASES_PER_KEY) {
      throw new LimitExceededException(aliasMsg.tooMany(key.arn));
    }
    // Aliases point at store ids: a multi-Region key's record in this Region.
    ctx.keyring.store.putAlias({ account, region, name: input.AliasName, targetKeyId: storeIdOf(key), createdAt: now, updatedAt: now });
  });
  return {};
}

export function updateAlias(input: UpdateAliasRequest, ctx: OpContext): object {
  checkCustomerAliasName(input.AliasName);
  const { account, region, now } = ctx.scope;
  const arn = aliasArn(region, account, input.AliasName);
  const key = targetKey(ctx, input.TargetKeyId, 'UpdateAlias');
  ctx.audit.resources = [arn, key.arn];
  // kms:UpdateAlias is needed on the key the alias points to now, too (API reference, Required permissions).
  const currentId = ctx.keyring.store.getAlias(account, region, input.AliasName)?.targetKeyId;
  if (currentId) authorizeAliasKey(ctx, currentId, 'UpdateAlias');
  ctx.keyring.store.write(() => {
    const alias = ctx.keyring.store.getAlias(account, region, input.AliasName);
    if (!alias) throw new NotFoundException(aliasMsg.notFound(arn));
    const current = alias.targetKeyId ? ctx.keyring.store.getKey(alias.targetKeyId) : undefined;
    if (current && (current.keySpec !== key.keySpec || current.keyUsage !== key.keyUsage)) {
      throw new ValidationException(aliasMsg.differentKeyType(arn));
    }
    const target = storeIdOf(key);
    if (alias.targetKeyId !== target && ctx.keyring.store.countAliasesForKey(target) >= MAX_ALIASES_PER_KEY) {
      throw new LimitExceededException(aliasMsg.tooMany(key.arn));
    }
    ctx.keyring.store.putAlias({ ...alias, targetKeyId: target, updatedAt: now });
  });
  return {};
}

export function deleteAlias(input: DeleteAliasRequest, ctx: OpContext): object {
  checkCustomerAliasName(input.AliasName);
  const { account, region } = ctx.scope;
  const arn = aliasArn(region, account, input.AliasName);
  ctx.audit.resources = [arn];
  // kms:DeleteAlias is needed on the key the alias points to (API reference, Required permissions).
  const targetId = ctx.keyring.store.getAlias(account, region, input.AliasName)?.targetKeyId;
  if (targetId) authorizeAliasKey(ctx, targetId, 'DeleteAlias');
  ctx.keyring.store.write(() => {
    if (!ctx.keyring.store.getAlias(account, region, input.AliasName)) throw new NotFoundException(aliasMsg.notFound(arn));
    ctx.keyring.store.deleteAlias(account, region, input.AliasName);
  });
  return {};
}

function aliasEntry(a: Pick<AliasRecord, 'name' | 'targetKeyId'> & Partial<AliasRecord>, region: string, account: string) {
  const entry: Record<string, unknown> = { AliasName: a.name, AliasArn: aliasArn(region, account, a.name) };
  if (a.targetKeyId) entry.TargetKeyId = keyIdOfStoreId(a.targetKeyId);
  if (a.createdAt !== undefined) entry.CreationDate = epochSeconds(a.createdAt);
  if (a.updatedAt !== undefined) entry.LastUpdatedDate = epochSeconds(a.updatedAt);
  return entry;
}

export function listAliases(input: ListAliasesRequest, ctx: OpContext): object {
  const { account, region } = ctx.scope;
  ctx.keyring.sweep(ctx.scope.now);
  let entries: Array<Pick<AliasRecord, 'name' | 'targetKeyId'> & Partial<AliasRecord>>;
  if (input.KeyId !== undefined) {
    const key = ctx.keyring.resolve(ctx.scope, input.KeyId, { aliases: false, operation: 'ListAliases' });
    // Aliases belong to an account and Region and point only at keys there: another account's key
    // has none of the caller's, and its own aliases are never listed to the caller.
    entries = ctx.keyring.store.aliasesForKey(storeIdOf(key)).filter((a) => a.account === account && a.region === region);
  } else {
    const stored = ctx.keyring.store.listAliases(account, region);
    const names = new Set(stored.map((a) => a.name));
    // Predefined AWS aliases are listed even before their AWS managed key exists.
    const predefined = AWS_MANAGED_SERVICES.map((s) => `${AWS_ALIAS_PREFIX}${s}`)
      .filter((n) => !names.has(n))
      .map((name) => ({ name, targetKeyId: null }));
    entries = [...stored, ...predefined].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }
  const p = page(entries, (a) => a.name, input.Limit ?? 50, input.Marker);
  const aliases = p.items.map((a) => aliasEntry(a, region, account));
  return p.truncated ? { Aliases: aliases, NextMarker: p.nextMarker, Truncated: true } : { Aliases: aliases, Truncated: false };
}
