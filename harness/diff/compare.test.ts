import { describe, expect, it } from 'vitest';
import { compareViews, firstDifference } from './compare.js';

describe('compareViews', () => {
  it('finds no difference between equal views', () => {
    expect(compareViews({ status: 200, body: { a: [1, { b: 'x' }] } }, { status: 200, body: { a: [1, { b: 'x' }] } }, { messages: true })).toBeUndefined();
  });

  it('names the status first, then the error code', () => {
    expect(compareViews({ status: 200, body: {} }, { status: 400, error: { code: 'X' } }, { messages: false })).toEqual({ kind: 'status', path: '', a: 200, b: 400 });
    expect(compareViews({ status: 400, error: { code: 'X' } }, { status: 400, error: { code: 'Y' } }, { messages: false })).toEqual({
      kind: 'error-code',
      path: '',
      a: 'X',
      b: 'Y',
    });
  });

  it('compares error messages only when asked (endpoints of one family)', () => {
    const a = { status: 400, error: { code: 'X', message: 'one' } };
    const b = { status: 400, error: { code: 'X', message: 'two' } };
    expect(compareViews(a, b, { messages: false })).toBeUndefined();
    expect(compareViews(a, b, { messages: true })).toMatchObject({ kind: 'error-message', a: 'one', b: 'two' });
  });

  it('reports a member-set difference before any value difference, with the path of the object', () => {
    const d = compareViews(
      { status: 200, body: { KeyMetadata: { Enabled: true, KeyUsage: 'ENCRYPT_DECRYPT' } } },
      { status: 200, body: { KeyMetadata: { Enabled: false, SigningAlgorithms: [] } } },
      { messages: false },
    );
    expect(d).toEqual({ kind: 'members', path: 'KeyMetadata', a: ['KeyUsage'], b: ['SigningAlgorithms'] });
  });

  it('reports the first differing value by path, and list lengths', () => {
    expect(firstDifference({ K: { E: true, S: 'Enabled' } }, { K: { E: true, S: 'Disabled' } })).toEqual({ kind: 'value', path: 'K.S', a: 'Enabled', b: 'Disabled' });
    expect(firstDifference({ L: [1, 2] }, { L: [1] })).toEqual({ kind: 'value', path: 'L.length', a: 2, b: 1 });
    expect(firstDifference({ L: [{ x: 1 }] }, { L: [{ x: 2 }] })?.path).toBe('L[0].x');
  });

  it('gives round-trip and paging facts kinds of their own', () => {
    expect(firstDifference({ $roundTrip: 'ok' }, { $roundTrip: 'InvalidCiphertextException' })?.kind).toBe('round-trip');
    expect(firstDifference({ $paging: { limitRespected: true } }, { $paging: { limitRespected: false } })?.kind).toBe('paging');
    expect(firstDifference({ X: 1, $roundTrip: 'ok' }, { X: 1 })?.kind).toBe('round-trip');
  });
});
