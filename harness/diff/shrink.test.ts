import { describe, expect, it } from 'vitest';
import { sequenceArbitrary } from './generate.js';
import { sampleSequences } from './run.js';
import type { SequenceOutcome } from './sequence.js';
import { shrinkSequence } from './shrink.js';
import type { Step } from './steps.js';

const outcome = (steps: Step[]): SequenceOutcome => ({
  steps,
  masked: [],
  results: steps.map(() => ({ a: 'ok', b: 'ok' })),
  divergence: { index: steps.length - 1, difference: { kind: 'value', path: 'x', a: 1, b: 2 }, a: { status: 200 }, b: { status: 200 } },
});

describe('shrinkSequence', () => {
  const seed = 21;
  const sequences = sampleSequences(seed, 400);
  const index = sequences.findIndex((s) => s.some((step) => step.op === 'Encrypt') && s.length > 6);

  it('replays the sequence from seed and index, and shrinks it to the smallest one still failing', async () => {
    const original = sequences[index]!;
    const seen: Step[][] = [];
    const failsWithEncrypt = async (candidate: Step[]) => {
      seen.push(candidate);
      return candidate.some((s) => s.op === 'Encrypt') ? outcome(candidate) : undefined;
    };
    const shrunk = await shrinkSequence(sequenceArbitrary(), seed, index, { sequence: original, outcome: outcome(original) }, failsWithEncrypt, { maxRuns: 500 });
    expect(seen[0]).toEqual(original);
    expect(shrunk.capped).toBe(false);
    expect(shrunk.sequence.map((s) => s.op)).toEqual(['CreateKey', 'Encrypt']);
  });

  it('stops at its run cap and keeps the smallest failure so far', async () => {
    const original = sequences[index]!;
    let runs = 0;
    const shrunk = await shrinkSequence(
      sequenceArbitrary(),
      seed,
      index,
      { sequence: original, outcome: outcome(original) },
      async (candidate) => (runs++, outcome(candidate)),
      { maxRuns: 3 },
    );
    expect(runs).toBe(3);
    expect(shrunk).toMatchObject({ runs: 3, capped: true });
    expect(shrunk.sequence.length).toBeLessThanOrEqual(original.length);
  });
});
