/**
 * The main job's memory of this machine: OUT/history.json keeps the newest load runs per suite,
 * and each run's load results are compared with them (unless a baseline file is given).
 *
 * @module
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { baselineFile, baselineRun, keepNewest, readRuns, writeBaseline, type Baseline, type BaselineRun } from '../../harness/gate/index.js';
import { BaselineFileSchema } from '../../harness/results/baseline-file.js';
import type { LoadResults } from '../../harness/results/load-results.js';
import { displayPath } from '../paths.js';

export const DEFAULT_HISTORY = 10;

export interface History {
  path: string;
  /** Earlier runs on this machine (none when the file is missing or unreadable). */
  runs: BaselineRun[];
}

/** What the load runs are compared with (harness/gate's reportDeltas takes it as is). */
export type { Baseline };

/** OUT/history.json as it stands. */
export function readHistory(outDir: string): History {
  const path = join(outDir, 'history.json');
  if (!existsSync(path)) return { path, runs: [] };
  try {
    const parsed = BaselineFileSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
    return { path, runs: parsed.success ? parsed.data.runs : [] };
  } catch {
    return { path, runs: [] };
  }
}

/** What the load runs are compared with: the baseline file given, else this machine's earlier runs. */
export function chooseBaseline(history: History, file: string | undefined): Baseline {
  return file ? { source: file, runs: readRuns(file) } : { source: `${displayPath(history.path)} (the previous runs on this machine)`, runs: history.runs };
}

/** Where a load run's load.json is, as the history and the report name it. */
export const loadFile = (outDir: string, results: LoadResults): string => displayPath(join(outDir, `load-${results.suite}`, 'load.json'));

/** Adds this run's load results to the history, keeping the newest `keep` per suite. */
export function recordHistory(history: History, load: readonly LoadResults[], outDir: string, keep: number): void {
  const runs = keepNewest([...history.runs, ...load.map((l) => baselineRun(l, loadFile(outDir, l)))], keep);
  writeBaseline(history.path, baselineFile(runs, new Date().toISOString()));
}
