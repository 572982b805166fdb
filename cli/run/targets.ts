/**
 * The main job's targets: the embedded reference server (the baseline, unless `--no-reference`)
 * and each `--endpoint`, with its `--label`, `--expect` and `--profile` taken in the order given,
 * and what its load run may offer. Pure: the options in, the targets out (UsageError on a
 * mismatch).
 *
 * @module
 */
import { parseTarget, TargetSpecError, type TargetSpec } from '../../harness/target/index.js';
import { UsageError } from '../args.js';

/** The reference server's label in the report. */
export const REFERENCE_LABEL = 'reference server (embedded)';

/** Load run defaults: the embedded server is ours and free; anything else may be a paid, shared service. */
export const LOAD_DEFAULTS = {
  embedded: { rate: 200, durationMs: 2000 },
  endpoint: { rate: 20, durationMs: 10_000 },
} as const;

export interface RunTarget {
  label: string;
  /** Its folder under OUT. */
  dir: string;
  spec: TargetSpec;
  /** The embedded reference server. */
  reference: boolean;
  expectationsFile?: string;
  /** Named AWS profile for its credentials (else the usual chain). */
  profile?: string;
  /** Its latency run: offered rate per second and each operation's measured phase. */
  load: { rate: number; durationMs: number };
  /** Conformance cases at a time (default: the runner's). */
  concurrency?: number;
}

export interface TargetOptions {
  endpoints: readonly string[];
  labels: readonly string[];
  /** Per endpoint in order; `none` (or `-`) for none. */
  expects: readonly string[];
  /** Per endpoint in order; `-` for the usual credential chain. */
  profiles: readonly string[];
  reference: boolean;
  referenceExpectations?: string;
  /** `--rate` and `--duration`, when given: every target's load run. */
  rate?: number;
  durationMs?: number;
  /** `--concurrency`: the endpoints' conformance cases at a time. */
  concurrency?: number;
}

const NONE = new Set(['none', '-']);

/** A label as a folder name. */
export const dirOf = (label: string): string => label.toLowerCase().replace(/[^a-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'target';

/** What an endpoint is called when no `--label` names it: `aws`, or host:port. */
export function defaultLabel(spec: TargetSpec): string {
  if (spec.kind !== 'url') return spec.kind;
  const u = new URL(spec.endpoint);
  return u.port ? `${u.hostname}:${u.port}` : u.hostname;
}

export function runTargets(o: TargetOptions): RunTarget[] {
  const tooMany = (flag: string, n: number) => {
    if (n > o.endpoints.length) throw new UsageError(`${n} ${flag} for ${o.endpoints.length} --endpoint: give them in the order of the endpoints, at most one each`);
  };
  tooMany('--label', o.labels.length);
  tooMany('--expect', o.expects.length);
  tooMany('--profile', o.profiles.length);
  if (!o.reference && o.endpoints.length === 0) throw new UsageError('--no-reference needs at least one --endpoint');
  const targets: RunTarget[] = [];
  const load = (kind: 'embedded' | 'endpoint') => ({ rate: o.rate ?? LOAD_DEFAULTS[kind].rate, durationMs: o.durationMs ?? LOAD_DEFAULTS[kind].durationMs });
  if (o.reference) {
    targets.push({
      label: REFERENCE_LABEL,
      dir: 'reference',
      spec: { kind: 'embedded', faults: [] },
      reference: true,
      ...(o.referenceExpectations ? { expectationsFile: o.referenceExpectations } : {}),
      load: load('embedded'),
    });
  }
  o.endpoints.forEach((text, i) => {
    let spec: TargetSpec;
    try {
      spec = parseTarget(text, { accept: ['url', 'aws'] });
    } catch (e) {
      if (e instanceof TargetSpecError) throw new UsageError(e.message.replace("a URL, 'embedded' or 'aws'", "a URL or 'aws'"));
      throw e;
    }
    const label = o.labels[i] ?? defaultLabel(spec);
    const expect = o.expects[i];
    const profile = o.profiles[i];
    if (profile !== undefined && !NONE.has(profile) && spec.kind === 'embedded') throw new UsageError('--profile applies to endpoints only');
    targets.push({
      label,
      dir: dirOf(label),
      spec,
      reference: false,
      ...(expect !== undefined && !NONE.has(expect) ? { expectationsFile: expect } : {}),
      ...(profile !== undefined && !NONE.has(profile) ? { profile } : {}),
      load: load('endpoint'),
      ...(o.concurrency !== undefined ? { concurrency: o.concurrency } : {}),
    });
  });
  const seen = new Map<string, string>();
  for (const t of targets) {
    const other = seen.get(t.dir);
    if (other !== undefined) throw new UsageError(`two targets would share the folder '${t.dir}' (${other}, ${t.label}): give them different --label names`);
    seen.set(t.dir, t.label);
  }
  return targets;
}
