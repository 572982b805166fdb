/**
 * What the gate reads and writes: the runs in load.json files, directories holding them
 * (searched a few levels deep, e.g. reports/latest) and baseline files, read through
 * harness/results; and baseline files.
 *
 * @module
 */
import type { BaselineFile, BaselineRun } from '../results/baseline-file.js';
import { readRunFiles, ResultFileError, writeJsonFile } from '../results/result-folder.js';
import { baselineRun } from './baseline.js';

/** An input the gate cannot read (`kmsbench gate` exits 2 on it, not 1). */
export class GateInputError extends Error {
  override readonly name = 'GateInputError';
}

/** The runs in a load.json, a baseline file, or a directory of load.json files. */
export function readRuns(path: string): BaselineRun[] {
  try {
    return readRunFiles(path).flatMap((f) => (f.kind === 'baseline' ? f.baseline.runs : [baselineRun(f.results, f.file)]));
  } catch (e) {
    if (e instanceof ResultFileError) throw new GateInputError(e.message);
    throw e;
  }
}

export function writeBaseline(path: string, file: BaselineFile): void {
  writeJsonFile(path, file);
}
