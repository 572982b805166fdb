/**
 * `kmsbench serve`: run the reference KMS server until SIGINT/SIGTERM.
 *
 * @module
 */
import { existsSync } from 'node:fs';
import { startServer, DEFAULTS, defaultWorkerCount } from '../reference-impl/server.js';
import { FAULTS } from '../reference-impl/faults.js';
import { parseDuration } from '../common/duration.js';
import { injectionOptions, INJECT_USAGE } from './inject-options.js';
import { intOption, UsageError } from './args.js';
import { readServeOptions, serveOptionsHelp, type ServeValues } from './serve-options.js';

export const serveUsage = `kmsbench serve [options]

Every option can also be set by its environment variable; a flag wins over its variable, and a
KMSBENCH_* variable over a local-kms one. Booleans: 1/true/yes/on or 0/false/no/off; repeatable
options: a comma-separated list.

${serveOptionsHelp({ fault: `: ${Object.keys(FAULTS).join(', ')}` })}

Injection (--inject, --latency-profile):
${INJECT_USAGE}`;

const str = (v: ServeValues[string]): string | undefined => (typeof v === 'string' ? v : undefined);
const list = (v: ServeValues[string]): string[] | undefined => (Array.isArray(v) ? v : undefined);

/** `10s`, `500ms`, `1m`, or a bare number of seconds; 0 disables. */
function durationOption(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const ms = parseDuration(value);
  if (ms === undefined) throw new UsageError(`--${name} must be a duration such as 10s, 500ms or 1m (0: no limit), got '${value}'`);
  return ms;
}

export async function serve(argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const { values: v, sources, help } = readServeOptions(argv, env);
  if (help) {
    console.log(serveUsage);
    return;
  }
  const values = {
    host: str(v.host),
    port: str(v.port),
    'data-dir': str(v['data-dir']),
    region: str(v.region),
    account: str(v.account),
    credentials: str(v.credentials),
    workers: str(v.workers),
    fsync: v.fsync === true,
    'no-audit': v['no-audit'] === true,
    'header-timeout': str(v['header-timeout']),
    'request-timeout': str(v['request-timeout']),
    'max-connections': str(v['max-connections']),
    fault: list(v.fault),
    quota: list(v.quota),
    'quota-profile': str(v['quota-profile']),
    'quota-file': str(v['quota-file']),
    'no-quotas': v['no-quotas'] === true,
    'quota-share': str(v['quota-share']),
    seed: str(v.seed),
    auth: str(v.auth),
    'strict-aws': v['strict-aws'] === true,
    ephemeral: v.ephemeral === true,
    inject: list(v.inject),
    'latency-profile': str(v['latency-profile']),
    'xks-proxy': list(v['xks-proxy']),
    'key-store-fixtures': v['key-store-fixtures'] === true,
  };
  if (values.auth !== undefined && values.auth !== 'sigv4' && values.auth !== 'permissive') {
    throw new UsageError(`--auth must be sigv4 or permissive, got '${values.auth}'`);
  }
  // local-kms seeds from KMS_SEED_PATH when a file is there and skips seeding otherwise; an
  // explicit --seed / KMSBENCH_SEED must exist.
  const notices: string[] = [];
  if (sources.seed === 'alias' && values.seed !== undefined && !existsSync(values.seed)) {
    notices.push(`no seed file at ${values.seed} (KMS_SEED_PATH): seeding skipped`);
    values.seed = undefined;
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
    seedFile: values.seed,
    authMode: values.auth as 'sigv4' | 'permissive' | undefined,
    strictAws: values['strict-aws'],
    ephemeral: values.ephemeral,
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
    if (['QuotaConfigError', 'SeedError', 'CredentialsConfigError', 'InjectionConfigError'].includes((e as Error).name) || e instanceof RangeError) throw new UsageError((e as Error).message);
    throw e;
  }
  if (values.fault?.length) console.error(`kmsbench: DELIBERATE FAULTS ENABLED: ${values.fault.join(', ')}`);
  if (values.inject?.length || values['latency-profile']) console.error(`kmsbench: injecting ${[...(values['latency-profile'] ? [`latency profile ${values['latency-profile']}`] : []), ...(values.inject ?? [])].join('; ')}`);
  if (values.auth === 'permissive') console.error('kmsbench: --auth permissive: signatures are NOT verified (any well-formed credential is accepted)');
  for (const line of [...notices, ...(server.notices ?? [])]) console.error(`kmsbench: ${line}`);
  console.log(`listening on ${server.url}`);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await server.close();
}
