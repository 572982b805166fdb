/**
 * The control plane: calls that are not part of the AWS API, under `X-Amz-Target: KmsBench.<Op>`,
 * signed like any KMS call. They let a harness move the server's clock instead of waiting.
 *
 * @module
 */
import { parseDuration } from '../../common/duration.js';
import { ValidationException } from '../errors.js';
import type { KeyStore } from '../store/store.js';
import type { OpContext } from '../ops/context.js';
import { epochSeconds } from '../records/key-records.js';
import type { QuotaMetrics } from '../quota/admission.js';
import { Injector } from '../inject/injector.js';
import { injectionItems, InjectionConfigError, parseInjection, type InjectionSettings } from '../inject/injection-settings.js';

export const CLOCK_OFFSET_META = 'clock.offsetMs';

/** The server clock stays within four-digit ISO years (JS dates, and so audit times, end in 275760). */
export const LATEST_CLOCK_MS = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

/** Reads the shared clock offset (cached by the store until another worker writes). */
export const readClockOffset = (store: KeyStore): number => Number(store.getMeta(CLOCK_OFFSET_META) ?? 0);

export interface ControlDeps {
  /** Quota metrics of the whole server (all workers). */
  metrics?: () => QuotaMetrics | Promise<QuotaMetrics>;
  /** The injection stage of this process (its settings and counters). */
  injection?: Injector;
  /** The custom key store fixtures this server offers (keystores/fixtures.ts), if any. */
  keyStoreFixtures?: Record<string, unknown>;
}

function advanceClock(input: unknown, ctx: OpContext): object {
  const body = (input ?? {}) as { Seconds?: unknown; Duration?: unknown };
  let ms: number | undefined;
  if (typeof body.Seconds === 'number' && Number.isFinite(body.Seconds)) ms = Math.round(body.Seconds * 1000);
  else if (typeof body.Duration === 'string') ms = parseDuration(body.Duration);
  if (ms === undefined || ms < 0) {
    throw new ValidationException('AdvanceClock needs Seconds (a non-negative number) or Duration (such as "8d").');
  }
  const store = ctx.keyring.store;
  const offset = store.write(() => {
    const next = readClockOffset(store) + ms;
    if (!(Date.now() + next <= LATEST_CLOCK_MS)) throw new ValidationException('AdvanceClock cannot move the server clock past 9999-12-31T23:59:59.999Z.');
    store.putMeta(CLOCK_OFFSET_META, String(next));
    return next;
  });
  const now = Date.now() + offset;
  const swept = ctx.keyring.sweep(now);
  return { Now: epochSeconds(now), OffsetSeconds: offset / 1000, KeysDeleted: swept.deleted, KeysRotated: swept.rotated };
}

function getClock(_input: unknown, ctx: OpContext): object {
  const offset = readClockOffset(ctx.keyring.store);
  return { Now: epochSeconds(Date.now() + offset), OffsetSeconds: offset / 1000 };
}

function getMetrics(_input: unknown, _ctx: OpContext, deps: ControlDeps): object | Promise<object> {
  return deps.metrics?.() ?? { counters: {}, buckets: [] };
}

/** The settings as the control calls answer them. */
const injectionReply = (s: InjectionSettings): object => ({ Inject: injectionItems(s), ...(s.profile ? { LatencyProfile: s.profile } : {}), Seed: s.seed });

/**
 * `KmsBench.SetInjection {"Inject": ["latency=Encrypt:p50=20,p99=60", "error=KMSInternalException:0.05"], "LatencyProfile": "in-region"}`:
 * replaces what the server injects (`{}` stops injecting), on every worker.
 */
function setInjection(input: unknown, ctx: OpContext): object {
  const body = (input ?? {}) as { Inject?: unknown; LatencyProfile?: unknown };
  const items = body.Inject ?? [];
  if (!Array.isArray(items) || !items.every((i): i is string => typeof i === 'string')) {
    throw new ValidationException('SetInjection needs Inject: a list of strings such as "latency=Encrypt:p50=20,p99=60" or "error=KMSInternalException:0.05".');
  }
  if (body.LatencyProfile !== undefined && typeof body.LatencyProfile !== 'string') throw new ValidationException('SetInjection: LatencyProfile must be a string.');
  let settings: InjectionSettings;
  try {
    settings = parseInjection(items, body.LatencyProfile);
  } catch (e) {
    if (e instanceof InjectionConfigError) throw new ValidationException(e.message.replace(/^--inject /, ''));
    throw e;
  }
  Injector.write(ctx.keyring.store, settings);
  return injectionReply(settings);
}

/** `KmsBench.GetInjection`: what is injected now, and what this process injected so far (`Counts`, by `OPERATION|KIND`). */
function getInjection(_input: unknown, _ctx: OpContext, deps: ControlDeps): object {
  const injection = deps.injection;
  return injection ? { ...injectionReply(injection.current()), Counts: injection.counters() } : { Inject: [], Seed: 1, Counts: {} };
}

/** The custom key store fixtures, for conformance runs; refused where the server runs without them. */
function getKeyStoreFixtures(_input: unknown, _ctx: OpContext, deps: ControlDeps): object {
  if (!deps.keyStoreFixtures) throw new ValidationException('This server runs without custom key store fixtures (start it with --key-store-fixtures).');
  return deps.keyStoreFixtures;
}

export const CONTROL_OPERATIONS = {
  AdvanceClock: advanceClock,
  GetClock: getClock,
  GetMetrics: getMetrics,
  SetInjection: setInjection,
  GetInjection: getInjection,
  GetKeyStoreFixtures: getKeyStoreFixtures,
} satisfies Record<string, (input: unknown, ctx: OpContext, deps: ControlDeps) => object | Promise<object>>;

export const isControlOperation = (op: string): op is keyof typeof CONTROL_OPERATIONS => Object.hasOwn(CONTROL_OPERATIONS, op);
