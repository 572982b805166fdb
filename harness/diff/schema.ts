/**
 * The diff.json file `kmsbench diff` writes: zod schema, TypeScript type, and its JSON Schema,
 * published at reports/schema/diff.schema.json (regenerate with `npx tsx harness/diff/schema.ts`;
 * schema.test.ts fails when it is stale). It lives here until harness/results exists on this
 * branch; it belongs there with the other result files.
 *
 * @module
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { z } from 'zod';
import { DIFFERENCE_KINDS } from './compare.js';

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

export function diffJsonSchema(): Record<string, unknown> {
  return {
    title: 'kmsbench diff result',
    description: 'Differences between two KMS endpoints found by model-based differential testing (kmsbench diff)',
    ...z.toJSONSchema(DiffFileSchema, { target: 'draft-2020-12', io: 'output' }),
  };
}

export const DIFF_SCHEMA_PATH = fileURLToPath(new URL('../../reports/schema/diff.schema.json', import.meta.url));

export const diffSchemaText = (): string => `${JSON.stringify(diffJsonSchema(), null, 2)}\n`;

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  mkdirSync(dirname(DIFF_SCHEMA_PATH), { recursive: true });
  writeFileSync(DIFF_SCHEMA_PATH, diffSchemaText());
  console.log(`wrote ${DIFF_SCHEMA_PATH}`);
}
