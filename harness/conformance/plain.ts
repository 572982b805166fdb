/**
 * Values as failure records show them (results.json): plain JSON — bytes as base64, bigint as a
 * string, Dates as ISO — and the wire-relevant equality `expectEqual` uses.
 *
 * @module
 */

/** JSON for records: bytes as base64, bigint as string, Dates as ISO, undefined members dropped. */
export function toPlain(v: unknown, depth = 0): unknown {
  if (depth > 12) return '[too deep]';
  if (v === null || typeof v !== 'object') {
    if (typeof v === 'bigint') return v.toString();
    if (typeof v === 'function') return `[function ${v.name}]`;
    if (typeof v === 'symbol') return v.toString();
    return v;
  }
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? 'Invalid Date' : v.toISOString();
  if (ArrayBuffer.isView(v)) return { $bytes: Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('base64') };
  if (v instanceof ArrayBuffer) return { $bytes: Buffer.from(v).toString('base64') };
  if (v instanceof RegExp) return v.toString();
  if (v instanceof Map) return Object.fromEntries([...v].map(([k, x]) => [String(k), toPlain(x, depth + 1)]));
  if (v instanceof Set) return [...v].map((x) => toPlain(x, depth + 1));
  if (Array.isArray(v)) return v.map((x) => toPlain(x, depth + 1));
  if (v instanceof Error) return { name: v.name, message: v.message };
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) {
    if (x === undefined || k === '$metadata') continue;
    out[k] = toPlain(x, depth + 1);
  }
  return out;
}

export function stringify(v: unknown): string {
  try {
    return JSON.stringify(toPlain(v)) ?? 'undefined';
  } catch {
    return String(v);
  }
}

/** Wire-relevant equality: bytes by content, Dates by instant, undefined members = absent, key order and `$metadata` ignored. */
export function wireEqual(a: unknown, b: unknown): boolean {
  return JSON.stringify(sortKeys(toPlain(a))) === JSON.stringify(sortKeys(toPlain(b)));
}

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v !== null && typeof v === 'object') {
    return Object.fromEntries(Object.keys(v).sort().map((k) => [k, sortKeys((v as Record<string, unknown>)[k])]));
  }
  return v;
}
