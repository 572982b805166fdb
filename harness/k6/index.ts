/**
 * k6 export (see docs/k6.md): suites → self-contained k6 scripts.
 *
 * @module
 */
export * from './script.js';
export * from './suites.js';
