/**
 * The load suites `kmsbench export-k6` can write as k6 scripts:
 *
 * - `latency`: one constant-arrival-rate scenario per operation (symmetric data plane and
 *   DescribeKey), each with a p99 threshold; nothing should be throttled (kms_throttled < 1 %).
 * - `throttle-curve`: one ramping-arrival-rate scenario stepping the offered rate through
 *   0.5× … 3× of a quota (default: the operation's class in the Region, from profileForRegion);
 *   thresholds: under 1 % throttled at ≤ 0.8×, and 1 − 1/f ± 15 points at f ≥ 1.5× (what a
 *   per-second quota admits), plus p99 on the admitted requests.
 * - `workload`: the request streams of a capacity-planning workload (suites/workloads/) at
 *   their peak rates, one constant-arrival-rate scenario per stream.
 *
 * @module
 */
import { quotaRouteFor } from '../../common/quota/classes.js';
import { profileForRegion } from '../../common/quota/profiles.js';
import type { PlanResult } from '../plan/capacity-plan.js';
import type { Workload } from '../plan/workload.js';
import { keyUsageFor } from '../load/request-bodies.js';
import type { K6Key, K6ScriptSpec, K6Stream } from './script.js';

/** Default p99 thresholds (ms) per operation; KMS_P99_MS(_<OP>) override at run time. */
export function defaultP99Ms(operation: string, keySpec?: string, keyPairSpec?: string): number {
  if (operation.startsWith('GenerateDataKeyPair')) return keyPairSpec?.startsWith('RSA_') ? 2000 : 300;
  if (operation === 'Sign' || operation === 'Verify' || operation === 'GetPublicKey' || operation === 'DeriveSharedSecret')
    return keySpec?.startsWith('RSA_') && keySpec !== 'RSA_2048' ? 500 : 250;
  if ((operation === 'Encrypt' || operation === 'Decrypt') && keySpec?.startsWith('RSA_')) return 500;
  return 100;
}

export const LATENCY_OPERATIONS = ['Encrypt', 'Decrypt', 'GenerateDataKey', 'GenerateDataKeyWithoutPlaintext', 'ReEncrypt', 'GenerateRandom', 'DescribeKey'] as const;

export const THROTTLE_FACTORS = [0.5, 1, 1.5, 2, 2.5, 3] as const;

export interface LatencyOptions {
  region?: string;
  /** Requests per second per operation (default 50). */
  rate?: number;
  duration?: string;
  operations?: readonly string[];
}

export function latencySuite(o: LatencyOptions = {}): K6ScriptSpec {
  const region = o.region ?? 'us-east-1';
  const rate = o.rate ?? 50;
  const duration = o.duration ?? '1m';
  const ops = o.operations ?? LATENCY_OPERATIONS;
  for (const op of ops) if (!(LATENCY_OPERATIONS as readonly string[]).includes(op)) throw new RangeError(`latency suite: unsupported operation ${op} (one of ${LATENCY_OPERATIONS.join(', ')})`);
  const streams: K6Stream[] = ops.map((op) => ({
    scenario: op,
    operation: op,
    ...(op === 'GenerateRandom' ? {} : { key: 'symmetric', keySpec: 'SYMMETRIC_DEFAULT' }),
    ...(op === 'Encrypt' ? { plaintextBytes: 4096 } : {}),
    executor: { kind: 'constant', ratePerSecond: rate, duration },
    p99Ms: defaultP99Ms(op),
  }));
  return {
    suite: 'latency',
    title: `kmsbench latency suite: ${ops.length} operations at ${rate}/s each (constant arrival rate)`,
    description: [
      'Open model: each operation has its own constant-arrival-rate scenario, so a slow server',
      'cannot slow the offered load down. Threshold per operation on p99 of http_req_duration',
      '(tag op), and on the share of throttled requests (kms_throttled < 1 %).',
    ],
    region,
    keys: [{ name: 'symmetric', spec: 'SYMMETRIC_DEFAULT', usage: 'ENCRYPT_DECRYPT' }],
    streams,
    throttledThreshold: 'rate<0.01',
  };
}

export interface ThrottleCurveOptions {
  region?: string;
  operation?: string;
  /** The quota to step around (default: the operation's class in the Region). */
  quotaRate?: number;
  quotaProfile?: string;
  stepSeconds?: number;
  rampSeconds?: number;
}

export const THROTTLE_OPERATIONS = ['Encrypt', 'Decrypt', 'GenerateDataKey', 'GenerateDataKeyWithoutPlaintext', 'GenerateRandom', 'DescribeKey'] as const;

