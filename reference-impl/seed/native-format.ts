/**
 * kmsbench's seed format (YAML or JSON) → {@link SeedPlan}:
 *
 * ```yaml
 * keys:                                   # in the server's account and Region unless they say
 *   - keyId: 1234abcd-12ab-34cd-56ef-1234567890ab
 *     description: orders
 *     keySpec: SYMMETRIC_DEFAULT          # default; HMAC_*, RSA_*, ECC_* too
 *     keyUsage: ENCRYPT_DECRYPT           # default for the spec
 *     state: Enabled                      # Disabled, PendingDeletion (+ pendingWindowInDays), PendingImport
 *     origin: AWS_KMS                     # or EXTERNAL
 *     tags: { team: payments }            # or [{TagKey, TagValue}]
 *     policy: { Version: "2012-10-17", Statement: [...] }   # or the JSON text
 *     aliases: [alias/orders]
 *     rotation: { enabled: true, periodInDays: 365, nextRotation: "2027-01-01T00:00:00Z" }
 *     backingKeys: [<hex or base64>, ...] # oldest first: past rotations; the last is current
 *     privateKeyPem: |                    # asymmetric keys: PKCS#8, PKCS#1 or SEC1 PEM
 *       -----BEGIN PRIVATE KEY-----
 *     grants: [...]                       # applied where the server keeps grants
 * aliases:
 *   - { name: alias/legacy, targetKeyId: 1234abcd-12ab-34cd-56ef-1234567890ab }
 * accounts:                               # keys and aliases of other accounts and Regions
 *   - id: "444455556666"
 *     regions:
 *       - region: eu-west-1
 *         keys: [...]
 *         aliases: [...]
 * ```
 *
 * Every key and alias may also carry `account` and `region`.
 *
 * @module
 */
import { givenMaterialLength } from '../hsm/key-specs.js';
import {
  accountId,
  aliasName,
  date,
  keyId,
  list,
  material,
  obj,
  oneOf,
  regionName,
  SeedError,
  str,
  tags,
  type Obj,
  type SeedAlias,
  type SeedDefaults,
  type SeedKey,
  type SeedPlan,
} from './seed-plan.js';

const STATES = ['Enabled', 'Disabled', 'PendingDeletion', 'PendingImport'] as const;
const USAGES = ['ENCRYPT_DECRYPT', 'SIGN_VERIFY', 'GENERATE_VERIFY_MAC', 'KEY_AGREEMENT'] as const;

/** The usage a spec gets when the seed names none. */
export function defaultUsage(keySpec: string): SeedKey['keyUsage'] {
  if (keySpec === 'SYMMETRIC_DEFAULT') return 'ENCRYPT_DECRYPT';
  if (keySpec.startsWith('HMAC_')) return 'GENERATE_VERIFY_MAC';
  return 'SIGN_VERIFY';
}

function policyText(v: unknown, where: string): string | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'string') return v;
  return JSON.stringify(obj(v, where));
}

