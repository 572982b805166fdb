/**
 * Quota / throttling model of the reference server (pure; clock injected). See README.md.
 *
 * @module
 */

export * from './classes.js';
export * from './profiles.js';
export * from './token-bucket.js';
export * from './limiter.js';
export * from './lease.js';
