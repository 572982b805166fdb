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
import { createHash, randomUUID } from 'node:crypto';
import { AccessDeniedException, AlreadyExistsException, NotFoundException } from '../errors.js';
import { generateBackingKey } from '../hsm/symmetric.js';
import type { KeyStore } from '../store/store.js';
import { parseKeyRef } from './key-ref.js';
import { msg } from './key-messages.js';
import { aliasArn, DAY_MS, keyArn, type KeyRecord, type RotationType } from '../records/key-records.js';
import { defaultKeyPolicy } from './policy-document.js';
import { awsManagedKeyDescription, awsManagedKeyPolicy, isAwsManagedAliasName } from './aws-managed.js';

/** Who is asking, where, and when (server clock). */
export interface Scope {
  account: string;
  region: string;
  principalArn: string;
  now: number;
}

/** Seals and opens backing-key material; bound to key ARN + version. */
export interface MaterialVault {
  seal(material: Buffer, keyArn: string, version: number): Buffer;
  open(sealed: Buffer, keyArn: string, version: number): Buffer;
}

export interface ResolveOptions {
  /** Whether alias names / alias ARNs are accepted (AWS accepts them only on some operations). */
  aliases: boolean;
  /** The operation, for AccessDenied messages. */
  operation: string;
}

export interface NewKeyParams {
  description: string;
  keySpec: string;
  keyUsage: KeyRecord['keyUsage'];
  origin: KeyRecord['origin'];
  keyManager: KeyRecord['keyManager'];
  policy?: string;
  tags: KeyRecord['tags'];
  /** A fixed key id (seeds, the `_custom_id_` tag); refused with AlreadyExistsException when taken. Default: a fresh UUID. */
  keyId?: string;
  /** Given backing-key material (the `_custom_key_material_` tag). Default: generated. */
  material?: Buffer;
}

export const DEFAULT_ROTATION_PERIOD_DAYS = 365;
/** Upper bound on catch-up rotations applied at once after a large clock jump. */
const MAX_CATCH_UP_ROTATIONS = 1000;

export class Keyring {
  private readonly opened = new Map<string, Buffer>();
  private readonly materialIds = new Map<string, string>();

  constructor(
    readonly store: KeyStore,
    private readonly vault: MaterialVault,
  ) {}

