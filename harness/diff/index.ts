/**
 * The diff engine's public API: `runDiff` sends random operation sequences to two endpoints and
 * returns their shrunk, grouped divergences; `writeDiffOutput` writes diff.json and the replay
 * scripts. diff.json's schema and types are in harness/results/diff-results.ts; the report's
 * view of it is reports/divergence-view.ts.
 *
 * @module
 */
export { runDiff, sampleSequences, DiffEndpointError, type DiffOptions } from './run.js';
export { signedEndpoint, type DiffEndpoint, type Reply } from './endpoint.js';
export { GENERATED_OPERATIONS, UnknownOperationError } from './generate.js';
export { writeDiffOutput } from './output.js';
