import fc from 'fast-check';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { KmsError } from '../errors.js';
import { OPERATIONS, OPERATION_NAMES, SHAPES, type ShapeDef } from '../../common/model/model.js';
import { OPERATION_SCHEMAS } from '../../common/model/schemas.js';
import { decodeBase64Strict } from './base64-strict.js';
import { Compiler, compileRequestDecoder, type ShapeTable } from './compile.js';
import { codePointLength } from './decoder-node.js';
import { validateRequest, type OperationName } from './index.js';

function run(decode: (b: unknown) => unknown, body: unknown): { ok: unknown } | { code: string; message: string } {
  try {
    return { ok: decode(body) };
  } catch (e) {
    if (!(e instanceof KmsError)) throw e;
    return { code: e.code, message: e.message };
  }
}

describe('shapes KMS does not use yet (synthetic model)', () => {
  // Shapes the KMS model has no instance of today: constrained maps, constrained lists of
  // structures, sensitive list elements, longs. The wording follows the AWS messages cited in
  // ./validation-messages.ts.
  const shapes: ShapeTable = {
    Name: { type: 'string', min: 1, max: 5, pattern: '[a-z]+', regex: /^(?:[a-z]+)$/u },
    Val: { type: 'string', max: 3 },
    Secret: { type: 'string', min: 2, sensitive: true },
    Big: { type: 'long', min: 0, max: 2 ** 40 },
    Labels: { type: 'map', key: 'Name', value: 'Val', max: 2 },
    Item: { type: 'structure', members: { Name: 'Name', Secret: 'Secret' }, required: ['Name'], sensitiveMembers: ['Secret'] },
    Items: { type: 'list', member: 'Item', max: 1 },
    Secrets: { type: 'list', member: 'Secret' },
    Req: {
      type: 'structure',
      members: { Labels: 'Labels', Items: 'Items', Secrets: 'Secrets', Big: 'Big' },
    },
  };
  const decode = compileRequestDecoder(new Compiler(shapes), 'Req');

  it('map keys and values are reported once each, keys first, with the map as Java prints it', () => {
    expect(run(decode, { Labels: { Ab: 'long', cd: 'x' } })).toEqual({
      code: 'ValidationException',
      message:
        '2 validation errors detected: ' +
        "Value '{Ab=long, cd=x}' at 'labels' failed to satisfy constraint: Map keys must satisfy constraint: [Member must have length less than or equal to 5, Member must have length greater than or equal to 1, Member must satisfy regular expression pattern: [a-z]+]; " +
        "Value '{Ab=long, cd=x}' at 'labels' failed to satisfy constraint: Map value must satisfy constraint: [Member must have length less than or equal to 3]",
    });
  });

  it('map size', () => {
    expect(run(decode, { Labels: { a: '1', b: '2', c: '3' } })).toEqual({
      code: 'ValidationException',
      message: "1 validation error detected: Value '{a=1, b=2, c=3}' at 'labels' failed to satisfy constraint: Member must have length less than or equal to 2",
    });
  });

  it('a list of structures: its length first, then its elements, sensitive members redacted in the rendering', () => {
    expect(run(decode, { Items: [{ Name: 'ok', Secret: 'hunter2' }, { Name: 'BAD' }] })).toEqual({
      code: 'ValidationException',
      message:
        '2 validation errors detected: ' +
        "Value '[Item(name=ok, secret=*** Sensitive Data Redacted ***), Item(name=BAD)]' at 'items' failed to satisfy constraint: Member must have length less than or equal to 1; " +
        "Value 'BAD' at 'items.2.member.name' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-z]+",
    });
  });

  it('a list of sensitive elements is never rendered', () => {
    expect(run(decode, { Secrets: ['hunter2', 'x'] })).toEqual({
      code: 'ValidationException',
      message: "1 validation error detected: Value at 'secrets' failed to satisfy constraint: Member must satisfy constraint: [Member must have length greater than or equal to 2]",
    });
  });

  it('longs beyond 2^53 render exactly and beyond 2^63 do not deserialize', () => {
    expect(run(decode, { Big: 2 ** 60 })).toEqual({
      code: 'ValidationException',
      message: `1 validation error detected: Value '${2n ** 60n}' at 'big' failed to satisfy constraint: Member must have value less than or equal to ${2 ** 40}`,
    });
    expect(run(decode, { Big: 2 ** 64 })).toEqual({ code: 'SerializationException', message: '' });
    expect(run(decode, { Big: '1' })).toEqual({ code: 'SerializationException', message: 'STRING_VALUE can not be converted to a Long' });
  });
});

