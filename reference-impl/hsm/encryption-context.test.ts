import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isKmsError } from '../errors.js';
import {
  compareUtf8,
  concatEncryptionContext,
  encodeEncryptionContext,
  ENCRYPTION_CONTEXT_ENCODERS,
  ILL_FORMED_CONTEXT_MESSAGE,
  selectEncryptionContextEncoder,
  type EncryptionContext,
} from './encryption-context.js';

/** Well-formed strings over the whole of Unicode, including astral characters. */
const ustr = (maxLength = 12) => fc.string({ unit: 'binary', maxLength });
const context = (maxKeys = 6) => fc.dictionary(ustr(), ustr(), { maxKeys });

/** The same map with entries inserted in another order. */
function reordered(ctx: EncryptionContext, perm: number[]): Record<string, string> {
  const entries = Object.entries(ctx);
  const out: Record<string, string> = {};
  const order = entries.map((_, i) => i).sort((a, b) => (perm[a % perm.length] ?? 0) - (perm[b % perm.length] ?? 0) || a - b);
  for (const i of order) Object.defineProperty(out, entries[i]![0], { value: entries[i]![1], enumerable: true, writable: true, configurable: true });
  return out;
}

function sameMap(a: EncryptionContext, b: EncryptionContext): boolean {
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  return ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && a[k] === b[k]);
}

