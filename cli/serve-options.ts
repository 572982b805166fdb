/**
 * The options of `kmsbench serve`, one table: each flag, its `KMSBENCH_*` environment variable,
 * the local-kms variables accepted as aliases, and its help line. A flag wins over its variable,
 * which wins over an alias; {@link readServeOptions} merges the three, {@link serveOptionsHelp}
 * prints them.
 *
 * Boolean variables take `1`/`true`/`yes`/`on` or `0`/`false`/`no`/`off`; repeatable flags take a
 * comma-separated list in their variable (`KMSBENCH_QUOTA=symmetric=1000,DescribeKey=50`).
 *
 * @module
 */
import { parse, UsageError } from './args.js';

export interface ServeOptionSpec {
  flag: string;
  type: 'string' | 'boolean';
  multiple?: boolean;
  /** How a repeatable option's variable separates its items (default `,`). */
  separator?: string;
  /** Placeholder in the help (`--port PORT`). */
  arg?: string;
  help: string;
  /** Variables of other emulators read when neither the flag nor `KMSBENCH_*` is set (local-kms). */
  aliases?: string[];
}

/** Every `serve` flag (without --help). Order is the help's order. */
export const SERVE_OPTIONS: readonly ServeOptionSpec[] = [
  { flag: 'host', type: 'string', arg: 'HOST', help: 'listen address (default 127.0.0.1; 0.0.0.0 in a container)' },
  { flag: 'port', type: 'string', arg: 'PORT', help: 'listen port, 0 for any free port (default 4599)', aliases: ['PORT'] },
  { flag: 'data-dir', type: 'string', arg: 'DIR', help: 'store, master key and audit log (default .kmsbench/data)', aliases: ['KMS_DATA_PATH'] },
  { flag: 'ephemeral', type: 'boolean', help: 'keep no data: a fresh temporary data dir (inside --data-dir if given), deleted at exit; enables POST /_kmsbench/reset' },
  { flag: 'region', type: 'string', arg: 'REGION', help: 'the Region of unsigned and control calls; signed calls are served in the Region of their credential scope (every Region at one endpoint; default us-east-1)', aliases: ['KMS_REGION'] },
  { flag: 'account', type: 'string', arg: 'ID', help: 'account of the default test/test credentials (default 111122223333)', aliases: ['KMS_ACCOUNT_ID'] },
  { flag: 'credentials', type: 'string', arg: 'FILE', help: 'JSON file with more accounts, principals and access keys' },
  { flag: 'auth', type: 'string', arg: 'MODE', help: 'sigv4 (default: signatures verified) or permissive (any well-formed credential; a 12-digit access key id picks the account)' },
  { flag: 'seed', type: 'string', arg: 'FILE', help: 'YAML or JSON seed file: accounts, keys with fixed ids and material, aliases (also local-kms seed files; from KMS_SEED_PATH, a missing file skips seeding, as in local-kms)', aliases: ['KMS_SEED_PATH'] },
  { flag: 'strict-aws', type: 'boolean', help: 'refuse non-AWS conveniences (the _custom_id_ / _custom_key_material_ CreateKey tags)' },
  { flag: 'workers', type: 'string', arg: 'N', help: 'serving processes (default: number of cores)' },
  { flag: 'fsync', type: 'boolean', help: 'make every commit survive power loss (synchronous=FULL)' },
  {
    flag: 'quota',
    type: 'string',
    multiple: true,
    arg: 'CLASS=RATE',
    help: 'override one request quota, per second (repeatable), e.g. symmetric=1000, DescribeKey=50, burst-seconds=0.5 (classes: reference-impl/quota/README.md)',
  },
  { flag: 'quota-profile', type: 'string', arg: 'NAME', help: 'quotas of another era: current (default), tier-50k, tier-30k, 2018, legacy-2017' },
  { flag: 'quota-file', type: 'string', arg: 'FILE', help: 'a JSON quota profile (replaces --quota-profile)' },
  { flag: 'quota-share', type: 'string', arg: 'N', help: 'N separate servers serve one account: enforce 1/N of every quota' },
  { flag: 'no-quotas', type: 'boolean', help: 'throttle nothing' },
  { flag: 'no-audit', type: 'boolean', help: 'do not write the audit log (GET /_kmsbench/usage then has nothing to count)' },
  {
    flag: 'header-timeout',
    type: 'string',
    arg: 'T',
    help: "most time to receive a request's headers, from its first byte (a connection's first request: from connect); then 408 and close (default 10s; 0: none)",
  },
  { flag: 'request-timeout', type: 'string', arg: 'T', help: 'most time to receive a whole request, body included (default 30s; 0: none)' },
  { flag: 'max-connections', type: 'string', arg: 'N', help: 'open connections per process at most; more are closed at once (default 10000)' },
  {
    flag: 'xks-proxy',
    type: 'string',
    multiple: true,
    arg: 'URI=URL',
    help: 'dial the external key store proxy XksProxyUriEndpoint URI at URL (repeatable), e.g. https://xks.example.test=http://127.0.0.1:8080 (kmsbench xks-proxy)',
  },
  {
    flag: 'key-store-fixtures',
    type: 'boolean',
    help: 'custom key store fixtures for conformance runs: software CloudHSM clusters and a reference XKS proxy on loopback (KmsBench.GetKeyStoreFixtures; one worker)',
  },
  { flag: 'fault', type: 'string', multiple: true, arg: 'NAME', help: 'test-only deliberate fault (repeatable)' },
  { flag: 'inject', type: 'string', multiple: true, arg: 'ITEM', separator: ';', help: 'inject latency or errors on purpose (repeatable; the forms below; items in the variable separated by ;)' },
  { flag: 'latency-profile', type: 'string', arg: 'NAME', help: 'a p50/p99 latency per operation class (the profiles below)' },
];

