import { describe, expect, it } from 'vitest';
import { UsageError } from '../args.js';
import { defaultLabel, dirOf, LOAD_DEFAULTS, REFERENCE_LABEL, runTargets } from './targets.js';

const none = { endpoints: [], labels: [], expects: [], profiles: [], reference: true };

describe('the main job’s targets', () => {
  it('the reference server alone by default, at the embedded load defaults', () => {
    expect(runTargets({ ...none, referenceExpectations: 'suites/expectations/reference.json' })).toEqual([
      { label: REFERENCE_LABEL, dir: 'reference', spec: { kind: 'embedded', faults: [] }, reference: true, expectationsFile: 'suites/expectations/reference.json', load: LOAD_DEFAULTS.embedded },
    ]);
  });

  it('each --endpoint after it, with --label, --expect and --profile in order; endpoints at the low default rate', () => {
    const t = runTargets({
      ...none,
      endpoints: ['http://127.0.0.1:5075', 'aws', 'https://kms.example.com/'],
      labels: ['moto', 'AWS (eu-west-1)'],
      expects: ['suites/expectations/moto.json', 'none'],
      profiles: ['-', 'prod'],
      concurrency: 1,
    });
    expect(t.map((x) => [x.label, x.dir, x.spec, x.expectationsFile, x.profile, x.load, x.concurrency])).toEqual([
      [REFERENCE_LABEL, 'reference', { kind: 'embedded', faults: [] }, undefined, undefined, { rate: 200, durationMs: 2000 }, undefined],
      ['moto', 'moto', { kind: 'url', endpoint: 'http://127.0.0.1:5075' }, 'suites/expectations/moto.json', undefined, { rate: 20, durationMs: 10_000 }, 1],
      ['AWS (eu-west-1)', 'aws-eu-west-1', { kind: 'aws' }, undefined, 'prod', { rate: 20, durationMs: 10_000 }, 1],
      ['kms.example.com', 'kms.example.com', { kind: 'url', endpoint: 'https://kms.example.com' }, undefined, undefined, { rate: 20, durationMs: 10_000 }, 1],
    ]);
  });

  it('--rate and --duration, when given, hold for every target (the rate a user allows is never passed)', () => {
    const t = runTargets({ ...none, endpoints: ['aws'], rate: 5, durationMs: 3000 });
    expect(t.map((x) => x.load)).toEqual([
      { rate: 5, durationMs: 3000 },
      { rate: 5, durationMs: 3000 },
    ]);
  });

  it('refuses what it cannot line up', () => {
    expect(() => runTargets({ ...none, labels: ['x'] })).toThrow(/1 --label for 0 --endpoint/);
    expect(() => runTargets({ ...none, endpoints: ['aws'], expects: ['a', 'b'] })).toThrow(UsageError);
    expect(() => runTargets({ ...none, reference: false })).toThrow(/--no-reference needs at least one --endpoint/);
    expect(() => runTargets({ ...none, endpoints: ['embedded'] })).toThrow(/--endpoint must be a URL or 'aws'/);
    expect(() => runTargets({ ...none, endpoints: ['aws', 'http://h:1'], labels: ['a b', 'A-B'] })).toThrow(/share the folder 'a-b'/);
    expect(() => runTargets({ ...none, endpoints: ['http://h:1'], labels: ['Reference'] })).toThrow(/share the folder 'reference'/);
  });

  it('names: host:port or aws by default; folders from labels', () => {
    expect(defaultLabel({ kind: 'url', endpoint: 'http://localhost:4566' })).toBe('localhost:4566');
    expect(defaultLabel({ kind: 'aws' })).toBe('aws');
    expect(dirOf('LocalStack 3.8 (KMS)')).toBe('localstack-3.8-kms');
    expect(dirOf('///')).toBe('target');
  });
});
