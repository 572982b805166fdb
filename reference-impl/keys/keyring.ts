/**
 * The keyring: KMS keys as the operations see them, on top of the store and the HSM.
 *
 * It resolves the four key-id forms, applies lifecycle events that are due on the server's
 * clock (a key past its deletion date is deleted; a key past its rotation date is rotated)
 * before anyone uses the key, creates keys with sealed backing material, and keeps opened
 * backing keys in memory (they never change once written, so the cache is safe across workers).
 *
 * @module
 */
import { createHash, randomBytes } from 'node:crypto';
import { AccessDeniedException, AlreadyExistsException, KMSInternalException, NotFoundException } from '../errors.js';
import { reportDamage } from '../damage-report.js';
import { generateBackingKey } from '../hsm/symmetric.js';
import { OpenedAsymmetricKeys, type OpenedKeyPair } from './key-material.js';
import { FRESH_KEY_PAIRS, type KeyPairSource } from '../hsm/key-pair-source.js';
import { KeyUsageTracker } from './last-usage.js';
import type { KeyStore } from '../store/store.js';
import { newKeyId, parseKeyRef } from './key-ref.js';
import { msg } from './key-messages.js';
import {
  aliasArn,
  DAY_MS,
  isMultiRegionKeyId,
  keyArn,
  keyIdOfStoreId,
  materialOwnerOf,
  partitionOf,
  storeIdOf,
  storeKeyId,
  type KeyRecord,
  type RotationType,
} from '../records/key-records.js';
import { expireMaterials, materialOfVersion } from './imported-material.js';
import { applyReadiness, isPrimary, shareProperties, startPrimaryDeletionIfLast } from './multi-region.js';
import { defaultKeyPolicy } from './policy-document.js';
import { awsManagedKeyDescription, awsManagedKeyPolicy, isAwsManagedAliasName } from './aws-managed.js';

/**
 * The authorize stage for a key a request resolved: throws AccessDeniedException when the caller
 * may not perform `operation` (an operation name, or `ReEncryptFrom` / `ReEncryptTo`) on `key`.
 * The request path builds one per request (ops/authorize.ts); key resolution calls it, so every
 * handler that resolves a key is authorized without code of its own.
 */
export type KeyAuthorizer = (key: KeyRecord, operation: string, options: { ciphertext?: boolean }) => void;

/** Who is asking, where, and when (server clock). */
export interface Scope {
  account: string;
  region: string;
  principalArn: string;
  now: number;
  /** Set on the request path; without it (handler unit tests) only another account's key is refused. */
  authorize?: KeyAuthorizer;
}

/** Seals and opens backing-key material; bound to key ARN + version. */
export interface MaterialVault {
  seal(material: Buffer, keyArn: string, version: number): Buffer;
  open(sealed: Buffer, keyArn: string, version: number): Buffer;
}

export interface ResolveOptions {
  /** Whether alias names / alias ARNs are accepted (AWS accepts them only on some operations). */
  aliases: boolean;
  /** The operation (or `ReEncryptFrom` / `ReEncryptTo`): what is authorized, and named in AccessDenied messages. */
  operation: string;
  /** The key came from a ciphertext, not from a KeyId (AccessDenied then names "the resource associated with this ciphertext"). */
  ciphertext?: boolean;
  /** False: find the key only (RetireGrant, which the grant itself may authorize, decides afterwards). Default true. */
  authorize?: boolean;
}

export interface NewKeyParams {
  description: string;
  keySpec: string;
  keyUsage: KeyRecord['keyUsage'];
  origin: KeyRecord['origin'];
  keyManager: KeyRecord['keyManager'];
  policy?: string;
  tags: KeyRecord['tags'];
  /** A multi-Region primary key (`mrk-` id). */
  multiRegion?: boolean;
  /** The key id, when the caller chose it (a custom key store labels its key with it first). */
  keyId?: string;
  /** Backing key version 1: an external key store key's inner key, or material the caller made (key-material.ts newKeyMaterial; required for every generated spec but SYMMETRIC_DEFAULT, which is made here otherwise). */
  material?: Buffer;
  customKeyStore?: KeyRecord['customKeyStore'];
}