export function throttleCurveSuite(o: ThrottleCurveOptions = {}): K6ScriptSpec {
  const region = o.region ?? 'us-east-1';
  const op = o.operation ?? 'GenerateDataKey';
  if (!(THROTTLE_OPERATIONS as readonly string[]).includes(op)) throw new RangeError(`throttle-curve suite: unsupported operation ${op} (one of ${THROTTLE_OPERATIONS.join(', ')})`);
  const route = quotaRouteFor(op, op === 'GenerateRandom' ? {} : { keySpec: 'SYMMETRIC_DEFAULT' });
  const quotaRate = o.quotaRate ?? profileForRegion(region, o.quotaProfile ?? 'current').rates[route.cls];
  const stepSeconds = o.stepSeconds ?? 30;
  const rampSeconds = o.rampSeconds ?? 5;
  return {
    suite: 'throttle-curve',
    title: `kmsbench throttle curve: ${op} at 0.5× … 3× of the ${route.cls} quota (${quotaRate}/s in ${region})`,
    description: [
      `Ramping arrival rate: ${THROTTLE_FACTORS.map((f) => `${f}×`).join(', ')} of KMS_QUOTA_RATE (default ${quotaRate}/s, the`,
      `${route.cls} quota in ${region}), each held ${stepSeconds} s after a ${rampSeconds} s ramp. Requests are tagged`,
      "load:<factor>x ('ramp' while ramping). Thresholds: < 1 % throttled at ≤ 0.8×; at f ≥ 1.5× the",
      'throttled share is 1 − 1/f ± 15 points (a per-second quota admits the quota, refuses the rest).',
      'Set KMS_QUOTA_RATE when the account has a different quota.',
    ],
    region,
    keys: op === 'GenerateRandom' ? [] : [{ name: 'symmetric', spec: 'SYMMETRIC_DEFAULT', usage: 'ENCRYPT_DECRYPT' }],
    streams: [
      {
        scenario: 'curve',
        operation: op,
        ...(op === 'GenerateRandom' ? {} : { key: 'symmetric', keySpec: 'SYMMETRIC_DEFAULT' }),
        ...(op === 'Encrypt' ? { plaintextBytes: 1024 } : {}),
        executor: { kind: 'ramping', quotaRate, factors: [...THROTTLE_FACTORS], stepSeconds, rampSeconds },
        p99Ms: defaultP99Ms(op),
      },
    ],
  };
}

export interface WorkloadSuiteOptions {
  /** Multiplier on the plan's rates (KMS_RATE_SCALE multiplies again at run time). */
  scale?: number;
  duration?: string;
  load?: 'peak' | 'average';
}

const safeName = (s: string) => s.replace(/[^A-Za-z0-9_]/g, '_').replace(/^([^A-Za-z])/, 'k_$1');

/** Operations a workload stream can be exported with (the others need arguments the file does not give). */
const EXPORTABLE = new Set([
  'Encrypt',
  'Decrypt',
  'GenerateDataKey',
  'GenerateDataKeyWithoutPlaintext',
  'GenerateDataKeyPair',
  'GenerateDataKeyPairWithoutPlaintext',
  'Sign',
  'Verify',
  'GenerateMac',
  'VerifyMac',
  'GenerateRandom',
  'DescribeKey',
  'GetPublicKey',
  'GetKeyPolicy',
  'GetKeyRotationStatus',
  'ListKeys',
  'ListAliases',
  'ListResourceTags',
  'ReEncrypt',
]);

export function workloadSuite(w: Workload, plan: PlanResult, o: WorkloadSuiteOptions = {}): K6ScriptSpec {
  const scale = o.scale ?? 1;
  const load = o.load ?? 'peak';
  const duration = o.duration ?? '2m';
  const opsByKey = new Map<string, Set<string>>();
  for (const s of plan.streams) if (s.key) (opsByKey.get(s.key) ?? opsByKey.set(s.key, new Set()).get(s.key)!).add(s.operation);
  const keys: K6Key[] = [...opsByKey].map(([name, ops]) => {
    const g = w.keys.find((k) => k.name === name)!;
    return { name: safeName(name), spec: g.spec, usage: keyUsageFor(g.spec, ops) };
  });
  const skipped: string[] = [];
  const streams: K6Stream[] = [];
  for (const s of plan.streams) {
    const rate = s[load] * scale;
    if (!EXPORTABLE.has(s.operation)) {
      skipped.push(`${s.id} (${s.operation}: needs arguments the workload does not give)`);
      continue;
    }
    if (rate <= 0) continue;
    const svc = w.services.find((x) => x.name === s.service);
    streams.push({
      scenario: safeName(`${s.service}_${s.operation}${s.key ? `_${s.key}` : ''}`),
      operation: s.operation,
      ...(s.key ? { key: safeName(s.key), keySpec: s.keySpec! } : {}),
      ...(s.keyPairSpec ? { keyPairSpec: s.keyPairSpec } : {}),
      ...(s.operation === 'Encrypt' && svc?.encrypt ? { plaintextBytes: svc.encrypt.messageBytes } : {}),
      executor: { kind: 'constant', ratePerSecond: +rate.toPrecision(6), duration },
      p99Ms: defaultP99Ms(s.operation, s.keySpec, s.keyPairSpec),
    });
  }
  const total = streams.reduce((n, s) => n + (s.executor.kind === 'constant' ? s.executor.ratePerSecond : 0), 0);
  return {
    suite: 'workload',
    title: `kmsbench workload ${w.name}: ${streams.length} request streams, ${Math.round(total).toLocaleString('en-US')} requests/s at ${load}${scale !== 1 ? ` × ${scale}` : ''}`,
    description: [
      `Request streams of suites/workloads/${w.name}.yaml as planned by \`kmsbench plan\` (after data-key`,
      `caching), in ${plan.workload.region}, at the ${load} rates${scale !== 1 ? ` × ${scale}` : ''}. One key per key group. Custom key stores`,
      'are not reproduced. Expect throttling where the plan says a class is over its quota.',
      ...(skipped.length ? ['Not exported: ' + skipped.join('; ')] : []),
    ],
    region: plan.workload.region,
    keys,
    streams,
    throttledThreshold: plan.classes.some((c) => c.status === 'over') ? 'rate<0.75' : 'rate<0.01',
  };
}

export const SUITE_NAMES = ['latency', 'throttle-curve', 'workload'] as const;
export type SuiteName = (typeof SUITE_NAMES)[number];
