/**
 * Load suite `envelope-caching`: how many KMS calls a data-key cache saves.
 *
 * A stream of messages (`--rate`, default 200 per second, 4 KiB each, one encryption context)
 * is encrypted with envelope encryption: a data key from GenerateDataKey (AES_256) through
 * `@aws-sdk/client-kms`, AES-256-GCM locally, the encrypted data key kept with the message. The
 * stream runs once per cache configuration, `--duration` each (default 2 s) after a warm-up that
 * also warms the cache:
 *
 * - `no-cache` — one GenerateDataKey per message;
 * - `max-messages-100` — a data key encrypts at most 100 messages (max age 5 min);
 * - `max-age-250ms` — a data key is used for at most 250 ms;
 * - `max-bytes-64KiB` — a data key encrypts at most 64 KiB of plaintext (16 messages);
 * - `workload` — the cache of `--workload FILE`'s `envelope` section, when given (its message
 *   rate, size and contexts then replace the defaults).
 *
 * Reported per configuration: messages, KMS calls, calls per 1,000 messages, the fraction of
 * calls saved, the cache hit ratio, message latency from the intended time (a miss waits for
 * KMS, a hit does not), and whether a sample message decrypts back through KMS Decrypt.
 * The cache follows the AWS Encryption SDK's rules (see harness/load/envelope.ts).
 *
 * Embedded endpoint: quotas off.
 *
 * @module
 */
import { fmt, table, warmup, warmupMs, type LoadSuite } from '../../harness/load/suite.js';
import type { Analysis, Phase } from '../../harness/results/load-results.js';
import type { DataKeyCache } from '../../harness/results/load-results.js';

export const CACHE_CONFIGS: { name: string; cache: DataKeyCache | null }[] = [
  { name: 'no-cache', cache: null },
  { name: 'max-messages-100', cache: { maxAgeMs: 300_000, maxMessages: 100, capacity: 1000 } },
  { name: 'max-age-250ms', cache: { maxAgeMs: 250, capacity: 1000 } },
  { name: 'max-bytes-64KiB', cache: { maxAgeMs: 300_000, maxBytes: 65_536, capacity: 1000 } },
];

type EnvelopeAnalysis = Extract<Analysis, { suite: 'envelope-caching' }>;

const suite: LoadSuite = {
  name: 'envelope-caching',
  title: 'a message stream under envelope encryption with and without a data-key cache: KMS calls saved',
  description:
    'Messages encrypted with envelope encryption (GenerateDataKey via @aws-sdk/client-kms + local AES-256-GCM), once without a data-key cache and once per cache limit ' +
    '(max messages, max age, max bytes); KMS calls, calls saved, hit ratio, message latency, and a decrypt round trip.',
  defaults: { durationMs: 2000, rate: 200 },
  needsQuota: false,
  modes: ['open'],
  async run(ctx) {
    const { options } = ctx;
    const env = options.workload?.envelope;
    const messageRate = options.rate ?? env?.messageRate ?? this.defaults.rate!;
    const messageBytes = env?.messageBytes ?? 4096;
    const contexts = env?.contexts ?? 1;
    const configs = [...CACHE_CONFIGS, ...(env?.cache ? [{ name: 'workload', cache: env.cache }] : [])];
    const fixture = await ctx.prepare([{ operation: 'GenerateDataKey' }]);
    const d = options.durationMs;
    const phases: Phase[] = [];
    const rows: EnvelopeAnalysis['configs'] = [];
    for (const config of configs) {
      const { phase, result: r } = await ctx.envelope({
        name: config.name,
        keyId: fixture.keyId,
        stages: [warmup(messageRate, warmupMs(d)), { durationMs: d, rate: messageRate, label: 'measured' }],
        messageBytes,
        contexts,
        cache: config.cache,
      });
      phases.push(phase);
      const x = r.extra;
      const messages = r.counts.offered;
      const kmsCalls = x.kmsCalls ?? 0;
      const hits = x.cacheHits ?? 0;
      const lookups = hits + (x.cacheMisses ?? 0);
      rows.push({
        name: config.name,
        cache: config.cache,
        messages,
        encrypted: r.counts.succeeded,
        kmsCalls,
        callsPer1000Messages: messages > 0 ? (kmsCalls / messages) * 1000 : 0,
        callsSavedFraction: messages > 0 ? 1 - kmsCalls / messages : 0,
        hitRatio: lookups > 0 ? hits / lookups : 0,
        throttled: r.counts.throttled,
        errors: r.counts.errors + r.counts.unfinished,
        p50: r.latency.p50,
        p99: r.latency.p99,
        roundTripVerified: x.roundTripChecks ? x.roundTripVerified === x.roundTripChecks : null,
      });
    }
    const analysis: EnvelopeAnalysis = { suite: 'envelope-caching', messageRate, messageBytes, contexts, configs: rows };
    const warnings = rows.filter((r) => r.roundTripVerified === false).map((r) => `${r.name}: a sample message did not decrypt back through KMS`);
    return { phases, analysis, warnings };
  },
  report(a) {
    if (a.suite !== 'envelope-caching') return [];
    return [
      `envelope encryption, ${a.messageRate} messages/s of ${a.messageBytes} bytes, ${a.contexts} encryption context(s):`,
      ...table(
        ['cache', 'messages', 'KMS calls', 'calls/1000 msg', 'saved', 'hit ratio', 'p50 ms', 'p99 ms', 'throttled', 'errors', 'round trip'],
        a.configs.map((c) => [
          c.name,
          c.messages,
          c.kmsCalls,
          fmt(c.callsPer1000Messages, 1),
          `${fmt(c.callsSavedFraction * 100, 1)} %`,
          fmt(c.hitRatio, 3),
          fmt(c.p50, 3),
          fmt(c.p99, 3),
          c.throttled,
          c.errors,
          c.roundTripVerified === null ? '-' : c.roundTripVerified ? 'ok' : 'FAILED',
        ]),
      ),
    ];
  },
};

export default suite;