describe('strict base64', () => {
  /** Reference: the standard alphabet, padded to a multiple of 4, canonical (re-encodes to itself). */
  const reference = (s: string): Buffer | null => {
    if (!/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(s)) return null;
    const b = Buffer.from(s, 'base64');
    return b.toString('base64') === s ? b : null;
  };
  const attempt = (s: string): Buffer | null => {
    try {
      return decodeBase64Strict(s);
    } catch (e) {
      expect((e as KmsError).code).toBe('SerializationException');
      return null;
    }
  };

  it('accepts exactly what a strict decoder accepts, with the same bytes', () => {
    const alphabet = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=-_ !\n\u00e9'];
    const mutated = fc
      .tuple(fc.uint8Array({ maxLength: 40 }), fc.array(fc.tuple(fc.nat(), fc.constantFrom(...alphabet)), { maxLength: 3 }))
      .map(([bytes, edits]) => {
        const cs = [...Buffer.from(bytes).toString('base64')];
        for (const [i, c] of edits) if (cs.length) cs[i % cs.length] = c;
        return cs.join('');
      });
    const random = fc.array(fc.constantFrom(...alphabet), { maxLength: 24 }).map((cs) => cs.join(''));
    fc.assert(
      fc.property(fc.oneof(mutated, random), (s) => {
        const want = reference(s);
        const got = attempt(s);
        expect(got === null ? null : [...got]).toEqual(want === null ? null : [...want]);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('code point length', () => {
  it('counts surrogate pairs once and lone surrogates as one', () => {
    expect(codePointLength('abc')).toBe(3);
    expect(codePointLength('😀😀')).toBe(2);
    expect(codePointLength('\ud800x')).toBe(2);
    expect(codePointLength('x\udc00')).toBe(2);
  });
});

describe('the hot-path validator and the zod schemas agree (random bodies from the model)', () => {
  const table = SHAPES as Record<string, ShapeDef>;
  const cache = new Map<string, fc.Arbitrary<unknown>>();

  /** Values near each constraint's edges, valid and not, always of the right JSON type. */
  function arb(name: string): fc.Arbitrary<unknown> {
    const hit = cache.get(name);
    if (hit) return hit;
    const s = table[name];
    const around = (lo: number | undefined, hi: number | undefined): fc.Arbitrary<number> =>
      fc.oneof(
        fc.integer({ min: 0, max: 12 }),
        ...[lo, hi].filter((x): x is number => x !== undefined && x < 10_000).flatMap((x) => [fc.constant(Math.max(0, x - 1)), fc.constant(x), fc.constant(x + 1)]),
      );
    let a: fc.Arbitrary<unknown>;
    switch (s.type) {
      case 'string':
        if (s.enum) a = fc.oneof(fc.constantFrom(...s.enum), fc.constant('NOT_IN_ENUM'));
        else if (s.pattern !== undefined)
          a = fc.oneof(fc.stringMatching(s.regex!).filter((x) => x.length < 300), around(s.min, s.max).map((n) => 'a'.repeat(n)), fc.string({ maxLength: 8 }));
        else a = fc.oneof(around(s.min, s.max).map((n) => 'x'.repeat(n)), fc.string({ maxLength: 8, unit: 'grapheme' }));
        break;
      case 'blob':
        a = around(s.min, s.max).map((n) => Buffer.alloc(n, 1).toString('base64'));
        break;
      case 'integer':
      case 'long':
        a = fc.oneof(fc.integer({ min: -5, max: 5 }), ...[s.min, s.max].filter((x) => x !== undefined).flatMap((x) => [x! - 1, x!, x! + 1].map((v) => fc.constant(v))));
        break;
      case 'boolean':
        a = fc.boolean();
        break;
      case 'timestamp':
        a = fc.integer({ min: 0, max: 2_000_000_000 });
        break;
      case 'list':
        a = fc.array(arb(s.member), { maxLength: Math.min((s.max ?? 3) + 1, 12) });
        break;
      case 'map':
        a = fc.dictionary(fc.string({ maxLength: 4 }), arb(s.value), { maxKeys: 3 });
        break;
      case 'structure': {
        const req = new Set(s.required ?? []);
        const members = Object.fromEntries(Object.entries(s.members).map(([m, t]) => [m, arb(t)]));
        a = fc.record(members, { requiredKeys: [...req].filter(() => true) }).chain((o) =>
          // now and then drop a required member too
          fc.boolean().map((drop) => {
            if (!drop || req.size === 0) return o;
            const copy = { ...(o as Record<string, unknown>) };
            delete copy[[...req][0]];
            return copy;
          }),
        );
        break;
      }
    }
    cache.set(name, a);
    return a;
  }

  const outcomes = { accepted: 0, rejected: 0 };

  it.each(OPERATION_NAMES.map((op) => [op]))('%s', (op) => {
    const schema = OPERATION_SCHEMAS[op as OperationName].input as z.ZodType;
    fc.assert(
      fc.property(arb(OPERATIONS[op as OperationName].input), (body) => {
        const wire = JSON.parse(JSON.stringify(body));
        const mine = run((b) => validateRequest(op as OperationName, b), wire);
        const theirs = schema.safeDecode(JSON.parse(JSON.stringify(body)));
        if ('ok' in mine) outcomes.accepted++;
        else outcomes.rejected++;
        if ('ok' in mine) {
          expect(theirs.success, JSON.stringify(theirs.error?.issues)).toBe(true);
          expect(mine.ok).toEqual(theirs.data);
        } else {
          expect(mine.code).toBe('ValidationException');
          expect(theirs.success).toBe(false);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('exercised both outcomes plenty', () => {
    expect(outcomes.accepted).toBeGreaterThan(1000);
    expect(outcomes.rejected).toBeGreaterThan(1000);
  });
});
