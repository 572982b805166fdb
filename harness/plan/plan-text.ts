/**
 * Human-readable rendering of a plan, a simulation and a replay (plain text tables).
 *
 * @module
 */
import type { PlanResult } from './capacity-plan.js';
import type { SimulationResult } from './simulate.js';
import type { ReplayResult } from './replay.js';

/** 12,345 / 12.3 / 0.25 — requests per second and counts. */
export function num(x: number): string {
  if (!Number.isFinite(x)) return x > 0 ? '∞' : '−∞';
  const a = Math.abs(x);
  const s = a >= 100 ? Math.round(a).toLocaleString('en-US') : a >= 10 ? a.toFixed(1) : a >= 1 ? a.toFixed(2) : a === 0 ? '0' : a.toPrecision(2);
  return x < 0 ? `−${s}` : s;
}

/** Integer counts: 2,000. */
export const int = (x: number): string => Math.round(x).toLocaleString('en-US');

export const pct = (x: number, digits = 0): string => (Number.isFinite(x) ? `${(x * 100).toFixed(digits)} %` : '∞');
export const usd = (x: number): string => `$${x.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

/** Aligned columns; `right` lists the columns to right-align. */
export function table(header: string[], rows: string[][], right: ReadonlySet<number> = new Set()): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) =>
    r
      .map((c, i) => (right.has(i) ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

const bytes = (n: number) => (n >= 1024 ** 3 ? `${(n / 1024 ** 3).toFixed(1)} GiB` : n >= 1024 ** 2 ? `${(n / 1024 ** 2).toFixed(1)} MiB` : n >= 1024 ? `${(n / 1024).toFixed(1)} KiB` : `${n} B`);

export function formatPlan(p: PlanResult): string {
  const w = p.workload;
  const out: string[] = [];
  out.push(
    `Workload ${w.name}: Region ${w.region}, quota profile ${w.quotaProfile}${w.quotaOverrides.length ? ` + ${w.quotaOverrides.join(', ')}` : ''}, peak ×${w.peakFactor}, target ≤ ${pct(w.targetUtilization)} of each quota`,
  );
  if (w.description) out.push(w.description.replace(/\s+/g, ' '));
  out.push('', 'KMS requests by operation (requests/s)');
  out.push(
    table(
      ['service', 'operation', 'key', 'avg/s', 'peak/s', 'msgs/s peak', 'cache hit', 'msgs/data key', 'quota class'],
      p.streams.map((s) => [
        s.service,
        s.operation,
        s.key ? `${s.key}${s.keySpec && s.keySpec !== 'SYMMETRIC_DEFAULT' ? ` (${s.keySpec})` : ''}` : '—',
        num(s.average),
        num(s.peak),
        s.messages ? num(s.messages.peak) : '',
        s.hitRatio ? pct(s.hitRatio.peak, 1) : '',
        s.messagesPerDataKey !== undefined ? num(s.messagesPerDataKey) : '',
        s.route.cls + (s.route.keyStoreCls ? ` + ${s.route.keyStoreCls}` : ''),
      ]),
      new Set([3, 4, 5, 6, 7]),
    ),
  );
  out.push('', 'Quota classes at peak');
  out.push(
    table(
      ['class', 'quota/s', 'avg/s', 'peak/s', 'use', 'headroom/s', 'status', 'quota increase'],
      p.classes.map((c) => [
        c.id,
        num(c.quota),
        num(c.average),
        num(c.peak),
        pct(c.utilization),
        num(c.headroom),
        c.status === 'over' ? 'OVER' : c.status === 'tight' ? 'tight' : 'ok',
        c.increase === 'none' ? 'no' : `${c.increase}${c.adjustable ? `: ≥ ${num(c.suggestedQuota!)}/s` : ' (not adjustable)'}`,
      ]),
      new Set([1, 2, 3, 4, 5]),
    ),
  );
  if (p.cacheAdvice.length) {
    out.push('', `Cache settings that bring a class under ${pct(w.targetUtilization)} of its quota`);
    for (const a of p.cacheAdvice) {
      if (a.possible)
        out.push(
          `- ${a.classId}: maxAge ≥ ${a.maxAgeSeconds} s, maxMessages ≥ ${int(a.maxMessages!)}, maxBytes ≥ ${bytes(a.maxBytes!)} on ${a.services.join(', ')} → peak ${num(a.peakAfter!)}/s (target ${num(a.target)}/s)${a.s3Services.length ? `\n  ${a.note}` : ''}`,
        );
      else out.push(`- ${a.classId}: ${a.note}`);
    }
  }
  if (p.advice.length) {
    out.push('', 'What to do');
    for (const a of p.advice) out.push(`- ${a}`);
  }
  const c = p.cost;
  out.push('', 'Monthly cost (USD, 730 h, average rates)');
  const rows: string[][] = c.keys.map((k) => [
    `keys: ${k.name}`,
    `${int(k.count)} × ${k.spec}${k.managedBy === 'aws' ? ' (AWS managed: free)' : ''}${k.billedKeys !== k.count && k.managedBy === 'customer' ? `, ${int(k.billedKeys)} billed incl. replicas` : ''}${k.chargedRotations ? `, ${k.chargedRotations} charged rotation${k.chargedRotations > 1 ? 's' : ''}` : ''}`,
    usd(k.monthly),
  ]);
  for (const r of c.requests) rows.push([`requests: ${r.tier}`, `${int(r.requestsPerMonth)} × $${r.pricePerTenThousand.toFixed(2)}/10k`, usd(r.monthly)]);
  if (c.freeTierRequests) rows.push(['free tier', `−${int(c.freeTierRequests)} symmetric requests`, `−${usd(c.freeTierCredit)}`]);
  rows.push(['total', '', usd(c.total)]);
  if (c.steadyStateTotal !== c.total) rows.push(['total after 2 rotations', 'rotating keys at $3/month each', usd(c.steadyStateTotal)]);
  out.push(table(['item', 'quantity', 'monthly'], rows, new Set([2])));
  out.push('', 'Pricing sources');
  for (const s of c.sources) out.push(`- ${s}`);
  out.push('', 'Assumptions');
  for (const a of [...p.assumptions, ...c.assumptions]) out.push(`- ${a}`);
  return out.join('\n');
}

export function formatSimulation(s: SimulationResult): string {
  const out: string[] = [];
  out.push(
    `Simulation: ${s.seconds} simulated s at ${s.load} load, Poisson arrivals, seed ${s.seed}, ${num(s.events)} events, token buckets of reference-impl/quota (burst 1 s), ${s.coldStart ? 'data-key caches empty at t = 0 (cold start)' : 'data-key caches warmed before t = 0'}, steady state after ${s.warmupSeconds} s`,
  );
  out.push(
    table(
      ['class', 'quota/s', 'plan/s', 'offered/s', 'admitted/s', 'throttled', 'throttled %', 'steady throttled %', 'worst second'],
      s.classes.map((c) => [
        c.id,
        num(c.quota),
        num(c.expectedPerSecond),
        num(c.offeredPerSecond),
        num(c.admittedPerSecond),
        num(c.throttled),
        pct(c.throttledRatio, 2),
        pct(c.steadyThrottledRatio, 2),
        c.worstSecond >= 0 ? `t=${c.worstSecond}s: ${num(c.worstSecondThrottled)} throttled` : '—',
      ]),
      new Set([1, 2, 3, 4, 5, 6, 7]),
    ),
  );
  const cached = s.streams.filter((x) => x.messages !== undefined);
  if (cached.length) {
    out.push('', 'Data-key caches, message by message (simulated vs closed form; a throttled GenerateDataKey leaves the cache empty, so misses multiply under throttling)');
    out.push(
      table(
        ['stream', 'messages', 'hit ratio', 'closed form', 'GenerateDataKey/s', 'closed form/s'],
        cached.map((x) => [x.id, num(x.messages!), pct(x.hitRatio!, 2), pct(x.expectedHitRatio!, 2), num(x.offered / s.seconds), num(x.expectedPerSecond)]),
        new Set([1, 2, 3, 4, 5]),
      ),
    );
  }
  return out.join('\n');
}

export function formatReplay(r: ReplayResult): string {
  const out: string[] = [];
  out.push(`Replay against ${r.endpoint}: ${r.durationSeconds} s at ${pct(r.scale, 2)} of the ${r.load} rates, Poisson arrivals (harness/load/open-loop.ts)`);
  out.push(
    table(
      ['stream', 'rate/s', 'offered', 'ok', 'throttled', 'errors', 'p50 ms', 'p99 ms', 'note'],
      r.streams.map((s) => [
        s.id,
        num(s.rate),
        s.result ? num(s.result.offered) : '—',
        s.result ? num(s.result.ok) : '—',
        s.result ? num(s.result.throttled) : '—',
        s.result ? num(s.result.errors) : '—',
        s.result ? s.result.latencyMs.p50.toFixed(2) : '—',
        s.result ? s.result.latencyMs.p99.toFixed(2) : '—',
        s.skipped ?? (s.result?.saturated ? 'generator saturated' : s.firstError ? `first error: ${s.firstError}` : ''),
      ]),
      new Set([1, 2, 3, 4, 5, 6, 7]),
    ),
  );
  out.push('', 'Per quota class');
  out.push(
    table(
      ['class', 'offered/s', 'ok/s', 'throttled %'],
      r.classes.map((c) => [c.id, num(c.offeredPerSecond), num(c.okPerSecond), pct(c.throttledRatio, 2)]),
      new Set([1, 2, 3]),
    ),
  );
  if (r.serveHint) out.push('', r.serveHint);
  return out.join('\n');
}
