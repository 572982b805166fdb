import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { requestBody } from './operations.js';
import { readRequestMixFile, operationLabel, parseRequestMix, requestMixStages, RequestMixError } from './request-mix.js';

const example = fileURLToPath(new URL('../../suites/workloads/web-tier.mix.yaml', import.meta.url));

describe('request mixes', () => {
  it('reads the example YAML request mix', () => {
    const w = readRequestMixFile(example);
    expect(w.name).toBe('web-tier');
    expect(w.mix.map(operationLabel)).toEqual(['Decrypt 32 B', 'GenerateDataKey AES_256', 'DescribeKey']);
    expect(requestMixStages(w, { rate: 1, durationMs: 1 })).toEqual([
      { durationMs: 2000, rate: 100, toRate: 400, label: 'ramp-up' },
      { durationMs: 4000, rate: 400, label: 'peak' },
      { durationMs: 2000, rate: 400, toRate: 100, label: 'ramp-down' },
    ]);
    expect(w.envelope?.cache).toEqual({ maxAgeMs: 60_000, maxMessages: 500, maxBytes: 1_048_576, capacity: 100 });
  });

  it('reads JSON, fills defaults, and takes durations as text or seconds', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kmsbench-workload-'));
    const file = join(dir, 'w.json');
    writeFileSync(file, JSON.stringify({ name: 'j', rate: 50, duration: 1.5, mix: [{ operation: 'Encrypt' }] }));
    const w = readRequestMixFile(file);
    expect(w.arrivals).toBe('poisson');
    expect(w.mix[0]!.weight).toBe(1);
    expect(requestMixStages(w, { rate: 1, durationMs: 1 })).toEqual([{ durationMs: 1500, rate: 50 }]);
    expect(parseRequestMix({ name: 'x', duration: '500ms', mix: [{ operation: 'DescribeKey' }] }).duration).toBe(500);
  });

  it('rejects what it cannot run, saying where', () => {
    expect(() => parseRequestMix({ name: 'x', mix: [{ operation: 'Sign' }] })).toThrow(/mix\.0\.operation/);
    expect(() => parseRequestMix({ name: 'x', mix: [] })).toThrow(RequestMixError);
    expect(() => parseRequestMix({ name: 'x', duration: 'soon', mix: [{ operation: 'Encrypt' }] })).toThrow(/not a duration/);
    expect(() => parseRequestMix({ name: 'x', mix: [{ operation: 'Encrypt', plaintextBytes: 5000 }] })).toThrow(/plaintextBytes/);
    expect(() => parseRequestMix({ name: 'x', mix: [{ operation: 'Encrypt' }, { operation: 'Encrypt', plaintextBytes: 1024 }] })).toThrow(/both 'Encrypt 1 KiB'/);
    expect(() => parseRequestMix({ name: 'x', mix: [{ operation: 'Encrypt', color: 'red' }] })).toThrow(RequestMixError);
    // A capacity-planning workload (suites/workloads/*.yaml) is the other kind of file.
    expect(() => parseRequestMix({ name: 'x', region: 'us-east-1', keys: [{ name: 'k' }], services: [] })).toThrow(/capacity-planning workload: run it with `kmsbench plan`/);
  });

  it('builds each operation request from the fixture', () => {
    const fixture = { keyId: 'k1', destinationKeyId: 'k2', ciphertexts: { 'Decrypt 1 KiB': 'Q1Q=', 'ReEncrypt 1 KiB': 'UkU=' } };
    expect(requestBody({ operation: 'Encrypt', plaintextBytes: 4 }, fixture)).toEqual({ KeyId: 'k1', Plaintext: Buffer.alloc(4, 0x6b).toString('base64') });
    expect(requestBody({ operation: 'Decrypt' }, fixture)).toEqual({ CiphertextBlob: 'Q1Q=', KeyId: 'k1' });
    expect(requestBody({ operation: 'ReEncrypt', encryptionContext: { a: 'b' } }, fixture)).toEqual({
      CiphertextBlob: 'UkU=',
      DestinationKeyId: 'k2',
      SourceEncryptionContext: { a: 'b' },
      DestinationEncryptionContext: { a: 'b' },
    });
    expect(requestBody({ operation: 'GenerateDataKey' }, fixture)).toEqual({ KeyId: 'k1', KeySpec: 'AES_256' });
    expect(requestBody({ operation: 'GenerateDataKeyWithoutPlaintext', numberOfBytes: 16 }, fixture)).toEqual({ KeyId: 'k1', NumberOfBytes: 16 });
    expect(requestBody({ operation: 'GenerateRandom' }, fixture)).toEqual({ NumberOfBytes: 32 });
    expect(requestBody({ operation: 'DescribeKey' }, fixture)).toEqual({ KeyId: 'k1' });
  });
});
