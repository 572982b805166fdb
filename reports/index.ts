/**
 * Reports: result folders (harness/results) → index.html (self-contained), report.md and
 * junit.xml. The caller reads the folders and, for baseline deltas, runs the gate.
 *
 * ```ts
 * const targets = [readResultFolder('reports/latest')];
 * const files = renderReport({ generatedAt: new Date().toISOString(), toolVersion, targets, deltas: reportDeltas(baseline, targets) });
 * ```
 *
 * @module
 */
export * from './report-model.js';
export * from './conformance-view.js';
export * from './load-view.js';
export * from './timeline.js';
export * from './meta-view.js';
export * from './delta-view.js';
export * from './divergence-view.js';
export * from './comparison-view.js';
export * from './render.js';
