/**
 * k6 export (see README.md § Distributed runs with k6): suites → self-contained k6 scripts.
 *
 * @module
 */
export * from './script.js';
export * from './suites.js';
