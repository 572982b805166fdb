/**
 * `kmsbench clock advance DURATION --endpoint URL` and `kmsbench clock show --endpoint URL`:
 * move or read a reference server's controllable clock.
 *
 * @module
 */
import { parseDuration } from '../common/duration.js';
import { call } from '../harness/client/raw-client.js';
import { envCredentials } from '../harness/target/index.js';
import { clientRegion, parse, UsageError, valueOptions } from './args.js';

export const clockUsage = `kmsbench clock advance DURATION --endpoint URL [--region R]   (DURATION: 8d, 36h, 1d12h, 90m, 30s)
kmsbench clock show --endpoint URL [--region R]`;

export async function clock(argv: string[]): Promise<void> {
  const { values, positionals } = parse(
    argv,
    valueOptions('endpoint', 'region'),
    true,
  );
  if (values.help) return void console.log(clockUsage);
  const [action, duration] = positionals;
  if (!values.endpoint) throw new UsageError('--endpoint URL is required');
  let target: string;
  let body: object = {};
  if (action === 'advance') {
    const ms = duration === undefined ? undefined : parseDuration(duration);
    if (ms === undefined) throw new UsageError(`clock advance needs a duration such as 8d, got '${duration ?? ''}'`);
    target = 'KmsBench.AdvanceClock';
    body = { Seconds: ms / 1000 };
  } else if (action === 'show') {
    target = 'KmsBench.GetClock';
  } else {
    throw new UsageError(clockUsage);
  }
  const reply = await call({
    endpoint: values.endpoint,
    region: clientRegion(values.region),
    credentials: envCredentials(),
    target,
    body,
  });
  if (reply.status !== 200) {
    throw new Error(`${target} failed: HTTP ${reply.status} ${reply.errorCode ?? ''} ${reply.errorMessage ?? reply.text.slice(0, 200)}`);
  }
  const r = reply.json as { Now: number; OffsetSeconds: number; KeysDeleted?: number; KeysRotated?: number };
  const parts = [`server time ${new Date(r.Now * 1000).toISOString()}`, `offset ${formatSeconds(r.OffsetSeconds)}`];
  if (r.KeysDeleted !== undefined) parts.push(`keys deleted ${r.KeysDeleted}`, `keys rotated ${r.KeysRotated}`);
  console.log(parts.join(', '));
}

function formatSeconds(s: number): string {
  const d = Math.floor(s / 86400);
  const h = Math.floor((s % 86400) / 3600);
  const m = Math.floor((s % 3600) / 60);
  return `${d}d${h}h${m}m${Math.round(s % 60)}s`;
}