/** `data-dir` → `KMSBENCH_DATA_DIR`. */
export const envName = (flag: string): string => `KMSBENCH_${flag.replace(/-/g, '_').toUpperCase()}`;

export type ServeValues = Record<string, string | boolean | string[] | undefined>;

function envBoolean(name: string, text: string): boolean {
  const t = text.trim().toLowerCase();
  if (['1', 'true', 'yes', 'on'].includes(t)) return true;
  if (['0', 'false', 'no', 'off', ''].includes(t)) return false;
  throw new UsageError(`${name} must be true or false, got '${text}'`);
}

/** Where each value came from, for the start-up line and tests. */
export type ValueSource = 'flag' | 'env' | 'alias';

/**
 * Parses `argv` and fills every flag not given from its `KMSBENCH_*` variable, then from its
 * aliases. Returns the values by flag name and where each came from.
 */
export function readServeOptions(argv: string[], env: NodeJS.ProcessEnv = process.env): { values: ServeValues; sources: Record<string, ValueSource>; help: boolean } {
  const config = Object.fromEntries(SERVE_OPTIONS.map((o) => [o.flag, { type: o.type, ...(o.multiple ? { multiple: true } : {}) }])) as Record<string, { type: 'string' | 'boolean'; multiple?: boolean; short?: string }>;
  const parsed = parse(argv, config).values as ServeValues;
  const values: ServeValues = {};
  const sources: Record<string, ValueSource> = {};
  for (const o of SERVE_OPTIONS) {
    if (parsed[o.flag] !== undefined) {
      values[o.flag] = parsed[o.flag];
      sources[o.flag] = 'flag';
      continue;
    }
    const candidates: Array<[string, ValueSource]> = [[envName(o.flag), 'env'], ...(o.aliases ?? []).map((a): [string, ValueSource] => [a, 'alias'])];
    for (const [name, source] of candidates) {
      const text = env[name];
      if (text === undefined || (text === '' && o.type === 'string')) continue;
      values[o.flag] =
        o.type === 'boolean'
          ? envBoolean(name, text)
          : o.multiple
            ? text.split(o.separator ?? ',').map((s) => s.trim()).filter(Boolean)
            : text;
      sources[o.flag] = source;
      break;
    }
  }
  return { values, sources, help: parsed.help === true };
}

/** The options part of `serve --help`: each flag with its variable and aliases. */
export function serveOptionsHelp(extra: Record<string, string> = {}): string {
  const rows = SERVE_OPTIONS.map((o) => {
    const left = `  --${o.flag}${o.arg ? ` ${o.arg}` : ''}`;
    const vars = [envName(o.flag), ...(o.aliases ?? []).map((a) => `${a} (local-kms)`)].join(', ');
    return `${left.padEnd(26)} ${o.help}${extra[o.flag] ?? ''}\n${' '.repeat(27)}env: ${vars}`;
  });
  return rows.join('\n');
}
