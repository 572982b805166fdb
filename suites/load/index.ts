/**
 * The load suites, by name (`kmsbench load --suite NAME`). Each is a documented module in this
 * folder; see suites/load/README.md.
 *
 * @module
 */
import type { LoadSuite } from '../../harness/load/suite.js';
import backoff from './backoff.js';
import envelopeCaching from './envelope-caching.js';
import latency from './latency.js';
import micro from './micro.js';
import mixed from './mixed.js';
import throttleCurve from './throttle-curve.js';

export const LOAD_SUITES: Record<string, LoadSuite> = Object.fromEntries(
  [latency, throttleCurve, backoff, envelopeCaching, mixed, micro].map((s) => [s.name, s]),
);
