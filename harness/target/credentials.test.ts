import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { envCredentials, useDefaultChain } from './credentials.js';

const none = join(mkdtempSync(join(tmpdir(), 'kmsbench-creds-')), 'absent');

describe('credentials', () => {
  it('envCredentials: the AWS variables, else test/test', () => {
    expect(envCredentials({})).toEqual({ accessKeyId: 'test', secretAccessKey: 'test' });
    expect(envCredentials({ AWS_ACCESS_KEY_ID: 'AK', AWS_SECRET_ACCESS_KEY: 'SK', AWS_SESSION_TOKEN: 'T' })).toEqual({ accessKeyId: 'AK', secretAccessKey: 'SK', sessionToken: 'T' });
  });

  it('useDefaultChain: for AWS, or when the chain has something to find', () => {
    const bare = { AWS_SHARED_CREDENTIALS_FILE: none, AWS_CONFIG_FILE: none };
    expect(useDefaultChain(false, bare)).toBe(false);
    expect(useDefaultChain(true, bare)).toBe(true);
    expect(useDefaultChain(false, { ...bare, AWS_ACCESS_KEY_ID: 'AK', AWS_SECRET_ACCESS_KEY: 'SK' })).toBe(true);
    expect(useDefaultChain(false, { ...bare, AWS_PROFILE: 'dev' })).toBe(true);
    const file = join(mkdtempSync(join(tmpdir(), 'kmsbench-creds-')), 'credentials');
    writeFileSync(file, '[default]\n');
    expect(useDefaultChain(false, { ...bare, AWS_SHARED_CREDENTIALS_FILE: file })).toBe(true);
  });
});
