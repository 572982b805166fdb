/**
 * The baseline file's JSON Schema, published at reports/schema/baseline.schema.json
 * (regenerate with `npx tsx harness/gate/schema.ts`; schema.test.ts fails when it is stale).
 *
 * @module
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { baselineJsonSchema } from './baseline.js';

export const BASELINE_SCHEMA_PATH = fileURLToPath(new URL('../../reports/schema/baseline.schema.json', import.meta.url));

export const baselineSchemaText = (): string => `${JSON.stringify(baselineJsonSchema(), null, 2)}\n`;

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  mkdirSync(dirname(BASELINE_SCHEMA_PATH), { recursive: true });
  writeFileSync(BASELINE_SCHEMA_PATH, baselineSchemaText());
  console.log(`wrote ${BASELINE_SCHEMA_PATH}`);
}
