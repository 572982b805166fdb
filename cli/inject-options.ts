/**
 * `--inject ITEM` and `--latency-profile NAME`, shared by `serve`, `load` and `run` (the last two
 * for the embedded server only): checked here, so a typo is a usage error before anything starts,
 * and handed to the server as its `inject` option.
 *
 * @module
 */
import { injectUsage, parseInjection } from '../reference-impl/inject/injection-settings.js';
import { LATENCY_PROFILES } from '../reference-impl/inject/latency-profiles.js';
import type { EmbeddedInjection } from '../harness/target/index.js';
import { UsageError } from './args.js';

export const INJECT_USAGE = `  --inject ITEM          inject latency or errors on purpose (repeatable), after auth, validation and quota:
                         latency=OP:p50=MS,p99=MS   a log-normal delay per call of OP (* for all)
                         error=CODE:RATE[,op=OP]    that fraction of calls fail with CODE: KMSInternalException,
                                                    DependencyTimeoutException, KMSInvalidStateException, reset
                         seed=N                     seeds the draws (default 1: the same faults every run)
                         marked in the audit log ("injected") and metrics (kmsbench_injected_total);
                         KmsBench.SetInjection changes it while the server runs
  --latency-profile NAME a p50/p99 per operation class, ESTIMATES (AWS publishes no KMS latency figures):
${Object.values(LATENCY_PROFILES)
  .map((p) => `                         ${p.name.padEnd(13)} ${p.description}`)
  .join('\n')}`;

/** The server's `inject` option, or nothing when neither flag was given (throws UsageError on a bad item). */
export function injectionOptions(items: string[] | undefined, latencyProfile: string | undefined): { inject?: EmbeddedInjection } {
  if (!items?.length && latencyProfile === undefined) return {};
  try {
    parseInjection(items ?? [], latencyProfile);
  } catch (e) {
    throw new UsageError(`${(e as Error).message} (${injectUsage})`);
  }
  return { inject: { items: items ?? [], ...(latencyProfile !== undefined ? { latencyProfile } : {}) } };
}
