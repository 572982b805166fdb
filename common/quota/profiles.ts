/**
 * Quota profiles: the rate of every quota class, per Region, for the current AWS defaults and for
 * named historical tiers (what-if capacity planning), plus CLI overrides and a JSON quota file.
 *
 * Symmetric cryptographic tiers over time (facts sheet "History" + archived AWS guide):
 * | profile      | default | raised Regions                                                       |
 * |--------------|---------|----------------------------------------------------------------------|
 * | legacy-2017  | 1,200   | —                                                                    |
 * | 2018         | 5,500   | 10,000: us-east-1, us-west-2, eu-west-1 (*)                           |
 * | tier-30k     | 5,500   | 10,000: the SIX below; 30,000: the BIG THREE                          |
 * | tier-50k     | 5,500   | 10,000: the SIX; 50,000: the BIG THREE                                |
 * | current      | 10,000  | 20,000: the SIX; 100,000: the BIG THREE                               |
 * SIX = us-east-2, ap-southeast-1, ap-southeast-2, ap-northeast-1, eu-central-1, eu-west-2.
 * BIG THREE = us-east-1, us-west-2, eu-west-1.
 * (*) The archived 2018 page renders its Region list out of band ("See the AWS documentation
 * website"); the three Regions are the ones every later tier raised first. Treat as best effort.
 *
 * Historical profiles carry the other classes as published in the same archived table when we have
 * it (2017 and 2018 control-plane tables; RSA 500 / ECC 300 and the per-curve GenerateDataKeyPair
 * rates of the 30k-era table); classes that did not exist yet inherit the current values.
 *
 * @module
 */

import type { z } from 'zod';
import { lazySchema, zod } from '../lazy-zod.js';
import {
  QUOTA_CLASSES,
  QUOTA_CLASS_IDS,
  findQuotaClass,
  type ControlPlaneOperation,
  type QuotaClassId,
} from './classes.js';

export type RateTable = Readonly<Record<QuotaClassId, number>>;
export type PartialRateTable = Readonly<Partial<Record<QuotaClassId, number>>>;

/** Default burst: one second of quota (see token-bucket.ts and README.md for why). */
export const DEFAULT_BURST_SECONDS = 1;

/** A whole profile: default rates plus per-Region differences. */
export interface QuotaProfile {
  readonly name: string;
  readonly description: string;
  /** Where the numbers come from. */
  readonly sources: readonly string[];
  /** Bucket capacity in seconds of quota (capacity = max(1, rate × burstSeconds)). */
  readonly burstSeconds: number;
  /** Rate of every class in Regions without a specific entry. */
  readonly rates: RateTable;
  /** Region → classes whose rate differs there. */
  readonly regions: Readonly<Record<string, PartialRateTable>>;
}

/** The rates in force in one Region. */
export interface ResolvedProfile {
  readonly profile: string;
  readonly region: string;
  readonly burstSeconds: number;
  readonly rates: RateTable;
}

export const SIX_REGIONS = ['us-east-2', 'ap-southeast-1', 'ap-southeast-2', 'ap-northeast-1', 'eu-central-1', 'eu-west-2'] as const;
export const BIG_THREE_REGIONS = ['us-east-1', 'us-west-2', 'eu-west-1'] as const;
export const CHINA_REGIONS = ['cn-north-1', 'cn-northwest-1'] as const;

const CURRENT_RATES: RateTable = Object.freeze(
  Object.fromEntries(QUOTA_CLASSES.map((c) => [c.id, c.defaultRate])) as Record<QuotaClassId, number>,
);

function regionsWith(regions: readonly string[], rates: PartialRateTable): Record<string, PartialRateTable> {
  return Object.fromEntries(regions.map((r) => [r, rates]));
}

function mergeRegions(...parts: Record<string, PartialRateTable>[]): Record<string, PartialRateTable> {
  const out: Record<string, PartialRateTable> = {};
  for (const part of parts) for (const [region, rates] of Object.entries(part)) out[region] = { ...out[region], ...rates };
  return out;
}

