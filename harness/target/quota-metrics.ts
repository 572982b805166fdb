/**
 * A kmsbench server's own quota counters (`GET /_kmsbench/metrics`, Prometheus text): the
 * symmetric quota it enforces for a Region, and how many requests it admitted and throttled.
 * Other endpoints have no such page; the answer is then undefined.
 *
 * @module
 */
import { request } from 'undici';

export interface ServerQuotaMetrics {
  /** Symmetric-class rate of the bucket for `region`, if the endpoint reports one. */
  symmetricRate?: number;
  allowed: number;
  throttled: number;
}

/** Reads a kmsbench server's quota metrics; undefined when the endpoint has none. */
export async function serverQuotaMetrics(url: string, region: string): Promise<ServerQuotaMetrics | undefined> {
  let text: string;
  try {
    const res = await request(`${url.replace(/\/$/, '')}/_kmsbench/metrics`, { method: 'GET', headersTimeout: 3000, bodyTimeout: 3000 });
    text = await res.body.text();
    if (res.statusCode !== 200 || !text.includes('kmsbench_quota')) return undefined;
  } catch {
    return undefined;
  }
  const value = (re: RegExp): number | undefined => {
    const m = re.exec(text);
    return m ? Number(m[1]) : undefined;
  };
  const esc = region.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const rate = value(new RegExp(`^kmsbench_quota_rate\\{[^}]*region="${esc}"[^}]*class="symmetric"[^}]*\\}\\s+(\\S+)`, 'm'));
  return {
    ...(rate !== undefined ? { symmetricRate: rate } : {}),
    allowed: value(/^kmsbench_quota_allowed_total\{class="symmetric"\}\s+(\S+)/m) ?? 0,
    throttled: value(/^kmsbench_quota_throttled_total\{class="symmetric"\}\s+(\S+)/m) ?? 0,
  };
}
