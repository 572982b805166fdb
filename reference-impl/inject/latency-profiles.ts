/**
 * Named latency profiles for `--latency-profile NAME`: a p50 and p99 per operation class, so a
 * planner or a client test can model real KMS latency without naming every operation.
 *
 * Sources. AWS publishes no latency figures for KMS (its service level agreement covers
 * availability only: https://aws.amazon.com/kms/sla/), so every figure below is an ESTIMATE,
 * labelled as such in `kmsbench serve --help` and docs/checking-a-vendor.md. They are anchored on
 * reports of client-side timings rather than measurements of ours: single-digit milliseconds for
 * symmetric calls within a Region, tens of milliseconds per call once a client adds TLS set-up and
 * SDK overhead (aws/aws-encryption-sdk-python#5: "~50ms" per encrypt, two KMS calls), and hundreds
 * of milliseconds from cold Lambda functions (aws/aws-encryption-sdk-javascript#371). Replace them
 * with your own: run `kmsbench load --suite latency --endpoint aws --rate 5` from the host that
 * matters and pass what it measured as `--inject latency=OP:p50=MS,p99=MS`.
 *
 * @module
 */

export interface LatencyTarget {
  /** Median, ms. */
  p50: number;
  /** 99th percentile, ms. */
  p99: number;
}

/** Operation classes a profile gives latencies for. */
export type LatencyClass = 'symmetric' | 'asymmetric' | 'data-key-pair' | 'create-key' | 'read' | 'write';

const CLASS_OF: Record<string, LatencyClass> = {
  Encrypt: 'symmetric',
  Decrypt: 'symmetric',
  ReEncrypt: 'symmetric',
  GenerateDataKey: 'symmetric',
  GenerateDataKeyWithoutPlaintext: 'symmetric',
  GenerateRandom: 'symmetric',
  GenerateMac: 'symmetric',
  VerifyMac: 'symmetric',
  Sign: 'asymmetric',
  Verify: 'asymmetric',
  DeriveSharedSecret: 'asymmetric',
  GenerateDataKeyPair: 'data-key-pair',
  GenerateDataKeyPairWithoutPlaintext: 'data-key-pair',
  CreateKey: 'create-key',
};

/** The class an operation's latency follows: reads are Describe/Get/List, every other control-plane call is a write. */
export function latencyClassOf(operation: string): LatencyClass {
  return CLASS_OF[operation] ?? (/^(Describe|Get|List)/.test(operation) ? 'read' : 'write');
}

export interface LatencyProfile {
  name: string;
  description: string;
  classes: Record<LatencyClass, LatencyTarget & { basis: 'estimate' }>;
}

/** The estimates, in-region and cross-region side by side: ms at the median and the 99th percentile. */
const ESTIMATES: Record<LatencyClass, { 'in-region': [p50: number, p99: number]; 'cross-region': [p50: number, p99: number] }> = {
  symmetric: { 'in-region': [5, 20], 'cross-region': [65, 110] },
  asymmetric: { 'in-region': [12, 45], 'cross-region': [72, 140] },
  'data-key-pair': { 'in-region': [40, 400], 'cross-region': [100, 480] },
  'create-key': { 'in-region': [60, 250], 'cross-region': [120, 330] },
  read: { 'in-region': [5, 25], 'cross-region': [65, 115] },
  write: { 'in-region': [25, 120], 'cross-region': [85, 210] },
};

const DESCRIPTIONS = {
  'in-region': 'a client in the same AWS Region as KMS, warm connections (estimates: AWS publishes no KMS latency figures)',
  'cross-region': 'a client calling KMS in another Region on the same continent: in-region plus a ~60 ms round trip (estimates)',
} as const;

function profile(name: keyof typeof DESCRIPTIONS): LatencyProfile {
  const classes = Object.fromEntries(
    Object.entries(ESTIMATES).map(([cls, byProfile]) => {
      const [p50, p99] = byProfile[name];
      return [cls, { p50, p99, basis: 'estimate' as const }];
    }),
  ) as LatencyProfile['classes'];
  return { name, description: DESCRIPTIONS[name], classes };
}

export const LATENCY_PROFILES: Record<string, LatencyProfile> = {
  'in-region': profile('in-region'),
  'cross-region': profile('cross-region'),
};

/** The profile's latency for an operation. */
export const profileLatency = (profile: LatencyProfile, operation: string): LatencyTarget => profile.classes[latencyClassOf(operation)];
