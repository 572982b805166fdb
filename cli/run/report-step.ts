/**
 * The main job's last step: the report of everything it did (index.html, report.md, junit.xml in
 * OUT/), every target side by side, the reference server's load runs against the baseline, and
 * the closing lines on the terminal.
 *
 * @module
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Results } from '../../harness/results/conformance-results.js';
import { toolVersion } from '../../harness/conformance/tool-version.js';
import { baselineDeltas } from '../../harness/gate/index.js';
import type { LoadResults } from '../../harness/results/load-results.js';
import { PlanFileSchema } from '../../harness/results/plan-results.js';
import { writeFiles, type ResultFolder } from '../../harness/results/result-folder.js';
import { buildModel, renderModel, type ReportInput } from '../../reports/index.js';
import { displayPath } from '../paths.js';
import { loadFile, type Baseline } from './history.js';
import type { RunTarget } from './targets.js';

/** What one target's steps produced. */
export interface TargetOutcome {
  target: RunTarget;
  /** Its folder, OUT/<target>. */
  dir: string;
  conformance?: Results;
  load: LoadResults[];
  /** Why its steps stopped early (unreachable endpoint, no credentials, …). */
  failure?: string;
}

export interface ReportStepInput {
  outDir: string;
  outcomes: TargetOutcome[];
  baseline: Baseline;
  /** A baseline file was given (rather than the history). */
  baselineGiven: boolean;
}

/** The report's title: the targets it compares. */
export const reportTitle = (outcomes: readonly TargetOutcome[]): string => `kmsbench main job: ${outcomes.map((o) => o.target.label).join(' vs ')}`;

function folderOf(o: TargetOutcome): ResultFolder {
  const folder: ResultFolder = {
    label: o.target.label,
    source: displayPath(o.dir),
    conformance: o.conformance ? [{ file: displayPath(join(o.dir, 'conformance', 'results.json')), results: o.conformance }] : [],
    load: o.load.map((l) => ({ file: loadFile(o.dir, l), results: l })),
    plans: [],
    diffs: [],
  };
  const planFile = join(o.dir, 'plan', 'plan.json');
  if (existsSync(planFile)) folder.plans.push({ file: displayPath(planFile), plan: PlanFileSchema.parse(JSON.parse(readFileSync(planFile, 'utf8'))) });
  return folder;
}

/** Writes the report; returns the path of index.html. */
export function reportStep(o: ReportStepInput): string {
  const targets = o.outcomes.map(folderOf);
  // Only the reference server has a history on this machine to compare with.
  const deltas = o.outcomes.map((t, i) => (t.target.reference ? baselineDeltas(o.baseline, targets[i]!.load) : null));
  const input: ReportInput = {
    title: reportTitle(o.outcomes),
    generatedAt: new Date().toISOString(),
    toolVersion: toolVersion(),
    targets,
    ...(deltas.some((d) => d !== null) ? { deltas } : {}),
  };
  const model = buildModel(input);
  const paths = writeFiles(o.outDir, renderModel(model, input));

  const reference = o.outcomes.findIndex((t) => t.target.reference);
  const load = o.outcomes.flatMap((t) => t.load);
  if (load.length > 0) {
    const saturated = model.targets.reduce((n, t) => n + t.load.reduce((m, l) => m + l.saturatedPhases.length, 0), 0);
    if (saturated > 0) console.log(`note: the load generator saturated in ${saturated} phase(s) on this machine; see the warnings in the report`);
  }
  if (reference >= 0 && o.outcomes[reference]!.load.length > 0) {
    const d = model.targets[reference]!.deltas;
    console.log(
      d
        ? `reference server against ${o.baselineGiven ? `the baseline (${d.baselineRuns} run(s) per suite)` : `the previous ${d.baselineRuns} run(s) here`}: ${d.result.regressions} regression(s), ${d.result.improvements} improvement(s), ${d.result.insufficient} metric(s) with too few samples to judge`
        : 'first run here: the next runs will be compared with this one (history.json)',
    );
  }
  return paths['index.html'];
}