/** The 2017 table (archived "Limits" page: 1,200 shared, DescribeKey 30, List* 5 …). */
const TABLE_2017: Partial<Record<ControlPlaneOperation, number>> = {
  CancelKeyDeletion: 5,
  CreateAlias: 5,
  CreateGrant: 50,
  CreateKey: 5,
  DeleteAlias: 5,
  DeleteImportedKeyMaterial: 5,
  DescribeKey: 30,
  DisableKey: 5,
  DisableKeyRotation: 5,
  EnableKey: 5,
  EnableKeyRotation: 5,
  GetKeyPolicy: 30,
  GetKeyRotationStatus: 30,
  GetParametersForImport: 0.25,
  ImportKeyMaterial: 5,
  ListAliases: 5,
  ListGrants: 5,
  ListKeyPolicies: 5,
  ListKeys: 5,
  ListResourceTags: 5,
  ListRetirableGrants: 5,
  PutKeyPolicy: 5,
  RetireGrant: 15,
  RevokeGrant: 15,
  ScheduleKeyDeletion: 5,
  TagResource: 5,
  UntagResource: 5,
  UpdateAlias: 5,
  UpdateKeyDescription: 5,
};

/** The 2018 table: 2017 plus the custom key store operations (1,800/s per CloudHSM key store). */
const TABLE_2018: Partial<Record<ControlPlaneOperation, number>> = {
  ...TABLE_2017,
  ConnectCustomKeyStore: 5,
  CreateCustomKeyStore: 5,
  DeleteCustomKeyStore: 5,
  DescribeCustomKeyStores: 5,
  DisconnectCustomKeyStore: 5,
  UpdateCustomKeyStore: 5,
};

/** The 30k-era table (archived "Request quotas" page with RSA 500 / ECC 300). */
const TABLE_30K: PartialRateTable = {
  ...TABLE_2018,
  DescribeKey: 1000,
  GetKeyPolicy: 1000,
  GetKeyRotationStatus: 1000,
  GetPublicKey: 5,
  ListAliases: 100,
  ListGrants: 100,
  ListKeyPolicies: 100,
  ListKeys: 100,
  ListResourceTags: 100,
  rsa: 500,
  ecc: 300,
  'gdkp-ecc-nist-p256': 25,
  'gdkp-ecc-nist-p384': 10,
  'gdkp-ecc-nist-p521': 5,
  'gdkp-ecc-secg-p256k1': 25,
  'gdkp-rsa-2048': 1,
  'gdkp-rsa-3072': 0.5,
  'gdkp-rsa-4096': 0.1,
};

function profile(p: Omit<QuotaProfile, 'rates' | 'burstSeconds'> & { rates: PartialRateTable; burstSeconds?: number }): QuotaProfile {
  return deepFreeze({
    ...p,
    burstSeconds: p.burstSeconds ?? DEFAULT_BURST_SECONDS,
    rates: { ...CURRENT_RATES, ...p.rates },
  });
}

const AWS_CURRENT = 'AWS KMS Developer Guide, Request quotas (requests-per-second), current';
const FACTS = 'spec/kms-facts.md, Request quotas';

/** Built-in profiles, by name. */
export const PROFILES: Readonly<Record<string, QuotaProfile>> = deepFreeze({
  current: profile({
    name: 'current',
    description: 'Current AWS defaults (facts sheet wins where it differs).',
    sources: [AWS_CURRENT, FACTS],
    rates: {},
    regions: mergeRegions(
      regionsWith(SIX_REGIONS, { symmetric: 20_000 }),
      regionsWith(BIG_THREE_REGIONS, { symmetric: 100_000 }),
      regionsWith(CHINA_REGIONS, { 'gdkp-rsa-2048': 1, 'gdkp-rsa-3072': 0.5, 'gdkp-rsa-4096': 0.1 }),
    ),
  }),
  'tier-50k': profile({
    name: 'tier-50k',
    description: 'Symmetric 5,500/s; 10,000/s in six Regions; 50,000/s in us-east-1, us-west-2, eu-west-1. Other classes: current.',
    sources: [FACTS, 'AWS guide, "API requests made on your behalf" (5,500 / 10,000 / 50,000)'],
    rates: { symmetric: 5_500 },
    regions: mergeRegions(regionsWith(SIX_REGIONS, { symmetric: 10_000 }), regionsWith(BIG_THREE_REGIONS, { symmetric: 50_000 })),
  }),
  'tier-30k': profile({
    name: 'tier-30k',
    description: 'Symmetric 5,500/s; 10,000/s in six Regions; 30,000/s in us-east-1, us-west-2, eu-west-1; RSA 500, ECC 300.',
    sources: [FACTS, 'archived AWS KMS Developer Guide (awsdocs/aws-kms-developer-guide), requests-per-second.md'],
    rates: { symmetric: 5_500, ...TABLE_30K },
    regions: mergeRegions(regionsWith(SIX_REGIONS, { symmetric: 10_000 }), regionsWith(BIG_THREE_REGIONS, { symmetric: 30_000 })),
  }),
  '2018': profile({
    name: '2018',
    description: 'Symmetric 5,500/s; 10,000/s in us-east-1, us-west-2, eu-west-1 (Region list best effort); 2018 control-plane table.',
    sources: [FACTS, 'archived AWS KMS Developer Guide, limits.md (5,500 / 10,000 table)'],
    rates: { symmetric: 5_500, ...TABLE_2018 },
    regions: regionsWith(BIG_THREE_REGIONS, { symmetric: 10_000 }),
  }),
  'legacy-2017': profile({
    name: 'legacy-2017',
    description: 'Symmetric 1,200/s everywhere; 2017 control-plane table (DescribeKey 30/s, List* 5/s).',
    sources: [FACTS, 'archived AWS KMS Developer Guide, limits.md (1200 shared table)'],
    rates: { symmetric: 1_200, ...TABLE_2017 },
    regions: {},
  }),
});

