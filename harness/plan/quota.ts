/**
 * Per quota class: peak requests/s vs the Region's quota (profileForRegion + overrides), headroom,
 * and whether an increase is needed. Custom key store classes are per key store.
 *
 * Status: `ok` at or under the target utilisation, `tight` between the target and the quota
 * (increase recommended), `over` above the quota (increase required — or the traffic must shrink).
 *
 * @module
 */
import { quotaClass, type QuotaClassId, type QuotaKind } from '../../common/quota/classes.js';
import { applyOverrides, profileForRegion, type ResolvedProfile } from '../../common/quota/profiles.js';
import { chargesOf, classKeyId, type Stream } from './rates.js';

export type ClassStatus = 'ok' | 'tight' | 'over';

export interface ClassRow {
  /** Class id, `cls:keyStoreId` for per-store classes. */
  id: string;
  cls: QuotaClassId;
  keyStoreId?: string;
  awsName: string;
  kind: QuotaKind;
  adjustable: boolean;
  /** Quota, requests/s, in this Region and profile. */
  quota: number;
  /** The share of the quota the workload may use at peak (quota × targetUtilization). */
  target: number;
  average: number;
  peak: number;
  /** peak / quota (Infinity for a zero quota with traffic). */
  utilization: number;
  /** quota − peak (negative when over). */
  headroom: number;
  status: ClassStatus;
  increase: 'none' | 'recommended' | 'required';
  /** A round quota that keeps the peak at or under the target utilisation (when an increase is advised). */
  suggestedQuota?: number;
  /** Streams charged to this class. */
  streams: string[];
}

/** Rounds up to a round figure: 1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6 or 8 × 10^k. */
export function niceCeil(x: number): number {
  if (!(x > 0)) return 0;
  const p = 10 ** Math.floor(Math.log10(x));
  for (const f of [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10]) if (f * p >= x * (1 - 1e-12)) return Math.round(f * p * 1e6) / 1e6;
  return 10 * p;
}

/** The quotas in force: the workload's Region and profile, plus its granted increases. */
export function resolveQuotas(region: string, profile: string, overrides: readonly string[]): ResolvedProfile {
  return applyOverrides(profileForRegion(region, profile), overrides);
}

export function classRows(streams: readonly Stream[], quotas: ResolvedProfile, targetUtilization: number): ClassRow[] {
  const acc = new Map<string, { cls: QuotaClassId; keyStoreId?: string; average: number; peak: number; streams: string[] }>();
  for (const s of streams) {
    for (const { key, cost } of chargesOf(s)) {
      const id = classKeyId(key);
      let a = acc.get(id);
      if (!a) acc.set(id, (a = { cls: key.cls, ...(key.keyStoreId ? { keyStoreId: key.keyStoreId } : {}), average: 0, peak: 0, streams: [] }));
      a.average += s.average * cost;
      a.peak += s.peak * cost;
      if (s.peak > 0 || s.average > 0) a.streams.push(s.id);
    }
  }
  const rows: ClassRow[] = [];
  for (const [id, a] of acc) {
    const info = quotaClass(a.cls);
    const quota = quotas.rates[a.cls];
    const target = quota * targetUtilization;
    const utilization = quota > 0 ? a.peak / quota : a.peak > 0 ? Infinity : 0;
    const status: ClassStatus = a.peak > quota ? 'over' : a.peak > target ? 'tight' : 'ok';
    const increase = status === 'over' ? 'required' : status === 'tight' ? 'recommended' : 'none';
    rows.push({
      id,
      cls: a.cls,
      ...(a.keyStoreId ? { keyStoreId: a.keyStoreId } : {}),
      awsName: info.awsName,
      kind: info.kind,
      adjustable: info.adjustable,
      quota,
      target,
      average: a.average,
      peak: a.peak,
      utilization,
      headroom: quota - a.peak,
      status,
      increase,
      ...(increase !== 'none' ? { suggestedQuota: niceCeil(a.peak / targetUtilization) } : {}),
      streams: a.streams,
    });
  }
  return rows.sort((x, y) => y.utilization - x.utilization || x.id.localeCompare(y.id));
}
