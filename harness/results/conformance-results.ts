/**
 * `results.json`: the record of one conformance run, as a zod schema. The JSON Schema published
 * at reports/schema/results.schema.json is generated from it (`npm run schemas`) and pinned by
 * scripts/write-schemas.test.ts.
 *
 * @module
 */
import { z } from 'zod';
import { CONTRACT_VERSION, EXPECTED, OUTCOMES } from './conformance-contract.js';

const CallSchema = z
  .object({
    operation: z.string(),
    status: z.number().int().optional(),
    code: z.string().optional(),
    message: z.string().optional(),
    body: z.string().optional().describe('start of a reply body that is not AWS JSON'),
    network: z.string().optional().describe('why no reply arrived'),
  })
  .describe('one HTTP exchange as the harness saw it');

export const CaseResultSchema = z.object({
  id: z.string(),
  title: z.string(),
  doc: z.string(),
  tags: z.array(z.string()),
  ops: z.array(z.string()),
  flags: z.array(z.string()),
  outcome: z.enum(OUTCOMES),
  expected: z.enum(EXPECTED).describe('what the expectation file says (pass when it does not list the case)'),
  asExpected: z.boolean(),
  expectationReason: z.string().optional(),
  reason: z.string().optional().describe('one line: why the case failed, errored or was skipped'),
  failure: z
    .object({
      what: z.string(),
      expected: z.unknown().optional(),
      actual: z.unknown().optional(),
      call: CallSchema.optional(),
    })
    .optional()
    .describe('for fail: expected vs actual (status, error code, message, fields)'),
  error: z.object({ name: z.string(), message: z.string(), stack: z.string().optional() }).optional(),
  durationMs: z.number().nonnegative(),
  calls: z.number().int().nonnegative().describe('HTTP calls the case made'),
  cleanup: z.object({ ran: z.number().int(), failed: z.number().int() }),
}).meta({ id: 'CaseResult' });

export const ResultsSchema = z.object({
  $schema: z.string().optional(),
  contractVersion: z.string().describe('version of the runner contract (suites/README.md) these verdicts follow'),
  tool: z.object({ name: z.literal('kmsbench'), version: z.string() }),
  runId: z.string(),
  startedAt: z.string().describe('ISO 8601'),
  durationMs: z.number().nonnegative(),
  target: z.object({
    endpoint: z.string(),
    region: z.string(),
    account: z.string(),
    kind: z.enum(['embedded', 'aws', 'other']),
    faults: z.array(z.string()).describe('deliberate faults of the embedded reference server'),
  }),
  selection: z.object({ tags: z.array(z.string()), grep: z.string().optional(), concurrency: z.number().int() }),
  expectations: z.object({ file: z.string().optional(), target: z.string(), entries: z.number().int() }),
  capabilities: z.object({
    established: z.array(z.string()),
    probes: z.record(z.string(), z.object({ supported: z.boolean(), evidence: z.string() })),
    durationMs: z.number().nonnegative(),
  }),
  counts: z.object({
    total: z.number().int(),
    pass: z.number().int(),
    fail: z.number().int(),
    error: z.number().int(),
    skip: z.number().int(),
    asExpected: z.number().int(),
  }),
  differences: z.array(
    z.object({
      id: z.string(),
      expected: z.enum(EXPECTED),
      actual: z.enum(OUTCOMES),
      message: z.string(),
    }),
  ),
  staleExpectations: z.array(z.string()).describe('expectation entries that name no case of the suite (reported, not differences)'),
  loadErrors: z.array(z.object({ file: z.string(), message: z.string() })).describe('case modules that could not be loaded'),
  harnessErrors: z.array(z.string()).describe('problems of the run itself (unhandled rejections, cleanup trouble)'),
  exitCode: z.number().int(),
  cases: z.array(CaseResultSchema),
}).meta({
  title: 'kmsbench conformance results',
  description: `results.json written by \`kmsbench conformance\` (runner contract ${CONTRACT_VERSION}, suites/README.md)`,
});

export type CaseResult = z.infer<typeof CaseResultSchema>;
export type Results = z.infer<typeof ResultsSchema>;
