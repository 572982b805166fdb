import { describe, expect, it } from 'vitest';
import type { CaseContext } from '../../../harness/conformance/case.js';
import { createKeyStep, createKeyTestedBy, givenKey, keySpecCase, TESTED_BY } from './prerequisites.js';

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
});