export const PROFILE_NAMES = Object.freeze(Object.keys(PROFILES));

/** Thrown for unknown profiles, bad overrides and invalid quota files. */
export class QuotaConfigError extends Error {
  override readonly name = 'QuotaConfigError';
}

/** A built-in profile by name. */
export function getProfile(name: string): QuotaProfile {
  const p = Object.hasOwn(PROFILES, name) ? PROFILES[name] : undefined;
  if (!p) throw new QuotaConfigError(`unknown quota profile ${JSON.stringify(name)}; known: ${PROFILE_NAMES.join(', ')}`);
  return p;
}

/** The rates in force in `region` under `profile` (a name or a profile object; default `current`). */
export function profileForRegion(region: string, base: string | QuotaProfile = 'current'): ResolvedProfile {
  const p = typeof base === 'string' ? getProfile(base) : base;
  const regional = Object.hasOwn(p.regions, region) ? p.regions[region] : undefined;
  return Object.freeze({
    profile: p.name,
    region,
    burstSeconds: p.burstSeconds,
    rates: Object.freeze(regional ? { ...p.rates, ...regional } : { ...p.rates }),
  });
}

// ---------------------------------------------------------------------------------------------
// Overrides: CLASS=RATE

/** A parsed override. `burst-seconds=N` sets the burst instead of a rate. */
export type Override = { readonly kind: 'rate'; readonly cls: QuotaClassId; readonly rate: number } | { readonly kind: 'burst'; readonly seconds: number };

const NUMBER_RE = /^(?:\d+(?:_\d+)*)(?:\.\d+)?$/;
const MAX_RATE = 10_000_000;
const MAX_BURST_SECONDS = 3600;

function parseNumber(text: string, what: string, item: string): number {
  const t = text.trim();
  if (!NUMBER_RE.test(t)) throw new QuotaConfigError(`bad ${what} in ${JSON.stringify(item)}: ${JSON.stringify(t)} is not a non-negative decimal number`);
  return Number(t.replaceAll('_', ''));
}

