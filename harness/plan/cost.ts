/**
 * Monthly cost of a workload: customer managed keys (with rotation charges) and requests.
 *
 * Prices (USD; AWS publishes one table per Region, these are the figures shown for the Regions we
 * could read, and the facts sheet's):
 *
 * | item | price | source |
 * |---|---|---|
 * | customer managed key (any kind, each multi-Region replica too) | $1 / month | [AWS] Key storage; facts sheet |
 * | automatic / on-demand rotation | +$1 / month for each of the first two rotations, later ones free | facts sheet (AWS's current rule) |
 * | AWS managed keys | no monthly fee (requests are billed) | [AWS]; facts sheet |
 * | requests, symmetric and HMAC keys, and any request not below | $0.03 / 10,000 | [AWS]; facts sheet |
 * | requests involving RSA_2048 keys | $0.03 / 10,000 | [AWS] price list, transcribed in [T] |
 * | asymmetric requests except RSA_2048 | $0.15 / 10,000 | [AWS] price list, transcribed in [T] |
 * | GenerateDataKeyPair, ECC key pairs | $0.10 / 10,000 | [AWS] price list, transcribed in [T] |
 * | GenerateDataKeyPair, RSA key pairs | $12.00 / 10,000 | [AWS] price list, transcribed in [T] |
 * | free tier | 20,000 requests / month, all Regions; asymmetric requests and GenerateDataKeyPair excluded | [AWS] Free Tier |
 *
 * [AWS] https://aws.amazon.com/kms/pricing/ — "Each AWS KMS key that you create in AWS KMS costs
 *       $1/month (prorated hourly)", "each multi-Region key (each primary and each replica)",
 *       "no monthly charge for data keys or data key pairs … beyond the charge for the API call",
 *       free tier of 20,000 requests/month "calculated across all regions"; requests to
 *       GenerateDataKeyPair* and to Sign, Verify, Encrypt, Decrypt, GetPublicKey that reference
 *       asymmetric keys are excluded from the free tier.
 * [T]   A transcription of AWS's per-Region price list (ap-southeast-2): "$0.03 per 10,000
 *       requests / $0.03 per 10,000 requests involving RSA 2048 keys / $0.10 per 10,000 ECC
 *       GenerateDataKeyPair requests / $0.15 per 10,000 asymmetric requests except RSA 2048 /
 *       $12.00 per 10,000 RSA GenerateDataKeyPair requests"; third-party pages quoting AWS's page
 *       give the same $0.15 asymmetric figure.
 *
 * ASSUMPTIONS (not found in those sources; printed with every plan):
 * - ML-DSA requests are priced like "asymmetric except RSA 2048" ($0.15 / 10,000).
 * - SM2 and ECC_NIST_EDWARDS25519 data key pairs are priced like ECC key pairs ($0.10 / 10,000).
 * - "Asymmetric requests" are the cryptographic operations and GetPublicKey on an asymmetric key;
 *   control-plane requests (DescribeKey …) on any key are $0.03 / 10,000.
 * - A month is 730 hours (AWS's billing convention), requests at the average rate all month.
 * - Rotation charges apply to each multi-Region replica as to its primary.
 * - Custom key stores: the CloudHSM cluster or external key manager is billed separately, not here.
 * - Prices are list prices in USD; other Regions may differ slightly.
 *
 * @module
 */
import type { KeyGroup, Workload } from './workload.js';
import type { Stream } from './rates.js';

export const SECONDS_PER_MONTH = 730 * 3600;

export type PriceTier = 'symmetric' | 'rsa-2048' | 'asymmetric' | 'data-key-pair-ecc' | 'data-key-pair-rsa';

export const PRICING = {
  currency: 'USD',
  keyPerMonth: 1,
  rotationPerMonth: 1,
  /** Rotations that add a monthly charge; later ones are free. */
  chargedRotations: 2,
  /** USD per 10,000 requests. */
  perTenThousand: {
    symmetric: 0.03,
    'rsa-2048': 0.03,
    asymmetric: 0.15,
    'data-key-pair-ecc': 0.1,
    'data-key-pair-rsa': 12,
  } satisfies Record<PriceTier, number>,
  freeTierRequests: 20_000,
  /** Only these tiers count toward (and are covered by) the free tier. */
  freeTierEligible: ['symmetric'] as readonly PriceTier[],
} as const;

export const PRICING_SOURCES = [
  'AWS KMS pricing, https://aws.amazon.com/kms/pricing/ (key storage $1/month incl. each multi-Region replica; AWS managed keys free; 20,000 free requests/month across Regions; asymmetric requests and GenerateDataKeyPair excluded from the free tier)',
  'AWS per-Region request price list as transcribed for ap-southeast-2: $0.03 /10k requests, $0.03 /10k involving RSA 2048 keys, $0.10 /10k ECC GenerateDataKeyPair, $0.15 /10k asymmetric except RSA 2048, $12.00 /10k RSA GenerateDataKeyPair',
  'spec/kms-facts.md, Cost model ($1 per customer key-month; first and second rotation add $1 each, further ones free; $0.03 per 10,000 symmetric requests)',
] as const;

export const PRICING_ASSUMPTIONS = [
  'ML-DSA requests priced like "asymmetric except RSA 2048" ($0.15 per 10,000): not in the sources found',
  'SM2 and ECC_NIST_EDWARDS25519 data key pairs priced like ECC key pairs ($0.10 per 10,000): not in the sources found',
  '"asymmetric requests" = cryptographic operations and GetPublicKey on an asymmetric key; control-plane requests on any key at $0.03 per 10,000',
  'a month is 730 hours at the average request rate (peaks do not change the bill, only the quota)',
  'rotation charges apply to each multi-Region replica as to its primary; CloudHSM / external key manager costs not included',
] as const;

