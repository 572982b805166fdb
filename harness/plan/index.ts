/**
 * Capacity planner (see docs/capacity-planning.md): workload file → request streams → quota
 * classes, cache advice and monthly cost; `--simulate` through the quota model's Limiter;
 * `--endpoint` replay with the open-loop generator.
 *
 * @module
 */
export * from './workload.js';
export * from './cache.js';
export * from './rates.js';
export * from './quota.js';
export * from './cost.js';
export * from './solve.js';
export * from './capacity-plan.js';
export * from './simulate.js';
export * from './replay.js';
export * from './plan-text.js';
export * from './latency.js';
