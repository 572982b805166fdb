/**
 * Which cases run, and how: the selection (`--tags`, `--grep`), each case's phase (concurrent;
 * alone for clock and destructive cases; last, on low quotas, for low-quota ones) and why a case
 * does not run here (the expectation file, real-AWS-only, a capability the probe did not find).
 *
 * @module
 */
import type { ProbeResult } from '../target/capabilities.js';
import type { Capability, ConformanceCase, LoadedCase } from './case.js';
import type { Expected } from '../results/conformance-contract.js';
import type { ExpectationFile } from './expectations.js';
import type { Results } from '../results/conformance-results.js';

/** The target as results.json names it. */
export type TargetKind = Results['target']['kind'];

/** A case as scheduled: its phase and what ends it early. */
export interface Planned {
  lc: LoadedCase;
  expected: Expected;
  expectationReason?: string;
  /** Set when the case will not run. */
  skip?: string;
  phase: 'concurrent' | 'alone' | 'low-quota';
}

export function selectCases(cases: readonly LoadedCase[], tags: readonly string[] = [], grep?: string): LoadedCase[] {
  const g = grep?.toLowerCase();
  return cases.filter(
    ({ case: c }) =>
      (tags.length === 0 || c.tags.some((t) => tags.includes(t))) &&
      (!g || c.id.toLowerCase().includes(g) || c.title.toLowerCase().includes(g)),
  );
}

export function planCase(lc: LoadedCase, expectations: ExpectationFile, kind: TargetKind): Planned {
  const c = lc.case;
  const entry = expectations.cases[c.id];
  const flags = new Set(c.flags ?? []);
  const needs = new Set(c.needs ?? []);
  const p: Planned = {
    lc,
    expected: entry?.expect ?? 'pass',
    ...(entry ? { expectationReason: entry.reason } : {}),
    phase: needs.has('low-quota') ? 'low-quota' : flags.has('needs-clock') || flags.has('destructive') ? 'alone' : 'concurrent',
  };
  if (entry?.expect === 'skip') p.skip = `not run here (expectation file): ${entry.reason}`;
  else if (flags.has('real-aws-only') && kind !== 'aws') p.skip = 'only meaningful against real AWS (real-aws-only)';
  return p;
}

export function missingCapability(c: ConformanceCase, capabilities: ReadonlySet<Capability>, probe: ProbeResult, kind: TargetKind): string | undefined {
  for (const op of c.ops) {
    const cap = `op:${op}` as const;
    if (!capabilities.has(cap)) return `the endpoint does not support ${op} (probe: ${probe.probes[cap]?.evidence ?? 'not probed'})`;
  }
  for (const need of c.needs ?? []) {
    if (need === 'low-quota') {
      if (kind !== 'embedded') return 'needs quotas the run controls (low-quota): only the embedded reference server has them';
      continue;
    }
    if (!capabilities.has(need)) return `the endpoint lacks ${need} (probe: ${probe.probes[need]?.evidence ?? 'not probed'})`;
  }
  return undefined;
}
