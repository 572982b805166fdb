import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { requestBody } from './operations.js';
import { loadWorkloadFile, operationLabel, parseWorkload, workloadStages, WorkloadError } from './workload.js';

const example = fileURLToPath(new URL('../../suites/load/workloads/web-tier.yaml', import.meta.url));

describe('workloads', () => {
  it('reads the example YAML workload', () => {
    const w = loadWorkloadFile(example);
    expect(w.name).toBe('web-tier');
    expect(w.mix.map(operationLabel)).toEqual(['Decrypt 32 B', 'GenerateDataKey AES_256', 'DescribeKey']);
    expect(workloadStages(w, { rate: 1, durationMs: 1 })).toEqual([
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
    const w = loadWorkloadFile(file);
    expect(w.arrivals).toBe('poisson');
    expect(w.mix[0]!.weight).toBe(1);
    expect(workloadStages(w, { rate: 1, durationMs: 1 })).toEqual([{ durationMs: 1500, rate: 50 }]);
    expect(parseWorkload({ name: 'x', duration: '500ms', mix: [{ operation: 'DescribeKey' }] }).duration).toBe(500);
  });

  it('rejects what it cannot run, saying where', () => {
    expect(() => parseWorkload({ name: 'x', mix: [{ operation: 'Sign' }] })).toThrow(/mix\.0\.operation/);
    expect(() => parseWorkload({ name: 'x', mix: [] })).toThrow(WorkloadError);
    expect(() => parseWorkload({ name: 'x', duration: 'soon', mix: [{ operation: 'Encrypt' }] })).toThrow(/not a duration/);
    expect(() => parseWorkload({ name: 'x', mix: [{ operation: 'Encrypt', plaintextBytes: 5000 }] })).toThrow(/plaintextBytes/);
    expect(() => parseWorkload({ name: 'x', mix: [{ operation: 'Encrypt' }, { operation: 'Encrypt', plaintextBytes: 1024 }] })).toThrow(/both 'Encrypt 1 KiB'/);
    expect(() => parseWorkload({ name: 'x', mix: [{ operation: 'Encrypt', color: 'red' }] })).toThrow(WorkloadError);
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
