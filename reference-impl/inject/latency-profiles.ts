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

export const LATENCY_PROFILES: Record<string, LatencyProfile> = {
  'in-region': {
    name: 'in-region',
    description: 'a client in the same AWS Region as KMS, warm connections (estimates: AWS publishes no KMS latency figures)',
    classes: {
      symmetric: { p50: 5, p99: 20, basis: 'estimate' },
      asymmetric: { p50: 12, p99: 45, basis: 'estimate' },
      'data-key-pair': { p50: 40, p99: 400, basis: 'estimate' },
      'create-key': { p50: 60, p99: 250, basis: 'estimate' },
      read: { p50: 5, p99: 25, basis: 'estimate' },
      write: { p50: 25, p99: 120, basis: 'estimate' },
    },
  },
  'cross-region': {
    name: 'cross-region',
    description: 'a client calling KMS in another Region on the same continent: in-region plus a ~60 ms round trip (estimates)',
    classes: {
      symmetric: { p50: 65, p99: 110, basis: 'estimate' },
      asymmetric: { p50: 72, p99: 140, basis: 'estimate' },
      'data-key-pair': { p50: 100, p99: 480, basis: 'estimate' },
      'create-key': { p50: 120, p99: 330, basis: 'estimate' },
      read: { p50: 65, p99: 115, basis: 'estimate' },
      write: { p50: 85, p99: 210, basis: 'estimate' },
    },
  },
};

/** The profile's latency for an operation. */
export const profileLatency = (profile: LatencyProfile, operation: string): LatencyTarget => profile.classes[latencyClassOf(operation)];
