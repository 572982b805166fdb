import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { replayPlan } from './replay-plan.js';
import { replayScript } from './replay-script.js';
import { replayTest } from './replay-test.js';
import type { DiffFile, Divergence } from '../results/diff-results.js';

const diff: Pick<DiffFile, 'a' | 'b' | 'seed'> = {
  seed: 9,
  a: { label: 'embedded-a', endpoint: 'http://127.0.0.1:4599' },
  b: { label: 'moto', endpoint: 'http://127.0.0.1:5000' },
};

const divergence: Divergence = {
  id: 'd01-Decrypt-error-code',
  signature: 'Decrypt|error-code|(InvalidCiphertextException/AccessDeniedException)',
  occurrences: 2,
  sequences: [3, 8],
  steps: [
    { op: 'CreateKey', input: { KeySpec: 'HMAC_256', KeyUsage: 'GENERATE_VERIFY_MAC' }, text: 'CreateKey KeySpec="HMAC_256"', a: 'UnsupportedOperationException', b: 'UnsupportedOperationException' },
    { op: 'CreateKey', input: { Description: '' }, text: 'CreateKey', a: 'ok', b: 'ok' },
    { op: 'CreateAlias', input: { AliasName: { $alias: 1, variant: 'plain' }, TargetKeyId: { $key: 0, form: 'arn' } }, text: 'CreateAlias', a: 'ok', b: 'ok' },
    { op: 'Encrypt', input: { KeyId: { $alias: 1, variant: 'plain' }, Plaintext: { $bytes: 3, fill: 0 }, EncryptionContext: { k: 'v' } }, text: 'Encrypt', a: 'ok', b: 'ok' },
    { op: 'ReEncrypt', input: { CiphertextBlob: { $ct: 0 }, SourceEncryptionContext: { $ctContext: 0 }, DestinationKeyId: { $key: 0, form: 'id' } }, text: 'ReEncrypt', a: 'ok', b: 'ok' },
    {
      op: 'Decrypt',
      input: { CiphertextBlob: { $ct: 0, mutate: 'tamper' }, EncryptionContext: { $ctContext: 0 } },
      text: 'Decrypt CiphertextBlob=ciphertext#0(tamper)',
      a: 'InvalidCiphertextException',
      b: 'AccessDeniedException',
    },
  ],
  a: { status: 400, error: { code: 'InvalidCiphertextException' } },
  b: { status: 400, error: { code: 'AccessDeniedException' } },
  first_difference: { step: 5, operation: 'Decrypt', kind: 'error-code', path: '', a: 'InvalidCiphertextException', b: 'AccessDeniedException' },
  shrinking: { fromSteps: 9, runs: 20, capped: false },
};

describe('replayPlan', () => {
  it('names what earlier steps made as the engine saw it: a failed CreateKey makes no key', () => {
    const plan = replayPlan(divergence);
    expect(plan[0]!.captures).toEqual([]);
    expect(plan[1]!.captures.map((c) => c.name)).toEqual(['KEY_0', 'ARN_0']);
    expect(JSON.parse(plan[2]!.json)).toEqual({ AliasName: 'alias/kdRUNRUNRU-0-1', TargetKeyId: '@@ARN_0@@' });
    expect(plan[3]!.captures).toEqual([{ name: 'CT_0', from: 'CiphertextBlob' }]);
    expect(plan[3]!.blobs).toEqual(['Plaintext']);
    // the context of ciphertext #0 is known statically: what step 3 sent
    expect(JSON.parse(plan[4]!.json)).toEqual({ CiphertextBlob: '@@CT_0@@', SourceEncryptionContext: { k: 'v' }, DestinationKeyId: '@@KEY_0@@' });
    expect(plan[4]!.captures).toEqual([{ name: 'CT_1', from: 'CiphertextBlob' }]);
    // ciphertext #0 wraps around to the first of two
    expect(JSON.parse(plan[5]!.json)).toEqual({ CiphertextBlob: '@@TAMPER_CT_0@@', EncryptionContext: { k: 'v' } });
  });
});

describe('replayScript', () => {
  it('is a bash script of AWS CLI calls capturing ids and passing blobs as files', () => {
    const text = replayScript(diff, divergence);
    expect(text.startsWith('#!/usr/bin/env bash\n')).toBe(true);
    expect(text).toContain('EP="${1:-http://127.0.0.1:4599}"');
    expect(text).toContain('KEY_0="$(get KeyMetadata.KeyId)"');
    expect(text).toContain('kms create-alias --cli-input-json "{\\"AliasName\\":\\"alias/${RUN}-0-1\\",\\"TargetKeyId\\":\\"${ARN_0}\\"}"');
    expect(text).toContain('kms decrypt --cli-input-json "{\\"EncryptionContext\\":{\\"k\\":\\"v\\"}}" --ciphertext-blob "$(blob "$(tamper "${CT_0}")")"');
    expect(text).toContain('#   a: InvalidCiphertextException   b: AccessDeniedException   <- first difference');
    expect(text).toContain('schedule-key-deletion');
  });
});

describe('replayTest', () => {
  it('is a syntactically valid vitest case expecting a’s outcome at every step', () => {
    const text = replayTest(diff, divergence);
    const out = ts.transpileModule(text, { reportDiagnostics: true, compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } });
    expect(out.diagnostics ?? []).toEqual([]);
    expect(text).toContain("expect(r.outcome, 'step 0').toBe(\"UnsupportedOperationException\");");
    expect(text).toContain('v.CT_0 = text(at(r.body, "CiphertextBlob"));');
    expect(text).toContain('JSON.parse(`{"CiphertextBlob":"${tamper(v.CT_0)}","EncryptionContext":{"k":"v"}}`)');
    expect(text).toContain('expect(r.outcome).toBe("InvalidCiphertextException");');
  });
});
