/**
 * Writes a {@link SeedPlan} into a store: every key and alias the store does not hold yet, with
 * its material sealed under the master key like any other; what the store already holds is left
 * as it is (a key changed since the last start keeps its changes) and reported as skipped.
 * Everything is checked and prepared first, then written in one transaction.
 *
 * Asymmetric keys are stored as their records plus the sealed PKCS#8 private key as backing key
 * version 1, the form hsm/asymmetric-keys.ts loads. Grants are reported as skipped: this store
 * keeps no grants yet.
 *
 * @module
 */
import { randomBytes } from 'node:crypto';
import { keyArn, DAY_MS, type AliasRecord, type BackingKeyRecord, type KeyRecord } from '../records/key-records.js';
import { defaultKeyPolicy } from '../keys/policy-document.js';
import type { KeyStore } from '../store/store.js';
import { checkKeyUsage, givenMaterialLength, keySpecInfo } from '../hsm/key-specs.js';
import { SeedError, type SeedKey, type SeedPlan } from './seed-plan.js';

export interface SeedReport {
  created: string[];
  skipped: string[];
}

export interface SeedTarget {
  store: KeyStore;
  /** Seals backing-key material for a key ARN and version (hsm/master-key.ts). */
  seal(material: Buffer, keyArn: string, version: number): Buffer;
  /** Server clock, epoch ms. */
  now: number;
}

/** The key's spec and backing-key versions in plaintext (asymmetric: PKCS#8 DER). */
async function prepareMaterial(k: SeedKey): Promise<{ keySpec: string; versions: Buffer[] }> {
  const asymmetric = k.privateKey !== undefined || (k.keySpec !== 'SYMMETRIC_DEFAULT' && !k.keySpec.startsWith('HMAC_'));
  if (!asymmetric) {
    if (k.backingKeys.length > 0 || k.state === 'PendingImport') return { keySpec: k.keySpec, versions: k.backingKeys };
    return { keySpec: k.keySpec, versions: [randomBytes(givenMaterialLength(k.keySpec) ?? 32)] };
  }
  // Asymmetric crypto is loaded only for seeds that have asymmetric keys.
  const { createPrivateKey } = await import('node:crypto');
  const hsm = await import('../hsm/asymmetric-keys.js');
  try {
    if (k.privateKey === undefined) return { keySpec: k.keySpec, versions: [hsm.generateAsymmetricKeyPair(k.keySpec as never).privateKey] };
    let keySpec = k.keySpec;
    if (keySpec === '') {
      const pem = typeof k.privateKey === 'string' ? k.privateKey : undefined;
      const found = pem === undefined ? undefined : hsm.keySpecOfKey(createPrivateKey(pem));
      if (!found) throw new SeedError(`${k.where}: the private key is not of a key spec KMS supports`);
      keySpec = found;
    }
    return { keySpec, versions: [hsm.importPrivateKey(k.privateKey, keySpec as never).privateKey] };
  } catch (e) {
    if (e instanceof SeedError) throw e;
    // KMS errors here name the spec, never the material.
    throw new SeedError(`${k.where}: ${(e as Error).message || 'the private key cannot be used'} (${k.keySpec || 'key spec from the PEM'})`);
  }
}

function checkUsage(keySpec: string, keyUsage: string, where: string): void {
  try {
    keySpecInfo(keySpec);
    checkKeyUsage(keySpec as never, keyUsage as never);
  } catch (e) {
    throw new SeedError(`${where}: ${(e as Error).message || `unknown key spec ${keySpec}`}`);
  }
}

function policyOf(k: SeedKey): string {
  if (k.policy === undefined) return defaultKeyPolicy(k.account);
  try {
    JSON.parse(k.policy);
  } catch {
    throw new SeedError(`${k.where}.policy is not JSON`);
  }
  return k.policy;
}

