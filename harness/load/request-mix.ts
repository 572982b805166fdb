/**
 * Request mixes (`kmsbench load --workload FILE`): a weighted mix of KMS requests with their
 * parameters, an arrival rate (or stages), and optionally an envelope-encryption message stream
 * with a data-key cache. The `mixed` load suite runs one; the `envelope-caching` suite reads its
 * `envelope` section.
 *
 * A request mix describes requests as the load generator sends them. A capacity-planning
 * workload (harness/plan/workload.ts, `kmsbench plan`) describes the services that call KMS
 * instead; both kinds of file live in suites/workloads/ (request mixes as `*.mix.yaml`), each
 * with its JSON Schema beside it.
 *
 * A request mix is YAML or JSON:
 *
 * ```yaml
 * name: web-tier
 * rate: 400            # requests per second (or give stages)
 * duration: 30s
 * arrivals: poisson
 * mix:
 *   - { operation: Decrypt, weight: 60, plaintextBytes: 1024 }
 *   - { operation: GenerateDataKey, weight: 25, keySpec: AES_256 }
 *   - { operation: DescribeKey, weight: 15 }
 * ```
 *
 * @module
 */
import { readTextFile } from '../../common/read-text.js';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { parseDuration } from '../../common/duration.js';
import { DataKeyCacheSchema } from '../results/load-results.js';

/** The operations the load suites and request mixes can drive. */
export const LOAD_OPERATIONS = [
  'Encrypt',
  'Decrypt',
  'ReEncrypt',
  'GenerateDataKey',
  'GenerateDataKeyWithoutPlaintext',
  'GenerateRandom',
  'DescribeKey',
] as const;

export type LoadOperation = (typeof LOAD_OPERATIONS)[number];

/** `30s`, `500ms`, `2m`, `1h`, or a number of seconds → milliseconds. */
export const DurationSchema = z.union([z.number().positive(), z.string()]).transform((v, ctx) => {
  const ms = typeof v === 'number' ? v * 1000 : parseDuration(v);
  if (ms === undefined || !(ms > 0)) {
    ctx.addIssue({ code: 'custom', message: `not a duration: '${v}' (examples: 30s, 500ms, 2m)` });
    return z.NEVER;
  }
  return ms;
});

export const OperationSpecSchema = z
  .object({
    operation: z.enum(LOAD_OPERATIONS),
    weight: z.number().positive().default(1).describe('relative share of the mix'),
    label: z.string().min(1).optional().describe('name in results (default: operation and size, e.g. "Encrypt 1 KiB")'),
    plaintextBytes: z
      .number()
      .int()
      .min(1)
      .max(4096)
      .optional()
      .describe('Encrypt: plaintext size; Decrypt/ReEncrypt: size of the plaintext inside the ciphertext (default 1024)'),
    numberOfBytes: z.number().int().min(1).max(1024).optional().describe('GenerateRandom (default 32) or GenerateDataKey* instead of keySpec'),
    keySpec: z.enum(['AES_128', 'AES_256']).optional().describe('GenerateDataKey* (default AES_256)'),
    encryptionContext: z.record(z.string(), z.string()).optional(),
  })
  .strict();

export type OperationSpec = z.infer<typeof OperationSpecSchema>;
export type OperationSpecInput = z.input<typeof OperationSpecSchema>;

export const StageSpecSchema = z
  .object({
    duration: DurationSchema,
    rate: z.number().min(0).describe('requests per second at the start of the stage'),
    toRate: z.number().min(0).optional().describe('requests per second at the end (linear ramp)'),
    label: z.string().optional(),
  })
  .strict();

export const RequestMixSchema = z
  .object({
    name: z.string().min(1),
    description: z.string().optional(),
    region: z.string().optional(),
    rate: z.number().positive().optional().describe('requests per second (ignored when stages are given)'),
    duration: DurationSchema.optional(),
    stages: z.array(StageSpecSchema).min(1).optional(),
    arrivals: z.enum(['constant', 'poisson']).default('poisson'),
    mix: z.array(OperationSpecSchema).min(1),
    envelope: z
      .object({
        messageRate: z.number().positive().describe('messages per second'),
        messageBytes: z.number().int().positive(),
        contexts: z.number().int().positive().default(1).describe('distinct encryption contexts (cache partitions)'),
        cache: DataKeyCacheSchema.optional(),
      })
      .strict()
      .optional()
      .describe('an envelope-encryption message stream (GenerateDataKey per cache miss), for the envelope-caching suite'),
  })
  .strict()
  .meta({ title: 'kmsbench request mix', description: 'requests as `kmsbench load --suite mixed --workload FILE` sends them (harness/load/request-mix.ts)' });

export type RequestMix = z.infer<typeof RequestMixSchema>;
export type RequestMixInput = z.input<typeof RequestMixSchema>;

export class RequestMixError extends Error {
  override readonly name = 'RequestMixError';
}

export function parseRequestMix(value: unknown, source = 'workload'): RequestMix {
  const r = RequestMixSchema.safeParse(value);
  if (!r.success) {
    const hint = isCapacityWorkload(value) ? ' (this is a capacity-planning workload: run it with `kmsbench plan`)' : '';
    throw new RequestMixError(`${source}: ${r.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')}${hint}`);
  }
  const labels = r.data.mix.map(operationLabel);
  const dup = labels.find((l, i) => labels.indexOf(l) !== i);
  if (dup) throw new RequestMixError(`${source}: two mix entries are both '${dup}'; give one a label`);
  return r.data;
}

/** A document that names services and keys but no mix (harness/plan/workload.ts's format). */
const isCapacityWorkload = (v: unknown): boolean => typeof v === 'object' && v !== null && 'services' in v && !('mix' in v);

/** Reads a YAML or JSON request-mix file. */
export function readRequestMixFile(path: string): RequestMix {
  const text = readTextFile(path, (m) => new RequestMixError(m));
  let value: unknown;
  try {
    value = /\.json$/i.test(path) ? JSON.parse(text) : parseYaml(text);
  } catch (e) {
    throw new RequestMixError(`${path}: ${(e as Error).message}`);
  }
  return parseRequestMix(value, path);
}

const size = (n: number) => (n % 1024 === 0 ? `${n / 1024} KiB` : `${n} B`);

/** The name an operation spec has in results: its label, else e.g. `Encrypt 1 KiB`. */
export function operationLabel(spec: OperationSpecInput): string {
  if (spec.label) return spec.label;
  switch (spec.operation) {
    case 'Encrypt':
    case 'Decrypt':
    case 'ReEncrypt':
      return `${spec.operation} ${size(spec.plaintextBytes ?? 1024)}`;
    case 'GenerateDataKey':
    case 'GenerateDataKeyWithoutPlaintext':
      return `${spec.operation} ${spec.numberOfBytes !== undefined ? size(spec.numberOfBytes) : (spec.keySpec ?? 'AES_256')}`;
    case 'GenerateRandom':
      return `GenerateRandom ${size(spec.numberOfBytes ?? 32)}`;
    case 'DescribeKey':
      return 'DescribeKey';
  }
}

/** The workload's stages (from `stages`, else one stage of `rate` for `duration`). */
export function requestMixStages(w: RequestMix, fallback: { rate: number; durationMs: number }): { durationMs: number; rate: number; toRate?: number; label?: string }[] {
  if (w.stages) return w.stages.map((s) => ({ durationMs: s.duration, rate: s.rate, ...(s.toRate !== undefined ? { toRate: s.toRate } : {}), ...(s.label ? { label: s.label } : {}) }));
  return [{ durationMs: w.duration ?? fallback.durationMs, rate: w.rate ?? fallback.rate }];
}
