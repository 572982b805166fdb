import { describe, expect, it } from 'vitest';
import { awsEndpoint, configuredEndpoint, isAwsHost, parseEndpointUrl, parseTarget, TargetSpecError } from './spec.js';

describe('parseTarget', () => {
  it('reads embedded (the default), aws and URLs', () => {
    expect(parseTarget(undefined)).toEqual({ kind: 'embedded', faults: [] });
    expect(parseTarget('embedded', { faults: ['no-sigv4'] })).toEqual({ kind: 'embedded', faults: ['no-sigv4'] });
    expect(parseTarget('aws')).toEqual({ kind: 'aws' });
    expect(parseTarget('http://127.0.0.1:4566/')).toEqual({ kind: 'url', endpoint: 'http://127.0.0.1:4566' });
    expect(parseTarget('HTTPS://KMS.Example.com')).toEqual({ kind: 'url', endpoint: 'https://kms.example.com' });
  });

  it('names the forms the command accepts when the text is none of them', () => {
    expect(() => parseTarget('nowhere')).toThrow(new TargetSpecError(`--endpoint must be a URL, 'embedded' or 'aws', got 'nowhere'`));
    expect(() => parseTarget('aws', { accept: ['embedded', 'url'] })).toThrow(`--endpoint must be 'embedded' or an http(s) URL, got 'aws'`);
    expect(() => parseTarget('embedded', { accept: ['url'] })).toThrow(`--endpoint must be a URL, got 'embedded'`);
    expect(() => parseTarget('ftp://x')).toThrow(`--endpoint must be http(s), got 'ftp://x'`);
    expect(() => parseEndpointUrl('x')).toThrow(TargetSpecError);
  });

  it('knows AWS hosts and the Regions’ public endpoints', () => {
    expect(isAwsHost('https://kms.eu-west-1.amazonaws.com')).toBe(true);
    expect(isAwsHost('https://kms.cn-north-1.amazonaws.com.cn')).toBe(true);
    expect(isAwsHost('http://localhost:4566')).toBe(false);
    expect(awsEndpoint('us-east-1')).toBe('https://kms.us-east-1.amazonaws.com');
    expect(awsEndpoint('cn-north-1')).toBe('https://kms.cn-north-1.amazonaws.com.cn');
  });

  it('defaults to the endpoint the environment configures, as the AWS SDKs do', () => {
    const env = { AWS_ENDPOINT_URL: 'http://127.0.0.1:4566/', AWS_ENDPOINT_URL_KMS: 'http://127.0.0.1:4599' };
    expect(configuredEndpoint(env)).toBe('http://127.0.0.1:4599');
    expect(configuredEndpoint({ AWS_ENDPOINT_URL: 'http://127.0.0.1:4566' })).toBe('http://127.0.0.1:4566');
    expect(configuredEndpoint({ ...env, AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: 'true' })).toBeUndefined();
    expect(configuredEndpoint({})).toBeUndefined();
    expect(parseTarget(undefined, { env })).toEqual({ kind: 'url', endpoint: 'http://127.0.0.1:4599' });
    expect(parseTarget(undefined, { env: { AWS_ENDPOINT_URL: 'http://127.0.0.1:4566/' } })).toEqual({ kind: 'url', endpoint: 'http://127.0.0.1:4566' });
    // --endpoint wins; faults keep the embedded server; commands that take no URL ignore it.
    expect(parseTarget('embedded', { env })).toEqual({ kind: 'embedded', faults: [] });
    expect(parseTarget(undefined, { env, faults: ['no-sigv4'] })).toEqual({ kind: 'embedded', faults: ['no-sigv4'] });
    expect(parseTarget(undefined, { env, accept: ['embedded'] })).toEqual({ kind: 'embedded', faults: [] });
    expect(() => parseTarget(undefined, { env: { AWS_ENDPOINT_URL_KMS: 'nowhere' } })).toThrow(TargetSpecError);
  });
});
