/**
 * The client's model of what the crash-safety lanes changed: per lane, its keys and aliases as
 * the acknowledged replies left them, and the one write in flight (if any) when the server was
 * killed. After a restart a lane's stored state must equal its acknowledged state, or that state
 * with the in-flight write applied whole: anything else is a lost or half-written change.
 *
 * Pure data and functions; the lanes (crash.ts) do the I/O.
 *
 * @module
 */

export type KeyState = 'Enabled' | 'Disabled' | 'PendingDeletion';

export interface KeyModel {
  id: string;
  description: string;
  state: KeyState;
  tags: Record<string, string>;
  /** Sid of the last policy put (undefined: the default policy). */
  policySid?: string;
  rotation: boolean;
  period?: number;
  rotations: number;
}

export interface Ciphertext {
  keyId: string;
  blob: string;
  plaintext: string;
  context: Record<string, string>;
}

export interface LaneModel {
  lane: number;
  /** Keys this lane still writes to (the newest few). */
  keys: KeyModel[];
  /** Older keys, no longer written: checked at the end only. */
  retired: KeyModel[];
  /** Alias name → target key id. */
  aliases: Record<string, string>;
  ciphertexts: Ciphertext[];
  /** Keys created so far (names descriptions and aliases uniquely). */
  created: number;
}

/** One write: its request, and what it does to the model when it took effect. */
export interface Write {
  op: string;
  body: Record<string, unknown>;
  /** Applies the write given its reply body (undefined: it took effect but the reply was lost). */
  apply(m: LaneModel, reply?: Record<string, unknown>): void;
  /** A write whose effect cannot be known without its reply (CreateKey: the new id). */
  needsReply?: boolean;
}

export const clone = <T>(v: T): T => structuredClone(v);

/** What a check can compare: one lane's keys and aliases as seen through the API. */
export interface LaneView {
  keys: Record<string, Omit<KeyModel, 'id'>>;
  aliases: Record<string, string>;
}

export function viewOf(m: LaneModel, includeRetired = false): LaneView {
  const keys: LaneView['keys'] = {};
  for (const k of includeRetired ? [...m.keys, ...m.retired] : m.keys) {
    const { id, ...rest } = k;
    keys[id] = { ...rest, tags: sortedRecord(rest.tags) };
  }
  return { keys, aliases: sortedRecord(m.aliases) };
}

const sortedRecord = (r: Record<string, string>): Record<string, string> =>
  Object.fromEntries(Object.entries(r).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));

/**
 * Differences between an expected and an actual view. Rotation settings are compared only for
 * enabled keys (what the API reports for other states is not this suite's subject).
 */
export function diffViews(want: LaneView, got: LaneView): string[] {
  const out: string[] = [];
  for (const [id, w] of Object.entries(want.keys)) {
    const g = got.keys[id];
    if (!g) {
      out.push(`key ${id} missing`);
      continue;
    }
    for (const f of ['description', 'state', 'policySid', 'rotations'] as const) {
      if (w[f] !== g[f]) out.push(`key ${id} ${f}: want ${String(w[f])}, got ${String(g[f])}`);
    }
    if (JSON.stringify(w.tags) !== JSON.stringify(g.tags)) out.push(`key ${id} tags: want ${JSON.stringify(w.tags)}, got ${JSON.stringify(g.tags)}`);
    if (w.state === 'Enabled' && g.state === 'Enabled' && (w.rotation !== g.rotation || (w.rotation && w.period !== g.period))) {
      out.push(`key ${id} rotation: want ${w.rotation}/${w.period}, got ${g.rotation}/${g.period}`);
    }
  }
  for (const [name, target] of Object.entries(want.aliases)) {
    if (got.aliases[name] !== target) out.push(`alias ${name}: want ${target}, got ${got.aliases[name] ?? 'none'}`);
  }
  for (const name of Object.keys(got.aliases)) if (!(name in want.aliases)) out.push(`alias ${name} should not exist`);
  return out;
}

/**
 * Which acknowledged state the actual view shows: `acked` (the in-flight write did not commit),
 * `inflight` (it committed whole), or undefined with the differences from the acknowledged state.
 */
export function judge(acked: LaneModel, inflight: Write | undefined, got: LaneView): { matched: 'acked' | 'inflight' | undefined; model: LaneModel; diff: string[] } {
  const diff = diffViews(viewOf(acked), got);
  if (diff.length === 0) return { matched: 'acked', model: acked, diff };
  if (inflight && !inflight.needsReply) {
    const after = clone(acked);
    inflight.apply(after);
    if (diffViews(viewOf(after), got).length === 0) return { matched: 'inflight', model: after, diff: [] };
  }
  return { matched: undefined, model: acked, diff };
}
