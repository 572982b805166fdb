/**
 * End to end: unmodified clients (JS SDK v3, AWS CLI, boto3) configured with nothing but an
 * endpoint URL and credentials talk to a node:http server that runs verifySigV4 on every request.
 */
import { execFile } from 'node:child_process';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { promisify } from 'node:util';
import { EncryptCommand, KMSClient, ListKeysCommand } from '@aws-sdk/client-kms';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isKmsError } from '../errors.js';
import { credentialStoreFromConfig } from './credentials-file.js';
import { verifySigV4, type VerifiedSigV4 } from './sigv4.js';

const run = promisify(execFile);

const store = credentialStoreFromConfig({
  accounts: [
    {
      accountId: '444455556666',
      principals: [
        {
          arn: 'arn:aws:iam::444455556666:user/alice',
          accessKeys: [{ accessKeyId: 'AKIAALICE0000000001', secretAccessKey: 'alice/secret+key' }],
        },
        {
          arn: 'arn:aws:sts::444455556666:assumed-role/Admin/ci',
          accessKeys: [{ accessKeyId: 'ASIAADMIN000000001', secretAccessKey: 'admin-secret', sessionToken: 'IQoJb3JpZ2luX2VjEJr//////////token==' }],
        },
      ],
    },
  ],
});

let server: Server;
let endpoint: string;
const seen: VerifiedSigV4[] = [];

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