/** Applies `plan` to `target.store`; returns what was created and skipped. */
export async function applySeedPlan(plan: SeedPlan, target: SeedTarget): Promise<SeedReport> {
  const { store, now } = target;
  const report: SeedReport = { created: [], skipped: [] };
  const keys: Array<{ rec: KeyRecord; backing: BackingKeyRecord[] }> = [];
  const aliases: AliasRecord[] = [];
  const seen = new Set<string>();
  const present = (keyId: string, account: string, region: string): boolean => {
    const k = store.getKey(keyId);
    return (k !== undefined && k.account === account && k.region === region) || keys.some((n) => n.rec.keyId === keyId && n.rec.account === account && n.rec.region === region);
  };
  const addAlias = (account: string, region: string, name: string, targetKeyId: string, where: string) => {
    const id = `${account}/${region}/${name}`;
    if (seen.has(id)) throw new SeedError(`${where}: alias ${name} is declared twice`);
    seen.add(id);
    if (store.getAlias(account, region, name)) {
      report.skipped.push(`alias ${name} (${account}, ${region}): already in the data dir`);
      return;
    }
    if (!present(targetKeyId, account, region)) throw new SeedError(`${where}: alias ${name} targets key ${targetKeyId}, which is neither seeded nor in the data dir (${account}, ${region})`);
    aliases.push({ account, region, name, targetKeyId, createdAt: now, updatedAt: now });
    report.created.push(`alias ${name} → ${targetKeyId}`);
  };

  for (const k of plan.keys) {
    const arn = keyArn(k.region, k.account, k.keyId);
    if (keys.some((n) => n.rec.keyId === k.keyId)) throw new SeedError(`${k.where}: key ${k.keyId} is declared twice`);
    if (store.getKey(k.keyId)) {
      report.skipped.push(`key ${arn}: already in the data dir`);
      continue;
    }
    const { keySpec, versions } = await prepareMaterial(k);
    const keyUsage = k.keyUsage;
    checkUsage(keySpec, keyUsage, k.where);
    const rotation = k.rotation?.enabled ? k.rotation : undefined;
    const rec: KeyRecord = {
      keyId: k.keyId,
      account: k.account,
      region: k.region,
      arn,
      createdAt: now,
      description: k.description,
      keyUsage,
      keySpec,
      origin: k.origin,
      keyManager: 'CUSTOMER',
      state: versions.length === 0 ? 'PendingImport' : k.state === 'PendingImport' ? 'Enabled' : k.state,
      deletionDate: k.state === 'PendingDeletion' ? now + (k.pendingWindowInDays ?? 30) * DAY_MS : null,
      pendingWindowInDays: k.state === 'PendingDeletion' ? (k.pendingWindowInDays ?? 30) : null,
      policy: policyOf(k),
      rotationEnabled: rotation !== undefined,
      rotationPeriodInDays: k.rotation?.periodInDays ?? null,
      nextRotationAt: rotation ? (rotation.nextRotationAt ?? now + rotation.periodInDays * DAY_MS) : null,
      onDemandRotationStartedAt: null,
      onDemandRotations: 0,
      tags: k.tags,
      currentVersion: versions.length,
    };
    const backing = versions.map((m, i): BackingKeyRecord => ({
      keyId: k.keyId,
      version: i + 1,
      sealed: target.seal(m, arn, i + 1),
      createdAt: now,
      rotationType: i === 0 ? null : 'AUTOMATIC',
    }));
    for (const m of versions) m.fill(0);
    keys.push({ rec, backing });
    report.created.push(`key ${arn} (${keySpec}, ${rec.state}${versions.length > 1 ? `, ${versions.length} backing keys` : ''})`);
    if (k.grants.length) report.skipped.push(`key ${arn}: ${k.grants.length} grant(s) skipped: grants not supported yet`);
    k.aliases.forEach((name, i) => addAlias(k.account, k.region, name, k.keyId, `${k.where}.aliases[${i}]`));
  }
  for (const a of plan.aliases) addAlias(a.account, a.region, a.name, a.targetKeyId, a.where);

  if (keys.length || aliases.length) {
    store.write(() => {
      for (const { rec, backing } of keys) {
        store.putKey(rec);
        for (const b of backing) store.putBackingKey(b);
      }
      for (const a of aliases) store.putAlias(a);
    });
  }
  return report;
}
