/**
 * What the server injects, as settings (JSON-safe: they travel to cluster workers and live in the
 * store's meta table, see injector.ts), and the text forms that set them:
 *
 * - `latency=OP:p50=MS,p99=MS` — OP's replies are delayed by a log-normal draw with that median
 *   and 99th percentile (`*` for every operation);
 * - `error=CODE:RATE[,op=OP]` — that fraction of OP's calls (every operation's without `op=`)
 *   fail with CODE: KMSInternalException, DependencyTimeoutException, KMSInvalidStateException,
 *   or `reset` (the connection is reset instead of answered);
 * - `seed=N` — seeds the draws (default 1), so a run's sequence of injected faults repeats;
 * - a latency profile by name (latency-profiles.ts); explicit `latency=` items win over it.
 *
 * @module
 */
import { OPERATIONS } from '../../common/model/model.js';
import { LATENCY_PROFILES, type LatencyTarget } from './latency-profiles.js';

/** The errors that can be injected; `reset` resets the connection instead of answering. */
export const INJECTABLE_ERRORS = ['KMSInternalException', 'DependencyTimeoutException', 'KMSInvalidStateException', 'reset'] as const;
export type InjectableError = (typeof INJECTABLE_ERRORS)[number];

export interface ErrorRule {
  code: InjectableError;
  /** Fraction of calls, 0..1. */
  rate: number;
  /** Only this operation's calls (default: every operation's). */
  operation?: string;
}

export interface InjectionSettings {
  /** Per operation name, or `*` for every operation without its own entry. */
  latency: Record<string, LatencyTarget>;
  /** A latency profile (latency-profiles.ts) for operations without a `latency` entry. */
  profile?: string;
  errors: ErrorRule[];
  seed: number;
}

export const NO_INJECTION: InjectionSettings = { latency: {}, errors: [], seed: 1 };

/** A bad `--inject` item or SetInjection input (the CLI's usage error; the control API's ValidationException). */
export class InjectionConfigError extends Error {
  override readonly name = 'InjectionConfigError';
}

export const injectUsage = `latency=OP:p50=MS,p99=MS | error=CODE:RATE[,op=OP] | seed=N   (OP: an operation or *; CODE: ${INJECTABLE_ERRORS.join(', ')})`;

const isOperation = (op: string): boolean => op === '*' || Object.hasOwn(OPERATIONS, op);

function checkOperation(op: string, item: string): string {
  if (!isOperation(op)) throw new InjectionConfigError(`--inject ${item}: unknown operation '${op}' (a KMS operation name such as Encrypt, or *)`);
  return op;
}

function positiveMs(text: string | undefined, what: string, item: string): number {
  const n = Number(text);
  if (text === undefined || text.trim() === '' || !Number.isFinite(n) || n <= 0 || n > 600_000) {
    throw new InjectionConfigError(`--inject ${item}: ${what} must be milliseconds above 0 (at most 600000), got '${text ?? ''}'`);
  }
  return n;
}

/** `OP:p50=MS,p99=MS` */
function parseLatency(body: string, item: string): [string, LatencyTarget] {
  const colon = body.indexOf(':');
  if (colon <= 0) throw new InjectionConfigError(`--inject ${item}: expected latency=OP:p50=MS,p99=MS`);
  const op = checkOperation(body.slice(0, colon), item);
  const fields = new Map<string, string>();
  for (const part of body.slice(colon + 1).split(',')) {
    const [k, v] = part.split('=', 2);
    if (k !== 'p50' && k !== 'p99') throw new InjectionConfigError(`--inject ${item}: expected p50=MS,p99=MS, got '${part}'`);
    fields.set(k, v ?? '');
  }
  const p50 = positiveMs(fields.get('p50'), 'p50', item);
  const p99 = positiveMs(fields.get('p99'), 'p99', item);
  if (p99 < p50) throw new InjectionConfigError(`--inject ${item}: p99 (${p99}) must not be below p50 (${p50})`);
  return [op, { p50, p99 }];
}