export interface KeyringOptions {
  /** 32 bytes import tokens are sealed under (a key is derived from it; pass the master key). */
  importTokenKey?: Buffer;
  /** The `import-ignores-expiry` fault: imported material is never deleted at its ValidTo. */
  ignoreExpiry?: boolean;
  /** Where slow key pairs come from (RSA keys, data key pairs, wrapping keys); default: fresh ones (hsm/key-pair-source.ts). */
  keyPairs?: KeyPairSource;
}

export const DEFAULT_ROTATION_PERIOD_DAYS = 365;
/** Upper bound on catch-up rotations applied at once after a large clock jump. */
const MAX_CATCH_UP_ROTATIONS = 1000;

export class Keyring {
  private readonly opened = new Map<string, Buffer>();
  private readonly materialIds = new Map<string, string>();
  private readonly pairs = new OpenedAsymmetricKeys();
  /** Last cryptographic use of each key (GetKeyLastUsage), kept in memory and flushed in batches. */
  readonly lastUsage: KeyUsageTracker;

  constructor(
    readonly store: KeyStore,
    private readonly vault: MaterialVault,
    private readonly options: KeyringOptions = {},
  ) {
    this.lastUsage = new KeyUsageTracker(store);
  }

  /** The key import tokens are sealed under (GetParametersForImport); the master key in a server. */
  get importTokenKey(): Buffer {
    if (!this.options.importTokenKey) throw new KMSInternalException('no import token key configured');
    return this.options.importTokenKey;
  }

  /** Where the operations get key pairs that are slow to make (hsm/key-pair-source.ts). */
  get keyPairs(): KeyPairSource {
    return this.options.keyPairs ?? FRESH_KEY_PAIRS;
  }

  /**
   * Finds the key named by `text` for `scope`, with due lifecycle events applied, and authorizes
   * the operation on it (`scope.authorize`).
   * @throws NotFoundException in AWS's wording for each form; AccessDeniedException when the caller may not use it.
   */
  resolve(scope: Scope, text: string, options: ResolveOptions): KeyRecord {
    const ref = parseKeyRef(text);
    /** Store id of the record looked for (the key id, or `<mrk id>@<Region>`). */
    let storeId: string;
    switch (ref.kind) {
      case 'keyId':
        storeId = storeKeyId(scope.region, ref.keyId);
        break;
      case 'keyArn':
        if (ref.region !== scope.region) throw new NotFoundException(msg.invalidArn(ref.region));
        storeId = storeKeyId(scope.region, ref.keyId);
        break;
      case 'aliasName':
      case 'aliasArn': {
        if (!options.aliases) throw new NotFoundException(msg.invalidKeyId(text));
        const account = ref.kind === 'aliasArn' ? ref.account : scope.account;
        if (ref.kind === 'aliasArn' && ref.region !== scope.region) throw new NotFoundException(msg.invalidArn(ref.region));
        const alias = this.store.getAlias(account, scope.region, ref.aliasName);
        let target = alias?.targetKeyId ?? undefined;
        if (target === undefined && account === scope.account && isAwsManagedAliasName(ref.aliasName)) {
          target = this.createAwsManagedKey(scope, ref.aliasName).keyId;
        }
        if (target === undefined) {
          throw new NotFoundException(msg.aliasNotFound(aliasArn(scope.region, account, ref.aliasName)));
        }
        storeId = target;
        break;
      }
      case 'invalid':
        throw new NotFoundException(msg.invalidKeyId(text));
    }
    const key = this.byId(storeId, scope.now);
    const expectedAccount = ref.kind === 'keyArn' || ref.kind === 'aliasArn' ? ref.account : scope.account;
    if (!key || key.region !== scope.region || key.account !== expectedAccount) {
      throw new NotFoundException(msg.keyNotFound(keyArn(scope.region, expectedAccount, keyIdOfStoreId(storeId))));
    }
    if (options.authorize === false) return key;
    if (scope.authorize !== undefined) scope.authorize(key, options.operation, options);
    else if (key.account !== scope.account) throw new AccessDeniedException(msg.accessDenied(scope.principalArn, options.operation, key.arn));
    return key;
  }

