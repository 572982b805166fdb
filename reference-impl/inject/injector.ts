/**
 * The injection stage: after auth, validation and quota, before the operation, it decides per
 * call whether to delay the reply (a log-normal draw) and whether to fail it (an injected error,
 * or a connection reset), and counts what it did. Off, it costs the pipeline one property read.
 *
 * The settings live in the store's meta table, so every worker of a cluster injects the same:
 * `KmsBench.SetInjection` writes them (the write is announced to the other workers like any
 * other), and each worker reloads them when its caches are dropped. The server's own settings
 * (`--inject`, `--latency-profile`) are written there when it starts.
 *
 * Draws are seeded (`seed=N`): errors and delays come from two separate mulberry32 streams, so
 * with one worker the sequence of injected faults is the same on every run. Each worker draws
 * from its own copy of the streams.
 *
 * @module
 */
import { mulberry32 } from '../../common/numeric.js';
import { DependencyTimeoutException, KMSInternalException, KMSInvalidStateException, type KmsError } from '../errors.js';
import type { KeyStore } from '../store/store.js';
import { injectsAnything, settingsFromJson, type InjectableError, type InjectionSettings, NO_INJECTION } from './injection-settings.js';
import { LATENCY_PROFILES, profileLatency } from './latency-profiles.js';
import { fitLogNormal, normals, sampleLogNormal, type LogNormal } from './lognormal.js';

export const INJECTION_META = 'inject.settings';

/** What happens to one call. */
export interface Injection {
  /** Delay before the reply, ms (0: none). */
  delayMs: number;
  /** The error to answer with instead of running the operation. */
  error?: InjectableError;
  /** For the audit log: `latency=23.1ms`, `error=KMSInternalException`, or both. */
  label: string;
}

/** What the stage does to one operation's calls. */
interface OperationPlan {
  latency?: LogNormal;
  /** Cumulative rates: the first rule whose bound the draw falls under applies. */
  errors: { code: InjectableError; upTo: number }[];
}

/** The messages are the API reference's descriptions of each exception (spec/kms-2014-11-01.service-2.json). */
const ERROR_MESSAGES: Record<Exclude<InjectableError, 'reset'>, () => KmsError> = {
  KMSInternalException: () => new KMSInternalException('The request was rejected because an internal exception occurred. The request can be retried.'),
  DependencyTimeoutException: () => new DependencyTimeoutException('The system timed out while trying to fulfill the request. You can retry the request.'),
  KMSInvalidStateException: () =>
    new KMSInvalidStateException('The request was rejected because the state of the specified resource is not valid for this request.'),
};

/** The error an injected code answers with (a reset answers KMSInternalException if the socket cannot be reset). */
export const injectedError = (code: InjectableError): KmsError => ERROR_MESSAGES[code === 'reset' ? 'KMSInternalException' : code]();

export class Injector {
  /** Whether anything is injected (checked by the pipeline on every call). */
  private on = false;
  private stale = true;
  private text: string | undefined;
  private settings: InjectionSettings = NO_INJECTION;
  private plans = new Map<string, OperationPlan | null>();
  private errorDraw: () => number = Math.random;
  private normal: () => number = normals(Math.random);
  private readonly counts = new Map<string, number>();

  constructor(private readonly store: KeyStore) {
    store.onInvalidate(() => {
      this.stale = true;
    });
  }

  /** Replaces the settings of every worker on this store (one write; the pipeline announces it). */
  static write(store: KeyStore, settings: InjectionSettings): void {
    store.write(() => store.putMeta(INJECTION_META, JSON.stringify(settings)));
  }

  /** Does this server inject anything now? Reloads the settings after a write (ours or a sibling's). */
  get active(): boolean {
    if (this.stale) this.reload();
    return this.on;
  }

  current(): InjectionSettings {
    if (this.stale) this.reload();
    return this.settings;
  }

  /** What to do to one call of `operation` (undefined: nothing). */
  decide(operation: string): Injection | undefined {
    if (this.stale) this.reload();
    let plan = this.plans.get(operation);
    if (plan === undefined) {
      plan = planFor(this.settings, operation);
      this.plans.set(operation, plan);
    }
    if (plan === null) return undefined;
    let error: InjectableError | undefined;
    if (plan.errors.length > 0) {
      const u = this.errorDraw();
      error = plan.errors.find((e) => u < e.upTo)?.code;
    }
    const delayMs = plan.latency ? sampleLogNormal(plan.latency, this.normal) : 0;
    if (error === undefined && delayMs === 0) return undefined;
    let label = '';
    if (delayMs > 0) {
      label = `latency=${delayMs.toFixed(1)}ms`;
      this.count(operation, 'latency');
    }
    if (error !== undefined) {
      label += `${label ? ' ' : ''}error=${error}`;
      this.count(operation, error);
    }
    return { delayMs, ...(error !== undefined ? { error } : {}), label };
  }

  /** Calls injected so far, by `operation|kind` (kind: latency, or the error code). */
  counters(): Record<string, number> {
    return Object.fromEntries(this.counts);
  }

  private count(operation: string, kind: string): void {
    const k = `${operation}|${kind}`;
    this.counts.set(k, (this.counts.get(k) ?? 0) + 1);
  }

  private reload(): void {
    let text: string | undefined;
    try {
      text = this.store.getMeta(INJECTION_META);
    } catch {
      return; // a busy store: keep the settings we have, try again on the next call
    }
    this.stale = false;
    if (text === this.text) return;
    this.text = text;
    this.settings = (text !== undefined ? settingsFromJson(text) : undefined) ?? NO_INJECTION;
    this.on = injectsAnything(this.settings);
    this.plans.clear();
    this.errorDraw = mulberry32(this.settings.seed);
    this.normal = normals(mulberry32(this.settings.seed ^ 0x9e3779b9));
  }
}

/** The plan for one operation under the settings; null when nothing applies to it. */
export function planFor(s: InjectionSettings, operation: string): OperationPlan | null {
  const profile = s.profile !== undefined ? LATENCY_PROFILES[s.profile] : undefined;
  const target = s.latency[operation] ?? s.latency['*'] ?? (profile ? profileLatency(profile, operation) : undefined);
  const errors: OperationPlan['errors'] = [];
  let upTo = 0;
  for (const rule of s.errors) {
    if (rule.rate <= 0 || (rule.operation !== undefined && rule.operation !== operation)) continue;
    upTo += rule.rate;
    errors.push({ code: rule.code, upTo });
  }
  if (!target && errors.length === 0) return null;
  return { ...(target ? { latency: fitLogNormal(target.p50, target.p99) } : {}), errors };
}
