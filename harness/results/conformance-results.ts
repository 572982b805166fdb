/**
 * `results.json`: the record of one conformance run, as a zod schema. The JSON Schema published
 * at reports/schema/results.schema.json is generated from it (`npm run schemas`) and pinned by
 * scripts/write-schemas.test.ts.
 *
 * @module
 */
import { z } from 'zod';
import { CONTRACT_VERSION, EXPECTED, OUTCOMES, SOURCE_KINDS } from './conformance-contract.js';

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

const DATE = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const CaseSourceSchema = z
  .object({
    kind: z.enum(SOURCE_KINDS).describe('recorded: a capture of real AWS answers; documented: the AWS docs or the service model; inferred: reasoned, never captured'),
    cite: z.string(),
    verifiedAt: DATE.describe('when the source was last checked'),
    since: DATE.optional().describe('when AWS started behaving so'),
  })
  .describe("where the case's expectation comes from")
  .meta({ id: 'CaseSource' });

export const CaseResultSchema = z.object({
  id: z.string(),
  title: z.string(),
  doc: z.string(),
  source: CaseSourceSchema.optional().describe('absent only in results of runner contract 1.x'),
  tags: z.array(z.string()),
  ops: z.array(z.string()),
  flags: z.array(z.string()),
  outcome: z.enum(OUTCOMES),
  expected: z.enum(EXPECTED).describe('what the expectation file says (pass when it does not list the case)'),
  asExpected: z.boolean(),
  expectationReason: z.string().optional(),
  reason: z.string().optional().describe('one line: why the case failed, was blocked, unsupported, errored or was skipped'),
  blocked: z
    .object({
      step: z.string().describe('what the case needed before its subject could run'),
      why: z.string().describe('how that step failed'),
      coveredBy: z.string().optional().describe('the case whose subject is that step: the root of the cascade'),
    })
    .optional()
    .describe('for blocked: the prerequisite step that failed'),
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
  profile: z
    .object({ awsAsOf: DATE.describe('the AWS behaviour the run judges by (--aws-as-of): cases whose source.since is later are skipped') })
    .optional()
    .describe('absent only in results of runner contract 1.x'),
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
    blocked: z.number().int().default(0),
    unsupported: z.number().int().default(0),
    asExpected: z.number().int(),
    failBySource: z
      .object({ recorded: z.number().int(), documented: z.number().int(), inferred: z.number().int() })
      .optional()
      .describe('fail outcomes by the kind of evidence of the failing case (absent in contract 1.x results)'),
  }),
  differences: z.array(
    z.object({
      id: z.string(),
      expected: z.enum(EXPECTED),
      actual: z.enum(OUTCOMES),
      message: z.string(),
      sourceKind: z.enum(SOURCE_KINDS).optional().describe("the kind of evidence of the case's expectation"),
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
