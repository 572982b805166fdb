import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_ACCOUNT_ID } from '../../common/default-identity.js';
import { TargetError } from './errors.js';
import { openTarget, withTarget } from './open.js';

describe('openTarget', () => {
  it('embedded: a reference server with test/test, its account known, quotas under control', { timeout: 30_000 }, async () => {
    const target = await openTarget({ kind: 'embedded' }, { region: 'eu-west-1' });
    try {
      expect(target).toMatchObject({ kind: 'embedded', isAws: false, region: 'eu-west-1', account: DEFAULT_ACCOUNT_ID, credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
      expect(target.sdkEndpoint).toBe(target.endpoint);
      expect(target.embedded).toMatchObject({ faults: [], quotas: { enabled: false } });
      const probe = await target.probe({ operations: ['Encrypt'], runId: 'test' });
      expect(probe.account).toBe(DEFAULT_ACCOUNT_ID);
      expect([...probe.capabilities].sort()).toEqual(['clock-control', 'identities', 'key-store-fixtures', 'op:CreateKey', 'op:Encrypt']);
      // Quotas off: the server reports no quota; after a restart on the same port, the quota set.
      expect((await target.quotaMetrics())?.symmetricRate).toBeUndefined();
      const url = target.endpoint;
      await target.embedded!.restart({ enabled: true, overrides: ['symmetric=1234'] });
      expect(target.embedded!.quotas).toEqual({ enabled: true, overrides: ['symmetric=1234'] });
      expect(target.endpoint).toBe(url);
      await target.probe({ operations: ['Encrypt'], runId: 'test' }); // traffic: the server reports buckets in use
      expect((await target.quotaMetrics())?.symmetricRate).toBe(1234);
    } finally {
      await target.close();
    }
  });

  it('a URL: the credentials given, nothing started; an unreachable one fails the probe as a TargetError', async () => {
    const run = withTarget({ kind: 'url', endpoint: 'http://127.0.0.1:9' }, { region: 'us-east-1', credentials: { accessKeyId: 'a', secretAccessKey: 'b' } }, async (t) => {
      expect(t).toMatchObject({ kind: 'url', isAws: false, endpoint: 'http://127.0.0.1:9', sdkEndpoint: 'http://127.0.0.1:9', sdkCredentials: { accessKeyId: 'a' }, account: undefined, embedded: undefined });
      expect(await t.quotaMetrics()).toBeUndefined();
      return t.probe({ operations: [], runId: 'test' });
    });
    await expect(run).rejects.toBeInstanceOf(TargetError);
    await expect(run).rejects.toThrow(/^cannot reach the endpoint http:\/\/127\.0\.0\.1:9: ECONNREFUSED/);
  });

  it('--profile: the credentials of that profile of the shared credentials file, for raw calls and the SDK alike', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kmsbench-profile-'));
    const file = join(dir, 'credentials');
    writeFileSync(file, '[default]\naws_access_key_id = AKDEFAULT\naws_secret_access_key = d\n[bench]\naws_access_key_id = AKBENCH\naws_secret_access_key = b\n');
    const saved = { ...process.env };
    for (const k of Object.keys(process.env)) if (k.startsWith('AWS_')) delete process.env[k];
    process.env.AWS_SHARED_CREDENTIALS_FILE = file;
    process.env.AWS_CONFIG_FILE = join(dir, 'none');
    try {
      const t = await openTarget({ kind: 'url', endpoint: 'http://127.0.0.1:9' }, { region: 'us-east-1', profile: 'bench' });
      expect(t.credentials).toEqual({ accessKeyId: 'AKBENCH', secretAccessKey: 'b' });
      expect(t.sdkCredentials).toEqual(t.credentials);
      await expect(openTarget({ kind: 'url', endpoint: 'http://127.0.0.1:9' }, { region: 'us-east-1', profile: 'nope' })).rejects.toThrow(/no AWS credentials for profile nope/);
    } finally {
      process.env = saved;
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('aws: the Region’s public endpoint for raw calls, the SDK’s own for the client', async () => {
    const t = await openTarget({ kind: 'aws' }, { region: 'eu-central-1', credentials: { accessKeyId: 'a', secretAccessKey: 'b' } });
    expect(t).toMatchObject({ kind: 'aws', isAws: true, endpoint: 'https://kms.eu-central-1.amazonaws.com', sdkEndpoint: undefined });
    await t.close();
  });
});
