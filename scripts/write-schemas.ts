/**
 * Writes every published JSON Schema, generated from the zod schemas:
 *
 * - reports/schema/: the result files (harness/results: results.json, load.json, plan.json,
 *   baseline files, `kmsbench gate --json`, diff.json) and the conformance expectation file;
 * - suites/workloads/: the two kinds of workload file (capacity-planning workloads, request mixes).
 *
 * scripts/write-schemas.test.ts fails when a committed file is stale, like the codegen check.
 *
 * ```sh
 * npm run schemas
 * ```
 *
 * @module
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ExpectationFileSchema } from '../harness/conformance/expectations.js';
import { RequestMixSchema } from '../harness/load/request-mix.js';
import { workloadJsonSchema } from '../harness/plan/workload.js';
import { documentJsonSchema, resultJsonSchemas } from '../harness/results/json-schemas.js';

/** The checkout root (from scripts/ or dist/scripts/). */
export const ROOT = fileURLToPath(new URL(import.meta.url.includes('/dist/scripts/') ? '../../' : '../', import.meta.url));

const text = (schema: object) => `${JSON.stringify(schema, null, 2)}\n`;

/** Path under the checkout root → the file's text. */
export function publishedSchemas(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, schema] of Object.entries(resultJsonSchemas())) out[`reports/schema/${name}`] = text(schema);
  out['reports/schema/expectations.schema.json'] = text(documentJsonSchema(ExpectationFileSchema, 'input'));
  out['suites/workloads/workload.schema.json'] = text(workloadJsonSchema);
  out['suites/workloads/request-mix.schema.json'] = text(documentJsonSchema(RequestMixSchema, 'input'));
  return out;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const [path, content] of Object.entries(publishedSchemas())) {
    const file = join(ROOT, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, content);
    console.log(`wrote ${path}`);
  }
}
