import { describe, expect, it } from 'vitest';
import type { CaseContext, ConformanceCase, LoadedCase } from '../harness/conformance/case.js';
import { allRoots, callSpans, chainedRefusals, lintPrerequisites, namedRoots, plainCreations } from './lint-prerequisites.js';
import { TESTED_BY } from '../suites/conformance/_lib/prerequisites.js';

const base: Omit<ConformanceCase, 'id' | 'run'> = {
  title: 't',
  doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_CreateKey.html',
  source: { kind: 'documented', cite: 'service model: CreateKeyRequest', verifiedAt: '2026-12-07' },
  tags: ['policy'],
  ops: ['CreateKey'],
};
const loaded = (id: string, run: (t: CaseContext) => Promise<void>): LoadedCase => ({ case: { ...base, id, run }, file: `${id.split('.')[0]}/${id.split('.')[1]}.ts` });
/** Every root the lint knows must exist: a suite holding them all, as cases. */
const rootCases = allRoots([]).map((r) => loaded(r.id, async () => {}));

describe('lint-prerequisites', () => {
  it('finds the argument list of each call, not fooled by parentheses in strings', () => {
    const src = "await t.given('a (b', () => t.createKey()); t.createKey();";
    const [span] = callSpans(src, 'given');
    expect(src.slice(span![0], span![1] + 1)).toBe(".given('a (b', () => t.createKey())");
    expect(plainCreations(src)).toEqual([src.lastIndexOf('.createKey(')]);
  });

  it('accepts creations inside t.given or t.expectError, and none', () => {
    expect(plainCreations("await t.expectError(t.kms.send(new CreateKeyCommand({ KeySpec: 'X' })), { code: 'V' });")).toEqual([]);
    expect(plainCreations('const k = await givenKey(t, { Policy: p });')).toEqual([]);
    expect(plainCreations('const k = await t.createKey({ Policy: p });')).toHaveLength(1);
    expect(plainCreations('const k = (await kms.send(new CreateKeyCommand({}))).KeyMetadata;')).toHaveLength(1);
  });

  it('flags a plain key creation in a case of any area whose subject it is not', async () => {
    const plain = loaded('policy.uses-a-key', async (t) => {
      await t.createKey();
    });
    const given = loaded('policy.uses-a-given-key', async (t) => {
      await t.given('CreateKey', () => t.createKey());
    });
    const elsewhere = loaded('keys.uses-a-key', async (t) => {
      await t.createKey();
    });
    const problems = lintPrerequisites([...rootCases, plain, given, elsewhere], []);
    expect(problems).toEqual([
      { file: 'policy/uses-a-key.ts', id: 'policy.uses-a-key', message: expect.stringContaining('creates a key with a plain call') },
      { file: 'keys/uses-a-key.ts', id: 'keys.uses-a-key', message: expect.stringContaining('creates a key with a plain call') },
    ]);
  });

  it('flags a call chained inside t.expectError, not one refusal after a prerequisite', () => {
    const chained = "await t.expectError(t.kms.send(new EncryptCommand(e)).then((o) => t.kms.send(new DecryptCommand({ CiphertextBlob: o.CiphertextBlob }))), { code: 'X' });";
    expect(chainedRefusals(chained)).toHaveLength(1);
    expect(chainedRefusals("const blob = await givenCiphertext(t, k); await t.expectError(t.kms.send(new DecryptCommand({ CiphertextBlob: blob })), { code: 'X' });")).toEqual([]);
    const c = loaded('crypto.chains-a-refusal', async (t) => {
      await t.expectError(Promise.resolve(1).then(() => t.raw('Decrypt', {})), { code: 'X' });
    });
    expect(lintPrerequisites([...rootCases, c], [])).toEqual([{ file: 'crypto/chains-a-refusal.ts', id: 'crypto.chains-a-refusal', message: expect.stringContaining('chains a call inside t.expectError') }]);
  });

  it('lets the case a step names as its root create the key plainly', () => {
    const root = loaded(TESTED_BY.createKeyWithPolicy, async (t) => {
      await t.createKey({ Policy: '{}' });
    });
    expect(lintPrerequisites([...rootCases.filter((c) => c.case.id !== root.case.id), root], [])).toEqual([]);
  });

  it('reads every case id on a coveredBy or testedBy line, and flags one that names no case', () => {
    const sources = [{ file: 'x/_support.ts', text: "t.given('s', f, { coveredBy: xks ? 'a.one' : 'a.two-b' });\n  testedBy: 'b.three',\n coveredBy: TESTED_BY.encrypt," }];
    expect(namedRoots(sources).map((r) => r.id)).toEqual(['a.one', 'a.two-b', 'b.three']);
    const problems = lintPrerequisites([...rootCases, loaded('a.one', async () => {}), loaded('b.three', async () => {})], sources);
    expect(problems).toEqual([{ file: 'x/_support.ts', message: "names 'a.two-b' as the case that tests a prerequisite step, but no case has that id" }]);
  });
});
