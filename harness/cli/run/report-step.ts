/**
 * The main job's last step: the report of everything it did (index.html, report.md, junit.xml in
 * OUT/), the load runs against the baseline, and the closing lines on the terminal.
 *
 * @module
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Results } from '../../results/conformance-results.js';
import { toolVersion } from '../../conformance/tool-version.js';
import { reportDeltas } from '../../gate/index.js';
import type { LoadResults } from '../../results/load-results.js';
import { writeFiles, type ResultFolder } from '../../results/result-folder.js';
import { buildModel, renderModel, type ReportInput } from '../../../reports/index.js';
import { displayPath } from '../paths.js';
import { loadFile, type Baseline } from './history.js';

export interface ReportStepInput {
  outDir: string;
  conformance: Results;
  load: LoadResults[];
  baseline: Baseline;
  /** A baseline file was given (rather than the history). */
  baselineGiven: boolean;
}

/** Writes the report; returns the path of index.html. */
export async function reportStep(o: ReportStepInput): Promise<string> {
  const { outDir, load } = o;
  const target: ResultFolder = {
    label: 'reference server (embedded)',
    source: displayPath(outDir),
    conformance: [{ file: displayPath(join(outDir, 'conformance', 'results.json')), results: o.conformance }],
    load: load.map((l) => ({ file: loadFile(outDir, l), results: l })),
    plans: [],
  };
  const planFile = join(outDir, 'plan', 'plan.json');
  if (existsSync(planFile)) {
    const { PlanFileSchema } = await import('../../results/plan-results.js');
    target.plans.push({ file: displayPath(planFile), plan: PlanFileSchema.parse(JSON.parse(readFileSync(planFile, 'utf8'))) });
  }
  const input: ReportInput = {
    title: 'kmsbench main job: reference server (embedded)',
    generatedAt: new Date().toISOString(),
    toolVersion: toolVersion(),
    targets: [target],
    ...(o.baseline.runs.length > 0 && load.length > 0 ? { deltas: reportDeltas(o.baseline, [target]) } : {}),
  };
  const model = buildModel(input);
  const paths = writeFiles(outDir, renderModel(model, input));

  const deltas = model.targets[0]!.deltas;
  if (load.length > 0) {
    const saturated = model.targets[0]!.load.reduce((n, l) => n + l.saturatedPhases.length, 0);
    if (saturated > 0) console.log(`note: the load generator saturated in ${saturated} phase(s) on this machine; see the warnings in the report`);
    console.log(
      deltas
        ? `against ${o.baselineGiven ? `the baseline (${deltas.baselineRuns} run(s) per suite)` : `the previous ${deltas.baselineRuns} run(s) here`}: ${deltas.result.regressions} regression(s), ${deltas.result.improvements} improvement(s), ${deltas.result.insufficient} metric(s) with too few samples to judge`
        : 'first run here: the next runs will be compared with this one (history.json)',
    );
  }
  return paths['index.html'];
}
