/**
 * ReplicateKey and UpdatePrimaryRegion (multi-Region keys; the records and their rules are in
 * keys/multi-region.ts).
 *
 * Answers (sources in keys/multi-region.ts; codes from the operations' error lists in the model):
 * - ReplicateKey on a key that is not a multi-Region primary: UnsupportedOperationException
 *   `<arn> is not a multi-region primary key.` (recorded for a replica: aws-observed.md §9; used
 *   for single-Region keys too, INFERRED).
 * - A replica already in that Region: AlreadyExistsException (model doc: "If the Region already
 *   includes a replica of the key you're trying to replicate, ReplicateKey returns an
 *   AlreadyExistsException error"); wording INFERRED. The primary's own Region or another
 *   partition: ValidationException (INFERRED: "The replica must be in a different Amazon Web
 *   Services Region than its primary key ... but in the same Amazon Web Services partition").
 * - Key states: a Disabled primary → DisabledException, PendingDeletion/PendingReplicaDeletion →
 *   KMSInvalidStateException ("it cannot be replicated"); an EXTERNAL primary may be replicated
 *   before its material is imported ("the replica key is created with no key material").
 * - The replica: same key id, spec, usage, origin, rotation status and material; its own policy
 *   (default unless given), tags and description (""); Creating, then Enabled (PendingImport for
 *   imported material). ReplicaPolicy is the policy document text, ReplicaTags the tags.
 * - UpdatePrimaryRegion: called on the primary; the replica in PrimaryRegion becomes the primary
 *   and the old primary a replica. AWS passes both through the transient Updating state; here the
 *   change is immediate (no Updating state is shown). A Region without a replica → NotFoundException
 *   for the key's ARN in that Region (INFERRED wording, as N1).
 *
 * @module
 */
import { AlreadyExistsException, DisabledException, LimitExceededException, NotFoundException, UnsupportedOperationException, ValidationException } from '../errors.js';
import { invalidState } from '../keys/key-state.js';
import { msg } from '../keys/key-messages.js';
import { isMultiRegion, isPrimary, REPLICA_CREATION_MS } from '../keys/multi-region.js';
import { defaultKeyPolicy } from '../keys/policy-document.js';
import { keyArn, partitionOf, storeKeyId, type KeyRecord } from '../records/key-records.js';
import type { ReplicateKeyRequest, UpdatePrimaryRegionRequest } from '../../common/model/schemas.js';
import type { OpContext } from './context.js';
import { checkNewPolicy, checkNewTags, customerManagedKey, keyFacts } from './guards.js';
import { keyMetadata } from './key-metadata.js';
import { MAX_KEYS_PER_ACCOUNT_REGION } from './keys.js';
import { keyMsg } from './operation-messages.js';

export const mrkMsg = {
  notPrimary: (arn: string) => `${arn} is not a multi-region primary key.`,
  notMultiRegion: (arn: string) => `${arn} is not a multi-region key.`,
  alreadyReplicated: (arn: string, region: string) => `Key ${arn} is already replicated in region ${region}.`,
  sameRegion: (region: string) => `The replica must be in a different Region than the primary key (${region}).`,
  otherPartition: (region: string) => `Region ${region} is not in the partition of the primary key.`,
} as const;

function requireReplicable(key: KeyRecord): void {
  if (key.state === 'Enabled' || key.state === 'PendingImport') return;
  if (key.state === 'Disabled') throw new DisabledException(msg.disabled(key.arn));
  throw invalidState(key);
}

export function replicateKey(input: ReplicateKeyRequest, ctx: OpContext): object {
  const primary = customerManagedKey(ctx, input.KeyId, 'ReplicateKey');
  if (!isPrimary(primary)) throw new UnsupportedOperationException(mrkMsg.notPrimary(primary.arn));
  const region = input.ReplicaRegion;
  if (region === primary.region) throw new ValidationException(mrkMsg.sameRegion(region));
  if (partitionOf(region) !== partitionOf(primary.region)) throw new ValidationException(mrkMsg.otherPartition(region));
  requireReplicable(primary);
  const tags = input.Tags ?? [];
  checkNewTags([], tags);
  const arn = keyArn(region, primary.account, primary.keyId);
  if (input.Policy !== undefined) checkNewPolicy(ctx, input.Policy, input.BypassPolicyLockoutSafetyCheck, { ...keyFacts(primary), arn, tags });
  const alreadyThere = () => new AlreadyExistsException(mrkMsg.alreadyReplicated(primary.arn, region));
  if (ctx.keyring.store.getKey(storeKeyId(region, primary.keyId))) throw alreadyThere();
  const usage = ctx.keyring.store.countKeys(primary.account, region);
  if (usage >= MAX_KEYS_PER_ACCOUNT_REGION) throw new LimitExceededException(keyMsg.tooManyKeys(MAX_KEYS_PER_ACCOUNT_REGION, usage));
  const external = primary.origin !== 'AWS_KMS';
  const replica: KeyRecord = {
    ...structuredClone(primary),
    region,
    arn,
    createdAt: ctx.scope.now,
    description: input.Description ?? '',
    state: 'Creating',
    readyAt: ctx.scope.now + REPLICA_CREATION_MS,
    readyState: external ? 'PendingImport' : 'Enabled',
    deletionDate: null,
    pendingWindowInDays: null,
    pendingReplicaWindowInDays: null,
    policy: input.Policy ?? defaultKeyPolicy(primary.account),
    tags,
  };
  if (external) {
    // Imported material is each Region's own: the replica imports the primary's (same ids).
    replica.materialOwner = storeKeyId(region, primary.keyId);
    replica.materials = (primary.materials ?? []).map((m) => ({ ...m, imported: false, expirationModel: null, validTo: null }));
  }
  if (!ctx.keyring.createReplica(replica, ctx.faults.has('replica-own-material'))) throw alreadyThere();
  ctx.audit.resources = [primary.arn, arn];
  const created = ctx.keyring.byId(storeKeyId(region, primary.keyId), ctx.scope.now)!;
  return { ReplicaKeyMetadata: keyMetadata(created, ctx.keyring), ReplicaPolicy: created.policy, ReplicaTags: created.tags };
}

export function updatePrimaryRegion(input: UpdatePrimaryRegionRequest, ctx: OpContext): object {
  const key = customerManagedKey(ctx, input.KeyId, 'UpdatePrimaryRegion');
  if (!isMultiRegion(key)) throw new UnsupportedOperationException(mrkMsg.notMultiRegion(key.arn));
  if (!isPrimary(key)) throw new UnsupportedOperationException(mrkMsg.notPrimary(key.arn));
  if (key.state === 'Disabled') throw new DisabledException(msg.disabled(key.arn));
  if (key.state !== 'Enabled' && key.state !== 'PendingImport') throw invalidState(key);
  const target = input.PrimaryRegion;
  if (target === key.region) return {};
  const next = ctx.keyring.byId(storeKeyId(target, key.keyId), ctx.scope.now);
  if (!next || next.account !== key.account) throw new NotFoundException(msg.keyNotFound(keyArn(target, key.account, key.keyId)));
  if (next.state === 'Creating' || next.state === 'PendingDeletion') throw invalidState(next);
  ctx.audit.resources = [key.arn, next.arn];
  ctx.keyring.update(key, (k) => {
    k.primaryRegion = target;
  });
  return {};
}
