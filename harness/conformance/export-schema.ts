/**
 * Writes the published JSON Schemas of the conformance files, generated from their zod schemas:
 * reports/schema/results.schema.json and reports/schema/expectations.schema.json.
 * harness/conformance/schema.test.ts fails when they are stale.
 *
 * ```sh
 * npx tsx harness/conformance/export-schema.ts
 * ```
 *
 * @module
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { z } from 'zod';
import { CONTRACT_VERSION } from './contract.js';
import { ExpectationFileSchema } from './expectations.js';
import { resultsJsonSchema } from './results.js';

export function expectationsJsonSchema(): object {
  return {
    title: 'kmsbench conformance expectation file',
    description: `Cases known not to pass on one target, with reasons (runner contract ${CONTRACT_VERSION}, suites/README.md)`,
    ...z.toJSONSchema(ExpectationFileSchema, { target: 'draft-2020-12', io: 'input' }),
  };
}

/** File name under reports/schema/ → its text. */
export function schemaFiles(): Record<string, string> {
  const text = (o: object) => `${JSON.stringify(o, null, 2)}\n`;
  return {
    'results.schema.json': text(resultsJsonSchema()),
    'expectations.schema.json': text(expectationsJsonSchema()),
  };
}

export const SCHEMA_DIR = fileURLToPath(new URL('../../reports/schema/', import.meta.url));

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const [name, text] of Object.entries(schemaFiles())) {
    const path = join(SCHEMA_DIR, name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
    console.log(`wrote ${path}`);
  }
}