  /**
   * Finds the key named by `text` for `scope`, with due lifecycle events applied.
   * @throws NotFoundException in AWS's wording for each form; AccessDeniedException for another account's key.
   */
  resolve(scope: Scope, text: string, options: ResolveOptions): KeyRecord {
    const ref = parseKeyRef(text);
    let keyId: string;
    switch (ref.kind) {
      case 'keyId':
        keyId = ref.keyId;
        break;
      case 'keyArn':
        if (ref.region !== scope.region) throw new NotFoundException(msg.invalidArn(ref.region));
        keyId = ref.keyId;
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
        keyId = target;
        break;
      }
      case 'invalid':
        throw new NotFoundException(msg.invalidKeyId(text));
    }
    const key = this.byId(keyId, scope.now);
    const expectedAccount = ref.kind === 'keyArn' || ref.kind === 'aliasArn' ? ref.account : scope.account;
    if (!key || key.region !== scope.region || key.account !== expectedAccount) {
      throw new NotFoundException(msg.keyNotFound(keyArn(scope.region, expectedAccount, keyId)));
    }
    if (key.account !== scope.account) {
      throw new AccessDeniedException(msg.accessDenied(scope.principalArn, options.operation, key.arn));
    }
    return key;
  }

  /**
   * Best-effort KeySpec of the key `text` names, for routing (the quota stage): never throws,
   * never creates or changes anything. Undefined when the key is not found.
   */
  peekKeySpec(scope: Pick<Scope, 'account' | 'region'>, text: string | undefined): string | undefined {
    if (text === undefined) return undefined;
    const ref = parseKeyRef(text);
    let keyId: string | null | undefined;
    switch (ref.kind) {
      case 'keyId':
      case 'keyArn':
        keyId = ref.keyId;
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

  /** The key with this id, after due lifecycle events; undefined when it does not exist (any more). */
  byId(keyId: string, now: number): KeyRecord | undefined {
    const key = this.store.getKey(keyId);
    if (!key) return undefined;
    if (key.state === 'PendingDeletion' && key.deletionDate !== null && key.deletionDate <= now) {
      this.deleteIfDue(keyId, now);
      return undefined;
    }
    if (key.rotationEnabled && key.state === 'Enabled' && key.nextRotationAt !== null && key.nextRotationAt <= now) {
      return this.rotateIfDue(keyId, now);
    }
    return key;
  }

  /** The opened backing key of `key` at `version` (the key's current one by default). */
  material(key: KeyRecord, version = key.currentVersion): Buffer | undefined {
    // With the creation time: a key id can come back with other material (custom ids, reset).
    const cacheKey = `${key.keyId}:${version}:${key.createdAt}`;
    let m = this.opened.get(cacheKey);
    if (!m) {
      const backing = this.store.getBackingKey(key.keyId, version);
      if (!backing) return undefined;
      m = this.vault.open(backing.sealed, key.arn, version);
      this.opened.set(cacheKey, m);
    }
    return m;
  }

  /** The public identifier of a backing-key version (`KeyMaterialId`: 64 lower-case hex digits). */
  materialId(key: KeyRecord, version: number): string {
    const cacheKey = `${key.keyId}:${version}`;
    let id = this.materialIds.get(cacheKey);
    if (!id) {
      id = createHash('sha256').update(`kmsbench-key-material:${key.arn}:${version}`).digest('hex');
      this.materialIds.set(cacheKey, id);
    }
    return id;
  }

  /** Creates a key with its first backing key. Runs in its own write transaction. */
  createKey(scope: Scope, params: NewKeyParams): KeyRecord {
    const keyId = params.keyId ?? randomUUID();
    const arn = keyArn(scope.region, scope.account, keyId);
    const hasMaterial = params.origin === 'AWS_KMS';
    const key: KeyRecord = {
      keyId,
      account: scope.account,
      region: scope.region,
      arn,
      createdAt: scope.now,
      description: params.description,
      keyUsage: params.keyUsage,
      keySpec: params.keySpec,
      origin: params.origin,
      keyManager: params.keyManager,
      state: hasMaterial ? 'Enabled' : 'PendingImport',
      deletionDate: null,
      pendingWindowInDays: null,
      policy: params.policy ?? defaultKeyPolicy(scope.account),
      rotationEnabled: false,
      rotationPeriodInDays: null,
      nextRotationAt: null,
      onDemandRotationStartedAt: null,
      onDemandRotations: 0,
      tags: params.tags,
      currentVersion: hasMaterial ? 1 : 0,
    };
    const sealed = hasMaterial ? this.vault.seal(params.material ?? generateBackingKey(), arn, 1) : undefined;
    this.store.write(() => {
      if (params.keyId !== undefined && this.store.getKey(keyId)) throw new AlreadyExistsException(msg.keyIdTaken(keyId));
      this.store.putKey(key);
      if (sealed) this.store.putBackingKey({ keyId, version: 1, sealed, createdAt: scope.now, rotationType: null });
    });
    return key;
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
      const keyId = randomUUID();
      const arn = keyArn(scope.region, scope.account, keyId);
      const key: KeyRecord = {
        keyId,
        account: scope.account,
        region: scope.region,
        arn,
        createdAt: scope.now,
        description: awsManagedKeyDescription(aliasName),
        keyUsage: 'ENCRYPT_DECRYPT',
        keySpec: 'SYMMETRIC_DEFAULT',
        origin: 'AWS_KMS',
        keyManager: 'AWS',
        state: 'Enabled',
        deletionDate: null,
        pendingWindowInDays: null,
        policy: awsManagedKeyPolicy(scope.account, scope.region, aliasName),
        // AWS managed keys rotate every year.
        rotationEnabled: true,
        rotationPeriodInDays: DEFAULT_ROTATION_PERIOD_DAYS,
        nextRotationAt: scope.now + DEFAULT_ROTATION_PERIOD_DAYS * DAY_MS,
        onDemandRotationStartedAt: null,
        onDemandRotations: 0,
        tags: [],
        currentVersion: 1,
      };
      this.store.putKey(key);
      this.store.putBackingKey({
        keyId,
        version: 1,
        sealed: this.vault.seal(generateBackingKey(), arn, 1),
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

  /** Writes a key record changed by `change`, in a transaction that re-reads it first. */
  update(keyId: string, change: (key: KeyRecord) => void): KeyRecord | undefined {
    return this.store.write(() => {
      const key = this.store.getKey(keyId);
      if (!key) return undefined;
      const copy = structuredClone(key);
      change(copy);
      this.store.putKey(copy);
      return copy;
    });
  }

  /** Adds a new backing-key version and makes it current. Call inside {@link KeyStore.write}. */
  addBackingKey(key: KeyRecord, at: number, rotationType: RotationType): void {
    const version = key.currentVersion + 1;
    this.store.putBackingKey({
      keyId: key.keyId,
      version,
      sealed: this.vault.seal(generateBackingKey(), key.arn, version),
      createdAt: at,
      rotationType,
    });
    key.currentVersion = version;
  }

  private deleteIfDue(keyId: string, now: number): void {
    this.store.write(() => {
      const key = this.store.getKey(keyId);
      if (key && key.state === 'PendingDeletion' && key.deletionDate !== null && key.deletionDate <= now) {
        this.store.deleteKey(keyId);
        for (const k of this.opened.keys()) if (k.startsWith(`${keyId}:`)) this.opened.delete(k);
      }
    });
  }

  private rotateIfDue(keyId: string, now: number): KeyRecord | undefined {
    return this.store.write(() => {
      const key = this.store.getKey(keyId);
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
      if (rotations > 0) this.store.putKey(copy);
      return copy;
    });
  }

  /** Applies every due deletion and rotation (called when the clock moves and periodically). */
  sweep(now: number): { deleted: number; rotated: number } {
    let deleted = 0;
    let rotated = 0;
    for (const id of this.store.keyIdsPendingDeletionDue(now)) {
      this.deleteIfDue(id, now);
      deleted++;
    }
    for (const id of this.store.keyIdsRotationDue(now)) {
      this.rotateIfDue(id, now);
      rotated++;
    }
    return { deleted, rotated };
  }
}
