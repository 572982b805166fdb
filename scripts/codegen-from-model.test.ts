import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  DEFAULT_OUT_DIR,
  diffGenerated,
  generate,
  loadModel,
  summarize,
  translatePattern,
  writeGenerated,
} from './codegen-from-model.js';

describe('codegen-from-model', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'kms-codegen-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('the committed common/model/ is what the generator writes (run `npm run codegen` if not)', () => {
    writeGenerated(tmp);
    const fresh = readdirSync(tmp).sort();
    expect(readdirSync(DEFAULT_OUT_DIR).sort()).toEqual(fresh);
    for (const name of fresh) {
      expect(readFileSync(join(DEFAULT_OUT_DIR, name), 'utf8'), name).toBe(readFileSync(join(tmp, name), 'utf8'));
    }
    expect(diffGenerated(DEFAULT_OUT_DIR)).toEqual([]);
  });

  it('is deterministic', () => {
    const a = generate();
    const b = generate();
    expect([...a.entries()]).toEqual([...b.entries()]);
  });

  it('covers all 54 operations and emits no documentation beyond one-line summaries', () => {
    const model = loadModel();
    expect(Object.keys(model.operations)).toHaveLength(54);
    const files = generate(model);
    const modelTs = files.get('model.ts')!;
    for (const op of Object.keys(model.operations)) expect(modelTs).toContain(`  ${op}: { input: `);
    expect(modelTs).not.toMatch(/<p>|<code>/);
    // Compact: the 500 KB model (mostly docs) becomes well under a quarter of that.
    const total = [...files.values()].reduce((n, t) => n + t.length, 0);
    expect(total).toBeLessThan(150_000);
  });

  it('marks sensitive shapes and members', () => {
    const modelTs = generate().get('model.ts')!;
    expect(modelTs).toMatch(/PlaintextType: \{ type: "blob", min: 1, max: 4096, sensitive: true \}/);
    expect(modelTs).toMatch(/EncryptRequest: \{[^\n]*sensitiveMembers: \["Plaintext"\]/);
    expect(modelTs).toMatch(/KeyStorePasswordType: \{[^\n]*sensitive: true/);
  });

  it('detects a stale or extra file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kms-codegen-stale-'));
    try {
      const files = generate();
      writeGenerated(dir, files);
      expect(diffGenerated(dir, files)).toEqual([]);
      const changed = new Map(files);
      changed.set('model.ts', files.get('model.ts') + '// drift\n');
      expect(diffGenerated(dir, changed)).toEqual(['model.ts']);
      changed.delete('index.ts');
      expect(diffGenerated(dir, changed)).toEqual(['index.ts', 'model.ts']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('translates Java patterns to whole-value JS regexes', () => {
    const re = (p: string): RegExp => {
      const { source, flags } = translatePattern(p);
      return new RegExp(source, flags);
    };
    expect(re('[0-9]{12}').test('123456789012')).toBe(true);
    expect(re('[0-9]{12}').test('1234567890123')).toBe(false); // matches() is whole-value
    expect(re('^[a-zA-Z0-9:/_\\s.-]+$').test('a b\tc')).toBe(true);
    expect(re('^[a-zA-Z0-9:/_\\s.-]+$').test('a\u00a0b')).toBe(false); // Java \s is ASCII-only
    expect(re('^(/[a-zA-Z0-9\\/_-]+/kms/xks/v\\d{1,2})$|^(/kms/xks/v\\d{1,2})$').test('/kms/xks/v1')).toBe(true);
    expect(re('[\\u0020-\\u00FF]*').test('ab\u0100')).toBe(false);
  });

  it('summarizes documentation to its first sentence', () => {
    expect(summarize('<p>Encrypts plaintext of up to 4,096 bytes. More text.</p>')).toBe('Encrypts plaintext of up to 4,096 bytes.');
    expect(summarize('<p>Deletes a <a>custom key store</a>. More.</p>')).toBe('Deletes a custom key store.');
    expect(summarize(undefined)).toBe('');
  });
});
