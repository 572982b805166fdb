import { describe, expect, it } from 'vitest';
import { LoadResultsSchema } from './load-results.js';

describe('load.json schema', () => {
  it('rejects a document of another kind or version', () => {
    expect(LoadResultsSchema.safeParse({ kind: 'kmsbench-load', schemaVersion: 2 }).success).toBe(false);
  });
});
