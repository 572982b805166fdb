/**
 * What the conformance runner reports while it runs (RunOptions.onEvent), for a progress
 * display: typed, so nothing has to read prose.
 *
 * @module
 */
import type { CaseResult } from '../results/conformance-results.js';

export type ConformanceEvent =
  /** A case finished (or was skipped): its result as results.json will hold it. */
  { type: 'case-done'; result: CaseResult };
