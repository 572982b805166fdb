/**
 * Reading back what the crash-safety lanes wrote, through the API only: a lane's keys (state,
 * description, tags, policy, rotation settings and rotations) and aliases, and paged listings.
 *
 * @module
 */
import type { KeyModel, LaneModel, LaneView } from './crash-model.js';
import type { Kms } from './support.js';

/** Everything the API says about a lane's keys (and all aliases of the lane). */
export async function readLane(kms: Kms, m: LaneModel, allAliases: Record<string, string>, includeRetired = false): Promise<LaneView> {
  const keys: LaneView['keys'] = {};
  await Promise.all(
    (includeRetired ? [...m.keys, ...m.retired] : m.keys).map(async (k) => {
      const d = await kms.call('DescribeKey', { KeyId: k.id });
      if (d.status !== 200) return; // reported as missing
      const meta = (d.json as { KeyMetadata: { Description: string; KeyState: string } }).KeyMetadata;
      const tags = await kms.ok<{ Tags: Array<{ TagKey: string; TagValue: string }> }>('ListResourceTags', { KeyId: k.id });
      const pol = await kms.ok<{ Policy: string }>('GetKeyPolicy', { KeyId: k.id, PolicyName: 'default' });
      const rot = await kms.ok<{ KeyRotationEnabled: boolean; RotationPeriodInDays?: number }>('GetKeyRotationStatus', { KeyId: k.id });
      const rots = await kms.ok<{ Rotations?: unknown[] }>('ListKeyRotations', { KeyId: k.id, Limit: 1000 });
      const sid = (JSON.parse(pol.Policy) as { Statement: Array<{ Sid?: string }> }).Statement[0]?.Sid;
      keys[k.id] = {
        description: meta.Description,
        state: meta.KeyState as KeyModel['state'],
        tags: Object.fromEntries(tags.Tags.map((t) => [t.TagKey, t.TagValue]).sort(([a], [b]) => (a! < b! ? -1 : 1))),
        policySid: sid?.startsWith('s-') ? sid : undefined,
        rotation: rot.KeyRotationEnabled,
        period: rot.KeyRotationEnabled ? rot.RotationPeriodInDays : undefined,
        rotations: rots.Rotations?.length ?? 0,
      };
    }),
  );
  const prefix = `alias/lane-${m.lane}-`;
  const aliases = Object.fromEntries(Object.entries(allAliases).filter(([n]) => n.startsWith(prefix)).sort(([a], [b]) => (a < b ? -1 : 1)));
  return { keys, aliases };
}

export async function listAliases(kms: Kms): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  let marker: string | undefined;
  for (let page = 0; page < 1000; page++) {
    const r = await kms.ok<{ Aliases: Array<{ AliasName: string; TargetKeyId?: string }>; NextMarker?: string; Truncated?: boolean }>('ListAliases', { Limit: 100, ...(marker ? { Marker: marker } : {}) });
    for (const a of r.Aliases) if (a.TargetKeyId) out[a.AliasName] = a.TargetKeyId;
    if (!r.Truncated || !r.NextMarker) break;
    marker = r.NextMarker;
  }
  return out;
}

export async function listKeys(kms: Kms): Promise<string[]> {
  const out: string[] = [];
  let marker: string | undefined;
  for (let page = 0; page < 1000; page++) {
    const r = await kms.ok<{ Keys: Array<{ KeyId: string }>; NextMarker?: string; Truncated?: boolean }>('ListKeys', { Limit: 1000, ...(marker ? { Marker: marker } : {}) });
    out.push(...r.Keys.map((k) => k.KeyId));
    if (!r.Truncated || !r.NextMarker) break;
    marker = r.NextMarker;
  }
  return out;
}

