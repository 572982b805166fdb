import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LOAD_SCHEMA_PATH, LoadResultsSchema, loadSchemaText } from './schema.js';

describe('load.json schema', () => {
  it('is published as JSON Schema in reports/schema/load.schema.json (run `npx tsx harness/load/schema.ts` after changing it)', () => {
    expect(readFileSync(LOAD_SCHEMA_PATH, 'utf8')).toBe(loadSchemaText());
  });

  it('names the shared definitions', () => {
    const schema = JSON.parse(loadSchemaText()) as { $defs: Record<string, unknown>; required: string[] };
    expect(Object.keys(schema.$defs)).toEqual(expect.arrayContaining(['HistogramSummary', 'RunResult', 'Counts', 'RetrySpec']));
    expect(schema.required).toEqual(expect.arrayContaining(['suite', 'endpoint', 'options', 'environment', 'phases', 'analysis', 'warnings']));
  });

  it('rejects a document of another kind or version', () => {
    expect(LoadResultsSchema.safeParse({ kind: 'kmsbench-load', schemaVersion: 2 }).success).toBe(false);
  });
});
