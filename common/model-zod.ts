/**
 * The zod building blocks of the generated schemas (common/model/schemas.ts, written by
 * scripts/codegen-from-model.ts): strings measured in code points, blobs and timestamps as codecs
 * between their wire form and their in-memory form.
 *
 * @module
 */
import { z } from 'zod';

const codePoints = (s: string): number => {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) { n--; i++; }
    }
  }
  return n;
};

/** A string with the model's length (in code points) and whole-value pattern. */
export const str = (c: { min?: number; max?: number; regex?: RegExp }) => {
  let s = z.string();
  if (c.regex) s = s.regex(c.regex);
  if (c.min !== undefined || c.max !== undefined) {
    const min = c.min ?? 0;
    const max = c.max ?? Infinity;
    s = s.refine((v) => { const n = codePoints(v); return n >= min && n <= max; }, { message: `length must be in [${min}, ${max}]` });
  }
  return s;
};

/** A blob: base64 on the wire, `Buffer` in memory; min/max apply to the decoded bytes. */
export const blob = (min: number, max: number) =>
  z.codec(
    z.base64(),
    z.instanceof(Buffer).refine((b) => b.length >= min && b.length <= max, { message: `length must be in [${min}, ${max}] bytes` }),
    { decode: (s) => Buffer.from(s, 'base64'), encode: (b) => b.toString('base64') },
  );

/** A timestamp: epoch seconds (fractions allowed) on the wire, `Date` in memory. */
export const timestamp = () =>
  z.codec(z.number(), z.date(), { decode: (n) => new Date(n * 1000), encode: (d) => d.getTime() / 1000 });
