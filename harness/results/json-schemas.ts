/**
 * The JSON Schemas (draft 2020-12) of the result files, generated from their zod schemas: what
 * `npm run schemas` (scripts/write-schemas.ts) writes to reports/schema/. Shared definitions are
 * the schemas with a `.meta({ id })`; a document's title and description are its root schema's
 * metadata.
 *
 * @module
 */
import { z } from 'zod';
import { BaselineFileSchema } from './baseline-file.js';
import { ResultsSchema } from './conformance-results.js';
import { DiffFileSchema } from './diff-results.js';
import { GateResultSchema } from './gate-results.js';
import { LoadResultsSchema } from './load-results.js';
import { PlanFileSchema } from './plan-results.js';

/**
 * A document's JSON Schema, its title and description first. `io: 'input'` describes what a
 * reader accepts (defaults optional), `output` what a writer produces.
 */
export function documentJsonSchema(schema: z.ZodType, io: 'input' | 'output'): Record<string, unknown> {
  const meta = z.globalRegistry.get(schema);
  return {
    ...(meta?.title ? { title: meta.title } : {}),
    ...(meta?.description ? { description: meta.description } : {}),
    ...z.toJSONSchema(schema, { target: 'draft-2020-12', io }),
  };
}

/** File name under reports/schema/ → the JSON Schema of that result file. */
export function resultJsonSchemas(): Record<string, Record<string, unknown>> {
  return {
    'results.schema.json': documentJsonSchema(ResultsSchema, 'input'),
    'load.schema.json': documentJsonSchema(LoadResultsSchema, 'output'),
    'plan.schema.json': documentJsonSchema(PlanFileSchema, 'input'),
    'baseline.schema.json': documentJsonSchema(BaselineFileSchema, 'input'),
    'gate.schema.json': documentJsonSchema(GateResultSchema, 'output'),
    'diff.schema.json': documentJsonSchema(DiffFileSchema, 'output'),
  };
}
