/**
 * Which cases run, and how: the selection (`--tags`, `--grep`), each case's phase (concurrent;
 * alone for clock and destructive cases; last, on low quotas, for low-quota ones) and why a case
 * does not run here: `skip` for what the run deliberately lacks or excludes (the expectation file,
 * real-AWS-only, a case newer than the `--aws-as-of` profile, clock or quota control), then
 * `unsupported` for an operation the probe found the endpoint does not implement.
 *
 * @module
 */
import { todayUtc } from '../../common/dates.js';
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
  /** Set when the case will not run, with the outcome that says why. */
  notRun?: { outcome: 'skip' | 'unsupported'; reason: string };
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

export function planCase(lc: LoadedCase, expectations: ExpectationFile, kind: TargetKind, awsAsOf: string = todayUtc()): Planned {
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
  const skip = (reason: string) => (p.notRun = { outcome: 'skip', reason });
  if (entry?.expect === 'skip') skip(`not run here (expectation file): ${entry.reason}`);
  else if (flags.has('real-aws-only') && kind !== 'aws') skip('only meaningful against real AWS (real-aws-only)');
  else if (c.source?.since && c.source.since > awsAsOf) skip(`not yet AWS behaviour as of ${awsAsOf} (since ${c.source.since})`);
  return p;
}

/**
 * Why a case cannot run on this endpoint, from the probe: first what the run deliberately lacks
 * (`skip`: quotas it controls, a capability `needs` names), then an operation the endpoint does
 * not implement (`unsupported`), so a case that could not have run anyway does not count against
 * the endpoint.
 */
export function missingCapability(
  c: ConformanceCase,
  capabilities: ReadonlySet<Capability>,
  probe: ProbeResult,
  kind: TargetKind,
): Planned['notRun'] | undefined {
  const evidence = (cap: string) => probe.probes[cap]?.evidence ?? 'not probed';
  const neededOps = [...c.ops.map((op) => `op:${op}` as const), ...(c.needs ?? []).filter((n) => n.startsWith('op:'))];
  for (const need of c.needs ?? []) {
    if (need.startsWith('op:')) continue;
    if (need === 'low-quota') {
      if (kind !== 'embedded') return { outcome: 'skip', reason: 'needs quotas the run controls (low-quota): only the embedded reference server has them' };
      continue;
    }
    if (!capabilities.has(need)) return { outcome: 'skip', reason: `the run lacks ${need} (probe: ${evidence(need)})` };
  }
  for (const cap of neededOps) {
    if (!capabilities.has(cap)) return { outcome: 'unsupported', reason: `the endpoint does not implement ${cap.slice(3)} (probe: ${evidence(cap)})` };
  }
  return undefined;
}
