import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { publishedSchemas, ROOT } from './write-schemas.js';

describe('published JSON Schemas', () => {
  const files = publishedSchemas();

  it('cover every result file and both kinds of workload file', () => {
    expect(Object.keys(files).sort()).toEqual([
      'reports/schema/baseline.schema.json',
      'reports/schema/diff.schema.json',
      'reports/schema/expectations.schema.json',
      'reports/schema/gate.schema.json',
      'reports/schema/load.schema.json',
      'reports/schema/plan.schema.json',
      'reports/schema/results.schema.json',
      'suites/workloads/request-mix.schema.json',
      'suites/workloads/workload.schema.json',
    ]);
  });

  for (const [path, text] of Object.entries(files)) {
    it(`${path} is up to date (regenerate: npm run schemas)`, () => {
      expect(readFileSync(join(ROOT, path), 'utf8')).toBe(text);
    });
  }

  it('name the shared definitions of load.json', () => {
    const schema = JSON.parse(files['reports/schema/load.schema.json']!) as { $defs: Record<string, unknown>; required: string[] };
    expect(Object.keys(schema.$defs)).toEqual(expect.arrayContaining(['HistogramSummary', 'RunResult', 'Counts', 'RetrySpec']));
    expect(schema.required).toEqual(expect.arrayContaining(['suite', 'endpoint', 'options', 'environment', 'phases', 'analysis', 'warnings']));
  });
});
