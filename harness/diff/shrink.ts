/**
 * Shrinks a divergent sequence with fast-check's own shrinker: the sequence is replayed from its
 * seed and position (`path`), and every smaller candidate fast-check proposes is run against both
 * endpoints again; a candidate counts as failing only when it shows the same divergence (same
 * signature), so shrinking never drifts to a different one. Capped in runs and time: past the
 * cap every candidate passes and the smallest failure so far is kept.
 *
 * @module
 */
import fc from 'fast-check';
import type { SequenceOutcome } from './sequence.js';
import type { Step } from './steps.js';

export interface ShrinkLimits {
  /** Sequence runs at most (each runs on both endpoints). Default 200. */
  maxRuns?: number;
  /** Wall-clock cap in ms. Default 20000. */
  timeMs?: number;
}

export interface Shrunk {
  sequence: Step[];
  outcome: SequenceOutcome;
  /** Candidate runs made. */
  runs: number;
  /** True when a limit stopped shrinking before fast-check ran out of candidates. */
  capped: boolean;
}

/**
 * Shrinks sequence number `index` of `arbitrary` sampled with `seed`. `check` runs a candidate
 * and returns its outcome when it shows the divergence being shrunk, else undefined.
 */
export async function shrinkSequence(
  arbitrary: fc.Arbitrary<Step[]>,
  seed: number,
  index: number,
  original: { sequence: Step[]; outcome: SequenceOutcome },
  check: (sequence: Step[]) => Promise<SequenceOutcome | undefined>,
  limits: ShrinkLimits = {},
): Promise<Shrunk> {
  const maxRuns = limits.maxRuns ?? 200;
  const deadline = Date.now() + (limits.timeMs ?? 20_000);
  let best = original;
  let runs = 0;
  let capped = false;
  await fc.check(
    fc.asyncProperty(arbitrary, async (sequence) => {
      if (runs >= maxRuns || Date.now() > deadline) {
        capped = true;
        return true;
      }
      runs++;
      const outcome = await check(sequence);
      if (!outcome) return true;
      best = { sequence, outcome }; // fast-check shrinks from the last failure: it is the smallest so far
      return false;
    }),
    { seed, path: String(index), numRuns: 1 },
  );
  return { ...best, runs, capped };
}
