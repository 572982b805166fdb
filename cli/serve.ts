/**
 * `kmsbench serve`: run the reference KMS server until SIGINT/SIGTERM.
 *
 * @module
 */
import { startServer, DEFAULTS, defaultWorkerCount } from '../reference-impl/server.js';
import { FAULTS } from '../reference-impl/faults.js';
import { parseDuration } from '../common/duration.js';
import { injectionOptions, INJECT_USAGE } from './inject-options.js';
import { intOption, parse, UsageError } from './args.js';

export const serveUsage = `kmsbench serve [options]
  --host HOST            listen address (default ${DEFAULTS.host})
  --port PORT            listen port, 0 for any free port (default ${DEFAULTS.port})
  --data-dir DIR         store, master key and audit log (default ${DEFAULTS.dataDir})
  --region REGION        the Region of unsigned and control calls; signed calls are served in the
                         Region of their credential scope (every Region at one endpoint; default ${DEFAULTS.region})
  --account ID           account of the default test/test credentials (default ${DEFAULTS.account})
  --credentials FILE     JSON file with more accounts, principals and access keys
  --workers N            worker processes (default: number of cores)
  --fsync                make every commit survive power loss (synchronous=FULL)
  --quota CLASS=RATE     override one request quota, per second (repeatable), e.g. symmetric=1000,
                         DescribeKey=50, burst-seconds=0.5 (classes: reference-impl/quota/README.md)
  --quota-profile NAME   quotas of another era: current (default), tier-50k, tier-30k, 2018, legacy-2017
  --quota-file FILE      a JSON quota profile (replaces --quota-profile)
  --quota-share N        N separate servers serve one account: enforce 1/N of every quota
  --no-quotas            throttle nothing
  --no-audit             do not write the audit log
  --header-timeout T     most time to receive a request's headers, from its first byte (a
                         connection's first request: from connect); then 408 and close (default 10s; 0: none)
  --request-timeout T    most time to receive a whole request, body included (default 30s; 0: none)
  --max-connections N    open connections per process at most; more are closed at once (default 10000)
  --xks-proxy URI=URL    dial the external key store proxy XksProxyUriEndpoint URI at URL (repeatable),
                         e.g. https://xks.example.test=http://127.0.0.1:8080 (kmsbench xks-proxy)
  --key-store-fixtures   custom key store fixtures for conformance runs: software CloudHSM clusters and a
                         reference XKS proxy on loopback (KmsBench.GetKeyStoreFixtures; one worker)
  --fault NAME           test-only deliberate fault (repeatable): ${Object.keys(FAULTS).join(', ')}
${INJECT_USAGE}`;

/** `10s`, `500ms`, `1m`, or a bare number of seconds; 0 disables. */
function durationOption(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const ms = parseDuration(value);
  if (ms === undefined) throw new UsageError(`--${name} must be a duration such as 10s, 500ms or 1m (0: no limit), got '${value}'`);
  return ms;
}

export async function serve(argv: string[]): Promise<void> {
  const { values } = parse(argv, {
    host: { type: 'string' },
    port: { type: 'string' },
    'data-dir': { type: 'string' },
    region: { type: 'string' },
    account: { type: 'string' },
    credentials: { type: 'string' },
    workers: { type: 'string' },
    fsync: { type: 'boolean' },
    'no-audit': { type: 'boolean' },
    'header-timeout': { type: 'string' },
    'request-timeout': { type: 'string' },
    'max-connections': { type: 'string' },
    fault: { type: 'string', multiple: true },
    quota: { type: 'string', multiple: true },
    'quota-profile': { type: 'string' },
    'quota-file': { type: 'string' },
    'no-quotas': { type: 'boolean' },
    'quota-share': { type: 'string' },
    inject: { type: 'string', multiple: true },
    'latency-profile': { type: 'string' },
    'xks-proxy': { type: 'string', multiple: true },
    'key-store-fixtures': { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    console.log(serveUsage);
    return;
  }
  if (values.account !== undefined && !/^\d{12}$/.test(values.account)) throw new UsageError('--account must be 12 digits');
  for (const f of values.fault ?? []) if (!(f in FAULTS)) throw new UsageError(`unknown --fault '${f}'`);
  const xksProxies: Record<string, string> = {};
  for (const m of values['xks-proxy'] ?? []) {
    const eq = m.indexOf('=');
    if (eq <= 0 || !m.startsWith('https://')) throw new UsageError(`--xks-proxy takes URI=URL with an https:// URI, not '${m}'`);
    xksProxies[m.slice(0, eq)] = m.slice(eq + 1);
  }
  let server;
  try {
    server = await startServer({
    host: values.host,
    port: intOption(values.port, 'port', DEFAULTS.port),
    dataDir: values['data-dir'],
    region: values.region,
    account: values.account,
    credentialsFile: values.credentials,
    workers: values['key-store-fixtures'] ? 1 : intOption(values.workers, 'workers', defaultWorkerCount(), 1),
    xksProxies,
    keyStoreFixtures: values['key-store-fixtures'] ?? false,
    faults: values.fault,
    audit: !values['no-audit'],
    synchronous: values.fsync ? 'FULL' : 'NORMAL',
    headersTimeoutMs: durationOption(values['header-timeout'], 'header-timeout'),
    requestTimeoutMs: durationOption(values['request-timeout'], 'request-timeout'),
    maxConnections: values['max-connections'] === undefined ? undefined : intOption(values['max-connections'], 'max-connections', 0, 1),
    quotas: {
      enabled: !values['no-quotas'],
      profile: values['quota-profile'],
      file: values['quota-file'],
      overrides: values.quota,
      share: intOption(values['quota-share'], 'quota-share', 1, 1),
    },
    ...injectionOptions(values.inject, values['latency-profile']),
    });
  } catch (e) {
    if ((e as Error).name === 'QuotaConfigError' || (e as Error).name === 'InjectionConfigError' || e instanceof RangeError) throw new UsageError((e as Error).message);
    throw e;
  }
  if (values.fault?.length) console.error(`kmsbench: DELIBERATE FAULTS ENABLED: ${values.fault.join(', ')}`);
  if (values.inject?.length || values['latency-profile']) console.error(`kmsbench: injecting ${[...(values['latency-profile'] ? [`latency profile ${values['latency-profile']}`] : []), ...(values.inject ?? [])].join('; ')}`);
  console.log(`listening on ${server.url}`);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await server.close();
}
