import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DIFF_SCHEMA_PATH, diffSchemaText } from './schema.js';

describe('diff.json schema', () => {
  it('is published as JSON Schema in reports/schema/diff.schema.json (run `npx tsx harness/diff/schema.ts` after changing it)', () => {
    expect(readFileSync(DIFF_SCHEMA_PATH, 'utf8')).toBe(diffSchemaText());
  });
});