describe('encodeEncryptionContext (canonical)', () => {
  it('encodes absent and empty contexts identically, as zero bytes', () => {
    expect(encodeEncryptionContext(undefined)).toEqual(Buffer.alloc(0));
    expect(encodeEncryptionContext({})).toEqual(Buffer.alloc(0));
  });

  it('has the documented layout: sorted, u32 BE length-prefixed keys and values', () => {
    const enc = encodeEncryptionContext({ b: '2', a: 'é' });
    expect(enc.toString('hex')).toBe(
      ['00000001', '61', '00000002', 'c3a9', '00000001', '62', '00000001', '32'].join(''),
    );
  });

  it('distinguishes {"ab":"c"} from {"a":"bc"} and other boundary shifts', () => {
    const pairs: [EncryptionContext, EncryptionContext][] = [
      [{ ab: 'c' }, { a: 'bc' }],
      [{ a: 'b', c: 'd' }, { a: 'bc', '': 'd' }],
      [{ a: '' }, { '': 'a' }],
      [{ a: 'b' }, { a: 'b', '': '' }],
    ];
    for (const [x, y] of pairs) expect(encodeEncryptionContext(x).equals(encodeEncryptionContext(y))).toBe(false);
  });

  it('sorts by UTF-8 bytes, not UTF-16 code units', () => {
    // U+FFFF is EF BF BF; U+10000 is F0 90 80 80 — but in UTF-16 U+10000 (D800 DC00) sorts first.
    const enc = encodeEncryptionContext({ '\u{10000}': 'x', '\uffff': 'y' });
    expect(enc.subarray(4, 7).toString('hex')).toBe('efbfbf');
  });

  it('is order-independent', () => {
    fc.assert(
      fc.property(context(), fc.array(fc.nat(), { minLength: 1, maxLength: 8 }), (ctx, perm) => {
        expect(encodeEncryptionContext(reordered(ctx, perm)).equals(encodeEncryptionContext(ctx))).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('is injective: two maps encode alike only if they are the same map', () => {
    fc.assert(
      fc.property(context(3), context(3), (a, b) => {
        expect(encodeEncryptionContext(a).equals(encodeEncryptionContext(b))).toBe(sameMap(a, b));
      }),
      { numRuns: 2000 },
    );
    // Targeted: move the key/value boundary of one entry.
    fc.assert(
      fc.property(ustr(), ustr(), fc.nat(), (k, v, cut) => {
        const joined = k + v;
        const points = [...joined];
        const at = cut % (points.length + 1);
        const k2 = points.slice(0, at).join('');
        const v2 = points.slice(at).join('');
        fc.pre(k2 !== k);
        expect(encodeEncryptionContext({ [k]: v }).equals(encodeEncryptionContext({ [k2]: v2 }))).toBe(false);
      }),
      { numRuns: 1000 },
    );
  });

  it('matches a straightforward Buffer-based reference encoder, short and long strings alike', () => {
    const reference = (ctx: EncryptionContext): Buffer => {
      const entries = Object.keys(ctx)
        .map((k) => [Buffer.from(k, 'utf8'), Buffer.from(ctx[k]!, 'utf8')] as const)
        .sort((a, b) => Buffer.compare(a[0], b[0]));
      const parts: Buffer[] = [];
      for (const [k, v] of entries) {
        const kl = Buffer.alloc(4);
        kl.writeUInt32BE(k.length);
        const vl = Buffer.alloc(4);
        vl.writeUInt32BE(v.length);
        parts.push(kl, k, vl, v);
      }
      return Buffer.concat(parts);
    };
    fc.assert(
      fc.property(fc.dictionary(ustr(100), ustr(200), { maxKeys: 5 }), (ctx) => {
        expect(encodeEncryptionContext(ctx).equals(reference(ctx))).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it('has a left inverse (decoding gives back the map), so it is injective for every input', () => {
    const decode = (buf: Buffer): Record<string, string> => {
      const out: Record<string, string> = {};
      let o = 0;
      let prev: Buffer | undefined;
      while (o < buf.length) {
        const kl = buf.readUInt32BE(o);
        const k = buf.subarray(o + 4, o + 4 + kl);
        o += 4 + kl;
        const vl = buf.readUInt32BE(o);
        const v = buf.subarray(o + 4, o + 4 + vl);
        o += 4 + vl;
        if (prev) expect(Buffer.compare(prev, k)).toBe(-1); // strictly sorted keys
        prev = k;
        Object.defineProperty(out, k.toString('utf8'), { value: v.toString('utf8'), enumerable: true });
      }
      expect(o).toBe(buf.length);
      return out;
    };
    fc.assert(
      fc.property(context(8), (ctx) => {
        expect(sameMap(decode(encodeEncryptionContext(ctx)), ctx)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it('compareUtf8 orders well-formed strings exactly as Buffer.compare orders their UTF-8', () => {
    fc.assert(
      fc.property(ustr(6), ustr(6), (a, b) => {
        const expected = Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
        expect(Math.sign(compareUtf8(a, b))).toBe(expected);
      }),
      { numRuns: 3000 },
    );
  });

  it('handles __proto__ and other prototype-ish keys as plain keys', () => {
    const ctx = JSON.parse('{"__proto__":"x","constructor":"y"}') as EncryptionContext;
    const enc = encodeEncryptionContext(ctx);
    expect(enc.length).toBe(8 + 9 + 1 + 8 + 11 + 1);
    expect(encodeEncryptionContext(Object.assign(Object.create(null), ctx) as EncryptionContext)).toEqual(enc);
  });

  it('rejects lone surrogates (they have no UTF-8 form) without echoing them', () => {
    // '\ud800' would otherwise encode like '\ufffd'.
    const long = 'x'.repeat(100);
    const cases: EncryptionContext[] = [{ k: '\ud800' }, { '\udc00x': 'v' }, { k: 'a\ud83d' }, { k: '\ude00\ud83d' }, { k: long + '\ud800' }, { [long + '\udfff']: 'v' }];
    for (const ctx of cases) {
      let thrown: unknown;
      try {
        encodeEncryptionContext(ctx);
      } catch (e) {
        thrown = e;
      }
      expect(isKmsError(thrown) && thrown.code).toBe('ValidationException');
      expect((thrown as Error).message).toBe(ILL_FORMED_CONTEXT_MESSAGE);
    }
    expect(encodeEncryptionContext({ k: '\ud83d\ude00' }).length).toBe(8 + 1 + 4);
  });

  it('rejects non-string values as a server bug (KMSInternalException)', () => {
    expect(() => encodeEncryptionContext({ k: 1 } as unknown as EncryptionContext)).toThrow(
      expect.objectContaining({ code: 'KMSInternalException' }),
    );
  });
});

describe('concatEncryptionContext (fault mode ec-concat)', () => {
  it('is really ambiguous: {ab:c} encodes like {a:bc}', () => {
    expect(concatEncryptionContext({ ab: 'c' })).toEqual(concatEncryptionContext({ a: 'bc' }));
    expect(concatEncryptionContext({ ab: 'c' }).toString()).toBe('abc');
  });

  it('is order-dependent, unlike the canonical encoder', () => {
    expect(concatEncryptionContext({ a: '1', b: '2' }).equals(concatEncryptionContext({ b: '2', a: '1' }))).toBe(false);
  });

  it('agrees with the canonical one on "no context"', () => {
    expect(concatEncryptionContext(undefined)).toEqual(Buffer.alloc(0));
    expect(concatEncryptionContext({})).toEqual(Buffer.alloc(0));
  });
});

describe('selectEncryptionContextEncoder', () => {
  it('defaults to canonical and selects ec-concat by name', () => {
    expect(selectEncryptionContextEncoder()).toBe(encodeEncryptionContext);
    expect(selectEncryptionContextEncoder('canonical')).toBe(encodeEncryptionContext);
    expect(selectEncryptionContextEncoder('ec-concat')).toBe(concatEncryptionContext);
    expect(Object.keys(ENCRYPTION_CONTEXT_ENCODERS).sort()).toEqual(['canonical', 'ec-concat']);
  });
});