  /**
   * Best-effort KeySpec of the key `text` names, for routing (the quota stage): never throws,
   * never creates or changes anything. Undefined when the key is not found.
   */
  peekKeySpec(scope: Pick<Scope, 'account' | 'region'>, text: string | undefined): string | undefined {
    if (text === undefined) return undefined;
    try {
      return this.peekKeySpecOf(scope, text);
    } catch {
      return undefined; // a damaged record: the operation itself will refuse it
    }
  }

  private peekKeySpecOf(scope: Pick<Scope, 'account' | 'region'>, text: string): string | undefined {
    const ref = parseKeyRef(text);
    let keyId: string | null | undefined;
    switch (ref.kind) {
      case 'keyId':
      case 'keyArn':
        keyId = storeKeyId(scope.region, ref.keyId);
        break;
      case 'aliasName':
      case 'aliasArn':
        keyId = this.store.getAlias(ref.kind === 'aliasArn' ? ref.account : scope.account, scope.region, ref.aliasName)?.targetKeyId;
        break;
      default:
        return undefined;
    }
    return keyId ? this.store.getKey(keyId)?.keySpec : undefined;
  }

  /**
   * The key record with this store id (the key id; `<mrk id>@<Region>` for a multi-Region key's
   * record), after due lifecycle events; undefined when it does not exist (any more).
   */
  byId(storeId: string, now: number): KeyRecord | undefined {
    const key = this.store.getKey(storeId);
    if (!key) return undefined;
    if (key.state === 'PendingDeletion' && key.deletionDate !== null && key.deletionDate <= now) {
      this.deleteIfDue(storeId, now);
      return undefined;
    }
    if (key.state === 'Creating' && key.readyAt != null && key.readyAt <= now) return this.byIdAfter(storeId, now, (k) => applyReadiness(k, now));
    if (key.materials?.some((m) => m.imported && m.validTo !== null && m.validTo <= now) && !this.options.ignoreExpiry) {
      return this.expireIfDue(storeId, now);
    }
    if (key.rotationEnabled && key.state === 'Enabled' && key.nextRotationAt !== null && key.nextRotationAt <= now) {
      return this.rotateIfDue(storeId, now);
    }
    return key;
  }

  /** Applies `change` to the record in a write when it says it changed something; then the usual checks. */
  private byIdAfter(storeId: string, now: number, change: (k: KeyRecord) => boolean): KeyRecord | undefined {
    this.store.write(() => {
      const k = this.store.getKey(storeId);
      if (!k) return;
      const copy = structuredClone(k);
      if (change(copy)) this.store.putKey(copy);
    });
    return this.byId(storeId, now);
  }

  /** The opened backing key of `key` at `version` (the key's current one by default). */
  material(key: KeyRecord, version = key.currentVersion): Buffer | undefined {
    const cacheKey = `${openedId(key)}:${version}`;
    let m = this.opened.get(cacheKey);
    if (!m) {
      const backing = this.store.getBackingKey(materialOwnerOf(key), version);
      if (!backing) return undefined;
      try {
        m = this.vault.open(backing.sealed, materialBinding(key), version);
      } catch (e) {
        reportDamage(`sealed ${key.arn} ${version}`, `key ${key.arn} version ${version}: sealed key material failed authentication (wrong master key or damaged store): refused`);
        throw e;
      }
      this.opened.set(cacheKey, m);
    }
    return m;
  }

  /** Seals `material` as version `version` of `key`'s backing keys (imported material). Call inside {@link KeyStore.write}. */
  putMaterial(key: KeyRecord, version: number, material: Buffer, at: number, rotationType: RotationType | null): void {
    const owner = materialOwnerOf(key);
    this.store.deleteBackingKey(owner, version);
    this.store.putBackingKey({ keyId: owner, version, sealed: this.vault.seal(material, materialBinding(key), version), createdAt: at, rotationType });
    this.opened.delete(`${openedId(key)}:${version}`);
    this.pairs.drop(owner);
  }

  /** Deletes version `version` of `key`'s backing keys (imported material deleted). Call inside {@link KeyStore.write}. */
  dropMaterial(key: KeyRecord, version: number): void {
    const owner = materialOwnerOf(key);
    this.store.deleteBackingKey(owner, version);
    this.opened.get(`${openedId(key)}:${version}`)?.fill(0);
    this.opened.delete(`${openedId(key)}:${version}`);
    this.pairs.drop(owner);
  }

