/**
 * Reports: result directories → index.html (self-contained), report.md and junit.xml.
 *
 * ```ts
 * const files = renderReport({ generatedAt: new Date().toISOString(), toolVersion, targets: [readResultDir('reports/latest')] });
 * ```
 *
 * @module
 */
export * from './model.js';
export * from './render.js';
export * from './read.js';
export { writeReport } from './write.js';
