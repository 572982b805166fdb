/**
 * The endpoint a load run drives: the embedded reference server (started in this process on a
 * free port, quotas off or scaled down for the suites that study throttling), or any URL. For a
 * URL the symmetric quota comes from `--quota`, else from the endpoint's own metrics when it is
 * a kmsbench server (`GET /_kmsbench/metrics`).
 *
 * @module
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'undici';
import type { Credentials } from '../client/sign.js';
import type { Endpoint } from './operations.js';

export interface QuotaInfo {
  symmetric: number;
  source: 'embedded' | 'flag' | 'metrics';
}

export interface LoadTarget extends Endpoint {
  kind: 'embedded' | 'url';
  /** The embedded server's quota overrides (null: quotas off, or not embedded). */
  embeddedQuotas: string[] | null;
  quota: QuotaInfo | null;
  close(): Promise<void>;
}

export interface EmbeddedQuota {
  symmetric: number;
  /** Bucket size in seconds of quota (the server's default is 1). */
  burstSeconds?: number;
}

/** Starts the reference server in this process. */
export async function startEmbedded(quota: EmbeddedQuota | null, region = 'us-east-1'): Promise<LoadTarget> {
  const { startServer } = await import('../../reference-impl/server.js');
  const dataDir = mkdtempSync(join(tmpdir(), 'kmsbench-load-'));
  const overrides = quota ? [`symmetric=${quota.symmetric}`, ...(quota.burstSeconds !== undefined ? [`burst-seconds=${quota.burstSeconds}`] : [])] : null;
  let server;
  try {
    server = await startServer({ port: 0, dataDir, region, workers: 1, quotas: overrides ? { overrides } : { enabled: false } });
  } catch (e) {
    rmSync(dataDir, { recursive: true, force: true });
    throw e;
  }
  return {
    kind: 'embedded',
    url: server.url,
    region,
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    embeddedQuotas: overrides,
    quota: quota ? { symmetric: quota.symmetric, source: 'embedded' } : null,
    async close() {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export function urlTarget(url: string, region: string, credentials: Credentials, quota: number | undefined): LoadTarget {
  return {
    kind: 'url',
    url: url.replace(/\/$/, ''),
    region,
    credentials,
    embeddedQuotas: null,
    quota: quota !== undefined ? { symmetric: quota, source: 'flag' } : null,
    close: async () => {},
  };
}

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
