/**
 * The HTTP routes outside the AWS API, for test harnesses and operators (unsigned):
 *
 * - `GET /_kmsbench/health` → 200 `{status, version, uptimeSeconds, store, authMode, ephemeral, …}`
 *   once the store is open (the route exists only then).
 * - `GET /_kmsbench/usage?since=T` → calls per operation, key and principal, with throttles and
 *   other errors, from the audit log (every worker writes to it; they flush first). `since` is
 *   ISO-8601 or epoch seconds on the server's clock, rounded down to the second.
 * - `POST /_kmsbench/reset` → with `--ephemeral` only: deletes every key, alias and the clock
 *   offset, empties the audit log, and applies the seed file again; 409 otherwise.
 *
 * @module
 */
import { parseSince, UsageIndex } from '../audit/usage-index.js';
import type { AuditSink } from '../audit/audit-log.js';
import type { KeyStore } from '../store/store.js';
import type { Route, RouteReply } from './http-edge.js';

export interface RouteDeps {
  store: KeyStore;
  audit: AuditSink;
  version: string;
  startedAt: number;
  facts: { region: string; account: string; authMode: string; ephemeral: boolean; strictAws: boolean; workers: number; dataDir: string };
  /** Has every other serving process drop its caches and, with `flushAudit`, write out its audit buffer. */
  announce?: (options?: { flushAudit?: boolean }) => Promise<void>;
  /** Applies the seed file again after a reset; returns what it did. */
  reseed?: () => Promise<string[]>;
}

/** Meta entry counting resets, so every process's usage index sees that the log was emptied. */
export const RESETS_META = 'kmsbench.resets';

const json = (body: unknown, status = 200): RouteReply => ({ contentType: 'application/json', body: `${JSON.stringify(body)}\n`, status });

/** Error replies in the AWS JSON shape, so SDK-based tooling can read them too. */
const refuse = (status: number, type: string, message: string): RouteReply => json({ __type: type, message }, status);

export function kmsbenchRoutes(deps: RouteDeps): { get: Record<string, Route>; post: Record<string, Route> } {
  const usage = deps.audit.path !== undefined ? new UsageIndex(deps.audit.path) : undefined;
  let resetting: Promise<RouteReply> | undefined;
  let resetsSeen = '0';

  const health: Route = () => {
    let keys: number | undefined;
    let state = 'open';
    try {
      keys = deps.store.countKeys(deps.facts.account, deps.facts.region);
    } catch {
      state = 'busy';
    }
    return json({
      status: 'ok',
      version: deps.version,
      uptimeSeconds: Math.round((Date.now() - deps.startedAt) / 100) / 10,
      store: { state, ...(keys !== undefined ? { keys } : {}) },
      ...deps.facts,
    });
  };

  const usageRoute: Route = async ({ query }) => {
    if (!usage) return refuse(409, 'AuditLogDisabled', 'Call accounting reads the audit log, and this server runs with --no-audit.');
    const since = parseSince(query.get('since'));
    if (since !== undefined && !Number.isFinite(since)) return refuse(400, 'ValidationException', 'since must be an ISO-8601 time or epoch seconds.');
    await deps.announce?.({ flushAudit: true });
    await deps.audit.drain?.();
    deps.store.sync();
    const resets = deps.store.getMeta(RESETS_META) ?? '0';
    if (resets !== resetsSeen) {
      usage.clear();
      resetsSeen = resets;
    }
    usage.refresh();
    return json(usage.query(since));
  };

  const reset = async (): Promise<RouteReply> => {
    if (!deps.facts.ephemeral) return refuse(409, 'ResetRefused', 'POST /_kmsbench/reset works only on a server started with --ephemeral.');
    // Every process writes out what it buffered, so no line from before the reset lands after it.
    await deps.announce?.({ flushAudit: true });
    await deps.audit.drain?.();
    deps.store.write(() => {
      const resets = Number(deps.store.getMeta(RESETS_META) ?? 0) + 1;
      deps.store.clearAll();
      deps.store.putMeta(RESETS_META, String(resets));
    });
    deps.audit.truncate?.();
    const seeded = (await deps.reseed?.()) ?? [];
    await deps.announce?.();
    return json({ reset: true, seed: seeded });
  };

  return {
    get: { '/_kmsbench/health': health, '/_kmsbench/usage': usageRoute },
    // One reset at a time; a second one waits for the first and answers the same.
    post: { '/_kmsbench/reset': () => (resetting ??= reset().finally(() => (resetting = undefined))) },
  };
}
