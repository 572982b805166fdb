/**
 * A differential run (`kmsbench diff`, diff.json) as the report shows it (pure): the two
 * endpoints, the run, and one row per divergence — which operation, what differs, what each side
 * answered, the minimal sequence's length, how often the run saw it, and its replay scripts.
 *
 * @module
 */
import { dirname, join } from 'node:path';
import { replayFiles, type DiffFile } from '../harness/results/diff-results.js';

export interface DivergenceRow {
  id: string;
  operation: string;
  /** `status`, `members of KeyMetadata`, `value at KeyMetadata.KeyState`, ... */
  whatDiffers: string;
  a: string;
  b: string;
  /** Steps in the minimal sequence. */
  steps: number;
  occurrences: number;
  /** The replay scripts (AWS CLI, vitest), beside the diff.json they came with. */
  replay: { sh: string; test: string };
}

export interface DiffView {
  file: string;
  a: { label: string; endpoint: string };
  b: { label: string; endpoint: string };
  seed: number;
  stepsRun: number;
  sequences: number;
  operations: number;
  startedAt: string;
  durationMs: number;
  /** A run or time limit stopped the shrinking of at least one divergence early. */
  shrinkingCapped: number;
  rows: DivergenceRow[];
}

const show = (v: unknown): string => {
  if (v === undefined) return '(absent)';
  const text = typeof v === 'string' ? v : JSON.stringify(v);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
};

/** One row per divergence; `dir` is the folder holding diff.json (replay paths start there). */
export function divergenceRows(diff: DiffFile, dir: string): DivergenceRow[] {
  return diff.divergences.map((d) => {
    const f = d.first_difference;
    let whatDiffers: string = f.kind;
    let a = show(f.a);
    let b = show(f.b);
    if (f.kind === 'members') {
      whatDiffers = `members of ${f.path || 'the reply'}`;
      a = (f.a as string[]).length ? `has ${(f.a as string[]).join(', ')}` : '-';
      b = (f.b as string[]).length ? `has ${(f.b as string[]).join(', ')}` : '-';
    } else if (f.kind === 'status') {
      a = `${f.a} ${d.a.error?.code ?? 'ok'}`;
      b = `${f.b} ${d.b.error?.code ?? 'ok'}`;
    } else if (f.path) {
      whatDiffers = `${f.kind} at ${f.path}`;
    }
    const replay = replayFiles(d.id);
    return {
      id: d.id,
      operation: f.operation,
      whatDiffers,
      a,
      b,
      steps: d.steps.length,
      occurrences: d.occurrences,
      replay: { sh: join(dir, replay.sh), test: join(dir, replay.test) },
    };
  });
}

/** `file` is where diff.json was read. */
export function diffView(file: string, diff: DiffFile): DiffView {
  return {
    file,
    a: { label: diff.a.label, endpoint: diff.a.endpoint },
    b: { label: diff.b.label, endpoint: diff.b.endpoint },
    seed: diff.seed,
    stepsRun: diff.stepsRun,
    sequences: diff.sequences,
    operations: diff.operations.length,
    startedAt: diff.startedAt,
    durationMs: diff.durationMs,
    shrinkingCapped: diff.divergences.filter((d) => d.shrinking.capped).length,
    rows: divergenceRows(diff, dirname(file)),
  };
}
