import { describe, expect, it } from 'vitest';
import { OPERATION_NAMES } from '../common/model/index.js';
import { IMPLEMENTED_OPERATIONS } from '../reference-impl/ops/operation-table.js';
import { operationsSection, readmeSection } from './readme-operations.js';

describe('the operation list of docs/reference-server.md', () => {
  it('is the one generated from the operations table (run: node --import tsx scripts/readme-operations.ts --write)', () => {
    expect(readmeSection()).toBe(operationsSection());
  });

  it('names every implemented operation and only model operations', () => {
    const section = operationsSection();
    for (const op of IMPLEMENTED_OPERATIONS) expect(section).toContain(op);
    expect(IMPLEMENTED_OPERATIONS.every((op) => (OPERATION_NAMES as readonly string[]).includes(op))).toBe(true);
  });
});
