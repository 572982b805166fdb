/**
 * Quota / throttling model of the reference server (pure; clock injected). See README.md.
 *
 * @module
 */

export * from '../../common/quota/classes.js';
export * from '../../common/quota/profiles.js';
export * from '../../common/quota/token-bucket.js';
export * from '../../common/quota/limiter.js';
export * from './lease.js';