function editDistance(a: string, b: string): number {
  const d = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = d[0]!;
    d[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = d[j]!;
      d[j] = Math.min(d[j]! + 1, d[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return d[b.length]!;
}

function suggest(name: string): string {
  const lower = name.toLowerCase();
  const best = QUOTA_CLASS_IDS.map((id) => ({ id, d: editDistance(lower, id.toLowerCase()) }))
    .sort((x, y) => x.d - y.d)
    .slice(0, 3)
    .filter((x) => x.d <= Math.max(2, Math.floor(lower.length / 3)));
  return best.length ? `; did you mean ${best.map((b) => b.id).join(' or ')}?` : `; see QUOTA_CLASS_IDS (e.g. symmetric, rsa, ecc, ml-dsa, DescribeKey)`;
}

/**
 * Parses `CLASS=RATE` items. CLASS is a quota class id, case-insensitive (`symmetric`,
 * `DescribeKey`, `gdkp-rsa-2048` …); RATE is requests/second (decimal, `_` separators allowed,
 * 0 = always throttle). `burst-seconds=S` sets the bucket size. Throws QuotaConfigError.
 */
export function parseOverrides(items: readonly string[]): Override[] {
  const seen = new Set<string>();
  return items.map((item) => {
    const eq = item.indexOf('=');
    if (eq <= 0) throw new QuotaConfigError(`bad override ${JSON.stringify(item)}: expected CLASS=RATE, e.g. symmetric=1000`);
    const name = item.slice(0, eq).trim();
    const value = item.slice(eq + 1);
    if (name.toLowerCase() === 'burst-seconds') {
      const seconds = parseNumber(value, 'burst-seconds', item);
      if (!(seconds > 0) || seconds > MAX_BURST_SECONDS) throw new QuotaConfigError(`bad burst-seconds in ${JSON.stringify(item)}: must be > 0 and ≤ ${MAX_BURST_SECONDS}`);
      if (seen.has('burst-seconds')) throw new QuotaConfigError('burst-seconds given twice');
      seen.add('burst-seconds');
      return { kind: 'burst', seconds } as const;
    }
    const cls = findQuotaClass(name);
    if (!cls) throw new QuotaConfigError(`unknown quota class ${JSON.stringify(name)} in ${JSON.stringify(item)}${suggest(name)}`);
    const rate = parseNumber(value, 'rate', item);
    if (rate > MAX_RATE) throw new QuotaConfigError(`bad rate in ${JSON.stringify(item)}: more than ${MAX_RATE} requests/second`);
    if (seen.has(cls.id)) throw new QuotaConfigError(`quota class ${cls.id} overridden twice`);
    seen.add(cls.id);
    return { kind: 'rate', cls: cls.id, rate } as const;
  });
}

/**
 * Applies `CLASS=RATE` overrides. On a Region-resolved profile it sets the rate; on a whole
 * profile it sets the rate in every Region (Region-specific values for that class are dropped).
 * Returns a new object; the input is untouched.
 */
export function applyOverrides(profile: ResolvedProfile, overrides: readonly string[]): ResolvedProfile;
export function applyOverrides(profile: QuotaProfile, overrides: readonly string[]): QuotaProfile;
export function applyOverrides(profile: ResolvedProfile | QuotaProfile, overrides: readonly string[]): ResolvedProfile | QuotaProfile {
  const parsed = parseOverrides(overrides);
  if (parsed.length === 0) return profile;
  return 'region' in profile ? applyParsed(profile, parsed) : applyParsed(profile, parsed, `Overrides: ${overrides.join(', ')}.`);
}

function applyParsed(profile: ResolvedProfile, parsed: readonly Override[]): ResolvedProfile;
function applyParsed(profile: QuotaProfile, parsed: readonly Override[], note?: string): QuotaProfile;
function applyParsed(profile: ResolvedProfile | QuotaProfile, parsed: readonly Override[], note?: string): ResolvedProfile | QuotaProfile {
  const rates: Partial<Record<QuotaClassId, number>> = { ...profile.rates };
  let burstSeconds = profile.burstSeconds;
  const touched = new Set<QuotaClassId>();
  for (const o of parsed) {
    if (o.kind === 'burst') burstSeconds = o.seconds;
    else {
      rates[o.cls] = o.rate;
      touched.add(o.cls);
    }
  }
  if ('region' in profile) return Object.freeze({ ...profile, burstSeconds, rates: Object.freeze(rates as RateTable) });
  const regions: Record<string, PartialRateTable> = {};
  for (const [region, table] of Object.entries(profile.regions)) {
    const kept = Object.fromEntries(Object.entries(table).filter(([cls]) => !touched.has(cls as QuotaClassId)));
    if (Object.keys(kept).length) regions[region] = kept;
  }
  const description = note ? `${profile.description} ${note}`.trim() : profile.description;
  return deepFreeze({ ...profile, burstSeconds, rates: rates as RateTable, regions, description });
}

// ---------------------------------------------------------------------------------------------
// Quota file (JSON)

/** The quota file's zod schema (built, and zod loaded, on first use). */
export const quotaFileSchema = lazySchema(() => {
  const { z } = zod();
  const ClassIdSchema = z.enum(QUOTA_CLASS_IDS as [QuotaClassId, ...QuotaClassId[]]);
  const RateSchema = z.number().finite().nonnegative().max(MAX_RATE).describe('requests per second; 0 = always throttle');
  const RatesSchema = z.partialRecord(ClassIdSchema, RateSchema);
  const RegionSchema = z
    .string()
    .regex(/^[a-z]{2}(?:-[a-z]+)+-\d+$/, 'an AWS Region code such as us-east-1')
    .describe('AWS Region code');

  /** A whole profile as a JSON file. */
  const QuotaFileSchema = z
    .strictObject({
      $schema: z.string().optional(),
      name: z
        .string()
        .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, 'letters, digits, ".", "_" or "-", at most 64')
        .describe('profile name'),
      description: z.string().max(1000).optional(),
      basedOn: z
        .enum(PROFILE_NAMES as [string, ...string[]])
        .optional()
        .describe('start from this built-in profile (its rates and Region tiers); without it, rates must list every class'),
      burstSeconds: z.number().finite().positive().max(MAX_BURST_SECONDS).optional().describe(`bucket size in seconds of quota (default ${DEFAULT_BURST_SECONDS})`),
      rates: RatesSchema.optional().describe('rate per quota class in every Region'),
      regions: z.record(RegionSchema, RatesSchema).optional().describe('Region → rates that differ there'),
    })
    .superRefine((file, ctx) => {
      if (file.basedOn === undefined) {
        const missing = QUOTA_CLASS_IDS.filter((id) => file.rates?.[id] === undefined);
        if (missing.length)
          ctx.addIssue({
            code: 'custom',
            path: ['rates'],
            message: `without basedOn, rates must give every quota class; missing ${missing.length}: ${missing.slice(0, 8).join(', ')}${missing.length > 8 ? ', …' : ''}`,
          });
      }
    });
  return QuotaFileSchema;
});

export type QuotaFile = z.infer<ReturnType<typeof quotaFileSchema>>;

/** JSON Schema (draft 2020-12) of the quota file. */
export const quotaFileJsonSchema = (): Record<string, unknown> => zod().z.toJSONSchema(quotaFileSchema(), { io: 'input' });

/**
 * Validates a parsed quota file and builds the profile. With `basedOn`, `rates` replace the base
 * rates in every Region (dropping the base's Region tiers for those classes) and `regions` are
 * layered on top. Throws QuotaConfigError with every problem listed.
 */
export function parseQuotaFile(input: unknown): QuotaProfile {
  const result = quotaFileSchema().safeParse(input);
  if (!result.success) throw new QuotaConfigError(`invalid quota file:\n${zod().z.prettifyError(result.error)}`);
  const file = result.data;
  let base: QuotaProfile = file.basedOn ? getProfile(file.basedOn) : profile({ name: file.name, description: '', sources: [], rates: {}, regions: {} });
  const overrides = Object.entries(file.rates ?? {}).map(([cls, rate]): Override => ({ kind: 'rate', cls: cls as QuotaClassId, rate: rate as number }));
  if (overrides.length) base = applyParsed(base, overrides);
  const regions = mergeRegions({ ...base.regions }, file.regions ?? {});
  return deepFreeze({
    name: file.name,
    description: file.description ?? (file.basedOn ? `Based on ${file.basedOn}.` : ''),
    sources: [...(file.basedOn ? getProfile(file.basedOn).sources : []), 'quota file'],
    burstSeconds: file.burstSeconds ?? base.burstSeconds,
    rates: base.rates,
    regions,
  });
}

/** Parses the text of a quota file (JSON). */
export function parseQuotaFileText(text: string): QuotaProfile {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new QuotaConfigError(`quota file is not JSON: ${(e as Error).message}`);
  }
  return parseQuotaFile(json);
}

/** A profile as a stand-alone quota file (every class listed; round-trips through parseQuotaFile). */
export function toQuotaFile(p: QuotaProfile): QuotaFile {
  return {
    name: p.name,
    description: p.description,
    burstSeconds: p.burstSeconds,
    rates: { ...p.rates },
    regions: Object.fromEntries(Object.entries(p.regions).map(([r, t]) => [r, { ...t }])),
  };
}

function deepFreeze<T>(o: T): T {
  if (o && typeof o === 'object' && !Object.isFrozen(o)) {
    Object.freeze(o);
    for (const v of Object.values(o)) deepFreeze(v);
  }
  return o;
}
