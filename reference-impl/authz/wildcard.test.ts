import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileArnPattern, compileGlob, compileGlobSet, globSource, splitArn } from './wildcard.js';

describe('globs', () => {
  it.each([
    ['*', 'anything', true],
    ['kms:*', 'kms:encrypt', true],
    ['kms:re*', 'kms:decrypt', false],
    ['arn:aws:kms:*:111122223333:key/*', 'arn:aws:kms:us-east-1:111122223333:key/k', true],
    ['arn:aws:kms:*:111122223333:key/*', 'arn:aws:kms:us-east-1:444455556666:key/k', false],
    ['a*a', 'a', false],
    ['a*b*c', 'abc', true],
    ['a*b*c', 'acb', false],
    ['a?c', 'abc', true],
    ['a?c', 'ac', false],
    ['exact', 'exact', true],
    ['exact', 'Exact', false],
  ])('%s vs %s', (pattern, s, expected) => expect(compileGlob(pattern)(s)).toBe(expected));

  it('the star-only fast path agrees with the regex', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[ab*:]{0,8}$/), fc.stringMatching(/^[ab:]{0,10}$/), (pattern, s) => {
        expect(compileGlob(pattern)(s)).toBe(new RegExp(`^${globSource(pattern)}$`).test(s));
      }),
      { numRuns: 2000 },
    );
  });

  it('sets mix exact values and patterns', () => {
    const m = compileGlobSet(['kms:encrypt', 'kms:generatedatakey*']);
    expect(m('kms:encrypt')).toBe(true);
    expect(m('kms:generatedatakeypair')).toBe(true);
    expect(m('kms:decrypt')).toBe(false);
    expect(compileGlobSet([])('x')).toBe(false);
  });

  it('ARN patterns match part by part', () => {
    expect(splitArn('arn:aws:kms:us-east-1:111122223333:key/a:b')).toEqual(['arn', 'aws', 'kms', 'us-east-1', '111122223333', 'key/a:b']);
    expect(splitArn('not:an:arn')).toBeNull();
    expect(compileArnPattern('arn:aws:kms:*:111122223333:key/*')('arn:aws:kms:eu-west-1:111122223333:key/x')).toBe(true);
    expect(compileArnPattern('arn:aws:kms:*:111122223333:key/*')('x')).toBe(false);
  });
});