  /** The opened key pair of an asymmetric key (current version), or undefined without material. */
  keyPair(key: KeyRecord, version = key.currentVersion): OpenedKeyPair | undefined {
    return this.pairs.get(openedId(key), version, key.keySpec, () => this.material(key, version));
  }

  /** The public identifier of a backing-key version (`KeyMaterialId`: 64 lower-case hex digits). */
  materialId(key: KeyRecord, version: number): string {
    const imported = materialOfVersion(key, version);
    if (imported) return imported.materialId;
    const binding = materialBinding(key);
    const cacheKey = `${binding}:${version}`;
    let id = this.materialIds.get(cacheKey);
    if (!id) {
      id = createHash('sha256').update(`kmsbench-key-material:${binding}:${version}`).digest('hex');
      this.materialIds.set(cacheKey, id);
    }
    return id;
  }

  /** Creates a key with its first backing key. Runs in its own write transaction. */
  createKey(scope: Scope, params: NewKeyParams): KeyRecord {
    const keyId = params.keyId ?? newKeyId(params.multiRegion === true);
    const generated = params.origin === 'AWS_KMS';
    const key = newKeyRecord(scope, keyId, {
      description: params.description,
      keyUsage: params.keyUsage,
      keySpec: params.keySpec,
      origin: params.origin,
      keyManager: params.keyManager,
      state: params.origin === 'EXTERNAL' ? 'PendingImport' : 'Enabled',
      policy: params.policy ?? defaultKeyPolicy(scope.account),
      rotationEnabled: false,
      rotationPeriodInDays: null,
      nextRotationAt: null,
      tags: params.tags,
      currentVersion: generated ? 1 : 0,
    });
    if (params.customKeyStore) key.customKeyStore = params.customKeyStore;
    if (params.multiRegion) {
      key.primaryRegion = scope.region;
      // Imported material is each Region's own (each replica imports it): kept under the record.
      if (!generated) key.materialOwner = storeIdOf(key);
    }
    // Other key specs' material is made by the caller (key-material.ts newKeyMaterial may have to load its generator).
    if (generated && !params.material && params.keySpec !== 'SYMMETRIC_DEFAULT') throw new KMSInternalException(`no key material given for a ${params.keySpec} key`);
    const material = params.material ?? (generated ? generateBackingKey() : undefined);
    const sealed = material ? this.vault.seal(material, materialBinding(key), 1) : undefined;
    this.store.write(() => {
      if (params.keyId !== undefined && this.store.getKey(storeIdOf(key))) throw new AlreadyExistsException(msg.keyIdTaken(keyId));
      this.store.putKey(key);
      if (sealed) this.store.putBackingKey({ keyId: materialOwnerOf(key), version: 1, sealed, createdAt: scope.now, rotationType: null });
    });
    return key;
  }

  /**
   * Creates the replica `replica` of a multi-Region key (ReplicateKey), with fresh material of its
   * own when `ownMaterial` (the `replica-own-material` fault). Runs in its own write transaction;
   * refuses (returns false) when a record with that store id appeared meanwhile.
   */
  createReplica(replica: KeyRecord, ownMaterial: boolean): boolean {
    return this.store.write(() => {
      if (this.store.getKey(storeIdOf(replica))) return false;
      if (ownMaterial && replica.origin === 'AWS_KMS') {
        replica.materialOwner = storeIdOf(replica);
        replica.currentVersion = 1;
        this.store.putBackingKey({
          keyId: replica.materialOwner,
          version: 1,
          sealed: this.vault.seal(generateBackingKey(), materialBinding(replica), 1),
          createdAt: replica.createdAt,
          rotationType: null,
        });
      }
      this.store.putKey(replica);
      return true;
    });
  }

