/**
 * `diff.json`, what `kmsbench diff` writes (harness/diff): the two endpoints, the run, and each
 * divergence shrunk to a minimal sequence, with the replay scripts written beside it
 * ({@link replayFiles}). Published as JSON Schema in reports/schema/diff.schema.json
 * (`npm run schemas`).
 *
 * @module
 */
import { z } from 'zod';

/** How two replies can differ, in the order they are compared (harness/diff/compare.ts). */
export const DIFFERENCE_KINDS = ['status', 'error-code', 'error-message', 'members', 'value', 'round-trip', 'paging'] as const;
export type DifferenceKind = (typeof DIFFERENCE_KINDS)[number];

export const DIFF_FORMAT_VERSION = 1;

const SideSchema = z.object({
  label: z.string().describe('short name of the endpoint'),
  endpoint: z.string().describe('its URL'),
  family: z.string().optional().describe('implementation family; error messages are compared only within one family'),
});

const StepSchema = z.object({
  op: z.string().describe('KMS operation'),
  input: z.record(z.string(), z.unknown()).describe('request members; objects with `$` keys are symbolic references (harness/diff/steps.ts)'),
  text: z.string().describe('the step for people'),
  a: z.string().describe('outcome on a: ok or the error code'),
  b: z.string().describe('outcome on b'),
});

const ViewSchema = z
  .object({
    status: z.number().int(),
    error: z.object({ code: z.string(), message: z.string().optional() }).optional(),
    body: z.record(z.string(), z.unknown()).optional().describe('normalised body (harness/diff/normalise.ts)'),
  })
  .describe('one endpoint’s normalised reply at the diverging step');

const FirstDifferenceSchema = z.object({
  step: z.number().int().min(0).describe('index into steps'),
  operation: z.string(),
  kind: z.enum(DIFFERENCE_KINDS),
  path: z.string().describe('member path in the body; empty for status and error'),
  a: z.unknown(),
  b: z.unknown(),
});

const DivergenceSchema = z.object({
  id: z.string().regex(/^[A-Za-z0-9_.-]+$/),
  signature: z.string().describe('operation|kind|path: divergences with one signature are grouped'),
  occurrences: z.number().int().min(1).describe('times the run saw it (shrinking runs not counted)'),
  sequences: z.array(z.number().int().min(0)).describe('indices of the sequences that showed it (replay with the same seed)'),
  steps: z.array(StepSchema).describe('the shrunk sequence, ending at the diverging step'),
  a: ViewSchema,
  b: ViewSchema,
  first_difference: FirstDifferenceSchema,
  shrinking: z.object({
    fromSteps: z.number().int().min(0),
    runs: z.number().int().min(0),
    capped: z.boolean().describe('a run or time limit stopped shrinking early'),
  }),
});

export const DiffFileSchema = z
  .object({
    $schema: z.string().optional(),
    version: z.literal(DIFF_FORMAT_VERSION),
    a: SideSchema,
    b: SideSchema,
    seed: z.number().int(),
    steps: z.number().int().min(0).describe('steps asked for'),
    stepsRun: z.number().int().min(0).describe('generated steps run (whole sequences; state checks and shrinking not counted)'),
    sequences: z.number().int().min(0),
    operations: z.array(z.string()).describe('operations the generator could choose'),
    startedAt: z.string(),
    durationMs: z.number().min(0),
    divergences: z.array(DivergenceSchema),
  })
  .meta({ title: 'kmsbench diff result', description: 'Differences between two KMS endpoints found by model-based differential testing (kmsbench diff)' });

export type DiffFile = z.infer<typeof DiffFileSchema>;
export type Divergence = DiffFile['divergences'][number];

/** The folder, beside diff.json, that holds the replay scripts (replaced on each run). */
export const REPLAY_FOLDER = 'divergences';

/** A divergence's replay scripts (AWS CLI, vitest), relative to the folder holding diff.json. */
export const replayFiles = (id: string): { sh: string; test: string } => ({ sh: `${REPLAY_FOLDER}/${id}.sh`, test: `${REPLAY_FOLDER}/${id}.test.ts` });