function key(raw: unknown, where: string, scope: SeedDefaults): SeedKey {
  const k = obj(raw, where);
  const keySpec = str(k.keySpec, `${where}.keySpec`, true) ?? (k.privateKeyPem !== undefined ? '' : 'SYMMETRIC_DEFAULT');
  const origin = oneOf(k.origin, `${where}.origin`, ['AWS_KMS', 'EXTERNAL'] as const, 'AWS_KMS');
  const given = k.backingKeys ?? k.material;
  const bytes = givenMaterialLength(keySpec);
  if (given !== undefined && bytes === undefined) throw new SeedError(`${where}.backingKeys: only symmetric and HMAC keys take backing keys; use privateKeyPem`);
  const backingKeys = (Array.isArray(given) ? given : given === undefined ? [] : [given]).map((m, i) => material(m, `${where}.backingKeys[${i}]`, bytes!));
  const state = oneOf(k.state, `${where}.state`, STATES, origin === 'EXTERNAL' && backingKeys.length === 0 ? 'PendingImport' : 'Enabled');
  const rotation = k.rotation === undefined ? undefined : obj(k.rotation, `${where}.rotation`);
  const period = rotation?.periodInDays === undefined ? 365 : Number(rotation.periodInDays);
  if (!Number.isInteger(period) || period < 90 || period > 2560) throw new SeedError(`${where}.rotation.periodInDays must be an integer from 90 to 2560`);
  const window = k.pendingWindowInDays === undefined ? undefined : Number(k.pendingWindowInDays);
  if (window !== undefined && !(Number.isInteger(window) && window >= 7 && window <= 30)) throw new SeedError(`${where}.pendingWindowInDays must be 7 to 30`);
  const pem = k.privateKeyPem;
  if (pem !== undefined && typeof pem !== 'string') throw new SeedError(`${where}.privateKeyPem must be PEM text`);
  return {
    account: accountId(k.account, `${where}.account`, scope.account),
    region: regionName(k.region, `${where}.region`, scope.region),
    keyId: keyId(k.keyId, `${where}.keyId`),
    keySpec,
    keyUsage: oneOf(k.keyUsage, `${where}.keyUsage`, USAGES, defaultUsage(keySpec)),
    description: str(k.description ?? '', `${where}.description`),
    state,
    ...(window !== undefined ? { pendingWindowInDays: window } : {}),
    origin,
    tags: tags(k.tags, `${where}.tags`),
    policy: policyText(k.policy, `${where}.policy`),
    ...(rotation
      ? { rotation: { enabled: rotation.enabled !== false, periodInDays: period, nextRotationAt: date(rotation.nextRotation, `${where}.rotation.nextRotation`) } }
      : {}),
    backingKeys,
    ...(typeof pem === 'string' ? { privateKey: pem } : {}),
    grants: list(k.grants, `${where}.grants`),
    aliases: list(k.aliases, `${where}.aliases`).map((a, i) => aliasName(a, `${where}.aliases[${i}]`)),
    where,
  };
}

function alias(raw: unknown, where: string, scope: SeedDefaults): SeedAlias {
  const a = obj(raw, where);
  return {
    account: accountId(a.account, `${where}.account`, scope.account),
    region: regionName(a.region, `${where}.region`, scope.region),
    name: aliasName(a.name ?? a.aliasName, `${where}.name`),
    targetKeyId: keyId(a.targetKeyId, `${where}.targetKeyId`),
    where,
  };
}

function section(o: Obj, where: string, scope: SeedDefaults, plan: SeedPlan): void {
  list(o.keys, `${where}keys`).forEach((k, i) => plan.keys.push(key(k, `${where}keys[${i}]`, scope)));
  list(o.aliases, `${where}aliases`).forEach((a, i) => plan.aliases.push(alias(a, `${where}aliases[${i}]`, scope)));
}

export function parseNativeSeed(doc: Obj, defaults: SeedDefaults): SeedPlan {
  const plan: SeedPlan = { format: 'kmsbench', keys: [], aliases: [] };
  const known = new Set(['version', 'keys', 'aliases', 'accounts']);
  for (const k of Object.keys(doc)) if (!known.has(k)) throw new SeedError(`unknown top-level member '${k}' (expected keys, aliases, accounts)`);
  section(doc, '', defaults, plan);
  list(doc.accounts, 'accounts').forEach((raw, i) => {
    const a = obj(raw, `accounts[${i}]`);
    const account = accountId(a.id, `accounts[${i}].id`, defaults.account);
    section(a, `accounts[${i}].`, { account, region: defaults.region }, plan);
    list(a.regions, `accounts[${i}].regions`).forEach((rawRegion, j) => {
      const r = obj(rawRegion, `accounts[${i}].regions[${j}]`);
      const region = regionName(r.region, `accounts[${i}].regions[${j}].region`, defaults.region);
      section(r, `accounts[${i}].regions[${j}].`, { account, region }, plan);
    });
  });
  return plan;
}