beforeAll(async () => {
  server = createServer(async (req, res) => {
    const body = await readBody(req);
    res.setHeader('x-amzn-RequestId', '00000000-0000-4000-8000-000000000000');
    res.setHeader('content-type', 'application/x-amz-json-1.1');
    try {
      const v = verifySigV4({ method: req.method!, rawUrl: req.url!, headers: req.headers, body }, store, Date.now());
      seen.push(v);
      const target = req.headers['x-amz-target'];
      const out =
        target === 'TrentService.Encrypt'
          ? { CiphertextBlob: Buffer.from('ciphertext').toString('base64'), KeyId: 'arn:aws:kms:us-east-1:111122223333:key/x', EncryptionAlgorithm: 'SYMMETRIC_DEFAULT' }
          : { Keys: [], Truncated: false };
      res.end(JSON.stringify(out));
    } catch (e) {
      if (!isKmsError(e)) throw e;
      res.statusCode = e.status;
      res.end(JSON.stringify(e.toJSON()));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

function sdk(credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string }, region = 'us-east-1') {
  return new KMSClient({ endpoint, region, credentials, maxAttempts: 1 });
}

describe('@aws-sdk/client-kms', () => {
  it('ListKeys and Encrypt with test/test', async () => {
    const client = sdk({ accessKeyId: 'test', secretAccessKey: 'test' });
    await expect(client.send(new ListKeysCommand({}))).resolves.toMatchObject({ Keys: [] });
    const enc = await client.send(new EncryptCommand({ KeyId: 'alias/x', Plaintext: Buffer.from('hello'), EncryptionContext: { a: 'b c' } }));
    expect(Buffer.from(enc.CiphertextBlob!).toString()).toBe('ciphertext');
    expect(seen.at(-1)).toMatchObject({
      principal: { accountId: '111122223333', arn: 'arn:aws:iam::111122223333:root', accessKeyId: 'test' },
      region: 'us-east-1',
      service: 'kms',
    });
  });

  it('a file-configured user, in another region', async () => {
    await sdk({ accessKeyId: 'AKIAALICE0000000001', secretAccessKey: 'alice/secret+key' }, 'eu-central-1').send(new ListKeysCommand({}));
    expect(seen.at(-1)!.principal.arn).toBe('arn:aws:iam::444455556666:user/alice');
    expect(seen.at(-1)!.region).toBe('eu-central-1');
  });

  it('temporary credentials with a session token', async () => {
    await sdk({ accessKeyId: 'ASIAADMIN000000001', secretAccessKey: 'admin-secret', sessionToken: 'IQoJb3JpZ2luX2VjEJr//////////token==' }).send(
      new ListKeysCommand({}),
    );
    expect(seen.at(-1)!.principal.arn).toBe('arn:aws:sts::444455556666:assumed-role/Admin/ci');
  });

  it('the SDK surfaces AWS error codes and messages', async () => {
    const wrongSecret = sdk({ accessKeyId: 'test', secretAccessKey: 'nope' }).send(new ListKeysCommand({}));
    await expect(wrongSecret).rejects.toMatchObject({
      name: 'InvalidSignatureException',
      $metadata: { httpStatusCode: 400 },
      message: expect.stringMatching(/^The request signature we calculated does not match the signature you provided\./),
    });
    await expect(sdk({ accessKeyId: 'AKIANOBODY', secretAccessKey: 'x' }).send(new ListKeysCommand({}))).rejects.toMatchObject({
      name: 'UnrecognizedClientException',
      message: 'The security token included in the request is invalid.',
    });
    await expect(
      sdk({ accessKeyId: 'ASIAADMIN000000001', secretAccessKey: 'admin-secret', sessionToken: 'wrong' }).send(new ListKeysCommand({})),
    ).rejects.toMatchObject({ name: 'UnrecognizedClientException' });
  });

  it('a request without credentials gets MissingAuthenticationTokenException', async () => {
    const res = await fetch(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'TrentService.ListKeys' },
      body: '{}',
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ __type: 'MissingAuthenticationTokenException', message: 'Request is missing Authentication Token' });
  });
});

async function available(cmd: string, args: string[]): Promise<boolean> {
  try {
    await run(cmd, args, { timeout: 30_000 });
    return true;
  } catch {
    return false;
  }
}

const cleanEnv = (extra: Record<string, string>) => ({
  PATH: process.env.PATH ?? '',
  HOME: process.env.HOME ?? '/tmp',
  ...(process.env.PYENV_ROOT ? { PYENV_ROOT: process.env.PYENV_ROOT } : {}),
  AWS_CONFIG_FILE: '/dev/null',
  AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
  AWS_EC2_METADATA_DISABLED: 'true',
  AWS_MAX_ATTEMPTS: '1',
  ...extra,
});

const hasCli = await available('aws', ['--version']);
const hasBoto3 = await available('python3', ['-c', 'import boto3']);

describe.skipIf(!hasCli)('AWS CLI', () => {
  it('kms list-keys with an endpoint URL and env credentials', async () => {
    const { stdout } = await run('aws', ['kms', 'list-keys', '--endpoint-url', endpoint, '--region', 'us-west-2', '--output', 'json'], {
      env: cleanEnv({ AWS_ACCESS_KEY_ID: 'test', AWS_SECRET_ACCESS_KEY: 'test' }),
      timeout: 60_000,
    });
    expect(JSON.parse(stdout)).toMatchObject({ Keys: [] }); // the CLI's paginator drops Truncated
    expect(seen.at(-1)!.region).toBe('us-west-2');
  });

  it('kms encrypt, and a wrong secret is reported as InvalidSignatureException', async () => {
    await run(
      'aws',
      ['kms', 'encrypt', '--key-id', 'alias/x', '--plaintext', 'aGVsbG8=', '--endpoint-url', endpoint, '--region', 'us-east-1'],
      { env: cleanEnv({ AWS_ACCESS_KEY_ID: 'AKIAALICE0000000001', AWS_SECRET_ACCESS_KEY: 'alice/secret+key' }), timeout: 60_000 },
    );
    expect(seen.at(-1)!.principal.arn).toBe('arn:aws:iam::444455556666:user/alice');
    const failed = run('aws', ['kms', 'list-keys', '--endpoint-url', endpoint, '--region', 'us-east-1'], {
      env: cleanEnv({ AWS_ACCESS_KEY_ID: 'test', AWS_SECRET_ACCESS_KEY: 'wrong' }),
      timeout: 60_000,
    });
    await expect(failed).rejects.toMatchObject({ stderr: expect.stringContaining('(InvalidSignatureException)') });
  });
});

describe.skipIf(!hasBoto3)('boto3', () => {
  const script = `
import json, os, sys
import boto3
from botocore.config import Config
c = boto3.client('kms', endpoint_url=sys.argv[1], region_name='ap-northeast-1',
                 aws_access_key_id=sys.argv[2], aws_secret_access_key=sys.argv[3],
                 aws_session_token=(sys.argv[4] or None), config=Config(retries={'max_attempts': 1}))
try:
    r = c.encrypt(KeyId='alias/x', Plaintext=b'hello', EncryptionContext={'k': 'v'})
    print(json.dumps({'ok': True, 'blob': r['CiphertextBlob'].decode()}))
except c.exceptions.ClientError as e:
    print(json.dumps({'ok': False, 'code': e.response['Error']['Code'], 'message': e.response['Error']['Message']}))
`;
  const boto = async (ak: string, sk: string, token = '') =>
    JSON.parse((await run('python3', ['-c', script, endpoint, ak, sk, token], { env: cleanEnv({}), timeout: 60_000 })).stdout) as {
      ok: boolean;
      code?: string;
      message?: string;
      blob?: string;
    };

  it('encrypt with test/test', async () => {
    expect(await boto('test', 'test')).toEqual({ ok: true, blob: 'ciphertext' });
    expect(seen.at(-1)!.region).toBe('ap-northeast-1');
  });

  it('session token and error codes', async () => {
    expect((await boto('ASIAADMIN000000001', 'admin-secret', 'IQoJb3JpZ2luX2VjEJr//////////token==')).ok).toBe(true);
    expect(await boto('test', 'bad')).toMatchObject({ ok: false, code: 'InvalidSignatureException' });
    expect(await boto('nobody', 'bad')).toEqual({
      ok: false,
      code: 'UnrecognizedClientException',
      message: 'The security token included in the request is invalid.',
    });
  });
});
