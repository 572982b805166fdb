import { describe, expect, it } from 'vitest';
import type { DiffFile, Divergence } from './schema.js';
import { divergenceTable } from './table.js';

const base: Omit<Divergence, 'id' | 'first_difference' | 'a' | 'b'> = {
  signature: 's',
  occurrences: 3,
  sequences: [0, 2],
  steps: [
    { op: 'CreateKey', input: {}, text: 'CreateKey', a: 'ok', b: 'ok' },
    { op: 'DescribeKey', input: {}, text: 'DescribeKey', a: 'ok', b: 'ok' },
  ],
  shrinking: { fromSteps: 5, runs: 9, capped: false },
};

const file = (divergences: Divergence[]): DiffFile => ({
  version: 1,
  a: { label: 'a', endpoint: 'http://a' },
  b: { label: 'b', endpoint: 'http://b' },
  seed: 1,
  steps: 10,
  stepsRun: 10,
  sequences: 2,
  operations: ['DescribeKey'],
  startedAt: '2026-01-01T00:00:00.000Z',
  durationMs: 1,
  divergences,
});

describe('divergenceTable', () => {
  it('says per divergence which operation differs, how, and what each side answered', () => {
    const rows = divergenceTable(
      file([
        {
          ...base,
          id: 'd01-DescribeKey-members',
          first_difference: { step: 1, operation: 'DescribeKey', kind: 'members', path: 'KeyMetadata', a: ['KeyUsage'], b: [] },
          a: { status: 200, body: {} },
          b: { status: 200, body: {} },
        },
        {
          ...base,
          id: 'd02-DisableKey-status',
          first_difference: { step: 1, operation: 'DisableKey', kind: 'status', path: '', a: 200, b: 500 },
          a: { status: 200, body: {} },
          b: { status: 500, error: { code: '(none)' } },
        },
        {
          ...base,
          id: 'd03-RotateKeyOnDemand-value',
          first_difference: { step: 1, operation: 'RotateKeyOnDemand', kind: 'value', path: 'KeyId', a: '<key#0.arn>', b: '<key#0>' },
          a: { status: 200, body: {} },
          b: { status: 200, body: {} },
        },
      ]),
    );
    expect(rows).toEqual([
      { id: 'd01-DescribeKey-members', operation: 'DescribeKey', whatDiffers: 'members of KeyMetadata', a: 'has KeyUsage', b: '-', steps: 2, occurrences: 3 },
      { id: 'd02-DisableKey-status', operation: 'DisableKey', whatDiffers: 'status', a: '200 ok', b: '500 (none)', steps: 2, occurrences: 3 },
      { id: 'd03-RotateKeyOnDemand-value', operation: 'RotateKeyOnDemand', whatDiffers: 'value at KeyId', a: '<key#0.arn>', b: '<key#0>', steps: 2, occurrences: 3 },
    ]);
  });
});
