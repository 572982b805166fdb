/**
 * Runs one sequence on both endpoints in lockstep and stops at the first step whose normalised
 * replies differ. A sequence that agrees step by step ends with a state check: DescribeKey,
 * ListResourceTags and ListAliases of every key it made, so that a difference left in state
 * (not shown by any reply) is found too.
 *
 * @module
 */
import type { OperationName } from '../../common/model/index.js';
import { compareViews, type Difference } from './compare.js';
import type { DiffEndpoint } from './endpoint.js';
import { runStep, type Observation } from './execute.js';
import { normalise, type View } from './normalise.js';
import { blobNames, newSession, symbolicNames, type Session } from './session.js';
import type { Step } from './steps.js';

/** One endpoint as the engine uses it: where it is, its account, what the run made there. */
export interface Side {
  endpoint: DiffEndpoint;
  account: string;
  region: string;
  /** Key ids/ARNs and alias names made on this endpoint during the run (cleaned up at the end). */
  made: { keys: Set<string>; aliases: Set<string> };
}

export interface StepDivergence {
  /** Index into `steps` of the outcome. */
  index: number;
  difference: Difference;
  a: View;
  b: View;
}

export interface SequenceOutcome {
  /** The steps run, state checks included. */
  steps: Step[];
  divergence?: StepDivergence;
  /** Signatures of already known divergences that the sequence ran through. */
  masked: string[];
  /** Each step's outcome on each side: `ok` or the error code. */
  results: Array<{ a: string; b: string }>;
}

const outcomeOf = (v: View): string => (v.error ? v.error.code : 'ok');

/** The state checks of a sequence that made `keys` keys. */
export function stateChecks(keys: number): Step[] {
  const out: Step[] = [];
  for (let i = 0; i < keys; i++) {
    const KeyId = { $key: i, form: 'id' as const };
    out.push({ op: 'DescribeKey', input: { KeyId } }, { op: 'ListResourceTags', input: { KeyId } }, { op: 'ListAliases', input: { KeyId } });
  }
  return out;
}

async function observe(side: Side, step: Step, session: Session): Promise<View> {
  let obs: Observation;
  try {
    obs = await runStep(side.endpoint, step, session);
  } catch (e) {
    // A dropped connection or an unparseable reply is an outcome of the endpoint, not of the engine.
    obs = { status: 0, errorCode: 'TransportError', message: (e as Error).message };
  }
  for (const k of session.keys) side.made.keys.add(k.arn);
  for (const a of session.aliases) side.made.aliases.add(a);
  return normalise(step.op as OperationName, obs, { strings: symbolicNames(session), blobs: blobNames(session) });
}

/**
 * Runs `steps` on both sides (`prefix` unique to this run of this sequence). A divergence whose
 * signature is `known` does not end the sequence when both sides still agree on success or
 * failure (their states stay comparable): otherwise one difference found early (a member every
 * CreateKey reply lacks) would hide all the others.
 */
export async function runSequence(steps: readonly Step[], a: Side, b: Side, prefix: string, known: ReadonlySet<string> = new Set()): Promise<SequenceOutcome> {
  const sa = newSession(prefix, a.account, a.region);
  const sb = newSession(prefix, b.account, b.region);
  const messages = a.endpoint.family !== undefined && a.endpoint.family === b.endpoint.family;
  const run: Step[] = [];
  const masked: string[] = [];
  const results: SequenceOutcome['results'] = [];
  const go = async (step: Step): Promise<StepDivergence | undefined> => {
    run.push(step);
    const [va, vb] = await Promise.all([observe(a, step, sa), observe(b, step, sb)]);
    results.push({ a: outcomeOf(va), b: outcomeOf(vb) });
    const difference = compareViews(va, vb, { messages });
    if (!difference) return undefined;
    const signature = signature_(step.op, difference, va, vb);
    if (known.has(signature) && (va.error === undefined) === (vb.error === undefined)) {
      masked.push(signature);
      return undefined;
    }
    return { index: run.length - 1, difference, a: va, b: vb };
  };
  for (const step of steps) {
    const divergence = await go(step);
    if (divergence) return { steps: run, divergence, masked, results };
  }
  for (const step of stateChecks(Math.min(sa.keys.length, sb.keys.length))) {
    const divergence = await go(step);
    if (divergence) return { steps: run, divergence, masked, results };
  }
  return { steps: run, masked, results };
}

/** What identifies a divergence for grouping: operation, kind of difference and where (list positions dropped). */
export function signatureOf(outcome: SequenceOutcome): string | undefined {
  const d = outcome.divergence;
  return d ? signature_(outcome.steps[d.index]!.op, d.difference, d.a, d.b) : undefined;
}

/**
 * Operation, kind of difference and path (list positions dropped); for a status or error-code
 * difference also the two outcomes (error code or ok), which tell different behaviours apart.
 */
function signature_(op: string, difference: Difference, a: View, b: View): string {
  const where = difference.path.replace(/\[\d+\]/g, '[]');
  let detail = '';
  if (difference.kind === 'status' || difference.kind === 'error-code') detail = `(${a.error?.code ?? 'ok'}/${b.error?.code ?? 'ok'})`;
  return `${op}|${difference.kind}|${where}${detail}`;
}
