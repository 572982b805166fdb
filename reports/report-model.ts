/**
 * From validated results to everything a report shows (pure): the overview, a view per target
 * (metadata, conformance, load, baseline deltas, plans, differential runs) and the comparison across targets. Every
 * figure is computed in the view modules; the templates only format and lay out. The baseline
 * deltas are the gate's verdicts, computed by the caller and passed in.
 *
 * @module
 */
import { failSplit } from '../harness/results/conformance-tally.js';
import type { Results } from '../harness/results/conformance-results.js';
import type { BaselineDeltas } from '../harness/results/gate-results.js';
import type { PlanFile } from '../harness/results/plan-results.js';
import type { ResultFolder } from '../harness/results/result-folder.js';
import { comparisonView, type ComparisonView } from './comparison-view.js';
import { conformanceView, type ConformanceView } from './conformance-view.js';
import { deltaView, type DeltaView } from './delta-view.js';
import { diffView, type DiffView } from './divergence-view.js';
import { loadRunView, type LoadRunView } from './load-view.js';
import { metaView, type MetaView } from './meta-view.js';

export interface ReportInput {
  title?: string;
  generatedAt: string;
  toolVersion: string;
  targets: ResultFolder[];
  /** Per target (same order), its load runs against a baseline (harness/gate's reportDeltas); null where there is none. */
  deltas?: (BaselineDeltas | null)[];
}

export interface TargetView {
  id: string;
  label: string;
  source: string;
  meta: MetaView;
  conformance: ConformanceView[];
  load: LoadRunView[];
  deltas: DeltaView | null;
  plans: { file: string; plan: PlanFile }[];
  diffs: DiffView[];
}

export interface OverviewRow {
  id: string;
  label: string;
  cases: number | null;
  counts: Results['counts'] | null;
  /** Fail outcomes on recorded or documented behaviour, and on inferred behaviour (shown apart, never as the headline alone). */
  fails: { established: number; inferred: number } | null;
  differences: number;
  /** Of the differences, those on inferred behaviour (they alone never make the status failing). */
  inferredDifferences: number;
  /** The others: on recorded or documented behaviour, or problems of the run itself. */
  headlineDifferences: number;
  loadRuns: number;
  warnings: number;
  saturated: number;
  regressions: number | null;
  /** Divergences found by differential runs; null without a diff.json. */
  divergences: number | null;
  status: 'ok' | 'attention' | 'failing';
}

export interface ReportModel {
  title: string;
  generatedAt: string;
  toolVersion: string;
  overview: OverviewRow[];
  targets: TargetView[];
  comparison: ComparisonView | null;
}

const slug = (i: number) => `t${i + 1}`;

function overviewRow(t: TargetView): OverviewRow {
  const counts = t.conformance.length === 1 ? t.conformance[0]!.counts : null;
  const differences = t.conformance.reduce((n, c) => n + c.differences.length + c.loadErrors.length + c.harnessErrors.length, 0);
  const inferredDifferences = t.conformance.reduce((n, c) => n + c.inferredDifferences, 0);
  const warnings = t.load.reduce((n, l) => n + l.warnings.length, 0);
  const saturated = t.load.reduce((n, l) => n + l.saturatedPhases.length, 0);
  const regressions = t.deltas ? t.deltas.result.regressions : null;
  const divergences = t.diffs.length ? t.diffs.reduce((n, d) => n + d.rows.length, 0) : null;
  return {
    id: t.id,
    label: t.label,
    cases: t.conformance.length ? t.conformance.reduce((n, c) => n + c.counts.total, 0) : null,
    counts,
    fails: counts ? failSplit(counts) : null,
    differences,
    inferredDifferences,
    headlineDifferences: differences - inferredDifferences,
    loadRuns: t.load.length,
    warnings,
    saturated,
    regressions,
    divergences,
    // An inferred case is never the only evidence of a failing status: alone, its differences ask for attention.
    status: differences > inferredDifferences || (regressions ?? 0) > 0 || (divergences ?? 0) > 0 ? 'failing' : warnings > 0 || inferredDifferences > 0 ? 'attention' : 'ok',
  };
}

export function buildModel(input: ReportInput): ReportModel {
  const targets: TargetView[] = input.targets.map((t, i) => {
    const deltas = input.deltas?.[i];
    return {
      id: slug(i),
      label: t.label,
      source: t.source,
      meta: metaView(t),
      conformance: t.conformance.map((c) => conformanceView(c.file, c.results)),
      load: t.load.map((l, j) => loadRunView(`${slug(i)}-load-${j + 1}`, l.file, l.results)),
      deltas: deltas ? deltaView(deltas) : null,
      plans: t.plans,
      diffs: t.diffs.map((d) => diffView(d.file, d.diff)),
    };
  });
  return {
    title: input.title ?? (targets.length > 1 ? `kmsbench report: ${targets.map((t) => t.label).join(' vs ')}` : `kmsbench report: ${targets[0]?.label ?? 'no results'}`),
    generatedAt: input.generatedAt,
    toolVersion: input.toolVersion,
    overview: targets.map(overviewRow),
    targets,
    comparison: input.targets.length > 1 ? comparisonView(input.targets) : null,
  };
}
