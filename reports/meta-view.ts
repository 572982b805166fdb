/**
 * What a target's results say about where and how they were made (pure): endpoints, quotas,
 * Regions, tool versions, machines, dates, expectation files, faults, plans.
 *
 * @module
 */
import type { ResultFolder } from '../harness/results/result-folder.js';

export interface MetaView {
  endpoints: { url: string; kind: string; region: string; from: string }[];
  quotas: { suite: string; symmetric: number | null; source: string | null; overrides: string[] | null }[];
  regions: string[];
  toolVersions: string[];
  node: string[];
  machines: { cpus: number; cpuModel: string; platform: string; arch: string; loadAverage: number[] }[];
  started: string | null;
  finished: string | null;
  expectations: string[];
  faults: string[];
  plans: { workload: string; region: string; quotaProfile: string }[];
}

const uniq = <T>(xs: readonly T[], key: (x: T) => string = (x) => JSON.stringify(x)): T[] => {
  const seen = new Map<string, T>();
  for (const x of xs) if (!seen.has(key(x))) seen.set(key(x), x);
  return [...seen.values()];
};

export function metaView(t: ResultFolder): MetaView {
  const dates = [
    ...t.conformance.map((c) => c.results.startedAt),
    ...t.load.flatMap((l) => [l.results.startedAt, l.results.finishedAt]),
    ...t.diffs.map((d) => d.diff.startedAt),
  ].sort();
  return {
    endpoints: uniq([
      ...t.conformance.map((c) => ({ url: c.results.target.endpoint, kind: c.results.target.kind, region: c.results.target.region, from: 'conformance' })),
      ...t.load.map((l) => ({ url: l.results.endpoint.url ?? '(in process)', kind: l.results.endpoint.kind, region: l.results.endpoint.region, from: `load ${l.results.suite}` })),
    ]),
    quotas: t.load.map((l) => ({
      suite: l.results.suite,
      symmetric: l.results.endpoint.quota?.symmetric ?? null,
      source: l.results.endpoint.quota?.source ?? null,
      overrides: l.results.endpoint.embeddedQuotas,
    })),
    regions: uniq([...t.conformance.map((c) => c.results.target.region), ...t.load.map((l) => l.results.endpoint.region)]),
    toolVersions: uniq(t.conformance.map((c) => `${c.results.tool.name} ${c.results.tool.version} (runner contract ${c.results.contractVersion})`)),
    node: uniq(t.load.map((l) => l.results.environment.node)),
    machines: uniq(
      t.load.map((l) => {
        const e = l.results.environment;
        return { cpus: e.cpus, cpuModel: e.cpuModel, platform: e.platform, arch: e.arch, loadAverage: e.loadAverage };
      }),
      (m) => `${m.cpus} ${m.cpuModel} ${m.platform} ${m.arch}`,
    ),
    started: dates[0] ?? null,
    finished: dates.at(-1) ?? null,
    expectations: uniq(t.conformance.map((c) => `${c.results.expectations.file ?? '(no expectation file)'} — ${c.results.expectations.target}`)),
    faults: uniq(t.conformance.flatMap((c) => c.results.target.faults)),
    plans: t.plans.map((p) => ({ workload: p.plan.workload.name, region: p.plan.workload.region, quotaProfile: p.plan.workload.quotaProfile })),
  };
}
