/**
 * Compares two normalised replies and names the first difference: HTTP status, then error code,
 * then (only between endpoints of one family) error message, then the body: at each level the
 * member set first (missing or extra members), then each member's value in name order. The
 * round-trip and paging facts the executor adds (`$roundTrip`, `$paging`) get kinds of their own.
 *
 * Error messages of different implementations are not compared: AWS does not promise their
 * wording (it changes them without notice) and clients branch on the code, so a message
 * difference between, say, the reference server and moto would be noise. Two endpoints of the
 * same family (two reference servers) must word them alike, and there it is a real regression.
 *
 * @module
 */
import type { DifferenceKind } from '../results/diff-results.js';
import type { Json, View } from './normalise.js';

export type { DifferenceKind };

export interface Difference {
  kind: DifferenceKind;
  /** Where: `KeyMetadata.KeyUsage`, `Aliases[0]`, `` for the reply as a whole. */
  path: string;
  a: Json | undefined;
  b: Json | undefined;
}

const isObject = (v: Json | undefined): v is { [k: string]: Json } => typeof v === 'object' && v !== null && !Array.isArray(v);

const join = (path: string, key: string | number) => (typeof key === 'number' ? `${path}[${key}]` : path ? `${path}.${key}` : key);

function kindAt(path: string, fallback: DifferenceKind): DifferenceKind {
  if (path.startsWith('$roundTrip')) return 'round-trip';
  if (path.startsWith('$paging')) return 'paging';
  return fallback;
}

/** The first difference between two JSON values, or undefined when they are equal. */
export function firstDifference(a: Json | undefined, b: Json | undefined, path = ''): Difference | undefined {
  if (isObject(a) && isObject(b)) {
    const onlyA = Object.keys(a).filter((k) => !(k in b)).sort();
    const onlyB = Object.keys(b).filter((k) => !(k in a)).sort();
    if (onlyA.length || onlyB.length) {
      const special = [...onlyA, ...onlyB].every((k) => k.startsWith('$'));
      return { kind: special ? kindAt([...onlyA, ...onlyB][0]!, 'members') : 'members', path, a: onlyA, b: onlyB };
    }
    for (const k of Object.keys(a).sort()) {
      const d = firstDifference(a[k], b[k], join(path, k));
      if (d) return d;
    }
    return undefined;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.min(a.length, b.length); i++) {
      const d = firstDifference(a[i], b[i], join(path, i));
      if (d) return d;
    }
    if (a.length !== b.length) return { kind: kindAt(path, 'value'), path: `${path}.length`, a: a.length, b: b.length };
    return undefined;
  }
  if (JSON.stringify(a) === JSON.stringify(b)) return undefined;
  return { kind: kindAt(path, 'value'), path, a, b };
}

export function compareViews(a: View, b: View, options: { messages: boolean }): Difference | undefined {
  if (a.status !== b.status) return { kind: 'status', path: '', a: a.status, b: b.status };
  if (a.error || b.error) {
    if (a.error?.code !== b.error?.code) return { kind: 'error-code', path: '', a: a.error?.code ?? null, b: b.error?.code ?? null };
    if (options.messages && a.error?.message !== b.error?.message) {
      return { kind: 'error-message', path: '', a: a.error?.message ?? null, b: b.error?.message ?? null };
    }
    return undefined;
  }
  return firstDifference(a.body ?? {}, b.body ?? {});
}