  /** Creates the AWS managed key behind a predefined `alias/aws/<service>` alias, as KMS does on first use. */
  private createAwsManagedKey(scope: Scope, aliasName: string): KeyRecord {
    return this.store.write(() => {
      // Another worker may have won the race.
      const existing = this.store.getAlias(scope.account, scope.region, aliasName)?.targetKeyId;
      if (existing) {
        const key = this.store.getKey(existing);
        if (key) return key;
      }
      const keyId = newKeyId(false);
      const key = newKeyRecord(scope, keyId, {
        description: awsManagedKeyDescription(aliasName),
        keyUsage: 'ENCRYPT_DECRYPT',
        keySpec: 'SYMMETRIC_DEFAULT',
        origin: 'AWS_KMS',
        keyManager: 'AWS',
        state: 'Enabled',
        policy: awsManagedKeyPolicy(scope.account, scope.region, aliasName),
        // AWS managed keys rotate every year.
        rotationEnabled: true,
        rotationPeriodInDays: DEFAULT_ROTATION_PERIOD_DAYS,
        nextRotationAt: scope.now + DEFAULT_ROTATION_PERIOD_DAYS * DAY_MS,
        tags: [],
        currentVersion: 1,
      });
      this.store.putKey(key);
      this.store.putBackingKey({
        keyId,
        version: 1,
        sealed: this.vault.seal(generateBackingKey(), key.arn, 1),
        createdAt: scope.now,
        rotationType: null,
      });
      this.store.putAlias({
        account: scope.account,
        region: scope.region,
        name: aliasName,
        targetKeyId: keyId,
        createdAt: scope.now,
        updatedAt: scope.now,
      });
      return key;
    });
  }

  /**
   * Writes a key record changed by `change`, in a transaction that re-reads it first. The shared
   * properties of a multi-Region key (rotation, material version) follow to its other records.
   */
  update(target: Pick<KeyRecord, 'keyId' | 'region'>, change: (key: KeyRecord) => void): KeyRecord | undefined {
    const storeId = storeIdOf(target);
    return this.store.write(() => {
      const key = this.store.getKey(storeId);
      if (!key) return undefined;
      const copy = structuredClone(key);
      change(copy);
      this.store.putKey(copy);
      this.shareWithRelated(copy);
      return copy;
    });
  }

  /** Every record of the multi-Region key `key` belongs to (just `key` for single-Region keys), same account. */
  related(key: KeyRecord): KeyRecord[] {
    if (!isMultiRegionKeyId(key.keyId)) return [key];
    return this.store.keyRecordsWithId(key.keyId).filter((k) => k.account === key.account);
  }

  /** Copies a multi-Region key's shared properties from `source` to its other records. Call inside {@link KeyStore.write}. */
  private shareWithRelated(source: KeyRecord): void {
    if (!isMultiRegionKeyId(source.keyId)) return;
    for (const other of this.related(source)) {
      if (other.region === source.region) continue;
      if (shareProperties(source, other)) this.store.putKey(other);
    }
  }

  /** Adds a new backing-key version and makes it current. Call inside {@link KeyStore.write}. */
  addBackingKey(key: KeyRecord, at: number, rotationType: RotationType): void {
    const version = key.currentVersion + 1;
    this.store.putBackingKey({
      keyId: materialOwnerOf(key),
      version,
      sealed: this.vault.seal(generateBackingKey(), materialBinding(key), version),
      createdAt: at,
      rotationType,
    });
    key.currentVersion = version;
  }

  private deleteIfDue(storeId: string, now: number): void {
    this.store.write(() => {
      const key = this.store.getKey(storeId);
      if (!(key && key.state === 'PendingDeletion' && key.deletionDate !== null && key.deletionDate <= now)) return;
      this.store.deleteKey(storeId);
      this.forgetOpened(materialOwnerOf(key));
      if (!isMultiRegionKeyId(key.keyId)) return;
      const remaining = this.related(key);
      if (remaining.length === 0) {
        // The last record of the set: its shared material goes with it.
        this.store.deleteBackingKeys(key.keyId);
        this.forgetOpened(key.keyId);
        return;
      }
      const primary = remaining.find((k) => isPrimary(k));
      if (primary && startPrimaryDeletionIfLast(primary, remaining, now)) this.store.putKey(primary);
    });
  }

  private forgetOpened(owner: string): void {
    this.pairs.drop(owner);
    for (const [k, m] of this.opened) {
      if (k.startsWith(`${owner}:`)) {
        m.fill(0);
        this.opened.delete(k);
      }
    }
  }

