/**
 * The diff engine: samples sequences from the seed, runs each on both endpoints, shrinks every
 * new kind of divergence to a minimal sequence, groups repeats, and cleans up what it made
 * (aliases deleted, keys scheduled for deletion in 7 days). Takes the endpoints as arguments;
 * starts nothing.
 *
 * @module
 */
import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import type { OperationName } from '../../common/model/index.js';
import type { DiffEndpoint } from './endpoint.js';
import { errorCodeOf } from './endpoint.js';
import { GENERATED_OPERATIONS, sequenceArbitrary } from './generate.js';
import { DIFF_FORMAT_VERSION, type DiffFile, type Divergence } from '../results/diff-results.js';
import { runSequence, signatureOf, type SequenceOutcome, type Side } from './sequence.js';
import { shrinkSequence, type ShrinkLimits } from './shrink.js';
import { describeStep, type Step } from './steps.js';

export interface DiffOptions {
  a: DiffEndpoint;
  b: DiffEndpoint;
  seed: number;
  /** Generated steps to run, at least (whole sequences). */
  steps: number;
  ops?: readonly OperationName[];
  /** Longest sequence after its CreateKey setup (default 16). */
  maxSequenceLength?: number;
  shrink?: ShrinkLimits;
  /** Makes this run's names unique on shared endpoints (default: random). Never affects verdicts. */
  runId?: string;
  signal?: AbortSignal;
  onProgress?: (event: { sequence: number; sequences: number; stepsRun: number; divergences: number }) => void;
}

/** An endpoint that refused the run's first call (wrong URL, credentials, not KMS). */
export class DiffEndpointError extends Error {
  override readonly name = 'DiffEndpointError';
  constructor(
    message: string,
    readonly code?: string,
  ) {
    super(message);
  }
}

/** Learns the endpoint's account and Region from the ARN of a probe key (scheduled for deletion at the end). */
async function openSide(endpoint: DiffEndpoint, runId: string): Promise<Side> {
  let reply;
  try {
    reply = await endpoint.send('CreateKey', { Description: `kmsbench diff ${runId} probe` });
  } catch (e) {
    throw new DiffEndpointError(`${endpoint.label} (${endpoint.endpoint}) did not answer: ${(e as Error).message}`);
  }
  const arn = (reply.body as { KeyMetadata?: { Arn?: unknown } } | undefined)?.KeyMetadata?.Arn;
  const parts = typeof arn === 'string' ? arn.split(':') : [];
  if (reply.status !== 200 || parts.length < 6) {
    const code = errorCodeOf(reply.body);
    throw new DiffEndpointError(`${endpoint.label}: CreateKey answered HTTP ${reply.status}${code ? ` ${code}` : ''}, not a key ARN`, code);
  }
  return { endpoint, region: parts[3]!, account: parts[4]!, made: { keys: new Set([arn as string]), aliases: new Set() } };
}

async function cleanUp(side: Side): Promise<void> {
  const quiet = (p: Promise<unknown>) => p.catch(() => undefined);
  for (const AliasName of side.made.aliases) await quiet(side.endpoint.send('DeleteAlias', { AliasName }));
  for (const KeyId of side.made.keys) await quiet(side.endpoint.send('ScheduleKeyDeletion', { KeyId, PendingWindowInDays: 7 }));
}

/** The sequences of a run: sampled from the seed until `steps` generated steps are reached. */
export function sampleSequences(seed: number, steps: number, ops?: readonly OperationName[], maxLength?: number): Step[][] {
  const arbitrary = sequenceArbitrary(ops, maxLength);
  const out: Step[][] = [];
  let total = 0;
  for (const sequence of fc.sample(arbitrary, { seed, numRuns: Math.max(1, steps) })) {
    if (total >= steps) break;
    out.push(sequence);
    total += sequence.length;
  }
  return out;
}

const idOf = (n: number, signature: string) => {
  const [op, kind] = signature.split('|');
  return `d${String(n).padStart(2, '0')}-${op}-${kind}`;
};

function divergenceOf(id: string, signature: string, index: number, fromSteps: number, outcome: SequenceOutcome, runs: number, capped: boolean): Divergence {
  const d = outcome.divergence!;
  const steps = outcome.steps.slice(0, d.index + 1);
  return {
    id,
    signature,
    occurrences: 1,
    sequences: [index],
    steps: steps.map((s, k) => ({ op: s.op, input: s.input as Record<string, unknown>, text: describeStep(s), a: outcome.results[k]!.a, b: outcome.results[k]!.b })),
    a: d.a,
    b: d.b,
    first_difference: { step: d.index, operation: steps[d.index]!.op, ...d.difference },
    shrinking: { fromSteps: fromSteps, runs, capped },
  };
}

export async function runDiff(o: DiffOptions): Promise<DiffFile> {
  const started = Date.now();
  const runId = o.runId ?? randomBytes(4).toString('hex');
  const ops = o.ops ?? GENERATED_OPERATIONS;
  const arbitrary = sequenceArbitrary(ops, o.maxSequenceLength);
  const sequences = sampleSequences(o.seed, o.steps, ops, o.maxSequenceLength);
  const [a, b] = await Promise.all([openSide(o.a, runId), openSide(o.b, runId)]);
  let executions = 0;
  const groups = new Map<string, Divergence>();
  const known = new Set<string>();
  const run = (sequence: readonly Step[]) => runSequence(sequence, a, b, `kd${runId}-${executions++}`, known);
  let stepsRun = 0;
  try {
    for (let i = 0; i < sequences.length && !o.signal?.aborted; i++) {
      const sequence = sequences[i]!;
      const outcome = await run(sequence);
      stepsRun += sequence.length;
      for (const m of outcome.masked) {
        const g = groups.get(m)!;
        g.occurrences++;
        if (g.sequences.at(-1) !== i) g.sequences.push(i);
      }
      const signature = signatureOf(outcome);
      if (signature) {
        const group = groups.get(signature);
        if (group) {
          group.occurrences++;
          if (group.sequences.at(-1) !== i) group.sequences.push(i);
        } else {
          const shrunk = await shrinkSequence(
            arbitrary,
            o.seed,
            i,
            { sequence, outcome },
            async (candidate) => {
              const out = await run(candidate);
              return signatureOf(out) === signature ? out : undefined;
            },
            o.shrink,
          );
          groups.set(signature, divergenceOf(idOf(groups.size + 1, signature), signature, i, outcome.steps.length, shrunk.outcome, shrunk.runs, shrunk.capped));
          known.add(signature);
        }
      }
      o.onProgress?.({ sequence: i + 1, sequences: sequences.length, stepsRun, divergences: groups.size });
    }
  } finally {
    await Promise.all([cleanUp(a), cleanUp(b)]);
  }
  const side = (e: DiffEndpoint) => ({ label: e.label, endpoint: e.endpoint, ...(e.family ? { family: e.family } : {}) });
  return {
    version: DIFF_FORMAT_VERSION,
    a: side(o.a),
    b: side(o.b),
    seed: o.seed,
    steps: o.steps,
    stepsRun,
    sequences: sequences.length,
    operations: [...ops],
    startedAt: new Date(started).toISOString(),
    durationMs: Date.now() - started,
    divergences: [...groups.values()],
  };
}
