/**
 * "Which cache settings bring this class under its quota?" For a class over its target
 * utilisation, the cacheable streams charged to it (data keys made per message, and `follow`
 * reads) get a data-key cache; the solver finds
 *
 * 1. the shortest max age on a ladder of round values (1 s … 1 day) that brings the class's peak
 *    under the target with unbounded max messages, then
 * 2. the smallest max messages that still does at that age (binary search), and the max bytes
 *    that allows (max messages × message size).
 *
 * Existing looser settings are kept (a bound is only ever raised). When even a one-day cache
 * cannot do it, the answer says so and gives the floor (the load caching cannot remove).
 *
 * @module
 */
import { ESDK_DEFAULT_MAX_MESSAGES, type CacheBounds, type Workload } from './workload.js';
import { chargesOf, classKeyId, workloadStreams, type CacheOverride, type Stream } from './rates.js';
import type { ClassRow } from './quota.js';

export const MAX_AGE_LADDER = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 14_400, 43_200, 86_400] as const;

export interface CacheAdvice {
  classId: string;
  possible: boolean;
  /** Services whose caches would change. */
  services: string[];
  /** S3 services among them (their lever is S3 Bucket Keys, not a cache you configure). */
  s3Services: string[];
  maxAgeSeconds?: number;
  maxMessages?: number;
  maxBytes?: number;
  /** Class peak with the advised settings. */
  peakAfter?: number;
  /** Class peak with a one-day unbounded cache: what caching cannot remove. */
  floor: number;
  target: number;
  note: string;
}

function loosen(existing: CacheBounds | undefined, proposed: CacheBounds): CacheBounds {
  if (!existing) return proposed;
  const maxMessages = Math.max(existing.maxMessages ?? ESDK_DEFAULT_MAX_MESSAGES, proposed.maxMessages ?? ESDK_DEFAULT_MAX_MESSAGES);
  const maxBytes = existing.maxBytes === undefined || proposed.maxBytes === undefined ? undefined : Math.max(existing.maxBytes, proposed.maxBytes);
  return { maxAgeSeconds: Math.max(existing.maxAgeSeconds, proposed.maxAgeSeconds), maxMessages, ...(maxBytes !== undefined ? { maxBytes } : {}) };
}

const n = (x: number) => Math.round(x).toLocaleString('en-US');

const classPeak = (streams: readonly Stream[], classId: string): number =>
  streams.reduce((n, s) => n + chargesOf(s).reduce((m, c) => m + (classKeyId(c.key) === classId ? s.peak * c.cost : 0), 0), 0);

/** Cache advice for one class, or undefined when nothing in it is cacheable. */
export function solveCache(w: Workload, streams: readonly Stream[], row: ClassRow): CacheAdvice | undefined {
  const cacheable = streams.filter(
    (s) => (s.kind === 'encrypt-data-key' || s.kind === 'decrypt-follow') && chargesOf(s).some((c) => classKeyId(c.key) === row.id),
  );
  if (cacheable.length === 0) return undefined;
  const services = [...new Set(cacheable.map((s) => s.service))];
  const byName = new Map(w.services.map((s) => [s.name, s]));
  const s3Services = services.filter((n) => byName.get(n)!.integration === 's3');
  const bytes = Math.max(...services.map((n) => byName.get(n)!.encrypt?.messageBytes ?? 1));

  const load = (proposed: CacheBounds): number => {
    const overrides = new Map<string, CacheOverride>();
    for (const name of services) {
      const svc = byName.get(name)!;
      overrides.set(name, {
        encrypt: loosen(svc.encrypt?.cache, proposed),
        ...(svc.decrypt?.pattern === 'follow' ? { decrypt: loosen(svc.decrypt.cache, proposed) } : {}),
      });
    }
    return classPeak(workloadStreams(w, overrides), row.id);
  };

  const target = row.target;
  const top = MAX_AGE_LADDER[MAX_AGE_LADDER.length - 1]!;
  const floor = load({ maxAgeSeconds: top });
  const base = { classId: row.id, services, s3Services, floor, target };
  if (floor > target) {
    return {
      ...base,
      possible: false,
      note: `caching cannot: even a one-day data-key cache leaves ${n(floor)}/s, over the target ${n(target)}/s (the rest of the class's traffic is not cacheable)`,
    };
  }
  const maxAgeSeconds = MAX_AGE_LADDER.find((a) => load({ maxAgeSeconds: a }) <= target)!;
  let lo = 1;
  let hi = ESDK_DEFAULT_MAX_MESSAGES;
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    if (load({ maxAgeSeconds, maxMessages: mid }) <= target) hi = mid;
    else lo = mid + 1;
  }
  const maxMessages = lo;
  const proposed = { maxAgeSeconds, maxMessages };
  const peakAfter = load(proposed);
  const changes = (c: CacheBounds | undefined) => {
    const l = loosen(c, proposed);
    return !c || l.maxAgeSeconds !== c.maxAgeSeconds || l.maxMessages !== (c.maxMessages ?? ESDK_DEFAULT_MAX_MESSAGES) || (c.maxBytes !== undefined && c.maxBytes < maxMessages * bytes);
  };
  const changed = services.filter((name) => {
    const svc = byName.get(name)!;
    return changes(svc.encrypt?.cache) || (svc.decrypt?.pattern === 'follow' && changes(svc.decrypt.cache));
  });
  return {
    ...base,
    services: changed,
    possible: true,
    maxAgeSeconds,
    maxMessages,
    maxBytes: maxMessages * bytes,
    peakAfter,
    note:
      s3Services.length > 0
        ? `S3 SSE-KMS has no cache you configure: enable S3 Bucket Keys on ${s3Services.join(', ')} (S3 then reuses a bucket-level key for a time-limited period; AWS does not publish the period, so the result is not computed here). The figures are what a data-key cache would need.`
        : `set the data-key cache${changed.some((c) => byName.get(c)!.decrypt?.pattern === 'follow') ? 's (encrypt and decrypt side)' : ''} of ${changed.join(', ')} to at least maxAge ${maxAgeSeconds} s and maxMessages ${n(maxMessages)}`,
  };
}