/** The price tier of a stream. */
export function priceTier(s: Pick<Stream, 'operation' | 'keySpec' | 'keyPairSpec' | 'kind'>): PriceTier {
  if (s.operation === 'GenerateDataKeyPair' || s.operation === 'GenerateDataKeyPairWithoutPlaintext')
    return s.keyPairSpec?.startsWith('RSA_') ? 'data-key-pair-rsa' : 'data-key-pair-ecc';
  const spec = s.keySpec;
  if (!spec || spec === 'SYMMETRIC_DEFAULT' || spec.startsWith('HMAC_')) return 'symmetric';
  if (s.kind === 'call' && s.operation !== 'GetPublicKey') return 'symmetric';
  return spec === 'RSA_2048' ? 'rsa-2048' : 'asymmetric';
}

export interface KeyCost {
  name: string;
  spec: string;
  count: number;
  managedBy: 'customer' | 'aws';
  /** Billed keys: count × (1 + replicas) for customer keys, 0 for AWS managed. */
  billedKeys: number;
  /** Rotations so far that are charged (0–2). */
  chargedRotations: number;
  monthly: number;
  /** After two rotations (the most a key ever costs): only when rotation is on. */
  steadyStateMonthly?: number;
}

export interface RequestCost {
  tier: PriceTier;
  pricePerTenThousand: number;
  requestsPerMonth: number;
  monthly: number;
}

export interface CostResult {
  currency: 'USD';
  keys: KeyCost[];
  requests: RequestCost[];
  freeTierRequests: number;
  freeTierCredit: number;
  keysMonthly: number;
  requestsMonthly: number;
  total: number;
  /** Total once every rotating key has had its two charged rotations. */
  steadyStateTotal: number;
  sources: readonly string[];
  assumptions: readonly string[];
}

/** Rotations so far (automatic by age + on demand), and the charged ones. */
export function rotationsOf(k: KeyGroup): { rotations: number; charged: number } {
  const r = k.rotation;
  if (!r || k.managedBy === 'aws') return { rotations: 0, charged: 0 };
  const automatic = r.automatic ? Math.floor(k.ageDays / r.periodDays) : 0;
  const rotations = automatic + r.onDemandRotations;
  return { rotations, charged: Math.min(PRICING.chargedRotations, rotations) };
}

export function keyCost(k: KeyGroup): KeyCost {
  if (k.managedBy === 'aws') return { name: k.name, spec: k.spec, count: k.count, managedBy: 'aws', billedKeys: 0, chargedRotations: 0, monthly: 0 };
  const billedKeys = k.count * (1 + k.multiRegionReplicas);
  const { charged } = rotationsOf(k);
  const perKey = PRICING.keyPerMonth + PRICING.rotationPerMonth * charged;
  const rotates = !!k.rotation && (k.rotation.automatic || k.rotation.onDemandRotations > 0);
  return {
    name: k.name,
    spec: k.spec,
    count: k.count,
    managedBy: 'customer',
    billedKeys,
    chargedRotations: charged,
    monthly: billedKeys * perKey,
    ...(rotates ? { steadyStateMonthly: billedKeys * (PRICING.keyPerMonth + PRICING.rotationPerMonth * PRICING.chargedRotations) } : {}),
  };
}

const round2 = (x: number) => Math.round(x * 100) / 100;

export function workloadCost(w: Workload, streams: readonly Stream[]): CostResult {
  const keys = w.keys.map(keyCost);
  const byTier = new Map<PriceTier, number>();
  for (const s of streams) byTier.set(priceTier(s), (byTier.get(priceTier(s)) ?? 0) + s.average * SECONDS_PER_MONTH);
  const requests: RequestCost[] = [...byTier].map(([tier, n]) => ({
    tier,
    pricePerTenThousand: PRICING.perTenThousand[tier],
    requestsPerMonth: Math.round(n),
    monthly: (n / 10_000) * PRICING.perTenThousand[tier],
  }));
  const eligible = requests.filter((r) => PRICING.freeTierEligible.includes(r.tier)).reduce((n, r) => n + r.requestsPerMonth, 0);
  const freeTierRequests = w.freeTier ? Math.min(PRICING.freeTierRequests, eligible) : 0;
  const freeTierCredit = (freeTierRequests / 10_000) * PRICING.perTenThousand.symmetric;
  const keysMonthly = keys.reduce((n, k) => n + k.monthly, 0);
  const requestsMonthly = requests.reduce((n, r) => n + r.monthly, 0) - freeTierCredit;
  const steadyKeys = keys.reduce((n, k) => n + (k.steadyStateMonthly ?? k.monthly), 0);
  return {
    currency: 'USD',
    keys: keys.map((k) => ({ ...k, monthly: round2(k.monthly), ...(k.steadyStateMonthly !== undefined ? { steadyStateMonthly: round2(k.steadyStateMonthly) } : {}) })),
    requests: requests.map((r) => ({ ...r, monthly: round2(r.monthly) })),
    freeTierRequests,
    freeTierCredit: round2(freeTierCredit),
    keysMonthly: round2(keysMonthly),
    requestsMonthly: round2(requestsMonthly),
    total: round2(keysMonthly + requestsMonthly),
    steadyStateTotal: round2(steadyKeys + requestsMonthly),
    sources: PRICING_SOURCES,
    assumptions: PRICING_ASSUMPTIONS,
  };
}
