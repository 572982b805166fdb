import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BASELINE_SCHEMA_PATH, baselineSchemaText } from './schema.js';

describe('baseline file schema', () => {
  it('is published as JSON Schema in reports/schema/baseline.schema.json (run `npx tsx harness/gate/schema.ts` after changing it)', () => {
    expect(readFileSync(BASELINE_SCHEMA_PATH, 'utf8')).toBe(baselineSchemaText());
  });
});
