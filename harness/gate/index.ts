/**
 * The regression gate: samples from load runs, the noise-aware rule, comparisons, baselines, and
 * the deltas a report shows. The files it reads and writes are defined in harness/results.
 *
 * @module
 */
export * from './rule.js';
export * from './samples.js';
export * from './baseline.js';
export * from './compare.js';
export * from './files.js';
export * from './baseline-deltas.js';
export type { BaselineFile, BaselineRun, MetricRun } from '../results/baseline-file.js';
export type { BaselineDeltas, Comparison, Decision, GateResult, GateRow, GateThresholds } from '../results/gate-results.js';
