/**
 * The diff engine's public API: `runDiff` sends random operation sequences to two endpoints and
 * returns their shrunk, grouped divergences; `writeDiffOutput` writes diff.json and the replay
 * scripts; `divergenceTable` is the report's view.
 *
 * @module
 */
export { runDiff, sampleSequences, DiffEndpointError, type DiffOptions } from './run.js';
export { signedEndpoint, type DiffEndpoint, type Reply } from './endpoint.js';
export { GENERATED_OPERATIONS, UnknownOperationError } from './generate.js';
export { writeDiffOutput } from './output.js';
export { divergenceTable, type DivergenceRow } from './table.js';
export { DiffFileSchema, diffJsonSchema, DIFF_FORMAT_VERSION, type DiffFile, type Divergence } from './schema.js';
