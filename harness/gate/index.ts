/**
 * The regression gate: samples from load runs, the noise-aware rule, comparisons, baselines.
 *
 * @module
 */
export * from './rule.js';
export * from './samples.js';
export * from './baseline.js';
export * from './compare.js';
export * from './files.js';
