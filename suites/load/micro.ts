/**
 * Load suite `micro`: in-process costs, no endpoint. tinybench times SigV4 signing (client) and
 * verification (reference server), AES-256-GCM seal and open of the reference HSM, ciphertext
 * blob encode/decode (base64 wire form, blob parsing), the quota limiter's admit, and building a
 * raw request from a pre-signed template; `--duration` per task (default 500 ms). Each is
 * reported as operations per second with its relative margin of error (95 %). Use it to tell
 * the raw client's signing cost apart from the endpoint's latency, and to see what the server's
 * per-request stages cost on this machine.
 *
 * @module
 */
import { runMicro } from '../../harness/load/micro.js';
import { fmt, table, type LoadSuite } from '../../harness/load/suite.js';

const suite: LoadSuite = {
  name: 'micro',
  title: 'in-process costs (tinybench): SigV4 sign/verify, AES-GCM seal/open, blob encode/decode, limiter admit',
  description:
    'tinybench micro-benchmarks of in-process costs: SigV4 signing and verification, AES-256-GCM seal/open, ciphertext blob encode/decode, limiter admit, raw request build; ops/s with relative margin of error.',
  defaults: { durationMs: 500 },
  needsQuota: false,
  inProcess: true,
  modes: ['open'],
  async run(ctx) {
    const tasks = await runMicro(await ctx.microBenches(), { timeMs: ctx.options.durationMs });
    for (const t of tasks) ctx.log(`${t.name}: ${fmt(t.opsPerSec, 0)} ops/s ±${fmt(t.rmePercent, 1)} %`);
    return { phases: [{ kind: 'micro', name: 'micro', tasks }], analysis: { suite: 'micro', tasks } };
  },
  report(a) {
    if (a.suite !== 'micro') return [];
    return [
      'in-process costs (tinybench):',
      ...table(
        ['task', 'ops/s', '± %', 'mean ns', 'p50 ns', 'p99 ns', 'samples'],
        a.tasks.map((t) => [t.name, fmt(t.opsPerSec, 0), fmt(t.rmePercent, 1), fmt(t.meanNs, 0), fmt(t.p50Ns, 0), fmt(t.p99Ns, 0), t.samples]),
      ),
    ];
  },
};

export default suite;
