/**
 * `kmsbench usage --endpoint URL [--since T] [--json]`: a reference server's call accounting
 * (`GET /_kmsbench/usage`): calls, throttles and errors per operation, key and principal.
 *
 * @module
 */
import { configuredEndpoint, parseEndpointUrl } from '../harness/target/index.js';
import { parse, UsageError } from './args.js';

export const usageUsage = `kmsbench usage [--endpoint URL] [--since TIME] [--json]
  --endpoint URL   a kmsbench server (default: AWS_ENDPOINT_URL_KMS, then AWS_ENDPOINT_URL)
  --since TIME     count calls from TIME on: ISO-8601 or epoch seconds, on the server's clock
  --json           print the server's JSON answer as it is`;

interface Counts {
  calls: number;
  throttled: number;
  errors: number;
}

interface Report {
  since?: string;
  total: Counts;
  operations: Record<string, Counts>;
  keys: Record<string, Counts & { operations: Record<string, number> }>;
  principals: Record<string, Counts>;
}

/** One table: name, calls, throttled, errors; busiest first. */
export function formatCounts(title: string, rows: Record<string, Counts>): string {
  const entries = Object.entries(rows).sort((a, b) => b[1].calls - a[1].calls || a[0].localeCompare(b[0]));
  if (entries.length === 0) return `${title}: none`;
  const width = Math.max(title.length, ...entries.map(([n]) => n.length));
  const line = (n: string, c: string, t: string, e: string) => `${n.padEnd(width)}  ${c.padStart(8)}  ${t.padStart(9)}  ${e.padStart(7)}`;
  return [line(title, 'calls', 'throttled', 'errors'), ...entries.map(([n, c]) => line(n, String(c.calls), String(c.throttled), String(c.errors)))].join('\n');
}

export function formatUsage(r: Report): string {
  return [
    `${r.total.calls} calls (${r.total.throttled} throttled, ${r.total.errors} other errors)${r.since ? ` since ${r.since}` : ''}`,
    '',
    formatCounts('operation', r.operations),
    '',
    formatCounts('key', r.keys),
    '',
    formatCounts('principal', r.principals),
  ].join('\n');
}

export async function usage(argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const { values } = parse(argv, {
    endpoint: { type: 'string' },
    since: { type: 'string' },
    json: { type: 'boolean' },
  });
  if (values.help) return void console.log(usageUsage);
  const text = values.endpoint ?? configuredEndpoint(env);
  if (text === undefined) throw new UsageError('--endpoint URL is required (or AWS_ENDPOINT_URL_KMS / AWS_ENDPOINT_URL)');
  const endpoint = parseEndpointUrl(text, () => {
    throw new UsageError(`--endpoint must be an http(s) URL, got '${text}'`);
  });
  const url = `${endpoint}/_kmsbench/usage${values.since !== undefined ? `?since=${encodeURIComponent(values.since)}` : ''}`;
  const res = await fetch(url);
  const body = await res.text();
  if (!res.ok) {
    let message = body.slice(0, 300);
    try {
      message = (JSON.parse(body) as { message?: string }).message ?? message;
    } catch {
      // not JSON: print as it came
    }
    throw new Error(`GET ${url}: HTTP ${res.status}: ${message}`);
  }
  console.log(values.json ? body.trimEnd() : formatUsage(JSON.parse(body) as Report));
}
