import { describe, expect, it } from 'vitest';
import { UsageError } from './args.js';
import { envName, readServeOptions, SERVE_OPTIONS } from './serve-options.js';
import { serveUsage } from './serve.js';

describe('kmsbench serve options from flags and the environment', () => {
  it('names each flag’s variable KMSBENCH_<FLAG>', () => {
    expect(envName('data-dir')).toBe('KMSBENCH_DATA_DIR');
    expect(envName('no-quotas')).toBe('KMSBENCH_NO_QUOTAS');
  });

  it('reads every option from its variable when the flag is absent', () => {
    const env = {
      KMSBENCH_PORT: '5000',
      KMSBENCH_DATA_DIR: '/data',
      KMSBENCH_REGION: 'eu-west-1',
      KMSBENCH_ACCOUNT: '444455556666',
      KMSBENCH_AUTH: 'permissive',
      KMSBENCH_SEED: '/init/seed.yaml',
      KMSBENCH_EPHEMERAL: 'true',
      KMSBENCH_FSYNC: '0',
      KMSBENCH_QUOTA: 'symmetric=1000, DescribeKey=50',
      KMSBENCH_NO_AUDIT: 'yes',
    };
    const { values, sources } = readServeOptions([], env);
    expect(values).toMatchObject({
      port: '5000',
      'data-dir': '/data',
      region: 'eu-west-1',
      account: '444455556666',
      auth: 'permissive',
      seed: '/init/seed.yaml',
      ephemeral: true,
      fsync: false,
      quota: ['symmetric=1000', 'DescribeKey=50'],
      'no-audit': true,
    });
    expect(sources.port).toBe('env');
  });

  it('splits KMSBENCH_INJECT on semicolons, since its items contain commas', () => {
    const { values } = readServeOptions([], { KMSBENCH_INJECT: 'latency=Encrypt:p50=5,p99=20; error=KMSInternalException:0.1,op=Decrypt', KMSBENCH_LATENCY_PROFILE: 'same-region' });
    expect(values.inject).toEqual(['latency=Encrypt:p50=5,p99=20', 'error=KMSInternalException:0.1,op=Decrypt']);
    expect(values['latency-profile']).toBe('same-region');
  });

  it('lets a flag win over its variable, and a KMSBENCH_ variable over a local-kms one', () => {
    const env = { KMSBENCH_PORT: '5000', PORT: '8080', KMS_REGION: 'eu-west-2', KMS_ACCOUNT_ID: '000000000001', KMS_SEED_PATH: '/init/seed.yaml', KMS_DATA_PATH: '/data' };
    const { values, sources } = readServeOptions(['--port', '6000', '--region', 'us-west-2'], env);
    expect([values.port, sources.port]).toEqual(['6000', 'flag']);
    expect([values.region, sources.region]).toEqual(['us-west-2', 'flag']);
    expect([values.account, sources.account]).toEqual(['000000000001', 'alias']);
    expect([values.seed, values['data-dir']]).toEqual(['/init/seed.yaml', '/data']);
    expect(readServeOptions([], env).values.port).toBe('5000');
    expect(readServeOptions([], { PORT: '8080' }).values.port).toBe('8080');
  });

  it('refuses a boolean variable that is neither true nor false', () => {
    expect(() => readServeOptions([], { KMSBENCH_EPHEMERAL: 'maybe' })).toThrow(UsageError);
  });

  it('lists every flag with its variable (and the local-kms aliases) in --help', () => {
    for (const o of SERVE_OPTIONS) {
      expect(serveUsage).toContain(`--${o.flag}`);
      expect(serveUsage).toContain(envName(o.flag));
    }
    for (const alias of ['PORT (local-kms)', 'KMS_ACCOUNT_ID (local-kms)', 'KMS_REGION (local-kms)', 'KMS_SEED_PATH (local-kms)', 'KMS_DATA_PATH (local-kms)']) {
      expect(serveUsage).toContain(alias);
    }
  });
});