  /** Deletes imported key material past its ValidTo (the key becomes PendingImport). */
  private expireIfDue(storeId: string, now: number): KeyRecord | undefined {
    return this.store.write(() => {
      const key = this.store.getKey(storeId);
      if (!key) return undefined;
      const copy = structuredClone(key);
      const expired = expireMaterials(copy, now);
      if (expired.length === 0) return copy;
      for (const v of expired) this.dropMaterial(copy, v);
      this.store.putKey(copy);
      return copy;
    });
  }

  private rotateIfDue(storeId: string, now: number): KeyRecord | undefined {
    return this.store.write(() => {
      const key = this.store.getKey(storeId);
      if (!key) return undefined;
      const copy = structuredClone(key);
      let rotations = 0;
      while (
        copy.rotationEnabled &&
        copy.state === 'Enabled' &&
        copy.nextRotationAt !== null &&
        copy.nextRotationAt <= now &&
        rotations < MAX_CATCH_UP_ROTATIONS
      ) {
        this.addBackingKey(copy, copy.nextRotationAt, 'AUTOMATIC');
        copy.nextRotationAt += (copy.rotationPeriodInDays ?? DEFAULT_ROTATION_PERIOD_DAYS) * DAY_MS;
        rotations++;
      }
      if (rotations > 0) {
        this.store.putKey(copy);
        this.shareWithRelated(copy);
      }
      return copy;
    });
  }

  /** Applies every due deletion, rotation and material expiry (called when the clock moves and periodically). */
  sweep(now: number): { deleted: number; rotated: number; expired: number } {
    let deleted = 0;
    let rotated = 0;
    let expired = 0;
    for (const id of this.store.keyIdsPendingDeletionDue(now)) {
      this.deleteIfDue(id, now);
      deleted++;
    }
    for (const id of this.store.keyIdsRotationDue(now)) {
      this.rotateIfDue(id, now);
      rotated++;
    }
    if (!this.options.ignoreExpiry) {
      for (const id of this.store.keyIdsExpiryDue(now)) {
        this.expireIfDue(id, now);
        expired++;
      }
    }
    return { deleted, rotated, expired };
  }
}

/** What a new key's record says beyond its id, account, Region and creation time. */
type NewKeyFields = Pick<
  KeyRecord,
  'description' | 'keyUsage' | 'keySpec' | 'origin' | 'keyManager' | 'state' | 'policy' | 'rotationEnabled' | 'rotationPeriodInDays' | 'nextRotationAt' | 'tags' | 'currentVersion'
>;

/** A new key's record in `scope`'s account and Region: not scheduled for deletion, never rotated on demand. */
function newKeyRecord(scope: Scope, keyId: string, k: NewKeyFields): KeyRecord {
  return {
    keyId,
    account: scope.account,
    region: scope.region,
    arn: keyArn(scope.region, scope.account, keyId),
    createdAt: scope.now,
    description: k.description,
    keyUsage: k.keyUsage,
    keySpec: k.keySpec,
    origin: k.origin,
    keyManager: k.keyManager,
    state: k.state,
    deletionDate: null,
    pendingWindowInDays: null,
    policy: k.policy,
    rotationEnabled: k.rotationEnabled,
    rotationPeriodInDays: k.rotationPeriodInDays,
    nextRotationAt: k.nextRotationAt,
    onDemandRotationStartedAt: null,
    onDemandRotations: 0,
    tags: k.tags,
    currentVersion: k.currentVersion,
  };
}

/**
 * Opened material is cached under the owner and the record's creation time: a key id can come back
 * with other material (custom ids, reset). Starts with `owner:`, so dropping by owner still works.
 */
function openedId(key: KeyRecord): string {
  return `${materialOwnerOf(key)}:${key.createdAt}`;
}

/**
 * What a backing key is sealed to (the AAD of master-key sealing) and its `KeyMaterialId` derived
 * from: the key ARN, or for multi-Region keys, whose records share material across Regions, an
 * ARN without a Region naming where the material lives.
 */
function materialBinding(key: KeyRecord): string {
  if (!isMultiRegionKeyId(key.keyId)) return key.arn;
  return `arn:${partitionOf(key.region)}:kms::${key.account}:key/${materialOwnerOf(key)}`;
}