/** `CODE:RATE[,op=OP]` */
function parseError(body: string, item: string): ErrorRule {
  const [head, ...rest] = body.split(',');
  const [code, rateText] = (head ?? '').split(':', 2);
  if (!INJECTABLE_ERRORS.includes(code as InjectableError)) {
    throw new InjectionConfigError(`--inject ${item}: error must be one of ${INJECTABLE_ERRORS.join(', ')}, got '${code}'`);
  }
  const rate = Number(rateText);
  if (rateText === undefined || rateText.trim() === '' || !Number.isFinite(rate) || rate < 0 || rate > 1) {
    throw new InjectionConfigError(`--inject ${item}: the rate must be a fraction from 0 to 1 (0.05 is 5 %), got '${rateText ?? ''}'`);
  }
  const rule: ErrorRule = { code: code as InjectableError, rate };
  for (const part of rest) {
    const [k, v] = part.split('=', 2);
    if (k !== 'op' || !v) throw new InjectionConfigError(`--inject ${item}: expected op=OPERATION after the rate, got '${part}'`);
    const op = checkOperation(v, item);
    if (op !== '*') rule.operation = op;
  }
  return rule;
}

/** Settings from `--inject` items and `--latency-profile` (throws InjectionConfigError). */
export function parseInjection(items: readonly string[], profile?: string): InjectionSettings {
  const settings: InjectionSettings = { latency: {}, errors: [], seed: 1 };
  if (profile !== undefined) {
    if (!Object.hasOwn(LATENCY_PROFILES, profile)) {
      throw new InjectionConfigError(`unknown latency profile '${profile}' (profiles: ${Object.keys(LATENCY_PROFILES).join(', ')})`);
    }
    settings.profile = profile;
  }
  for (const item of items) {
    const eq = item.indexOf('=');
    const kind = eq > 0 ? item.slice(0, eq) : '';
    const body = item.slice(eq + 1);
    if (kind === 'latency') {
      const [op, target] = parseLatency(body, item);
      settings.latency[op] = target;
    } else if (kind === 'error') {
      settings.errors.push(parseError(body, item));
    } else if (kind === 'seed') {
      const seed = Number(body);
      if (!Number.isSafeInteger(seed) || seed < 0) throw new InjectionConfigError(`--inject ${item}: the seed must be a whole number >= 0`);
      settings.seed = seed;
    } else {
      throw new InjectionConfigError(`--inject ${item}: expected ${injectUsage}`);
    }
  }
  checkRates(settings.errors);
  return settings;
}

/** Each operation's error rates together must not pass 1. */
function checkRates(rules: readonly ErrorRule[]): void {
  const ops = new Set(rules.map((r) => r.operation).filter((o): o is string => o !== undefined));
  for (const op of [undefined, ...ops]) {
    const total = rules.filter((r) => r.operation === undefined || r.operation === op).reduce((s, r) => s + r.rate, 0);
    if (total > 1 + 1e-9) throw new InjectionConfigError(`error rates${op ? ` for ${op}` : ''} add up to ${total}, more than 1`);
  }
}

/** Whether the settings inject anything at all. */
export const injectsAnything = (s: InjectionSettings): boolean =>
  s.profile !== undefined || Object.keys(s.latency).length > 0 || s.errors.some((e) => e.rate > 0);

/** The items that would make these settings again (for logs and `GetInjection`). */
export function injectionItems(s: InjectionSettings): string[] {
  return [
    ...Object.entries(s.latency).map(([op, t]) => `latency=${op}:p50=${t.p50},p99=${t.p99}`),
    ...s.errors.map((e) => `error=${e.code}:${e.rate}${e.operation ? `,op=${e.operation}` : ''}`),
    ...(s.seed !== 1 ? [`seed=${s.seed}`] : []),
  ];
}

/** Settings read back from JSON (the store's copy), checked again; undefined when they are not settings. */
export function settingsFromJson(text: string): InjectionSettings | undefined {
  try {
    const v = JSON.parse(text) as InjectionSettings;
    return parseInjection([...injectionItems({ ...v, latency: v.latency ?? {}, errors: v.errors ?? [], seed: 1 }), `seed=${v.seed ?? 1}`], v.profile);
  } catch {
    return undefined;
  }
}
