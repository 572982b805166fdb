/**
 * `kmsbench load --suite NAME`: run one load suite against an endpoint (default: the embedded
 * reference server, started with the suite's quotas) and write `load.json` (schema:
 * reports/schema/load.schema.json). Prints the run's progress events as they come.
 *
 * @module
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LOAD_SUITES } from '../suites/load/index.js';
import { loadEventLines } from '../harness/load/events.js';
import { checkMode, LoadAborted, LoadConfigError, reportLines, runLoad } from '../harness/load/run.js';
import { parseRetry, RETRY_USAGE } from '../harness/load/sdk.js';
import { readRequestMixFile, RequestMixError } from '../harness/load/request-mix.js';
import { embeddedQuotaOf, embeddedQuotas, type LoadSuite } from '../harness/load/suite.js';
import { envCredentials, openTarget, parseTarget, TargetSpecError, type OpenTargetOptions, type Target } from '../harness/target/index.js';
import { parseDuration } from '../common/duration.js';
import { EXIT } from '../common/exit-codes.js';
import { asUsageError, clientRegion, intOption, parse, positiveOption, UsageError, valueOptions } from './args.js';
import { onInterrupt } from './interrupt.js';
import { injectionOptions, INJECT_USAGE } from './inject-options.js';
import type { EmbeddedInjection } from '../harness/target/index.js';

const suiteList = () =>
  Object.values(LOAD_SUITES)
    .map((s) => `    ${s.name.padEnd(17)} ${s.title}`)
    .join('\n');

export const loadUsage = `kmsbench load --suite NAME [options]
  --suite NAME           one of:
${suiteList()}
  --endpoint URL         the endpoint, or 'embedded' (default: the reference server, started in-process;
                         quotas off, or scaled down for throttle-curve and backoff)
  --region R             signing Region (default $AWS_REGION or us-east-1); credentials from
                         $AWS_ACCESS_KEY_ID / $AWS_SECRET_ACCESS_KEY, else test/test
  --quota N              the endpoint's symmetric request quota per second (throttle-curve, backoff;
                         embedded: sets the server's quota)
  --rate R               offered requests (messages) per second; the suite's default otherwise
  --duration D           length of each measured phase: 30s, 500ms, 2m (default: the suite's, seconds long)
  --out DIR              where load.json goes (default .kmsbench/load)
  --mode open|saturate   open model (default) or closed-loop saturation (latency, mixed)
  --client raw|sdk       pre-signed raw HTTP (default) or @aws-sdk/client-kms
  --retry POLICY         SDK retries: ${RETRY_USAGE} (default off)
  --arrivals constant|poisson   (default constant; mixed: the workload's)
  --threads N|auto       load worker threads (default auto: enough for the rate, at most one per core;
                         0 runs the generator in the main thread)
  --connections N        raw client: connection limit per thread (default 512); saturate: connections (default 64)
  --idle auto|spin|nap   how the generator waits for arrivals under 3 ms away: auto (default) sleeps when
                         nothing is in flight, spins while fast requests are, naps while slow (>= 4 ms)
                         ones are; spin always spins; nap always naps (least CPU, replies read up to
                         ~0.2 ms late)
  --workload FILE        YAML/JSON request mix, e.g. suites/workloads/web-tier.mix.yaml (mixed;
                         envelope-caching reads its envelope section)
  --key-id ID            use this key instead of creating one (repeat for ReEncrypt's destination)
  --seed N               seed for Poisson arrivals and mix choices (default 1)
  embedded server only (against a URL, start it with kmsbench serve --inject ...):
${INJECT_USAGE}`;

export async function load(argv: string[]): Promise<void | number> {
  const { values } = parse(argv, {
    ...valueOptions('suite', 'endpoint', 'region', 'quota', 'rate', 'duration', 'out', 'mode', 'client', 'retry', 'arrivals', 'threads', 'connections', 'idle', 'workload', 'seed', 'latency-profile'),
    'key-id': { type: 'string', multiple: true },
    inject: { type: 'string', multiple: true },
  });
  if (values.help) return void console.log(loadUsage);
  if (!values.suite) throw new UsageError('--suite NAME is required');
  const suite = LOAD_SUITES[values.suite];
  if (!suite) throw new UsageError(`unknown suite '${values.suite}' (suites: ${Object.keys(LOAD_SUITES).join(', ')})`);
  const oneOf = <T extends string>(v: string | undefined, name: string, allowed: readonly T[]): T | undefined => {
    if (v === undefined) return undefined;
    if (!allowed.includes(v as T)) throw new UsageError(`--${name} must be ${allowed.join(' or ')}, got '${v}'`);
    return v as T;
  };
  let durationMs: number | undefined;
  if (values.duration !== undefined) {
    durationMs = parseDuration(values.duration);
    if (durationMs === undefined || durationMs <= 0) throw new UsageError(`--duration must be a duration such as 30s, 500ms or 2m, got '${values.duration}'`);
  }
  const retry = asUsageError(() => (values.retry !== undefined ? parseRetry(values.retry) : undefined), Error);
  const workload = asUsageError(() => (values.workload !== undefined ? readRequestMixFile(values.workload) : undefined), RequestMixError);
  const threads = values.threads === undefined || values.threads === 'auto' ? 'auto' : intOption(values.threads, 'threads', 1, 0);
  const out = values.out ?? join('.kmsbench', 'load');
  const mode = oneOf(values.mode, 'mode', ['open', 'saturate'] as const);
  const quota = positiveOption(values.quota, 'quota');
  const region = clientRegion(values.region);
  const client = oneOf(values.client, 'client', ['raw', 'sdk'] as const);
  const rate = positiveOption(values.rate, 'rate');
  const arrivals = oneOf(values.arrivals, 'arrivals', ['constant', 'poisson'] as const);
  const connections = values.connections !== undefined ? intOption(values.connections, 'connections', 1, 1) : undefined;
  const idle = oneOf(values.idle, 'idle', ['auto', 'spin', 'nap'] as const);
  const seed = intOption(values.seed, 'seed', 1, 0);
  asUsageError(() => checkMode(suite, mode ?? 'open'), LoadConfigError);
  const spec = asUsageError(() => (suite.inProcess ? undefined : parseTarget(values.endpoint, { accept: ['embedded', 'url'] })), TargetSpecError);
  const { inject } = injectionOptions(values.inject, values['latency-profile']);
  if (inject && spec?.kind !== 'embedded') {
    throw new UsageError('--inject and --latency-profile apply to the embedded server; start another reference server with kmsbench serve --inject ...');
  }

  // Ctrl-C: finish the phase in progress, clean up (embedded server, created keys) and stop;
  // a second Ctrl-C exits at once.
  const interrupt = onInterrupt(() => console.error('\ninterrupted: stopping after the current phase (Ctrl-C again to quit now)'));
  let results;
  let target: Target | undefined;
  try {
    if (spec) {
      target = await openTarget(spec, loadTargetOptions(suite, quota, region, inject));
      if (target.kind === 'embedded') console.log(embeddedLine(target.endpoint, suite, quota, inject));
    }
    results = await runLoad({
      signal: interrupt.signal,
      suite,
      ...(target ? { target } : {}),
      region,
      quota,
      mode,
      client,
      retry,
      rate,
      durationMs,
      arrivals,
      threads,
      connections,
      idle,
      seed,
      workload,
      keyIds: values['key-id'],
      command: ['load', ...argv],
      microBenches: async () => (await import('./micro-benches.js')).microBenches(),
      onEvent: (e) => {
        for (const line of loadEventLines(e)) console.log(line);
      },
    });
  } catch (e) {
    if (e instanceof LoadConfigError) throw new UsageError(e.message);
    if (e instanceof LoadAborted) {
      console.error('kmsbench load: interrupted; no load.json written');
      return EXIT.interrupted;
    }
    throw e;
  } finally {
    await target?.close();
    interrupt.stop();
  }
  console.log('');
  for (const line of reportLines(suite, results)) console.log(line);
  mkdirSync(out, { recursive: true });
  const file = join(out, 'load.json');
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`\nwrote ${file}`);
}

/** How a load run's target opens: credentials from the environment, an embedded server with the suite's quotas and an audit log. */
export function loadTargetOptions(suite: LoadSuite, quota: number | undefined, region: string, inject?: EmbeddedInjection): OpenTargetOptions {
  return { region, credentials: envCredentials(), embedded: { quotas: embeddedQuotas(suite, quota), audit: true, label: 'load', ...(inject ? { inject } : {}) } };
}

/** What `kmsbench load` says of the embedded server it started. */
function embeddedLine(url: string, suite: LoadSuite, quota: number | undefined, inject: EmbeddedInjection | undefined): string {
  const q = embeddedQuotaOf(suite, quota);
  const injecting = inject ? `; injecting ${[...(inject.latencyProfile ? [`latency profile ${inject.latencyProfile}`] : []), ...inject.items].join(', ')}` : '';
  return `embedded reference server ${url}${q ? ` (symmetric quota ${q.symmetric}/s${q.burstSeconds !== undefined ? `, burst ${q.burstSeconds} s` : ''})` : ' (quotas off)'}${injecting}`;
}
