import { describe, expect, it } from 'vitest';
import type { CaseContext } from '../../../harness/conformance/case.js';
import { createKeyStep, createKeyTestedBy, givenAlias, givenKey, keySpecCase, TESTED_BY } from './prerequisites.js';
import { roundTripCase } from '../encryption-context/_support.js';

describe('prerequisite steps', () => {
  it('names a CreateKey step by its input, without dumping a policy or tags', () => {
    expect(createKeyStep({})).toBe('CreateKey');
    expect(createKeyStep({ KeySpec: 'RSA_2048', KeyUsage: 'SIGN_VERIFY' })).toBe('CreateKey KeySpec=RSA_2048 KeyUsage=SIGN_VERIFY');
    expect(createKeyStep({ Policy: '{"Statement": []}', Tags: [{}, {}], MultiRegion: true, Description: undefined })).toBe('CreateKey with a key policy with 2 tags MultiRegion=true');
    expect(createKeyStep({ Description: 'x'.repeat(50) })).toBe(`CreateKey Description=${'x'.repeat(37)}…`);
  });

  it('points a CreateKey step at the case whose subject such a key is', () => {
    expect(createKeyTestedBy({})).toBe(TESTED_BY.createKey);
    expect(createKeyTestedBy({ KeySpec: 'ECC_NIST_P256', KeyUsage: 'KEY_AGREEMENT' })).toBe('asymmetric.create-ecc-nist-p256-key-agreement-metadata');
    expect(createKeyTestedBy({ KeySpec: 'HMAC_384', KeyUsage: 'GENERATE_VERIFY_MAC' })).toBe('hmac.create-hmac-384-generate-verify-mac-metadata');
    // An imported key of a spec is an EXTERNAL key first.
    expect(createKeyTestedBy({ Origin: 'EXTERNAL', KeySpec: 'HMAC_256', KeyUsage: 'GENERATE_VERIFY_MAC' })).toBe(TESTED_BY.createExternalKey);
    expect(createKeyTestedBy({ MultiRegion: true, Description: 'primary' })).toBe(TESTED_BY.createMultiRegionKey);
    expect(createKeyTestedBy({ Policy: '{}' })).toBe(TESTED_BY.createKeyWithPolicy);
    expect(createKeyTestedBy({ Tags: [] })).toBe(TESTED_BY.createKeyWithTags);
    expect(createKeyTestedBy({ Description: 'd' })).toBe(TESTED_BY.createKeyDescription);
    // No metadata case for a pair AWS refuses, nor for the symmetric default: the plain CreateKey case.
    expect(keySpecCase('RSA_2048', 'KEY_AGREEMENT')).toBeUndefined();
    expect(createKeyTestedBy({ KeySpec: 'SYMMETRIC_DEFAULT' })).toBe(TESTED_BY.createKey);
  });

  it('runs the creation through t.given with that name and root', async () => {
    const seen: unknown[] = [];
    const t = {
      createKey: async (input: unknown) => ({ KeyId: 'k', Arn: 'a', input }),
      given: async (what: string, step: () => Promise<unknown>, options: unknown) => (seen.push([what, options]), step()),
    } as unknown as CaseContext;
    const key = await givenKey(t, { Origin: 'EXTERNAL' });
    expect(key).toMatchObject({ input: { Origin: 'EXTERNAL' } });
    expect(seen).toEqual([['CreateKey Origin=EXTERNAL', { coveredBy: TESTED_BY.createExternalKey }]]);
  });

  it('makes an alias through t.given, rooted in the CreateAlias case, sending the name and target', async () => {
    const seen: unknown[] = [];
    const sent: unknown[] = [];
    const t = {
      aliasName: () => 'alias/kmsbench-x',
      kms: { send: async (c: { input: unknown }) => (sent.push(c.input), {}) },
      given: async (what: string, step: () => Promise<unknown>, options: unknown) => (seen.push([what, options]), step()),
    } as unknown as CaseContext;
    expect(await givenAlias(t, 'key-1')).toBe('alias/kmsbench-x');
    expect(await givenAlias(t, 'key-2', { name: 'alias/other' })).toBe('alias/other');
    expect(sent).toEqual([{ AliasName: 'alias/kmsbench-x', TargetKeyId: 'key-1' }, { AliasName: 'alias/other', TargetKeyId: 'key-2' }]);
    expect(seen).toEqual([['CreateAlias names the key', { coveredBy: TESTED_BY.createAlias }], ['CreateAlias names the key', { coveredBy: TESTED_BY.createAlias }]]);
  });

  it('roots a ciphertext sealed under an encryption context in the round trip of such a context', () => {
    expect(roundTripCase(undefined)).toBe('encryption-context.round-trip');
    expect(roundTripCase({ a: 'b' })).toBe('encryption-context.round-trip');
    expect(roundTripCase({ 'r\u00e9gion': 'x' })).toBe('encryption-context.unicode-round-trip');
    expect(roundTripCase({ k: '\u{1F511}' })).toBe('encryption-context.unicode-round-trip');
  });
});
