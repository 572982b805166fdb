/**
 * A divergence's steps as concrete requests with markers (`@@KEY_0@@`, `@@CT_1@@`) where the
 * replay must put what earlier steps returned: the common ground of the AWS CLI script and the
 * vitest case (replay-script.ts, replay-test.ts). The markers follow the outcomes the engine saw,
 * so the replay names the same key, ciphertext and grant as the engine did. Pure.
 *
 * @module
 */
import { OPERATIONS, type OperationName } from '../../common/model/index.js';
import { MAKES_CIPHERTEXT } from './execute.js';
import { shapeOf, type ShapeName } from './model-args.js';
import type { Divergence } from '../results/diff-results.js';
import { newSession, resolve, type Session } from './session.js';
import { isSym, type Step, type SymJson } from './steps.js';

/** Stands for the run prefix: as long as the engine's (`kd` + 8 hex digits), so length bounds hold. */
export const RUN_PLACEHOLDER = 'kdRUNRUNRU';

export interface Capture {
  /** Variable name (`KEY_0`). */
  name: string;
  /** Member path in the reply (`KeyMetadata.KeyId`). */
  from: string;
}

export interface PlannedStep {
  op: OperationName;
  /** The request as JSON text, with `@@NAME@@` markers and `kdRUNRUNRU` for the run prefix. */
  json: string;
  /** Input members that are blobs (base64 in the JSON). */
  blobs: string[];
  captures: Capture[];
  /** Whether the step made a key (to clean up) and an alias. */
  makesKey: boolean;
  makesAlias: boolean;
  /** Outcomes the engine saw. */
  a: string;
  b: string;
}

const marker = (name: string) => `@@${name}@@`;
export const MARKER = /@@([A-Z]+(?:_[A-Z]+)*(?:_\d+)?)@@/g;

function blobMembers(op: OperationName): string[] {
  const s = shapeOf(OPERATIONS[op].input as ShapeName);
  if (s.type !== 'structure') return [];
  return Object.entries(s.members)
    .filter(([, shape]) => shapeOf(shape as ShapeName).type === 'blob')
    .map(([m]) => m);
}

/** Replaces altered ciphertext references by a marker naming the helper that alters them. */
function markMutations(value: SymJson, s: Session): SymJson {
  if (isSym(value)) {
    if ('$ct' in value && value.mutate && s.ciphertexts.length) {
      return marker(`${value.mutate.toUpperCase()}_CT_${value.$ct % s.ciphertexts.length}`);
    }
    return value;
  }
  if (Array.isArray(value)) return value.map((v) => markMutations(v, s));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, markMutations(v, s)]));
  return value;
}

export function replayPlan(d: Divergence): PlannedStep[] {
  const s = newSession(`${RUN_PLACEHOLDER}-0`, marker('ACCOUNT'), marker('REGION'));
  s.partition = 'aws';
  return d.steps.map((raw) => {
    const step = { op: raw.op, input: raw.input } as Step;
    const input = resolve(markMutations(step.input as SymJson, s), s) as Record<string, unknown>;
    const captures: Capture[] = [];
    const ok = raw.a === 'ok';
    if (ok && step.op === 'CreateKey') {
      const n = s.keys.length;
      s.keys.push({ id: marker(`KEY_${n}`), arn: marker(`ARN_${n}`) });
      captures.push({ name: `KEY_${n}`, from: 'KeyMetadata.KeyId' }, { name: `ARN_${n}`, from: 'KeyMetadata.Arn' });
    }
    const how = MAKES_CIPHERTEXT[step.op];
    if (ok && how) {
      const n = s.ciphertexts.length;
      const context = input[how.context];
      s.ciphertexts.push({ blob: marker(`CT_${n}`), ...(context && typeof context === 'object' ? { context: context as Record<string, string> } : {}) });
      captures.push({ name: `CT_${n}`, from: how.blob });
    }
    if (ok && step.op === 'CreateGrant') {
      const n = s.grants.length;
      s.grants.push({ id: marker(`GRANT_${n}`) });
      captures.push({ name: `GRANT_${n}`, from: 'GrantId' });
    }
    return {
      op: step.op,
      json: JSON.stringify(input),
      blobs: blobMembers(step.op).filter((m) => m in input),
      captures,
      makesKey: ok && step.op === 'CreateKey',
      makesAlias: ok && step.op === 'CreateAlias',
      a: raw.a,
      b: raw.b,
    };
  });
}

/** `GenerateDataKeyWithoutPlaintext` → `generate-data-key-without-plaintext` (the AWS CLI's name). */
export const cliName = (op: string): string => op.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
