import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Blob64, jsonObject } from './json-text.js';

describe('jsonObject', () => {
  it('equals JSON.stringify for any strings, numbers, booleans and blobs', () => {
    fc.assert(
      fc.property(
        fc.dictionary(
          fc.string({ minLength: 1, maxLength: 12 }).filter((k) => /^[A-Za-z]+$/.test(k)),
          fc.oneof(fc.string({ unit: 'binary' }), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.uint8Array()),
        ),
        (members) => {
          const mapped = Object.fromEntries(
            Object.entries(members).map(([k, v]) => [k, v instanceof Uint8Array ? new Blob64(Buffer.from(v)) : v]),
          );
          const expected = Object.fromEntries(
            Object.entries(members).map(([k, v]) => [k, v instanceof Uint8Array ? Buffer.from(v).toString('base64') : v]),
          );
          expect(JSON.parse(jsonObject(mapped).text)).toEqual(JSON.parse(JSON.stringify(expected)));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('leaves out undefined members and keeps order', () => {
    expect(jsonObject({ B: 'x', A: undefined, C: 1 }).text).toBe('{"B":"x","C":1}');
  });

  it('escapes quotes, backslashes and control characters in plain strings', () => {
    const text = jsonObject({ A: 'a"b\\c\n' }).text;
    expect(JSON.parse(text)).toEqual({ A: 'a"b\\c\n' });
  });
});
